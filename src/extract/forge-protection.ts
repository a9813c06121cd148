/**
 * A forge's branch protection, rulesets or sign-in requirements weakened through its API:
 * GitHub's GraphQL (`updateBranchProtectionRule` turning requirements off,
 * `updateRepositoryRuleset` with `enforcement: DISABLED`, `deleteBranchProtectionRule`,
 * `updateEnterpriseTwoFactorAuthenticationRequiredSetting` to `NO_POLICY`) and the REST
 * equivalents (`PUT repos/o/r/rulesets/ID` with `enforcement=disabled`, `PUT|PATCH
 * …/branches/B/protection…` with requirements off, GitLab's `protected_branches` with
 * `allow_force_push`); merge approvals and deployment environments weakened (forge-settings.ts).
 * Each becomes a cloud fact (service `branch-protection`, verb `weaken`),
 * so one rule judges every client (gh, curl, the egress proxy, a GraphQL CLI). Mutations and
 * requests that add or tighten protection, and reads, make none.
 */
import type { DraftFact } from './extractor.js';
import { settingsOff } from './forge-settings.js';

/** Mutation fields about protection (`updateBranchProtectionRule`, `branchRuleUpdate`, `updateRepositoryRuleset`). */
const PROTECTION_FIELD =
  /(BranchProtection|Ruleset|BranchRule|ProtectedBranch|TwoFactor|IpAllowList|ApprovalRule|ApprovalSetting|RequiredSetting|Protection)/i;
/** Removing one is a weakening whatever its arguments. */
const REMOVES = /^(delete|remove|destroy)|(Delete|Remove|Destroy)$/;
/** Creating or adding one only adds protection. */
const ADDS = /^(create|add)|(Create|Add)$/;

/** A key (its last segment, `_` dropped, lower-case) and the value that weakens protection. */
const OFF_VALUES: [RegExp, RegExp][] = [
  // requirements switched off: requiresApprovingReviews, requires_status_checks, isAdminEnforced, enforce_admins
  [
    /^(is)?(requires?|required|enforce|enforces|isadminenforced|adminenforced|dismissesstale|dismissstale|restricts|blocks|lockbranch|requirelastpush|requirecodeowner)/,
    /^(false|null|0)$/,
  ],
  // what protection forbids now allowed: allowsForcePushes, allow_deletions, allow_force_push
  [/^allows?(forcepush|deletion)/, /^(true|1)$/],
  // reviews required down to none: requiredApprovingReviewCount: 0
  [/(review|approv)\w*count$|^approvalsrequired$/, /^0$/],
  // a ruleset not enforced: enforcement DISABLED or EVALUATE (report only)
  [/^enforcement$/, /^(disabled|evaluate)$/i],
  // an enterprise or organisation setting off: settingValue DISABLED, NO_POLICY
  [/^settingvalue$/, /^(disabled|no_policy)$/i],
];

/**
 * A REST body replaces the whole protection (`PUT …/protection` names every requirement, `null`
 * or `false` for the ones not wanted), so a setup reads like a weakening there: only reviews
 * removed, force-pushes or deletions allowed, no approval left or a ruleset not enforced count.
 */
const REST_OFF_VALUES: [RegExp, RegExp][] = [
  [/^requiredpullrequestreviews$/, /^null$/],
  ...OFF_VALUES.slice(1),
];

/** A GraphQL variable given as an argument's value: `$f`. */
const VARIABLE = /^\$\w+$/;

/** Whether the argument `key` (dotted path) set to `value` weakens protection. Bypass actors added count too. */
function weakens(key: string, value: string, table = OFF_VALUES): boolean {
  if (/bypass/i.test(key)) return value !== '' && value !== '[]' && !/^(false|null)$/.test(value);
  const last = (key.split('.').pop() ?? '').replace(/[_[\]]/g, '').toLowerCase();
  // fail closed: a `$variable` (GraphQL) is a value not known here, so it may turn the field off;
  // so may a whole `input: $variable`
  if (VARIABLE.test(value.trim())) return key === 'input' || table.some(([k]) => k.test(last));
  return table.some(([k, v]) => k.test(last) && v.test(value.trim()));
}

function fact(tool: string, host: string, what: string, resource: string): DraftFact {
  return {
    kind: 'cloud',
    evidence: `${tool} ${what} on ${host || '(unknown host)'}`,
    tool,
    service: 'branch-protection',
    verb: 'weaken',
    resource,
    all: false,
    force: false,
  };
}

/** The weakenings among a request's GraphQL facts. */
export function graphqlProtectionOff(facts: DraftFact[], tool: string): DraftFact[] {
  const out: DraftFact[] = [];
  for (const f of facts) {
    if (f.kind !== 'graphql' || f.operation !== 'mutation' || !PROTECTION_FIELD.test(f.field)) continue;
    if (ADDS.test(f.field)) continue;
    const off = REMOVES.test(f.field)
      ? ['(removed)']
      : Object.entries(f.args)
          .filter(([k, v]) => weakens(k, v))
          .map(([k, v]) => `${k.replace(/^input\./, '')}: ${v}`);
    if (off.length) out.push(fact(tool, f.host, `GraphQL ${f.field} (${off.join(', ')})`, f.resource ?? ''));
  }
  return out;
}

/** REST paths of protection settings: GitHub branch protection and rulesets, GitLab protected branches. */
const REST_PATH =
  /^(?:\/api\/v\d+)?\/(?:repos\/[^/]+\/[^/]+\/(?:branches\/[^/]+\/protection(?:\/[\w-]+)*|rulesets\/\d+)|orgs\/[^/]+\/rulesets\/\d+|enterprises\/[^/]+\/rulesets\/\d+|projects\/[^/]+\/protected_branches(?:\/[^/]+)?)\/?$/;

/** `%XX` decoded; undefined when the text holds a stray `%` (not a form body known here). */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Flattened `key → value` of a JSON or form body; empty when it is neither; undefined when a form part cannot be decoded. */
function bodyArgs(body: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  const walk = (v: unknown, key: string) => {
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (!entries.length) out.push([key, Array.isArray(v) ? '[]' : '{}']);
      for (const [k, x] of entries) walk(x, key ? `${key}.${k}` : k);
    } else out.push([key, String(v)]);
  };
  try {
    walk(JSON.parse(body), '');
    return out;
  } catch {
    for (const part of body.split('&')) {
      const i = part.indexOf('=');
      if (i <= 0) continue;
      const [k, v] = [decoded(part.slice(0, i)), decoded(part.slice(i + 1))];
      if (k === undefined || v === undefined) return undefined;
      out.push([k, v]);
    }
    return out;
  }
}

/**
 * A REST request that weakens protection (`PUT repos/o/r/rulesets/7` with `enforcement=disabled`);
 * undefined = none. Fail closed: a write to a protection endpoint whose body is not known
 * (`bodyUnknown`: piped from elsewhere, a variable) or cannot be decoded counts as one.
 */
export function restProtectionOff(
  method: string,
  host: string,
  path: string,
  body: string | undefined,
  tool: string,
  bodyUnknown = false,
): DraftFact | undefined {
  if (!/^(PUT|PATCH|POST)$/.test(method)) return undefined;
  const args = body ? bodyArgs(body) : [];
  if (!REST_PATH.test(path)) {
    // merge approvals and deployment environments (forge-settings.ts)
    const off = settingsOff(method, path, args, bodyUnknown);
    return off ? fact(tool, host, `${method} ${path} (${off.join(', ')})`, path) : undefined;
  }
  if (bodyUnknown || args === undefined) return fact(tool, host, `${method} ${path} (body not known)`, path);
  const off = args.filter(([k, v]) => weakens(k, v, REST_OFF_VALUES));
  if (!off.length) return undefined;
  return fact(tool, host, `${method} ${path} (${off.map(([k, v]) => `${k}: ${v}`).join(', ')})`, path);
}
