/**
 * A small, strict argument parser shared by the subcommands: known flags, options that
 * take one value, and repeatable list options. Everything after `--` is `rest`.
 * An unknown option is a usage error (exit 2) that names it.
 */
import { statSync } from 'node:fs';
import { usageError } from '../errors.js';

export interface ArgSpec {
  /** Boolean switches (`--json`). */
  flags?: string[];
  /** Options taking one value (`--cwd DIR` or `--cwd=DIR`). */
  options?: string[];
  /** Repeatable options (`--ruleset A --ruleset B`). */
  lists?: string[];
  /** Stop option parsing at the first positional argument (for `run -- AGENT ARGS`). */
  stopAtPositional?: boolean;
}

export interface ParsedArgs {
  flags: Record<string, boolean>;
  options: Record<string, string | undefined>;
  lists: Record<string, string[]>;
  /** Positional arguments and everything after `--`. Empty = none. */
  rest: string[];
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const res: ParsedArgs = { flags: {}, options: {}, lists: {}, rest: [] };
  for (const l of spec.lists ?? []) res.lists[l] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      res.rest.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (spec.stopAtPositional) {
        res.rest.push(...argv.slice(i));
        break;
      }
      res.rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw usageError(`--${name} needs a value`, `write --${name} VALUE`);
      return argv[++i];
    };
    if (spec.flags?.includes(name) || (name === 'h' && spec.flags?.includes('help'))) {
      if (inline !== undefined) throw usageError(`--${name} takes no value`, `write just --${name}`);
      res.flags[name === 'h' ? 'help' : name] = true;
    } else if (spec.options?.includes(name)) {
      res.options[name] = value();
    } else if (spec.lists?.includes(name)) {
      res.lists[name].push(value());
    } else {
      const known = [...(spec.flags ?? []), ...(spec.options ?? []), ...(spec.lists ?? [])].map(
        (n) => `--${n}`,
      );
      throw usageError(
        `unknown option ${arg}`,
        `use one of: ${known.join(' ')} (and put the command after --)`,
      );
    }
  }
  return res;
}

/** Each given folder option must name an existing folder: a usage error (exit 2) otherwise. Empty/undefined = not given. */
export function requireDirs(dirs: Record<string, string | undefined>): void {
  for (const [flag, dir] of Object.entries(dirs)) {
    if (!dir) continue;
    let ok: boolean;
    try {
      ok = statSync(dir).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw usageError(`${flag} ${dir}: no such folder`, `pass an existing folder to ${flag}`);
  }
}
