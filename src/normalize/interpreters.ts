/**
 * Inline interpreter code (python -c, node -e, ruby -e, perl -e, php -r, deno eval, bun -e,
 * and code on stdin). Placeholder until the scanners land: the command is emitted as is.
 */
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';

export type Lang = 'python' | 'node' | 'ruby' | 'perl' | 'php';

export function interpreterFor(_prog: string): Lang | undefined {
  return undefined;
}

export function runInterpreter(_lang: Lang, argv: Field[], k: K): Res {
  return emit(argv, k);
}
