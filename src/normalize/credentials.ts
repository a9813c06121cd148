/**
 * Provenance of secrets through folding. A value that came from a credential file (or from
 * any file whose text holds a detected secret) stays a secret after it is folded into a
 * word, a variable or a pipe: its text is replaced by {@link SECRET_MARK}, so the secret is
 * never printed (commands, facts, evidence) and the exfiltration extractor still sees that
 * secret material reaches a sink. Encoders (base64, xxd, rev…) of marked input give the mark.
 */
import path from 'node:path';
import { detectSecrets } from '../secrets/detect.js';

/** Stands for secret material in folded text. Hostname- and URL-safe on purpose. */
export const SECRET_MARK = 'agentfw-withheld-secret';

/** Paths relative to HOME that hold credentials. */
const HOME_SECRETS = [
  /^\.(ssh|aws|gnupg|azure|kube|docker|password-store|railway|fly|oci)\/?$/,
  /^\.config\/(gcloud|gh)\/?$/,
  /^\.ssh\/(?!known_hosts$|config$|.*\.pub$)/,
  /^\.aws\/(credentials|config)$/,
  /^\.config\/gcloud\//,
  /^\.azure\//,
  /^\.kube\/config$/,
  /^\.docker\/config\.json$/,
  /^\.npmrc$/,
  /^\.pypirc$/,
  /^\.netrc$/,
  /^\.pgpass$/,
  /^\.my\.cnf$/,
  /^\.git-credentials$/,
  /^\.config\/gh\/hosts\.yml$/,
  /^\.railway\//,
  /^\.config\/(railway|heroku|doctl|flyctl|netlify|vercel|hub|op|stripe|linear|supabase|neonctl)(\/|$)/,
  /^\.fly\//,
  /^\.terraform\.d\/credentials/,
  /^\.gnupg\//,
  /^\.password-store\//,
  /^\.vault-token$/,
  // package registries' and data platforms' tokens kept next to their settings
  /^\.cargo\/credentials(\.toml)?$/,
  /^\.gem\/credentials$/,
  /^\.config\/git\/credentials$/,
  /^\.databrickscfg$/,
  /^\.(s3cfg|boto|passwd-s3fs)$/,
  /^\.config\/rclone\/rclone\.conf$/,
  /^\.(composer|config\/composer)\/auth\.json$/,
  // build tools' repository and signing passwords (Maven's servers, Gradle's properties, sbt/Ivy)
  /^\.m2\/settings(-security)?\.xml$/,
  /^\.gradle\/gradle\.properties$/,
  /^\.(sbt|ivy2)\/\.credentials$/,
  // OCI's config (a key file's pass phrase may sit in it), API keys and session tokens
  /^\.oci\//,
  /^\.kaggle\/kaggle\.json$/,
  /^\.(cache\/)?huggingface\/token$/,
  /^\.aws\/(sso|cli)\/cache\//,
  /^\.local\/share\/keyrings\//,
  /^\.mozilla\/firefox\/[^/]+\/(logins\.json|key4\.db|cookies\.sqlite)$/,
  // Chromium-based browsers' saved logins and session cookies
  /^\.config\/(google-chrome[\w-]*|chromium|BraveSoftware\/[^/]+|microsoft-edge[\w-]*|vivaldi)\/[^/]+\/(Login Data|Cookies|Network\/Cookies)$/,
  // CLI tools' login state kept under the XDG config, data and state folders, by its name
  // (`~/.local/share/com.vercel.cli/auth.json`, `~/.config/<tool>/tokens.json`, `…/oauth_token`)
  /^\.(config|local\/(share|state))\/(.+\/)?(auth|tokens?|access[-_]?tokens?|refresh[-_]?tokens?|oauth[\w-]*|session[-_]?tokens?|credentials?[\w-]*|api[-_]?keys?|secrets?)(\.(json|toml|ya?ml|db|txt|ini|conf))?$/i,
  // CLIs whose one settings file holds their token (GitLab's glab, Gitea's tea, Hetzner,
  // Scaleway, ngrok, Cloudflare's wrangler, Firebase and Snyk through configstore, Sentry, the old now/vercel)
  /^\.config\/(glab-cli|tea|hcloud|scw|ngrok|exoscale|\.wrangler)\//,
  /^\.config\/configstore\/(firebase-tools|snyk)\.json$/,
  /^\.(ngrok2\/ngrok\.yml|wrangler\/config\/|sentryclirc$|(now|vercel)\/auth\.json$)/,
  // password stores other than pass's (gopass's stores live under the XDG data folder)
  /^\.local\/share\/gopass(\/|$)/,
  // data tools' connection profiles, with their database passwords (dbt, SnowSQL, Snowflake's CLI, Prefect, cqlsh, MySQL's login path)
  /^\.dbt\/profiles\.ya?ml$/,
  /^\.(snowsql\/config|config\/snowflake\/(connections|config)\.toml|prefect\/profiles\.toml|cassandra\/cqlshrc|mylogin\.cnf)$/,
];

/**
 * File names that hold credentials wherever they are (FileZilla's saved sites and WinSCP's
 * settings keep passwords; a Windows path whose backslashes bash dropped still ends in the name).
 */
const NAMED_SECRETS =
  /^(\.env(\.(?!example$|sample$|template$|dist$|defaults$)[\w.-]+)?|id_(rsa|dsa|ecdsa|ed25519)|.*\.(pem|key|p12|pfx|keystore|jks)|credentials(\.json|\.toml)?|\.databrickscfg|service[-_]?account.*\.json|.*\.tfstate|secrets?\.(ya?ml|json|toml)|\.htpasswd|shadow|gshadow|\.netrc|\.git-credentials|\.pgpass|(.*filezilla)?(sitemanager|recentservers)\.xml|winscp\.ini)$/i;

/**
 * Secrets mounted into a container: Kubernetes service-account and projected tokens
 * (`/var/run/secrets/kubernetes.io/serviceaccount/token`, `…/eks.amazonaws.com/…`,
 * `…/azure/tokens/…`), Docker and Compose secrets (`/run/secrets/NAME`), the CSI secrets
 * store and Vault agent's files. The cluster's CA certificate and the namespace name beside
 * them are not secret.
 */
const MOUNTED_SECRETS = /^\/(?:var\/)?run\/secrets\/.|^\/mnt\/secrets-store\/.|^\/vault\/secrets\/./;
const MOUNTED_PUBLIC = /^(ca\.crt|service-ca\.crt|namespace)$/;

/** The decrypted files sops exec-file hands its command (`$TMPDIR/.sopsNNN/tmp-fileNNN`; credential-exec.ts reads `{}` as one). */
const DECRYPTED_TEMP = /^\/tmp\/\.sops[^/]*\/./;

/**
 * Another account's home: a user's, root's, or a service account's under /var/lib (`jenkins`,
 * `buildkite-agent`, `gitlab-runner`), whose `.ssh`, `.aws`, `.kube/config` … hold its credentials.
 */
const OTHER_HOME = /^(?:\/home\/[^/]+|\/root|\/Users\/[^/]+|\/var\/lib\/[^/]+)\/(.+)$/;

/** True when the absolute path names a credential file (under HOME or another account's home, a container's secret mount, a decrypted temporary file, or by its name). */
export function isCredentialAbs(abs: string, home: string): boolean {
  const rel = path.relative(home, abs);
  if (!rel.startsWith('..') && !path.isAbsolute(rel) && HOME_SECRETS.some((r) => r.test(rel))) return true;
  const other = OTHER_HOME.exec(abs)?.[1];
  if (other && HOME_SECRETS.some((r) => r.test(other))) return true;
  if (/^\/proc\/[^/]+\/environ$/.test(abs)) return true;
  if (MOUNTED_SECRETS.test(abs) && !MOUNTED_PUBLIC.test(path.basename(abs))) return true;
  if (DECRYPTED_TEMP.test(abs)) return true;
  return NAMED_SECRETS.test(path.basename(abs));
}

/** True when the absolute path is a credential directory or file below HOME (not in the workspace). */
export function isHomeCredential(abs: string, home: string): boolean {
  const rel = path.relative(home, abs);
  return (
    !rel.startsWith('..') && !path.isAbsolute(rel) && rel !== '' && HOME_SECRETS.some((r) => r.test(rel))
  );
}

/**
 * A file's text as folding may use it: a credential file is the mark as a whole; in any
 * other file each detected secret is replaced by the mark (the rest stays readable, so a
 * script piped into a shell is still analysed).
 */
export function withheld(abs: string, text: string, home: string): string {
  if (isCredentialAbs(abs, home)) {
    // fail closed: a credential file that also runs code (`export X=$(…)`) must stay readable
    // for analysis when it is sourced or evaluated; the output masker still hides known formats.
    if (/\$\(|`/.test(text)) return text;
    return dotenvShape(text) ?? SECRET_MARK + '\n';
  }
  const hits = detectSecrets(text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + SECRET_MARK;
    at = h.end;
  }
  return out + text.slice(at);
}

/** A dotenv-style file (`[export ]KEY=VALUE` lines, comments) with every value marked; undefined when not one. */
function dotenvShape(text: string): string | undefined {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const m = /^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=)(.*)$/.exec(line);
    if (m) out.push(m[2].trim() === '' ? line : m[1] + SECRET_MARK);
    else if (/^\s*(#.*)?$/.test(line)) out.push(line);
    else return undefined;
  }
  return out.join('\n');
}

/** True when the text carries secret material (the mark). */
export function carriesSecret(text: string | undefined): boolean {
  return text !== undefined && text.includes(SECRET_MARK);
}
