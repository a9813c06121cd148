/**
 * Smalltalk, BQN, APL, J and q shell-outs and deletes (src/normalize/system-langs-more.ts),
 * through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('what Smalltalk, BQN, APL, J and q code runs and deletes', () => {
  it.each<[string, string]>([
    [`printf "Smalltalk system: 'rm -rf /srv/app/shared'.\\n" | gst`, 'deny'],
    [`echo "Smalltalk system: 'git push --force origin main'" | gst`, 'ask'],
    [`pharo Pharo.image eval "LibC runCommand: 'rm -rf /srv/app'"`, 'deny'],
    [`pharo Pharo.image eval "OSProcess command: 'aws s3 rb s3://acme-prod --force'"`, 'ask'],
    [`pharo Pharo.image eval "'/var/www/html' asFileReference deleteAll"`, 'deny'],
    [`pharo Pharo.image eval "LibC uniqueInstance system: 'rm -rf /srv/app'"`, 'deny'],
    [`pharo Pharo.image eval "(OSSUnixSubprocess new) shellCommand: 'rm -rf /srv/app'; run"`, 'deny'],
    [`pharo Pharo.image eval "(File named: '/etc/passwd') delete"`, 'deny'],
    [`printf "(File name: '/etc/nginx/nginx.conf') remove.\\n" | gst`, 'deny'],
    // a quote doubled inside a Smalltalk string
    [`echo "Smalltalk system: 'rm -rf ''/srv/data'''" | gst`, 'deny'],
    [`cbqn -e '•SH ⟨"git", "push", "--force", "origin", "main"⟩'`, 'ask'],
    [`cbqn -e '•SH "rm"‿"-rf"‿"/srv/data"'`, 'deny'],
    [`bqn -e '•SH ⟨"sh", "-c", "rm -rf /var/www"⟩'`, 'deny'],
    [`cbqn -e '•file.Remove "/etc/hosts"'`, 'deny'],
    [`dyalog -script <<< "⎕SH 'rm -rf /srv/data'"`, 'deny'],
    [`apl --eval "⎕SH 'git push --force origin main'"`, 'ask'],
    [`apl --eval ")HOST rm -rf /srv/data"`, 'deny'],
    [`jconsole -js "2!:0 'rm -rf /srv/data'" "exit 0"`, 'deny'],
    [`jconsole -js "1!:55 <'/etc/hosts'" "exit 0"`, 'deny'],
    [`echo 'system "rm -rf /srv/kdb/hdb"' | q`, 'deny'],
    [`printf '\\\\rm -rf /srv/kdb/hdb\\n' | q`, 'deny'],
    // fail closed: a command or path built at run time
    [`cbqn -e 'c ← ⟨"rm","-rf",•path⟩ ⋄ •SH c'`, 'ask'],
    [`pharo Pharo.image eval "x asFileReference deleteAll"`, 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    `echo "Transcript showCr: 'rm -rf is dangerous'" | gst`,
    `pharo Pharo.image eval "3 + 4"`,
    `pharo Pharo.image eval "(File named: '/tmp/x.txt') exists"`,
    'gst --version',
    `cbqn -e '•Show 1+2'`,
    `cbqn -e '•Out "git push --force is risky"'`,
    `cbqn -e '•SH ⟨"ls", "-la"⟩'`,
    `apl --eval "+/⍳10"`,
    `jconsole -js "echo +/i.10" "exit 0"`,
    `echo '\\t sum til 1000000' | q`,
    `echo 'system "ls -la"' | q`,
    `q -H -d , "select count(*) from data.csv"`,
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
