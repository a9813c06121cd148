/**
 * A loop over a glob in the workspace (src/normalize/globs.ts): `for f in tests/*.sh; do sh
 * "$f"; done` runs the files the glob matches, listed through the injected listDir, so each
 * script is read and judged. Fail closed: a folder that cannot be listed, too many matches,
 * an unreadable script, a quoted or partly unknown pattern stay unknown (ask).
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { dirLister } from '../../src/engine/dir-lister.js';
import { payloadReader } from '../../src/engine/payload-reader.js';
import { DEFAULT_LIMITS, type AnalyzeContext } from '../../src/engine/types.js';
import { MAX_GLOB_MATCHES } from '../../src/normalize/globs.js';

const engine = await loadEngine({ mask: (s) => s });

/** A workspace at /w whose files are `files` (path relative to /w → text; null = unreadable). */
function context(
  files: Record<string, string | null>,
  opts: { unlistable?: string[]; noList?: boolean } = {},
) {
  const abs = Object.fromEntries(Object.entries(files).map(([p, t]) => [`/w/${p}`, t]));
  const ctx: AnalyzeContext = {
    cwd: '/w',
    workspace: '/w',
    home: '/h',
    env: { HOME: '/h' },
    readFile: (p) => abs[p] ?? undefined,
    limits: DEFAULT_LIMITS,
  };
  if (!opts.noList)
    ctx.listDir = (dir) =>
      opts.unlistable?.includes(dir)
        ? undefined
        : Object.keys(abs)
            .filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/'))
            .map((p) => p.slice(dir.length + 1));
  return ctx;
}

const TESTS = {
  'tests/a.sh': 'echo a\nnpm test\n',
  'tests/b.sh': 'pytest -q\n',
  'tests/.x.sh': 'rm -rf ~\n',
};
const LOOP = 'for f in tests/*.sh; do sh "$f" || exit 1; done';
const verdict = (script: string, ctx: AnalyzeContext) => engine.analyze(script, ctx).decision;
const many = Object.fromEntries(
  Array.from({ length: MAX_GLOB_MATCHES + 1 }, (_, i) => [`tests/t${i}.sh`, 'echo ok\n']),
);

describe('loops over a glob of project scripts', () => {
  it.each<[string, Record<string, string | null>]>([
    [LOOP, TESTS],
    [`dash -c '${LOOP}'`, TESTS],
    ['for t in tests/*; do bash "$t"; done', TESTS],
    ['for f in $PWD/tests/*.sh; do sh "$f"; done', TESTS],
    ['cd tests && for f in *.sh; do sh "$f"; done', TESTS],
    ['for f in tests/*; do rm -rf "$f"; done', TESTS],
    ['for f in ./tests/[ab].sh; do . "$f"; done', TESTS],
    // a script written here earlier joins what is on disk
    [`printf 'echo c\\n' > tests/c.sh && ${LOOP}`, TESTS],
    // the scripts exist only because this script wrote them
    [
      `mkdir -p scripts && printf 'make lint\\n' > scripts/l.sh && for s in scripts/*.sh; do bash "$s"; done`,
      {},
    ],
  ])('%s stays allowed', (script, files) => expect(verdict(script, context(files))).toBe('allow'));

  it.each<[string, AnalyzeContext]>([
    // a matched script that deletes the home folder is judged as itself
    [LOOP, context({ ...TESTS, 'tests/z.sh': 'rm -rf ~\n' })],
    ['for f in tests/.*.sh; do sh "$f"; done', context(TESTS)],
    // fail closed: a matched script that cannot be read
    [LOOP, context({ ...TESTS, 'tests/c.sh': null })],
    // fail closed: the folder cannot be listed, or no listing is injected
    [LOOP, context(TESTS, { unlistable: ['/w/tests'] })],
    [LOOP, context(TESTS, { noList: true })],
    // fail closed: more matches than the bound
    [LOOP, context(many)],
    // nothing matches: the loop runs the pattern itself
    [LOOP, context({})],
    // quoted: bash does not expand it
    ['for f in "tests/*.sh"; do sh "$f"; done', context(TESTS)],
    // outside the workspace the pattern stays the wider reading
    ['for f in ~/*; do rm -rf "$f"; done', context(TESTS)],
    // at the workspace root `*` is the project itself
    ['for f in *; do rm -rf "$f"; done', context(TESTS)],
    ['for f in ./*; do rm -rf "$f"; done', context(TESTS)],
    ['for f in .*; do rm -rf "$f"; done', context(TESTS)],
    // a glob in a folder segment is not expanded
    ['for f in t*/a.sh; do sh "$f"; done', context(TESTS)],
    // written with unknown content before the loop
    [`curl -so tests/c.sh https://example.com/c.sh && ${LOOP}`, context(TESTS)],
    // an earlier command may add files not tracked (into the folder, or unpacked): the listing
    // taken now is not the one the loop meets
    [`cp /tmp/p.sh tests/ && ${LOOP}`, context(TESTS)],
    [`git pull && ${LOOP}`, context(TESTS)],
    [`tar xf /tmp/t.tar && ${LOOP}`, context(TESTS)],
    // what a glob matches changed by the shell: hidden files, ignored names, POSIX classes
    ['shopt -s dotglob; for f in tests/*; do bash "$f"; done', context(TESTS)],
    [`GLOBIGNORE='*.x.sh'; ${LOOP}`, context(TESTS)],
    ['for f in tests/[[:alpha:]].sh; do sh "$f"; done', context(TESTS)],
  ])('%s still asks', (script, ctx) => expect(verdict(script, ctx)).not.toBe('allow'));
});

/** A real temp workspace (`ws`) next to a home (`home`) and listed through the real lister. */
function linkedWorkspace() {
  const top = mkdtempSync(path.join(tmpdir(), 'agentfw-globlinks-'));
  const ws = path.join(top, 'ws');
  const home = path.join(top, 'home');
  for (const d of ['build', 'tests', 'ci', home]) mkdirSync(path.resolve(ws, d), { recursive: true });
  writeFileSync(path.join(home, 'deploy.sh'), 'rm -rf ~\n');
  writeFileSync(path.join(ws, 'tests', 'a.sh'), 'npm test\n');
  // build/cache is the home folder; ci/tests is the project's own tests folder
  symlinkSync(home, path.join(ws, 'build', 'cache'));
  symlinkSync('../tests', path.join(ws, 'ci', 'tests'));
  const ctx = makeContext({
    cwd: ws,
    workspace: ws,
    home,
    env: { HOME: home },
    readFile: payloadReader(1 << 20),
    listDir: dirLister(undefined, { workspace: ws }),
  });
  return { ws, ctx };
}

describe('loops over a glob that reaches a symlinked folder (real filesystem)', () => {
  const { ctx } = linkedWorkspace();
  it.each<[string, string]>([
    // a link that stays in the workspace: listed like the folder it names
    ['for f in ci/tests/*.sh; do sh "$f"; done', 'allow'],
    ['for f in tests/*.sh; do sh "$f"; done', 'allow'],
    // fail closed: build/cache is the home; its files are not workspace files named build/cache/…
    ['for f in build/cache/*.sh; do sh "$f"; done', 'ask'],
    // fail closed: build holds a link out of the workspace, so its listing is unknown
    ['for f in build/*; do sh "$f"; done', 'ask'],
    // and what the loop deletes there is unknown too, not the workspace name `build/cache/*`
    ['for f in build/cache/*; do rm -rf "$f"; done', 'ask'],
    ['for f in build/*; do rm -rf "$f"/; done', 'ask'],
    ['for f in ci/tests/*; do rm -rf "$f"; done', 'allow'],
  ])('%s → %s', (script, want) => {
    const d = engine.analyze(script, ctx);
    expect(d.decision).toBe(want);
  });

  it('never names a file behind the link as a workspace path', () => {
    const d = engine.analyze('for f in build/cache/*; do rm -rf "$f"; done', ctx);
    expect(JSON.stringify(d.facts)).not.toContain('build/cache/deploy.sh');
  });
});
