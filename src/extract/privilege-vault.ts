/**
 * HashiCorp Vault (and OpenBao, `bao`) handing out everything: a token minted with the `root`
 * policy or another admin-named one (`vault token create -policy=root`, any spelling of the
 * option, `-orphan` or not), a role, user or group that issues such tokens (`vault write
 * auth/approle/role/ci policies=root`, `token_policies=…`, `allowed_policies=…`), a new root
 * token generated from the unseal keys (`vault operator generate-root` past `-status` or
 * `-cancel`), and a policy written that grants write or sudo on everything, on `sys/*` or on
 * the auth backends (`vault policy write admin -` with `path "*" { capabilities = [… "sudo"] }`,
 * `vault write sys/policy/x policy=@p.hcl`). The same from code through hvac or node-vault
 * (`client.auth.token.create(policies=['root'])`, `client.sys.create_or_update_policy(…)`).
 * A policy document that cannot be read takes effect at once: `unread-policy`. Pure but for
 * reading the policy file named (what the script wrote, else the disk).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { readPayloadFile } from './http-body.js';
import { interpreterCode } from './interpreter-code.js';

/** Policy names that can do anything: Vault's built-in `root`, and names that say admin. */
const ADMIN_POLICY = /^(root|admin|administrator|superuser|super[-_]?admin|vault[-_]admin)$/i;

/** True when a comma-separated list of policy names holds an admin one. */
const adminPolicies = (list: string): boolean =>
  list
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .map((p) => p.replace(/^["']|["']$/g, ''))
    .some((p) => ADMIN_POLICY.test(p));

/** Paths whose write or sudo gives power over every secret, every policy or every token. */
const ADMIN_PATH =
  /^(\*|\+\/\*|\/\*|sys\/\*|sys\/polic(y|ies)(\/.*)?|sys\/auth(\/.*)?|auth\/\*|auth\/token\/\*|auth\/token\/create(-orphan)?(\/.*)?|identity\/\*)$/;
/** Capabilities that change things (not `read`, `list`, `deny`, `subscribe`). */
const WRITES = /^(create|update|patch|delete|sudo|\*)$/;

/**
 * The admin grant in a Vault policy document (HCL, JSON, or a code dict of either), as the
 * path and capabilities that make it; '' = none. `path "X" { capabilities = [...] }` and
 * `"X": {"capabilities": [...]}` are read.
 */
export function adminPolicyText(text: string): string {
  const blocks = [
    ...text.matchAll(/\bpath\s+["']([^"']+)["']\s*\{([^}]*)\}/g),
    ...text.matchAll(/["']([^"']+)["']\s*:\s*\{\s*["']capabilities["']\s*:\s*(\[[^\]]*\])/g),
  ];
  for (const [, path, body] of blocks) {
    const caps = /\[([^\]]*)\]/.exec(body)?.[1] ?? '';
    const words = [...caps.matchAll(/["']([^"']+)["']/g)].map((m) => m[1].toLowerCase());
    const writing = words.filter((w) => WRITES.test(w));
    if (ADMIN_PATH.test(path) && writing.length) return `path "${path}" ${writing.join(',')}`;
  }
  return '';
}

/** Vault's options that take a value, written `-opt v`, `-opt=v`, `--opt v`. */
function flagValues(argv: string[], names: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!m || !names.test(m[1])) continue;
    out.push(m[2] ?? argv[++i] ?? '');
  }
  return out;
}

/** The words after the program that are not options (`token create`, `write PATH k=v`). */
const positional = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');

/** Keys of `vault write` whose value lists the policies of the tokens issued. */
const POLICY_LIST_KEY = /^(token_|allowed_|identity_|default_)?policies$|^token_policy$/;

/** A policy document given to `vault policy write NAME FILE|-` or as `policy=@FILE|-|TEXT`; undefined = not readable. */
function policyDocument(value: string, cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  if (value === '-' || value.startsWith('@')) {
    const p = readPayloadFile(value === '-' ? '-' : value.slice(1), cmd, ctx);
    return p.unknown ? undefined : p.text;
  }
  return value;
}

/** What one `vault`/`bao` command hands out (see the header); undefined = nothing. */
function vaultCli(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding | undefined {
  const argv = cmd.argv;
  const [verb, sub, ...rest] = positional(argv);
  const said = (what: string) => `${[verb, sub].filter(Boolean).join(' ')}: ${what}`;
  if ((verb === 'token' && sub === 'create') || verb === 'token-create') {
    const policies = flagValues(argv, /^polic(y|ies)$/);
    const admin = policies.find(adminPolicies);
    return admin ? ['grant-admin', said(`a token with policy ${admin}`)] : undefined;
  }
  if (verb === 'operator' && sub === 'generate-root') {
    // `-status` reads the progress, `-cancel` throws an attempt away; anything else works toward a root token
    if (argv.some((a) => /^--?(status|cancel|help|h)$/.test(a))) return undefined;
    return ['grant-admin', said('a new root token from the unseal keys')];
  }
  if ((verb === 'policy' && sub === 'write') || verb === 'policy-write') {
    const file = (verb === 'policy' ? rest : [sub ?? '', ...rest])[1];
    if (file === undefined) return undefined;
    const text = policyDocument(file === '-' ? '-' : `@${file}`, cmd, ctx);
    // fail closed: a policy takes effect for every token holding it as soon as it is written
    if (text === undefined) return ['unread-policy', said(`policy ${file} not readable`)];
    const grant = adminPolicyText(text);
    return grant ? ['grant-admin', said(grant)] : undefined;
  }
  if (verb !== 'write' || sub === undefined) return undefined;
  const pairs = rest.map((w) => /^([\w-]+)=(.*)$/s.exec(w)).filter((m) => m !== null);
  const list = pairs.find(([, k, v]) => POLICY_LIST_KEY.test(k) && adminPolicies(v));
  if (list) return ['grant-admin', said(`${sub} ${list[1]}=${list[2]}`)];
  if (!/^sys\/polic(y|ies)\//.test(sub)) return undefined;
  const doc = pairs.find(([, k]) => k === 'policy');
  if (!doc) return undefined;
  const text = policyDocument(doc[2], cmd, ctx);
  if (text === undefined) return ['unread-policy', said(`${sub} policy not readable`)];
  const grant = adminPolicyText(text);
  return grant ? ['grant-admin', said(`${sub} ${grant}`)] : undefined;
}

/** Code that loads a Vault client library: hvac (Python), node-vault, vault-client (Ruby's `vault` gem). */
const LOADS_CLIENT =
  /\bimport\s+hvac\b|\bfrom\s+hvac\b|['"]node-vault['"]|['"]hashi-vault-js['"]|\bVault\.(?:auth_token|logical|sys)\b/;

/** A policy list (keyword, key or option) holding an admin name: `policies=['root']`, `policies: ["root"]`. */
const POLICY_LIST =
  /\b(?:token_|allowed_|identity_)?policies["']?\s*(?:=|:|=>)\s*(\[[^\]]*\]|["'][^"']*["'])/g;

/** What inline or written code does through a Vault client (see the header); undefined = nothing. */
function vaultCode(cmd: NormalizedCommand): Finding | undefined {
  const code = interpreterCode(cmd);
  if (code === undefined || !LOADS_CLIENT.test(code)) return undefined;
  for (const m of code.matchAll(POLICY_LIST))
    if (adminPolicies(m[1].replace(/["'\s]/g, ''))) return ['grant-admin', `Vault client: policies ${m[1]}`];
  // `sys.create_or_update_policy(name=…, policy=…)`, `policies.write`, node-vault's `addPolicy`
  if (
    /\.(create_or_update_(?:acl_)?policy|create_or_update_policy|addPolicy|write_policy|put_policy)\s*\(/.test(
      code,
    )
  ) {
    const grant = adminPolicyText(code.replace(/\\(["'])/g, '$1'));
    if (grant) return ['grant-admin', `Vault client: policy ${grant}`];
  }
  return /\.generate_root\s*\(|\.start_root_token_generation\s*\(|generateRoot/.test(code)
    ? ['grant-admin', 'Vault client: a new root token from the unseal keys']
    : undefined;
}

/** What `cmd` hands out through Vault (see the header); undefined = nothing. */
export function vaultGrant(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding | undefined {
  if (cmd.program === 'vault' || cmd.program === 'bao') return vaultCli(cmd, ctx);
  return vaultCode(cmd);
}
