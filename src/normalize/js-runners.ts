/**
 * The script a JavaScript runtime runs through a subcommand: `deno run [opts] FILE`,
 * `bun [opts] run [opts] FILE`, `tsx watch FILE`, `deno run --watch FILE`. For bun a file-like
 * operand (a path, or a name with a JavaScript or TypeScript extension) is a script; a bare name
 * is one of the project's package.json scripts (tool-configs.ts reads those). The result is what
 * findCode (interpreter-args.ts) returns; undefined = not such a command line (findCode reads
 * it as the interpreter's own options and operands).
 */
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';

/** Options of deno and bun that take the next word as their value (the `--opt=v` spelling carries its own). */
const VALUE =
  /^(-c|--config|--import-map|--lock|--cert|--location|--seed|--ext|--cwd|--env-file|-r|--preload|-F|--filter|--tsconfig-override|--conditions|-d|--define|-l|--loader|--main-fields|--elide-lines|--shell)$/;

/** A name bun runs as a file rather than as a package.json script. */
const FILE_LIKE = /\/|\.(?:[cm]?[jt]sx?)$/;

/** The subcommand each runtime runs a script with. */
const SUBCOMMAND: Record<string, RegExp> = {
  deno: /^run$/,
  bun: /^run$/,
  tsx: /^watch$/,
};

/** Index of the first operand at or after `from` (options and their values skipped); -1 = none. */
function operand(argv: Field[], from: number): number {
  for (let i = from; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (VALUE.test(t)) i++;
    else if (!t.startsWith('-')) return i;
  }
  return -1;
}

/** See the header. */
export function jsRunnerArgs(prog: string, argv: Field[]): CodeArgs | undefined {
  const sub = SUBCOMMAND[prog];
  if (!sub) return undefined;
  const at = operand(argv, 1);
  if (at < 0 || !sub.test(argv[at].text)) return undefined;
  const f = operand(argv, at + 1);
  const file = f < 0 ? undefined : argv[f];
  // `bun run build`: a package.json script, not code read here
  if (!file || (prog === 'bun' && !FILE_LIKE.test(file.text) && !file.dynamic))
    return { label: `${prog} ${argv[at].text}` };
  return { file, label: `${prog} ${argv[at].text} ${file.text}` };
}
