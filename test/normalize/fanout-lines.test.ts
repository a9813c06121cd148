/**
 * parallel and rush (src/normalize/fanout-lines.ts): one shell line per item, the item at
 * its placeholders; items not known statically are a value known only at run time.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({ '/w/list.txt': 'a.log\nb.log\n' });

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('what parallel and rush run', () => {
  it.each<[string, string]>([
    ["parallel 'rm -rf {}' < targets.txt", 'parallel|dynamic:rm -rf $FANOUT_ITEM'],
    ['cat targets.txt | parallel rm -rf', 'parallel|dynamic:rm -rf $FANOUT_ITEM'],
    ["rush 'rm -rf {}' < targets.txt", 'rush|dynamic:rm -rf $FANOUT_ITEM'],
    ["rush -j 4 'rm -rf {/}' -i targets.txt", 'rush|dynamic:rm -rf $FANOUT_ITEM'],
    ["echo /srv | rush 'rm -rf {}'", 'rush|rm -rf /srv'],
    ["rush 'gzip {}' -i list.txt", 'rush|gzip b.log'],
    ['parallel gzip ::: a.log b.log', 'parallel|gzip b.log'],
    ["parallel 'mv {} {.}.bak' ::: a.log", 'parallel|mv a.log a.bak'],
    ['parallel bash -c {} ::: "rm -rf x"', 'parallel>bash -c|rm -rf x'],
    ['parallel -a list.txt gzip', 'parallel|gzip a.log'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // dry runs print the commands only; a shell expansion `${x}` is no placeholder
    ["rush --dry-run 'rm -rf {}' < targets.txt", ['|rush --dry-run rm -rf {}']],
    ["echo a | rush 'echo ${HOME}/{}'", ['|echo a', 'rush|echo /h/a']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});

describe('pee: one stdin into several shell lines', () => {
  it.each<[string, string[]]>([
    [`echo | pee 'rm -rf /var/www' cat`, ['rm -rf /var/www', 'cat']],
    [`pee --ignore-sigpipe 'sort | uniq' 'wc -l' < f`, ['sort', 'uniq', 'wc -l']],
    // fail closed: a line not known statically
    [`pee "$CMD"`, ['dynamic:$CMD']],
  ])('%s', (script, want) => {
    const got = normalizeIn(filesContext({}), script).commands.map((c) =>
      c.dynamic && !c.program ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' '),
    );
    for (const w of want) expect(got).toContain(w);
  });
});
