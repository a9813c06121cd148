/**
 * Shared checks of the normalizer tests: the fields of a NormalizedCommand the tables
 * name, and "every expected command appears, with no issues".
 */
import { expect } from 'vitest';
import { DEFAULT_LIMITS, type AnalyzeContext, type NormalizedCommand } from '../../src/engine/types.js';
import { normalize } from '../../src/normalize/index.js';
import { parseScript } from '../../src/parse/parse.js';

/** The fields a table row may expect of one command (a partial match: unnamed fields are not checked). */
export type Expect = Partial<
  Pick<NormalizedCommand, 'program' | 'argv' | 'wrappers' | 'cwd' | 'dynamic' | 'remote' | 'writes'>
>;

const pick = (c: NormalizedCommand) => ({
  program: c.program,
  argv: c.argv,
  wrappers: c.wrappers,
  cwd: c.cwd,
  dynamic: c.dynamic,
  remote: c.remote,
  writes: c.writes,
});

/** Every expected command appears among `r.commands` (partial match), and there are no issues. */
export function expectCommands(
  r: { commands: NormalizedCommand[]; issues: readonly unknown[] },
  expected: Expect[],
): void {
  expect(r.issues).toEqual([]);
  const got = r.commands.map(pick);
  for (const e of expected) expect(got).toContainEqual(expect.objectContaining(e));
}

/**
 * The context the normalizer tables run in: a workspace at /w, home /h, no environment,
 * and `files` (absolute path → text) as the only readable files.
 */
export function filesContext(files: Record<string, string>): AnalyzeContext {
  return {
    cwd: '/w',
    workspace: '/w',
    home: '/h',
    env: {},
    readFile: (p) => files[p],
    limits: DEFAULT_LIMITS,
  };
}

/** parse + normalize one script in `ctx`. */
export function normalizeIn(ctx: AnalyzeContext, script: string): ReturnType<typeof normalize> {
  return normalize(parseScript(script, ctx.limits), ctx);
}
