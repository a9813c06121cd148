/**
 * `find ROOT TESTS -exec SHELL {} ;` (src/normalize/find-files.ts): with simple tests
 * (-name, -iname, -type, -maxdepth, -mindepth) under the workspace, each script found is read
 * and judged. Fail closed: other tests, .git, an unlistable folder or too many folders stay
 * unknown (ask); a command that is not a shell running the file keeps acting on the root;
 * `-L` and links out of the workspace (a real temp workspace) stay unknown.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { dirLister } from '../../src/engine/dir-lister.js';
import { payloadReader } from '../../src/engine/payload-reader.js';
import { DEFAULT_LIMITS, type AnalyzeContext } from '../../src/engine/types.js';

const engine = await loadEngine({ mask: (s) => s });

/** A workspace at /w holding `files` (relative path → text; null = unreadable), folders listed with a trailing `/`. */
function context(files: Record<string, string | null>, unlistable: string[] = []): AnalyzeContext {
  const abs = Object.fromEntries(Object.entries(files).map(([p, t]) => [`/w/${p}`, t]));
  return {
    cwd: '/w',
    workspace: '/w',
    home: '/h',
    env: { HOME: '/h' },
    readFile: (p) => abs[p] ?? undefined,
    listDir: (dir) => {
      if (unlistable.includes(dir)) return undefined;
      const names = Object.keys(abs)
        .filter((p) => p.startsWith(`${dir}/`))
        .map((p) => p.slice(dir.length + 1))
        .map((rest) => (rest.includes('/') ? `${rest.slice(0, rest.indexOf('/'))}/` : rest));
      return [...new Set(names)].sort();
    },
    limits: DEFAULT_LIMITS,
  };
}

const TESTS = {
  'tests/a.sh': 'npm test\n',
  'tests/unit/b.sh': 'pytest -q\n',
  'tests/README.md': 'rm -rf ~\n',
};
const verdict = (script: string, ctx: AnalyzeContext) => engine.analyze(script, ctx).decision;

describe('find -exec running the scripts it finds', () => {
  it.each<[string, Record<string, string | null>]>([
    ["find tests -name '*.sh' -exec sh {} \\;", TESTS],
    ["find tests -type f -name '*.sh' -exec bash {} +", TESTS],
    ["find ./tests -maxdepth 1 -iname '*.SH' -exec bash -e {} \\;", TESTS],
    ["find tests -name '*.sh' -exec cat {} \\;", TESTS],
    // the scripts exist because this script wrote them
    [`mkdir -p t && printf 'make lint\\n' > t/x.sh && find t -name '*.sh' -exec sh {} \\;`, {}],
  ])('%s stays allowed', (script, files) => expect(verdict(script, context(files))).toBe('allow'));

  it.each<[string, AnalyzeContext]>([
    // a script found deeper that deletes the home folder
    ["find tests -name '*.sh' -exec sh {} \\;", context({ ...TESTS, 'tests/unit/z.sh': 'rm -rf ~\n' })],
    // fail closed: an unreadable script, an unlistable folder, a test not read here
    ["find tests -name '*.sh' -exec sh {} \\;", context({ ...TESTS, 'tests/c.sh': null })],
    ["find tests -name '*.sh' -exec sh {} \\;", context(TESTS, ['/w/tests/unit'])],
    ["find tests -newer stamp -name '*.sh' -exec sh {} \\;", context(TESTS)],
    ["find tests -name '*.sh' -o -name '*.md' -exec sh {} \\;", context(TESTS)],
    // no name test: the README runs too
    ['find tests -type f -exec sh {} \\;', context(TESTS)],
    // the walk reaches .git, or starts outside the workspace
    ["find . -name '*.sh' -exec sh {} \\;", context({ ...TESTS, '.git/hooks/x.sh': 'echo\n' })],
    ["find /h -name '*.sh' -exec sh {} \\;", context(TESTS)],
    // not a shell running the file: the root is what it acts on
    ["find ~ -name '*.bak' -exec rm -rf {} \\;", context(TESTS)],
  ])('%s still asks', (script, ctx) => expect(verdict(script, ctx)).not.toBe('allow'));
});

describe('find -exec over a tree holding symlinks (real filesystem)', () => {
  const top = mkdtempSync(path.join(tmpdir(), 'agentfw-findlinks-'));
  const ws = path.join(top, 'ws');
  const home = path.join(top, 'home');
  for (const d of ['tests/unit', 'lib/scripts', 'build', home])
    mkdirSync(path.resolve(ws, d), { recursive: true });
  writeFileSync(path.join(ws, 'tests', 'a.sh'), 'npm test\n');
  writeFileSync(path.join(ws, 'lib', 'scripts', 'b.sh'), 'pytest -q\n');
  writeFileSync(path.join(home, 'z.sh'), 'rm -rf ~\n');
  // a link to the project's own scripts, and (in build/) one to the home folder
  symlinkSync('../../lib/scripts', path.join(ws, 'tests', 'unit', 'more'));
  symlinkSync(home, path.join(ws, 'build', 'cache'));
  const ctx = makeContext({
    cwd: ws,
    workspace: ws,
    home,
    env: { HOME: home },
    readFile: payloadReader(1 << 20),
    listDir: dirLister(undefined, { workspace: ws }),
  });
  it.each<[string, string]>([
    ["find tests -name '*.sh' -exec sh {} \\;", 'allow'],
    ["find -P tests -name '*.sh' -exec sh {} \\;", 'allow'],
    ["find -L -P tests -name '*.sh' -exec sh {} \\;", 'allow'],
    // fail closed: -L walks into linked folders, which the listing walk does not
    ["find -L tests -name '*.sh' -exec sh {} \\;", 'ask'],
    ["find -P -L tests -name '*.sh' -exec sh {} \\;", 'ask'],
    // `-follow` among the tests does the same, wherever it is written
    ["find tests -follow -name '*.sh' -exec sh {} \\;", 'ask'],
    ["find build -follow -name '*' -delete", 'ask'],
    ["find build -name '*.o' -delete", 'allow'],
    // fail closed: a walk that meets a link out of the workspace
    ["find build -name '*.sh' -exec sh {} \\;", 'ask'],
    ["find build/cache/ -name '*.sh' -exec sh {} \\;", 'ask'],
  ])('%s → %s', (script, want) => expect(engine.analyze(script, ctx).decision).toBe(want));
});
