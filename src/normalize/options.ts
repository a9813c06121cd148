/** A small getopt: enough to skip a carrier's own options and find where its command starts. */
import type { Field } from './state.js';

export interface OptSpec {
  /** Short option letters that take a value (`u` for `-u USER`). */
  short?: string;
  /** Long option names that take a value (`user` for `--user USER` / `--user=USER`). */
  long?: string[];
  /** When true, `-N` style numeric options (nice -10) are options too. */
  numeric?: boolean;
}

export interface Parsed {
  /** Option → value ('' for flags). Short options are keyed by letter, long ones by name. */
  opts: Map<string, string>;
  /** Index (into args) of the first operand. */
  index: number;
  /** True when an option value was dynamic. */
  dynamic: boolean;
  /** Every option in order, with its value ('' for flags): repeated ones (`-E A=1 -E B=2`) are all here. */
  all: [string, Field][];
}

/** Parses options at the front of `args` (not including the program). Stops at `--` or the first operand. */
export function getopt(args: Field[], spec: OptSpec): Parsed {
  const opts = new Map<string, string>();
  const all: [string, Field][] = [];
  const set = (name: string, value: string, dyn = false) => {
    opts.set(name, value);
    all.push([name, { text: value, dynamic: dyn }]);
  };
  const withShort = spec.short ?? '';
  const withLong = new Set(spec.long ?? []);
  let dynamic = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a.dynamic && a.text.startsWith('-')) {
      dynamic = true;
      continue;
    }
    const t = a.text;
    if (t === '--') {
      i++;
      break;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq >= 0 ? t.slice(2, eq) : t.slice(2);
      if (eq >= 0) set(name, t.slice(eq + 1));
      else if (withLong.has(name)) {
        set(name, args[i + 1]?.text ?? '', !!args[i + 1]?.dynamic);
        dynamic ||= !!args[i + 1]?.dynamic;
        i++;
      } else set(name, '');
      continue;
    }
    if (spec.numeric && /^-\d+$/.test(t)) {
      set('#', t.slice(1));
      continue;
    }
    if (!t.startsWith('-') || t === '-') break;
    for (let j = 1; j < t.length; j++) {
      const c = t[j];
      if (withShort.includes(c)) {
        if (j + 1 < t.length) set(c, t.slice(j + 1));
        else {
          set(c, args[i + 1]?.text ?? '', !!args[i + 1]?.dynamic);
          dynamic ||= !!args[i + 1]?.dynamic;
          i++;
        }
        break;
      }
      set(c, '');
    }
  }
  return { opts, index: i, dynamic, all };
}

/** The value of `NAME VALUE` / `NAME=VALUE` in argv (after the program); undefined = not given. */
export function optValue(argv: Field[], name: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === name) return argv[i + 1]?.text;
    if (t.startsWith(`${name}=`)) return t.slice(name.length + 1);
  }
  return undefined;
}

/** The value (with whether it is dynamic) of the last of `names` in a getopt result; undefined = none given. */
export function lastOpt(p: Parsed, ...names: string[]): Field | undefined {
  for (let i = p.all.length - 1; i >= 0; i--) if (names.includes(p.all[i][0])) return p.all[i][1];
  return undefined;
}
