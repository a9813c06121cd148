/**
 * Shared checks of the normalizer tests: the fields of a NormalizedCommand the tables
 * name, and "every expected command appears, with no issues".
 */
import { expect } from 'vitest';
import type { NormalizedCommand } from '../../src/engine/types.js';

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
