/**
 * The code a command runs, for the readers of SDK and library calls (privilege-sdk.ts,
 * privilege-vault.ts, privilege-uac.ts, exfil-code-files.ts): inline (`python3 -c`, `node -e`),
 * on stdin (a heredoc), or a file the script wrote and runs (`python3 job.py`). Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { peelRunner } from './sql-frameworks.js';
import { codeOf } from './sql-orm.js';

/** Interpreters whose arguments or stdin are code. */
const INTERPRETER = /^(python[\d.]*|pythonw|node|nodejs|deno|bun|tsx|ts-node|ruby|php[\d.]*|perl|elixir)$/;

/** Longest code read (chars); longer code is left to the readers that ask for it whole. */
const MAX_CODE = 256 * 1024;

/** The code `cmd` runs (inline, on stdin, or written by the script); undefined = not code, or too long. */
export function interpreterCode(cmd: NormalizedCommand): string | undefined {
  const argv = peelRunner(cmd.argv);
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  if (!INTERPRETER.test(program) && cmd.source === undefined) return undefined;
  const code = codeOf({ ...cmd, argv });
  return code.length > MAX_CODE ? undefined : code;
}
