/**
 * Rewrites of destructive commands that bash runs unchanged but the engine once read as
 * harmless (found by executing allowed mutations, see test/tools/oracle.ts). Each row:
 * the rewrite must not be allowed, and the engine must show the argv bash really runs.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';

const engine = await loadEngine({ exampleCacheDir: '' });
const ctx = makeContext({ cwd: '/w', home: '/h', env: {} });

describe('rewrites bash runs as the destructive command', () => {
  it.each<[string, string, string]>([
    ['backquotes at depth 2', 'echo `\\`cp /dev/null ~/.bashrc\\``', 'cp /dev/null /h/.bashrc'],
    ['backquotes at depth 2 inside a command', 'echo `echo \\`rm -rf ~\\``', 'rm -rf /h'],
    ['backquotes at depth 3', 'echo `echo \\`echo \\\\\\`rm -rf ~\\\\\\`\\``', 'rm -rf /h'],
    ['empty $@ inside a word', 'git pu$@sh --force', 'git push --force'],
    ['empty $* inside a word', 'git pu$*sh --force', 'git push --force'],
    ['empty ${@} inside a quoted word', 'git "pu${@}sh" --force', 'git push --force'],
    ['empty "${@}" quoted inside a word', 'git p"${@}"ush --force', 'git push --force'],
    [
      '$@ glued to a name by the parser (`o$@f=`)',
      'dd if=/dev/zero o$@f=/dev/sda',
      'dd if\\=/dev/zero of\\=/dev/sda',
    ],
    ['empty $* inside a path', 'ln -sf /tmp/e /us$*r/bin/ls', 'ln -sf /tmp/e /usr/bin/ls'],
    ['shred --remove FILE', 'shred --remove ~/.bashrc', 'shred --remove /h/.bashrc'],
    ['shred --remove=HOW FILE', 'shred --remove=wipesync ~/.bashrc', 'shred --remove\\=wipesync /h/.bashrc'],
    [
      'xargs ln onto a system path (empty input)',
      'xargs ln -sf /tmp/e /usr/bin/ls',
      'ln -sf /tmp/e /usr/bin/ls',
    ],
  ])('%s: %s', (_name, cmd, runs) => {
    const d = engine.analyze(cmd, ctx);
    expect(d.commands.map((c) => c.text)).toContain(runs);
    expect(d.decision).not.toBe('allow');
  });
});

describe('the same constructs in harmless commands stay allowed', () => {
  it.each<[string, string]>([
    ['backquotes at depth 2', 'echo `echo \\`echo hi\\``'],
    ['xargs with a harmless command', 'ls | xargs echo'],
    ['xargs -r ln into the workspace', 'xargs -r ln -sf /w/a'],
  ])('%s: %s', (_name, cmd) => {
    expect(engine.analyze(cmd, ctx).decision).toBe('allow');
  });
});
