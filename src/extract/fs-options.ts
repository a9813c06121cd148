/**
 * A small getopt for the command-line tools the extractors read (rm, mv, chmod, git push …).
 * GNU style: short flags may be combined (`-rf`), long options may carry `=value`, options
 * may follow operands, and `--` ends options.
 */
import { resolveLong } from '../normalize/longopts.js';

export interface OptionSpec {
  /** Short option letters that take a value (`t` for `mv -t DIR`). Empty = none. */
  shortWithValue?: string;
  /** Long option names (without `--`) that take a value when written without `=`. Empty = none. */
  longWithValue?: string[];
  /** Stop option parsing at the first operand (git global options, `find`). Default false. */
  stopAtOperand?: boolean;
  /**
   * Every long option the tool knows (flags; those in longWithValue are added). When given,
   * an unambiguous prefix (`--har`) is read as the option (`hard`). Undefined = exact names only.
   */
  long?: string[];
}

export interface ParsedOptions {
  /** Every short letter and long name seen (`r`, `f`, `recursive`), without dashes. */
  flags: Set<string>;
  /** Values of options that take one, by letter/name; repeated options keep every value. */
  values: Map<string, string[]>;
  /** argv indices of operands, in order. Empty = no operands. */
  operands: number[];
  /** True when `--` was seen. */
  dashdash: boolean;
}

/**
 * Parses argv[start…]. A lone `-` is an operand (stdin). Words that look like options but
 * are really operands (`chmod -x file`) are the caller's concern.
 */
export function parseOptions(argv: string[], start: number, spec: OptionSpec = {}): ParsedOptions {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: number[] = [];
  const shortV = spec.shortWithValue ?? '';
  const longV = new Set(spec.longWithValue ?? []);
  const table = spec.long ? [...spec.long, ...longV] : undefined;
  const put = (k: string, v: string) => values.set(k, [...(values.get(k) ?? []), v]);
  let dashdash = false;
  let i = start;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      dashdash = true;
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const written = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const names = table ? resolveLong(written, table) : [written];
      for (const n of names) flags.add(n);
      const valued = names.find((n) => longV.has(n));
      if (eq >= 0) for (const n of names) put(n, a.slice(eq + 1));
      else if (valued !== undefined && i + 1 < argv.length) put(valued, argv[++i]);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        flags.add(c);
        if (shortV.includes(c)) {
          const rest = a.slice(j + 1);
          if (rest !== '') put(c, rest);
          else if (i + 1 < argv.length) put(c, argv[++i]);
          break;
        }
      }
      continue;
    }
    operands.push(i);
    if (spec.stopAtOperand) {
      i++;
      break;
    }
  }
  for (; i < argv.length; i++) operands.push(i);
  return { flags, values, operands, dashdash };
}

/** True when any of the given letters/names was seen. */
export function hasAny(p: ParsedOptions, ...names: string[]): boolean {
  return names.some((n) => p.flags.has(n));
}

/** Last value given for any of the names, or undefined. */
export function lastValue(p: ParsedOptions, ...names: string[]): string | undefined {
  let out: string | undefined;
  for (const n of names) {
    const v = p.values.get(n);
    if (v && v.length) out = v[v.length - 1];
  }
  return out;
}
