/**
 * Access to a forge or a CI system handed out from its CLI (argv only):
 * - a deploy key that may push: `gh repo deploy-key add KEY --allow-write|-w`, `glab deploy-key
 *   add KEY --can-push|-c` (short options grouped or not, `-R REPO` before the command words);
 *   and an SSH key added to the signed-in account (`gh ssh-key add KEY`, `glab ssh-key add
 *   KEY`: it reaches every repository the account does; gh's `--type signing` and glab's
 *   `--usage-type signing` only sign commits). Verb `mint-credential`: a lasting credential whoever holds the
 *   private key uses;
 * - a credential shared with every pipeline: Azure DevOps' `az devops service-endpoint update
 *   --enable-for-all [true]` (a service connection every pipeline of the project may use, so
 *   anyone who edits any pipeline's YAML acts as it), `az pipelines variable-group create|update
 *   --authorize [true]` (a variable group's secrets given to every pipeline). Verb
 *   `share-ci-credential`. A flag value known only at run time (`--enable-for-all $X`) is on.
 * Read-only deploy keys, listings, and `false` find nothing. The same grants made through
 * the forges' REST APIs are matched by the http rule (rulesets/privilege.yaml, ci-access-shared).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { hasAny, lastValue, parseOptions, type ParsedOptions } from './fs-options.js';

/**
 * True when an az three-state flag is on: `--flag` alone, `--flag VALUE` or `--flag=VALUE`
 * with any value but `false` (a value known only at run time, `$X`, counts as on); its last
 * occurrence wins. Not given = off.
 */
function flagOn(argv: string[], name: string): boolean {
  let on = false;
  for (let i = 1; i < argv.length; i++) {
    const [o, inline] = argv[i].split(/=(.*)/s, 2);
    if (o !== name) continue;
    const next = argv[i + 1];
    const v = inline ?? (next !== undefined && !next.startsWith('-') ? next : 'true');
    on = !AZ_FALSE.test(v);
  }
  return on;
}

/** The values az's three-state flags read as false (the only other one accepted is `true`). */
const AZ_FALSE = /^false$/i;

/**
 * The options of gh and glab (their global `-R/--repo` and those of the key commands) that
 * take a value, so that value is not read as a command word: `-t/--title`, glab's
 * `-e/--expires-at` and `--usage-type`, gh's `--type`.
 */
const FORGE_OPTIONS = {
  shortWithValue: 'Rte',
  longWithValue: ['repo', 'title', 'expires-at', 'type', 'usage-type', 'hostname'],
};

/** The flag names that let a deploy key push: gh `-w/--allow-write`, glab `-c/--can-push`. */
const PUSH_FLAGS: Record<string, string[]> = { gh: ['w', 'allow-write'], glab: ['c', 'can-push'] };

/** True when a boolean option of a forge CLI is given and not set false (`--allow-write=false`). */
function boolOn(o: ParsedOptions, names: string[]): boolean {
  if (!hasAny(o, ...names)) return false;
  const v = lastValue(o, ...names);
  return v === undefined || !/^(false|f|0)$/i.test(v);
}

/** gh / glab: a deploy key that may push, or an authentication key added to the account. */
function forgeKey(cmd: NormalizedCommand): Finding | undefined {
  const a = cmd.argv;
  const o = parseOptions(a, 1, FORGE_OPTIONS);
  const path = o.operands
    .slice(0, 3)
    .map((i) => a[i])
    .join(' ');
  if (/^(repo deploy-key|deploy-key) add\b/.test(path)) {
    const write = boolOn(o, PUSH_FLAGS[cmd.program] ?? []);
    return write ? ['mint-credential', `${cmd.program} deploy-key add: a key that may push`] : undefined;
  }
  if (/^ssh-key add\b/.test(path)) {
    // gh --type authentication|signing, glab --usage-type auth|signing|auth_and_signing
    const type = lastValue(o, 'type', 'usage-type') ?? '';
    return type === 'signing'
      ? undefined
      : ['mint-credential', `${cmd.program} ssh-key add (the account's repositories)`];
  }
  return undefined;
}

/** The first words of `argv` that are not options (az's options follow its command words). */
const head = (argv: string[], n: number) =>
  argv
    .slice(1)
    .filter((w) => !w.startsWith('-'))
    .slice(0, n)
    .join(' ');

/** az: a service connection or variable group opened to every pipeline. */
function azShared(cmd: NormalizedCommand): Finding | undefined {
  const a = cmd.argv;
  const path = head(a, 3);
  if (/^devops service-endpoint (update|create)$/.test(path) && flagOn(a, '--enable-for-all'))
    return ['share-ci-credential', `az ${path} --enable-for-all: every pipeline may use it`];
  if (/^pipelines variable-group (create|update)$/.test(path) && flagOn(a, '--authorize'))
    return ['share-ci-credential', `az ${path} --authorize: every pipeline reads its secrets`];
  return undefined;
}

/** What access `cmd` hands out, as described in the header; undefined = none. */
export function ciAccessGrant(cmd: NormalizedCommand): Finding | undefined {
  if (cmd.argv.some((w) => w === '--help' || w === '-h')) return undefined;
  if (cmd.program === 'gh' || cmd.program === 'glab') return forgeKey(cmd);
  if (cmd.program === 'az') return azShared(cmd);
  return undefined;
}
