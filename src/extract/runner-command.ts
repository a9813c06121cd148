/**
 * A command as the tool a package runner launches (`npx rimraf ~` → `rimraf ~`,
 * `pnpm dlx shx rm -rf dist` → `shx rm -rf dist`), for extractors that read the tool by name.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { peelRunner } from './sql-frameworks.js';
import { programName } from '../normalize/gnu-prefixed.js';

/** `cmd` with its package runner peeled; `cmd` itself when there is none. */
export function runnerCommand(cmd: NormalizedCommand): NormalizedCommand {
  const argv = peelRunner(cmd.argv);
  if (!argv.length) return cmd;
  // the program as its word names it (a word the shell filled in, `${T:-rm}`, names `rm`;
  // `rimraf.exe` names rimraf, as a command's own program)
  const program = programName(argv[0]);
  if (argv === cmd.argv && program === cmd.program) return cmd;
  const shift = cmd.argv.length - argv.length;
  return {
    ...cmd,
    program,
    argv,
    dynamicArgs: cmd.dynamicArgs.map((i) => i - shift).filter((i) => i >= 0),
  };
}
