/**
 * The shared machinery behind the cloud/platform CLI tables: splitting argv into options
 * and positionals the way each CLI does, and turning a table row into a CloudFact draft.
 */
import type { NormalizedCommand } from '../engine/types.js';

/** One positional word and where it sits in argv. */
export interface Word {
  text: string;
  /** argv index. */
  index: number;
}

export interface ParsedArgs {
  /** Positional words in order (options and their values removed). */
  pos: Word[];
  /** Option name (as written, without `=value`) → values; a flag has the value ''. */
  opts: Map<string, string[]>;
}

/** How a CLI's options are read. */
export interface OptionRules {
  /** Options that take a value (`-n ns`, `--region us`). */
  withArg: string[];
  /** Options that never take a value, for CLIs where unknown options take one. */
  flags?: string[];
  /** True: an unknown `--option` takes the next word unless it starts with `-` (aws, gcloud, az). */
  unknownTakesValue?: boolean;
  /** True: `-word` is one option, never combined short flags (terraform's `-auto-approve`). */
  singleDashLong?: boolean;
}

export function parseArgs(argv: string[], rules: OptionRules, start = 1): ParsedArgs {
  const withArg = new Set(rules.withArg);
  const flags = new Set(rules.flags ?? []);
  const pos: Word[] = [];
  const opts = new Map<string, string[]>();
  const put = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v]);
  for (let i = start; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      for (let j = i + 1; j < argv.length; j++) pos.push({ text: argv[j], index: j });
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      pos.push({ text: a, index: i });
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      put(a.slice(0, eq), a.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    const takes =
      withArg.has(a) ||
      (rules.unknownTakesValue &&
        a.startsWith('--') &&
        !flags.has(a) &&
        next !== undefined &&
        !next.startsWith('-'));
    if (takes && next !== undefined) {
      put(a, next);
      i++;
    } else if (!rules.singleDashLong && !a.startsWith('--') && a.length > 2 && !withArg.has(a)) {
      // Combined short flags (`-rf`, `-aq`): record each letter; a trailing letter that takes a value takes the next word.
      for (let j = 1; j < a.length; j++) {
        const o = `-${a[j]}`;
        if (withArg.has(o)) {
          const rest = a.slice(j + 1);
          if (rest) put(o, rest);
          else if (next !== undefined) {
            put(o, next);
            i++;
          }
          break;
        }
        put(o, '');
      }
    } else put(a, '');
  }
  return { pos, opts };
}

/**
 * The positional words of `args` (argv after the program), skipping each option and, for the
 * options `valued` matches (`/^-[cs]$/`), the word after it; empty = none.
 */
export function positionals(args: string[], valued: RegExp): string[] {
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) pos.push(args[i]);
    else if (valued.test(args[i])) i++;
  }
  return pos;
}

/** True when any of the options is present. */
export function hasOpt(p: ParsedArgs, names: string[]): boolean {
  return names.some((n) => p.opts.has(n));
}

/** First value of the first option present. */
export function optValue(p: ParsedArgs, names: string[]): string {
  for (const n of names) {
    const v = p.opts.get(n);
    if (v && v.length && v[0] !== '') return v[0];
  }
  return '';
}

/** True when the word could not be resolved statically or selects many (`$(docker ps -aq)`, `*`). */
export function isWildcard(cmd: NormalizedCommand, w: Word | undefined): boolean {
  if (!w) return false;
  return cmd.dynamicArgs.includes(w.index) || /\$\(|`|^\*$|\*$/.test(w.text);
}

/**
 * True when an option's value (as {@link optionPairs} gives it) is known only at run time:
 * a word the shell fills in is the value, or ends with it after `=` or `:`
 * (`--authorized-networks="$NETS"`, `--directory "$DIR"`). False for '' (no value).
 */
export function dynamicValue(cmd: NormalizedCommand, value: string): boolean {
  if (!value) return false;
  return cmd.dynamicArgs.some((i) => {
    const w = cmd.argv[i] ?? '';
    return w === value || w.endsWith(`=${value}`) || w.endsWith(`:${value}`);
  });
}

/** The draft a table produces for one invocation. */
export interface CloudDraft {
  tool: string;
  service: string;
  verb: string;
  resource: string;
  all: boolean;
  force: boolean;
  /** True when no table models the tool: read only by its shape (cloud-generic.ts). Absent = modelled. */
  generic?: boolean;
  /**
   * True when a batch of changes given inline says to delete (`"Action": "DELETE"` in
   * `aws route53 change-resource-record-sets --change-batch '…'`). Absent = none seen.
   */
  deletes?: boolean;
  /**
   * True when what it removes is a throwaway: made by this same script in a place no one else
   * uses (cloud-own.ts), or a deployed environment whose name says it is one run's
   * (`review-123`, scratch-names.ts). Absent = not known to be.
   */
  scratch?: boolean;
}

/**
 * The draft maker of one service: `maker(cmd, verb, resource, all, force)` is a CloudDraft of
 * that service whose tool is the command's program (`verb` what goes, `resource` the words
 * that name it, `all` every item of its kind, `force` the tool's own question skipped).
 */
export function cloudDraft(
  service: string,
): (cmd: NormalizedCommand, verb: string, resource: string, all: boolean, force: boolean) => CloudDraft {
  return (cmd, verb, resource, all, force) => ({ tool: cmd.program, service, verb, resource, all, force });
}

/**
 * `--dry-run`, `--dryrun`, `--dry-run=client|server|true|yes|1|all|plan`: the tool only shows
 * what it would do. (`--dry-run=none` is not one: kubectl then acts.)
 */
export const DRY_RUN = /^--?dry-?run(=(client|server|true|yes|1|all|plan))?$/i;

/**
 * The value of the first option `names` accepts, written `--opt VALUE` or `--opt=VALUE`,
 * looking from argv index `from` (1 = after the program); undefined = not given.
 */
export function optionValue(
  argv: string[],
  names: RegExp | ((name: string) => boolean),
  from = 1,
): string | undefined {
  const accepts = typeof names === 'function' ? names : (n: string) => names.test(n);
  for (let i = from; i < argv.length; i++) {
    const [o, inline] = argv[i].split(/=(.*)/s, 2);
    if (accepts(o)) return inline ?? argv[i + 1];
  }
  return undefined;
}

/** `--opt value` and `--opt=value` (any option followed by a word) as [option, value] pairs. */
export function optionPairs(argv: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out.push([a.slice(0, eq), a.slice(eq + 1)]);
    else if (i + 1 < argv.length) out.push([a, argv[i + 1]]);
  }
  return out;
}
