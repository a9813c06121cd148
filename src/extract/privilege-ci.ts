/**
 * Access to a forge or a CI system handed out from its CLI (argv only):
 * - a deploy key that may push: `gh repo deploy-key add KEY --allow-write|-w`, `glab deploy-key
 *   add KEY --can-push`; and an SSH key added to the signed-in account (`gh ssh-key add KEY`,
 *   `glab ssh-key add KEY`: it reaches every repository the account does; `--type signing`
 *   only signs commits). Verb `mint-credential`: a lasting credential whoever holds the
 *   private key uses;
 * - a credential shared with every pipeline: Azure DevOps' `az devops service-endpoint update
 *   --enable-for-all [true]` (a service connection every pipeline of the project may use, so
 *   anyone who edits any pipeline's YAML acts as it), `az pipelines variable-group create|update
 *   --authorize [true]` (a variable group's secrets given to every pipeline). Verb
 *   `share-ci-credential`.
 * Read-only deploy keys, listings, and `false` find nothing. The same grants made through
 * the forges' REST APIs are matched by the http rule (rulesets/privilege.yaml, ci-access-shared).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** True when an az three-state flag is on: `--flag` alone, `--flag true|yes`, `--flag=…` (false = off or not given). */
function flagOn(argv: string[], name: string): boolean {
  for (let i = 1; i < argv.length; i++) {
    const [o, inline] = argv[i].split(/=(.*)/s, 2);
    if (o !== name) continue;
    const v = inline ?? argv[i + 1] ?? '';
    return inline !== undefined || /^(true|yes|on|1)$/i.test(v) || v.startsWith('-') || v === '';
  }
  return false;
}

/** The first words of `argv` that are not options (option values may follow; enough for a command path). */
const head = (argv: string[], n: number) =>
  argv
    .slice(1)
    .filter((w) => !w.startsWith('-'))
    .slice(0, n)
    .join(' ');

/** gh / glab: a deploy key that may push, or an authentication key added to the account. */
function forgeKey(cmd: NormalizedCommand): Finding | undefined {
  const a = cmd.argv;
  const path = head(a, 3);
  if (/^(repo deploy-key|deploy-key) add\b/.test(path)) {
    const write = a.some((w) => /^(--allow-write|-w|--can-push)(=true)?$/.test(w));
    return write ? ['mint-credential', `${cmd.program} deploy-key add: a key that may push`] : undefined;
  }
  if (/^ssh-key add\b/.test(path)) {
    const t = a.findIndex((w) => w === '--type' || w.startsWith('--type='));
    const type = t < 0 ? '' : a[t].includes('=') ? a[t].slice(7) : (a[t + 1] ?? '');
    return type === 'signing'
      ? undefined
      : ['mint-credential', `${cmd.program} ssh-key add (the account's repositories)`];
  }
  return undefined;
}

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
