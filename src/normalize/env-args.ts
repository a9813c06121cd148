/**
 * Programs that take more arguments from a variable of the environment than their command
 * line shows: gsocket's `gs-netcat` (and `gs-sftp`, `gs-mount`, which start it) put the words
 * of `$GSOCKET_ARGS` before their own (`GSOCKET_ARGS="-l -i" gs-netcat` serves a shell). Read
 * as those words written after the program's name; a value not known statically is one
 * dynamic word there (fail closed: its options are not known). Reads the variables of the
 * scope (set, exported or given before the command); the user's own environment is not read.
 */
import type { Field } from './state.js';
import type { K } from './emit.js';

/** program → the variable whose words it puts before its arguments. */
const ARGS_VARS: Record<string, string> = {
  'gs-netcat': 'GSOCKET_ARGS',
  'gs-sftp': 'GSOCKET_ARGS',
  'gs-mount': 'GSOCKET_ARGS',
};

/** `argv` with the words its program takes from the environment put after its name. */
export function withEnvArgs(prog: string, argv: Field[], k: K): Field[] {
  const name = Object.hasOwn(ARGS_VARS, prog) ? ARGS_VARS[prog] : undefined;
  if (!name) return argv;
  const words: Field[] = k.scope.dyn.has(name)
    ? [{ text: `$${name}`, dynamic: true }]
    : (k.scope.vars.get(name) ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((text) => ({ text, dynamic: false }));
  return words.length ? [argv[0], ...words, ...argv.slice(1)] : argv;
}
