/**
 * Engine escapes an execution oracle found (issue: reliability, item 2): each command runs
 * its destructive argv in bash, so the verdict must not be allow; the benign twins must stay
 * allowed. Real parsing, the built-in packs.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';

const engine = await loadEngine({ exampleCacheDir: '' });
const ctx = makeContext({ cwd: '/w', home: '/h', env: {} });
const verdict = (cmd: string) => engine.analyze(cmd, ctx).decision;

describe('nested backquotes run their inner command', () => {
  it.each([
    'echo `\\`cp /dev/null ~/.bashrc\\``',
    'echo `echo \\`rm -rf ~\\``',
    'x=`true \\`rm -rf /etc\\``',
    'echo `echo \\`echo \\\\\\`rm -rf ~\\\\\\`\\``',
    'echo `\\`curl -X DELETE https://api.example.com/v1/db/1\\``',
  ])('%s is not allowed', (cmd) => {
    expect(verdict(cmd)).not.toBe('allow');
  });
  it.each(['echo `date`', 'echo `echo \\`date\\``', 'echo `echo \\$HOME`', 'x=`echo \\`pwd\\``; echo $x'])(
    '%s stays allowed',
    (cmd) => {
      expect(verdict(cmd)).toBe('allow');
    },
  );
});

describe('an unknown $@ or $* glued to a word is read as empty and never allowed unseen', () => {
  it.each([
    'git pu$@sh --force',
    'git pu"$@"sh --force origin main',
    'git push --for$*ce',
    'r$@m -rf ~',
    'git re$@set --ha$@rd HEAD~3',
  ])('%s is not allowed', (cmd) => {
    expect(verdict(cmd)).not.toBe('allow');
  });
  it.each(['echo "$@"', 'ls $@'])('%s stays allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});

describe('xargs with unknown input may run its command once with no items', () => {
  it.each([
    'cat list | xargs ln -sf /tmp/evil /usr/bin/ls',
    'xargs ln -sf /tmp/evil /usr/bin/ls < list.txt',
    'find . -name x | xargs cp /dev/null /etc/hosts',
  ])('%s is not allowed', (cmd) => {
    expect(verdict(cmd)).not.toBe('allow');
  });
  it.each([
    'cat list | xargs -r ln -sf /tmp/evil /usr/bin/ls',
    'git ls-files | xargs wc -l',
    'ls | xargs echo',
  ])('%s stays allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
