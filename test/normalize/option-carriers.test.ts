/**
 * Commands carried in a program's options (src/normalize/option-carriers.ts): tar's
 * checkpoint actions and filter programs, rsync's remote shell, zip's test command and
 * ssh's ProxyCommand run on this machine, so their value is analysed as a script. A usual
 * program with options is a setting, and a value not known statically stays dynamic.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `program argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('commands in options', () => {
  it.each<[string, string[]]>([
    [
      "tar -cf /dev/null . --checkpoint=1 --checkpoint-action=exec='rm -rf ~'",
      ['tar -cf /dev/null . --checkpoint=1 --checkpoint-action=exec=rm -rf ~', 'rm -rf /h'],
    ],
    [
      'tar -xf a.tar --to-command=\'sh -c "rm -rf /srv"\'',
      ['tar -xf a.tar --to-command=sh -c "rm -rf /srv"', 'rm -rf /srv'],
    ],
    ["tar -I 'rm -rf /srv;gzip' -cf x.tgz .", ['tar -I rm -rf /srv;gzip -cf x.tgz .', 'rm -rf /srv', 'gzip']],
    ['rsync -e \'sh -c "rm -rf ~"\' a/ host:b/', ['rsync -e sh -c "rm -rf ~" a/ host:b/', 'rm -rf /h']],
    ["zip -T -TT 'rm -rf /srv' out.zip f", ['zip -T -TT rm -rf /srv out.zip f', 'rm -rf /srv']],
    ["ssh -o ProxyCommand='rm -rf ~' host", ['ssh -o ProxyCommand=rm -rf ~ host', 'rm -rf /h']],
    ["scp -oLocalCommand='rm -rf ~' a host:b", ['scp -oLocalCommand=rm -rf ~ a host:b', 'rm -rf /h']],
    ["terragrunt --auth-provider-cmd 'rm -rf ~' plan", ['rm -rf /h']],
    ["terragrunt plan --auth-provider-cmd='rm -rf ~'", ['rm -rf /h']],
    ["terragrunt run-all plan --terragrunt-auth-provider-cmd 'rm -rf ~'", ['rm -rf /h']],
  ])('%s', (script, want) => {
    for (const w of want) expect(commands(script)).toContain(w);
  });

  it.each<[string, string[]]>([
    // settings, not scripts: only the program itself
    ["rsync -av -e 'ssh -p 2222' ./dist/ web1:/srv/", ['rsync -av -e ssh -p 2222 ./dist/ web1:/srv/']],
    ["tar -I 'zstd -T0' -cf x.tar.zst .", ['tar -I zstd -T0 -cf x.tar.zst .']],
    [
      'tar -cf x.tar --checkpoint=100 --checkpoint-action=dot .',
      ['tar -cf x.tar --checkpoint=100 --checkpoint-action=dot .'],
    ],
    ["ssh -o ProxyCommand='ssh -W %h:%p bastion' host", ['ssh -o ProxyCommand=ssh -W %h:%p bastion host']],
    ['tar -czf out.tgz src', ['tar -czf out.tgz src']],
    ['terragrunt --working-dir live plan', ['terragrunt --working-dir live plan']],
  ])('%s carries nothing to analyse', (script, want) => {
    expect(commands(script)).toEqual(want);
  });

  it('a carried command not known statically stays a dynamic command (fail closed)', () => {
    const got = commands('tar -xf a.tar --to-command="$CMD"');
    expect(got.some((c) => c.startsWith('dynamic:'))).toBe(true);
    // control: a known value leaves no dynamic command
    expect(commands("tar -xf a.tar --to-command='cat'").some((c) => c.startsWith('dynamic:'))).toBe(false);
  });
});
