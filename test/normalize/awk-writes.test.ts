/** Files an awk program writes through print/printf redirections (src/normalize/awk-writes.ts). */
import { describe, expect, it } from 'vitest';
import { lexAwk } from '../../src/normalize/awk.js';
import { scanAwkWrites } from '../../src/normalize/awk-writes.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const writes = (src: string) => {
  const lx = lexAwk(src)!;
  return scanAwkWrites(lx.skel, lx.lits).map((w) => `${w.append ? '>>' : '>'} ${w.file ?? `<${w.text}>`}`);
};

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what an awk program writes', () => {
  it.each<[string, string[]]>([
    ['BEGIN { print "" > "/etc/hosts" }', ['> /etc/hosts']],
    ['{ print $0 >> "/etc/cron.d/x" }', ['>> /etc/cron.d/x']],
    ['{ printf("%s\\n", $1) > "/srv/" "out" }', ['> /srv/out']],
    // file names a command listed: each file it lists is written
    ['BEGIN { while (("find /srv/www -type f" | getline f) > 0) printf "" > f }', ['> <f>']],
    ['BEGIN { while ((getline f < "list.txt") > 0) print "" > f }', ['> <f>']],
    // a field's file emptied
    ['{ printf "" > $0 }', ['> <$0>']],
    // not a write: a comparison, a table split into its own files, printed to stdout
    ['BEGIN { while (("ls" | getline f) > 0) print f }', []],
    ['{ print > $1 ".csv" }', []],
    ['$3 > 100 { print $1 }', []],
    ['{ print "bad line" > "/dev/stderr" }', []],
  ])('%s', (src, want) => expect(writes(src)).toEqual(want));
});

describe('awk writes as commands', () => {
  it.each<[string, string]>([
    [`awk 'BEGIN { print "" > "/etc/hosts" }'`, 'awk|tee /etc/hosts'],
    [
      `timeout 60 gawk 'BEGIN { while (("find /srv/www -type f" | getline f) > 0) printf "" > f }'`,
      'timeout>awk|tee f',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it('a split by field stays the awk command alone', () =>
    expect(commands(`awk '{ print > $1 ".csv" }' data.txt`)).toEqual([
      '|awk { print > $1 ".csv" } data.txt',
    ]));
});
