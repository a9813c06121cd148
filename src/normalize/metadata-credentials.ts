/**
 * Credentials a cloud instance's metadata service hands to whatever runs on it: AWS's IMDS
 * role credentials (`169.254.169.254/latest/meta-data/iam/security-credentials/ROLE`, also
 * on `[fd00:ec2::254]` and through the IMDSv2 token), the ECS and EKS pod-identity agents
 * (`169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, `169.254.170.23/v1/credentials`),
 * GCP's service-account tokens (`metadata.google.internal/computeMetadata/v1/instance/
 * service-accounts/SA/token|identity`) and a GKE node's `kube-env`, Azure's managed identity
 * (`/metadata/identity/oauth2/token`, App Service's `$IDENTITY_ENDPOINT`), Alibaba's and
 * Tencent's role credentials (`ram|cam/security-credentials/ROLE`), Oracle's instance
 * principal key (`/opc/v2/identity/key.pem`), IBM's identity tokens, and the user data that
 * bootstrap scripts keep secrets in. The rest of the metadata (instance id, region, the
 * IMDSv2 session token, the role's name) is not a credential. A fetch of one prints the
 * credential, like `gh auth token` does: sending its output elsewhere sends the credential
 * (src/extract/exfil.ts); using it on the machine is not read here. Pure.
 */

/** Paths that return a credential, on any host (the metadata services are also reached by aliases and encoded addresses). */
const CREDENTIAL_PATH = new RegExp(
  [
    // AWS, Alibaba (ram), Tencent (cam): a role's keys; the listing without a role is only its name
    String.raw`/meta-data/(?:iam|ram|cam)/security-credentials/[^/?#\s]`,
    String.raw`/meta-data/identity-credentials/ec2/security-credentials/[^/?#\s]`,
    // GCP: an access or identity token of a service account; v0.1's token; a GKE node's kubelet credentials
    String.raw`/computeMetadata/v1(?:beta1)?/instance/service-accounts/[^/?#\s]+/(?:token|identity)\b`,
    String.raw`/0\.1/meta-data/service-accounts/[^/?#\s]+/acquire\b`,
    String.raw`/computeMetadata/v1(?:beta1)?/instance/attributes/kube-env\b`,
    // Azure managed identity (IMDS, Arc), App Service and Functions
    String.raw`/metadata/identity/oauth2/token\b`,
    String.raw`/msi/token\b`,
    // Oracle instance principal: its certificate's private key
    String.raw`/opc/v[12]/identity/`,
    // IBM Cloud
    String.raw`/(?:instance_)?identity/v1/(?:token|iam_token)\b`,
    // OpenStack's generated admin password
    String.raw`/openstack/[^/?#\s]+/password\b`,
  ].join('|'),
  'i',
);

/** The agents that serve a container's or pod's role credentials (ECS task role, EKS pod identity). */
const CONTAINER_AGENT =
  /^(?:[a-z]+:\/\/)?(?:169\.254\.170\.(?:2|23)|\[fd00:ec2::23\])(?::\d+)?\/v[12]\/credentials\b/i;

/** Variables that hold the address of a credential endpoint. */
const CREDENTIAL_URI_VAR =
  /\$\{?(?:AWS_CONTAINER_CREDENTIALS_(?:RELATIVE|FULL)_URI|IDENTITY_ENDPOINT|MSI_ENDPOINT)\b/;

/** Hosts of a metadata service, where the user data (often a bootstrap script's secrets) also lives. */
const METADATA_HOST =
  /^(?:[a-z]+:\/\/)?(?:169\.254\.169\.254|\[fd00:ec2::254\]|100\.100\.100\.200|metadata\.google\.internal|metadata|metadata\.tencentyun\.com|instance-data(?:\.ec2\.internal)?)(?::\d+)?\//i;
const USER_DATA =
  /\/(?:latest\/user-data|metadata\/v1\/user-data|openstack\/[^/]+\/user_data|hetzner\/v1\/userdata|metadata\/instance\/compute\/userData|attributes\/(?:user-data|startup-script)\b)/i;

/** True when the URL (as written; `$VARS` kept) asks a metadata service for a credential. */
export function isMetadataCredentialUrl(url: string): boolean {
  const u = url.trim().replace(/^['"]|['"]$/g, '');
  if (CREDENTIAL_PATH.test(u) || CONTAINER_AGENT.test(u) || CREDENTIAL_URI_VAR.test(u)) return true;
  return METADATA_HOST.test(u) && USER_DATA.test(u);
}

/** Programs that fetch a URL and print what it returns (or write it to a file they are told). */
const FETCHERS = new Set([
  'curl',
  'wget',
  'wget2',
  'http',
  'https',
  'xh',
  'xhs',
  'curlie',
  'httpie',
  'lwp-request',
  'GET',
  'fetch',
  'aria2c',
]);

/**
 * True when `argv` fetches a credential from a metadata service (a fetcher with such a URL
 * among its words). `argv[0]` may be a path.
 */
export function fetchesMetadataCredential(argv: string[]): boolean {
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  return FETCHERS.has(program) && argv.slice(1).some((w) => !w.startsWith('-') && isMetadataCredentialUrl(w));
}
