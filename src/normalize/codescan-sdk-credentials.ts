/**
 * Cloud credentials read through an SDK in inline code, rather than from their file: boto3 /
 * botocore (`Session().get_credentials()`, `.get_frozen_credentials()`, STS
 * `get_session_token` / `assume_role*`), Google auth (`google.auth.default()`,
 * `service_account.Credentials.from_service_account_file`, `getAccessToken()`), Azure identity
 * (a `…Credential().get_token(…)` / `.getToken(…)`), the AWS SDK for JavaScript
 * (`fromNodeProviderChain()`, `defaultProvider()`, `fromIni()`, `getCredentials()`), Go's
 * `Credentials.Retrieve(…)` and Ruby's `Aws::SharedCredentials` / `CredentialProviderChain`.
 * A request body built from such a value (directly, or through variables assigned from it,
 * tuple targets included: `creds, project = google.auth.default()`) carries secret material,
 * as a body read from `~/.aws/credentials` does (codescan-http.ts).
 */
import type { Lexed } from './codelex.js';

/** A call whose value is (or holds) cloud credentials or an access token. */
const SDK_CREDENTIAL_CALL = new RegExp(
  [
    String.raw`\.get_(?:frozen_)?credentials\s*\(`,
    String.raw`\.get_session_token\s*\(`,
    String.raw`\.assume_role(?:_with_\w+)?\s*\(`,
    String.raw`\bgoogle\.auth\.default\s*\(`,
    String.raw`\bservice_account\.(?:ID)?Credentials\.from_service_account_(?:file|info)\s*\(`,
    String.raw`\.getAccessToken\s*\(`,
    String.raw`\b(?:fromNodeProviderChain|defaultProvider|fromIni|fromContainerMetadata|fromInstanceMetadata)\s*\(`,
    String.raw`\.getCredentials\s*\(`,
    String.raw`\bCredentials\.Retrieve\s*\(`,
    String.raw`\bAws::(?:SharedCredentials|CredentialProviderChain|InstanceProfileCredentials)\b`,
  ].join('|'),
);

/** Azure identity's credential classes, whose `get_token` / `getToken` gives an access token. */
const AZURE_CREDENTIAL =
  /\b(?:Default|ManagedIdentity|ClientSecret|ClientCertificate|AzureCli|AzurePowerShell|Environment|WorkloadIdentity|Chained|DeviceCode|InteractiveBrowser|UsernamePassword)\w*Credential\b/;
const AZURE_TOKEN = /\.get_?[tT]oken\s*\(/;

/** True when `expr` itself calls an SDK for credentials (`skel`: the whole code, for the Azure class). */
function callsSdk(expr: string, skel: string): boolean {
  return SDK_CREDENTIAL_CALL.test(expr) || (AZURE_TOKEN.test(expr) && AZURE_CREDENTIAL.test(skel));
}

/**
 * One assignment at a statement's start: `a = …`, `a, b = …` / `a, = …` (Python tuple targets),
 * `const a = …`, `a := …`. The targets are names between commas, so a run of blanks is read
 * once (linear time, whatever the code).
 */
const ASSIGN =
  /(?:^|[;\n{])[ \t]*(?:(?:const|let|var|my|local)[ \t]+)?([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*(?:[ \t]*,)?)[ \t]*:?=(?![=>~])\s*([^;\n]+)/g;

const cache = new WeakMap<Lexed, Set<string>>();

/** The names holding SDK credentials in the code, followed through assignments (a few hops). */
function credentialNames(lx: Lexed): Set<string> {
  const hit = cache.get(lx);
  if (hit) return hit;
  const names = new Set<string>();
  const assigns = [...lx.skel.matchAll(ASSIGN)].map((m) => ({
    targets: m[1].split(',').map((t) => t.trim()),
    rhs: m[2],
  }));
  for (let round = 0; round < 4; round++) {
    const before = names.size;
    for (const a of assigns)
      if (callsSdk(a.rhs, lx.skel) || [...a.rhs.matchAll(/[A-Za-z_]\w*/g)].some((w) => names.has(w[0])))
        for (const t of a.targets) if (/^[A-Za-z_]\w*$/.test(t)) names.add(t);
    if (names.size === before) break;
  }
  cache.set(lx, names);
  return names;
}

/** True when the expression's value holds cloud credentials an SDK gave (see the module comment). */
export function readsSdkCredential(expr: string, lx: Lexed): boolean {
  if (callsSdk(expr, lx.skel)) return true;
  const names = credentialNames(lx);
  if (!names.size) return false;
  // the names in the expression, and in the interpolations of its strings (`f'{creds.secret_key}'`)
  const interpolated = [...expr.matchAll(/\u0001(\d+)\u0002/g)]
    .map((m) => lx.lits[Number(m[1])])
    .filter((l) => l?.dynamic)
    .map((l) => l.value);
  return [expr, ...interpolated].some((t) => [...t.matchAll(/[A-Za-z_]\w*/g)].some((w) => names.has(w[0])));
}

/** True when code calls a cloud SDK for credentials (see the module comment): a source of secret material. */
export function callsCredentialSdk(code: string): boolean {
  return callsSdk(code, code);
}
