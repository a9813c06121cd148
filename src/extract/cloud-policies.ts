/**
 * Cloud governance policies run against an account: Cloud Custodian's `custodian run [-s DIR]
 * [-r REGION] POLICY.yml…` and `c7n-org run -c ACCOUNTS -u POLICY.yml`. Reads each policy
 * file (through ctx.readFile, also one written earlier in the same command line) and the
 * actions its policies take on every resource they match: an action that destroys
 * (`terminate`, `delete`, `purge`, `delete-*`, or `mark-for-op` scheduling one of them) is a
 * CloudFact with the policy's resource type (`aws.ec2`), generic like a CLI no table models,
 * so `saas/unknown-cli-destroy` asks. Dry runs (`--dryrun`) never reach this reader
 * (cloud-argv.ts DRY_RUN); validation and reports run nothing.
 */
import { parse } from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { readPayloadFile } from './http-body.js';

/** Action types that destroy what the policy matched. */
const DESTROYS =
  /^(terminate|delete|purge|release|nuke|wipe|(delete|terminate|purge)-[\w-]+|[\w-]+-(delete|terminate|purge))$/;
/** Options of `custodian run` / `c7n-org run` that take a value (the rest are policy files). */
const WITH_VALUE =
  /^(-s|--output-dir|-r|--region|-p|--policies|-t|--resource|-l|--log-group|-m|--metrics-enabled|--cache|--cache-period|--profile|--assume|--external-id|-c|--config|-a|--accounts|--tags|--not-accounts|--debug-port)$/;

interface Policy {
  name?: unknown;
  resource?: unknown;
  actions?: unknown;
}

/** The destroying action types of one policy's `actions:` list (a string or `{type: …}`). */
function destroyingActions(actions: unknown): string[] {
  if (!Array.isArray(actions)) return [];
  return actions.flatMap((a: unknown) => {
    const o = typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : undefined;
    const type = String(typeof a === 'string' ? a : (o?.type ?? ''));
    // `mark-for-op` with `op: delete` schedules the action for a later run
    const op = type === 'mark-for-op' ? String(o?.op ?? '') : type;
    return DESTROYS.test(op) ? [op] : [];
  });
}

/** What the policies of `cmd` destroy; undefined = not a run of policies. */
export function readPolicyRun(cmd: NormalizedCommand, ctx: AnalyzeContext): CloudDraft[] | undefined {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  if (!((p === 'custodian' || p === 'c7n-org') && args[0] === 'run')) return undefined;
  const files: string[] = [];
  for (let i = 1; i < args.length; i++) {
    if (p === 'c7n-org' && (args[i] === '-u' || args[i] === '--use')) files.push(args[++i] ?? '');
    else if (WITH_VALUE.test(args[i])) i++;
    else if (p === 'custodian' && !args[i].startsWith('-')) files.push(args[i]);
  }
  const base = { tool: p, all: false, force: true, generic: true };
  const out: CloudDraft[] = [];
  for (const file of files) {
    const text = readPayloadFile(file, cmd, ctx).text;
    let doc: unknown;
    try {
      doc = text === undefined ? undefined : parse(text);
    } catch {
      doc = undefined;
    }
    const policies = (doc as { policies?: unknown } | undefined)?.policies;
    // fail closed: policies that cannot be read may terminate or delete anything they match
    if (!Array.isArray(policies)) {
      out.push({ ...base, service: 'policies', verb: 'unread', resource: file });
      continue;
    }
    for (const pol of policies as Policy[])
      for (const verb of destroyingActions(pol?.actions))
        out.push({
          ...base,
          service: `policy ${String(pol.name ?? '')}`,
          verb,
          resource: String(pol.resource ?? ''),
        });
  }
  return out;
}
