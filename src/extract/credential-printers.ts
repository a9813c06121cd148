/**
 * Commands whose output is a stored credential: CLIs that print the token they keep
 * (`gh auth token`, `gcloud auth print-access-token`, `az account get-access-token`,
 * `aws ecr get-login-password`, `heroku auth:token`, `vault print token` (OpenBao: `bao`), an auth key of
 * `npm config get`), credential helpers (`git credential fill`, `docker-credential-* get`),
 * secret stores (`kubectl get secret … -o yaml|json|jsonpath`, `aws secretsmanager
 * get-secret-value`, `gcloud secrets versions access`, `az keyvault secret show`, the
 * macOS keychain, libsecret, the kernel keyring's `keyctl print|pipe|read`, `Get-StoredCredential`),
 * a domain's accounts enumerated (`rpcclient -c enumdomusers`, enum4linux, ldapdomaindump), password managers (`op read`, `bw get password`, `pass
 * show`), `gpg --export-secret-keys`, encrypted secret files decrypted to stdout (`sops -d`,
 * `ansible-vault view`, `age -d`, `gpg -d`), configs rendered with their secret references
 * resolved (`vals eval|get|env`), a container's environment (`docker inspect`
 * unformatted or formatting `.Config.Env`, `docker compose config`), and infrastructure
 * outputs that print sensitive values in the clear (`terraform output -json`, a secret-named
 * output, `terraform state pull`, `pulumi … --show-secrets`), and a fetch of a cloud
 * instance's metadata credentials (src/normalize/metadata-credentials.ts), and CI/CD and
 * hosting platforms' variables with their values (credential-ci-vars.ts).
 * Password managers and secret services are also read through credential-managers.ts.
 * Piping or substituting such output into a request body sends the credential away
 * (exfil-sources.ts); used for its purpose (`| docker login --password-stdin`, an
 * `Authorization:` header) it is not. Pure.
 */

import { managerSecret } from './credential-managers.js';
import { fetchesMetadataCredential } from '../normalize/metadata-credentials.js';
import { CI_PRINTERS } from './credential-ci-vars.js';

/** `gpg --export-secret-keys` / `--export-secret-subkeys`: argv prints the keyring's private keys. */
export function exportsSecretKeys(argv: string[]): boolean {
  return argv.some((w) => /^--export-secret-(sub)?keys$/.test(w));
}

/**
 * A printer: the program (a name or a pattern of names), the words that must follow it (in
 * order, options skipped; a pattern matches one word), and an optional further test.
 */
export interface Printer {
  program: (string | RegExp)[];
  words: (string | RegExp)[];
  /** Extra condition on the whole argv and its positional words (an option that makes the command print the secret). */
  when?: (argv: string[], pos: string[]) => boolean;
}

/** `-o yaml`, `-ojson`, `--output=jsonpath=…`: kubectl prints the objects' data (not `-o name|wide`). */
function printsData(argv: string[]): boolean {
  for (let i = 1; i < argv.length; i++) {
    const m = /^(?:-o|--output)(?:=?(.+))?$/.exec(argv[i]);
    if (!m) continue;
    const value = m[1] ?? argv[i + 1] ?? '';
    if (!/^(name|wide)$/.test(value)) return true;
  }
  return false;
}

/**
 * `docker inspect C`: with no `--format` it prints the whole object, environment included;
 * a format prints what it names (`{{json .Config.Env}}`, `{{.Config}}`, `{{json .}}`).
 */
function inspectsEnv(argv: string[]): boolean {
  for (let i = 1; i < argv.length; i++) {
    const m = /^(?:-f|--format)(?:=(.*))?$/s.exec(argv[i]);
    if (!m) continue;
    const format = m[1] ?? argv[i + 1] ?? '';
    return /\bEnv\b|\.Config\s*\}\}|\{\{\s*(?:json\s+)?\.\s*\}\}/.test(format);
  }
  return true;
}

/** `docker compose config` prints the resolved file, `.env` values interpolated; not its name listings. */
const composeConfigLists = (a: string[]) =>
  a.some((w) => /^(--services|--volumes|--images|--networks|--profiles|-q|--quiet|--hash)$/.test(w));

/** A name that says its value is secret (`db_password`, `apiToken`, `client-secret`). */
const SECRET_NAME = /pass|secret|token|key|cred|auth|private|dsn|connection.?string|database.?url/i;

/**
 * Decrypting to stdout: not in place (sops's `-i`, `--in-place`) and not into a file (`-o F`,
 * `--output F`; `--output -` is stdout).
 */
function decryptsToStdout(argv: string[]): boolean {
  const sops = /(^|\/)sops$/.test(argv[0] ?? '');
  for (let i = 1; i < argv.length; i++) {
    const [opt, inline] = argv[i].split(/=(.*)/s, 2);
    if (opt === '--in-place' || (sops && opt === '-i')) return false;
    if ((opt === '-o' || opt === '--output' || opt === '--output-file') && (inline ?? argv[i + 1]) !== '-')
      return false;
  }
  return true;
}
const decrypts = (a: string[]) => a.some((w) => /^(-d|--decrypt)$/.test(w)) && decryptsToStdout(a);

/** A package manager's setting that holds a registry credential (`//registry.npmjs.org/:_authToken`, `npmAuthToken`). */
const AUTH_SETTING = /(_authToken|_auth|_password|authToken|password|token)$/i;

/** rpcclient commands that dump a domain's users, groups, SIDs, trusts or password policy. */
const DIRECTORY_DUMP =
  /\b(enumdomusers|querydispinfo\d?|queryuser|enumdomgroups|enumalsgroups|querygroupmem|lsaquery|lsaenumsid|lookupsids|samlookuprids|getdompwinfo|getusrdompwinfo|enumtrust|dsenumdomtrusts|enumprivs|lsaquerysecobj|netshareenumall)\b/;

const PRINTERS: Printer[] = [
  { program: ['gh'], words: ['auth', 'token'] },
  { program: ['glab'], words: ['auth', 'token'] },
  // the status report with the token itself in it (`gh auth status -t`, `glab auth status --show-token`)
  {
    program: ['gh', 'glab'],
    words: ['auth', 'status'],
    when: (a) => a.some((w) => /^(-t|--show-token)$/.test(w)),
  },
  { program: ['oc'], words: ['whoami'], when: (a) => a.some((w) => /^(-t|--show-token)$/.test(w)) },
  { program: ['fly', 'flyctl'], words: ['auth', 'token'] },
  { program: ['doctl'], words: ['auth', 'token'] },
  { program: ['cf'], words: ['oauth-token'] },
  { program: ['ibmcloud'], words: ['iam', 'oauth-tokens'] },
  { program: ['aws'], words: ['sso', 'get-role-credentials'] },
  { program: ['gcloud'], words: ['auth', 'print-access-token'] },
  { program: ['gcloud'], words: ['auth', 'print-identity-token'] },
  { program: ['gcloud'], words: ['auth', 'application-default', 'print-access-token'] },
  { program: ['gcloud'], words: ['secrets', 'versions', 'access'] },
  { program: ['az'], words: ['account', 'get-access-token'] },
  { program: ['az'], words: ['keyvault', 'secret', /^(show|download)$/] },
  { program: ['aws'], words: ['ecr', 'get-login-password'] },
  { program: ['aws'], words: ['sts', 'get-session-token'] },
  { program: ['aws'], words: ['configure', 'export-credentials'] },
  { program: ['aws'], words: ['secretsmanager', 'get-secret-value'] },
  {
    program: ['aws'],
    words: ['ssm', /^get-parameters?(-by-path)?$/],
    when: (a) => a.includes('--with-decryption'),
  },
  { program: ['heroku'], words: ['auth:token'] },
  { program: ['heroku'], words: [/^config(:get)?$/] },
  { program: ['vault', 'bao'], words: ['print', 'token'] },
  { program: ['vault', 'bao'], words: ['kv', 'get'] },
  { program: ['vault', 'bao'], words: ['read'] },
  { program: ['doppler'], words: ['secrets', 'get'] },
  { program: ['doppler'], words: ['secrets', 'download'] },
  { program: ['op'], words: ['read'] },
  { program: ['op'], words: ['item', 'get'] },
  { program: ['bw'], words: ['get', 'password'] },
  // every item with its login's password and notes: sent away, it is the vault (to the terminal
  // it is a search the user reads, credential-reveal.ts does not ask)
  { program: ['bw'], words: ['list', 'items'] },
  { program: ['pass', 'gopass'], words: ['show'] },
  // credential helpers: git's and docker's print the stored username and password
  { program: ['git'], words: ['credential', 'fill'] },
  { program: ['git'], words: [/^credential-\w+$/, 'get'] },
  { program: [/^docker-credential-\w+$/], words: ['get'] },
  { program: [/^git-credential-\w+$/], words: ['get'] },
  // the macOS keychain with -w / -g (the password), libsecret
  {
    program: ['security'],
    words: [/^find-(generic|internet)-password$/],
    when: (a) => a.some((w) => /^-[a-zA-Z]*[wg]/.test(w)),
  },
  { program: ['secret-tool'], words: ['lookup'] },
  // a Kubernetes secret's data (`get secret x -o jsonpath='{.data.password}'`), not its listing
  { program: ['kubectl', 'oc'], words: ['get', /^secrets?(\/.+)?$/], when: printsData },
  { program: ['kubectl', 'oc'], words: ['config', 'view'], when: (a) => a.includes('--raw') },
  // a registry token kept in the package manager's config
  {
    program: ['npm', 'pnpm', 'yarn'],
    words: ['config', 'get'],
    when: (_a, pos) => AUTH_SETTING.test(pos[2] ?? ''),
  },
  {
    program: ['gpg', 'gpg2'],
    words: [],
    when: exportsSecretKeys,
  },
  // the kernel keyring's key payloads (`keyctl print|pipe|read KEY`), not its listings (`show`, `list`)
  { program: ['keyctl'], words: [/^(print|pipe|read)$/] },
  // Windows Credential Manager through the CredentialManager module
  { program: [/^get-storedcredential$/i], words: [] },
  // a domain's accounts, groups and password policy enumerated over SMB/RPC
  { program: ['rpcclient'], words: [], when: (a) => a.some((w) => DIRECTORY_DUMP.test(w)) },
  { program: [/^(enum4linux(-ng)?(\.py)?|ldapdomaindump|impacket-samrdump|samrdump\.py)$/], words: [] },
  // encrypted secret files decrypted to stdout
  { program: ['gpg', 'gpg2', 'age', 'rage', 'sops'], words: [], when: decrypts },
  // EJSON's and credstash's decrypted values (`ejson decrypt F` prints the file unless `-o F`)
  { program: ['ejson'], words: ['decrypt'], when: decryptsToStdout },
  { program: ['credstash'], words: [/^(get|getall)$/] },
  { program: ['sops'], words: ['decrypt'], when: decryptsToStdout },
  { program: ['ansible-vault'], words: ['view'] },
  // `ansible-vault decrypt` rewrites the file unless told `--output -`
  {
    program: ['ansible-vault'],
    words: ['decrypt'],
    when: (a) => a.some((w, i) => w === '--output=-' || (w === '--output' && a[i + 1] === '-')),
  },
  { program: ['chamber'], words: [/^(read|export)$/] },
  { program: ['berglas'], words: ['access'] },
  // a config whose secret references are resolved (`ref+vault://…`, `ref+awssecrets://…`) and printed
  { program: ['vals'], words: [/^(eval|get|env)$/] },
  { program: ['infisical'], words: ['secrets', 'get'] },
  { program: ['infisical'], words: ['export'] },
  { program: ['dotenvx'], words: [/^(decrypt|get)$/], when: decryptsToStdout },
  // a container's environment
  { program: ['docker', 'podman', 'nerdctl'], words: ['inspect'], when: inspectsEnv },
  { program: ['docker', 'podman', 'nerdctl'], words: [/^(container|image)$/, 'inspect'], when: inspectsEnv },
  { program: ['docker', 'podman'], words: ['compose', 'config'], when: (a) => !composeConfigLists(a) },
  { program: ['docker-compose', 'podman-compose'], words: ['config'], when: (a) => !composeConfigLists(a) },
  // infrastructure outputs and state, sensitive values in the clear
  {
    program: ['terraform', 'tofu', 'opentofu', 'terragrunt'],
    words: ['output'],
    when: (a, pos) => a.includes('-json') || a.includes('--json') || SECRET_NAME.test(pos[1] ?? ''),
  },
  { program: ['terraform', 'tofu', 'opentofu', 'terragrunt'], words: ['state', 'pull'] },
  {
    program: ['terraform', 'tofu', 'opentofu', 'terragrunt'],
    words: ['show'],
    when: (a) => a.includes('-json'),
  },
  { program: ['pulumi'], words: [], when: (a) => a.includes('--show-secrets') },
  { program: ['pulumi'], words: ['config', 'get'], when: (_a, pos) => SECRET_NAME.test(pos[2] ?? '') },
];

/**
 * The positional words of argv after the program: every word not starting with `-`, and
 * the same without a word right after an option written without `=` (`-n prod`, `-C dir`),
 * which may be that option's value. Both are tried: which options take a value is not known.
 */
function positionals(argv: string[]): string[][] {
  const all = argv.slice(1).filter((a) => !a.startsWith('-'));
  const values = argv.slice(1).filter((a, i, w) => !a.startsWith('-') && !/^-[^=]*$/.test(w[i - 1] ?? ''));
  return [all, values];
}

const matches = (p: string | RegExp, w: string | undefined) =>
  w !== undefined && (typeof p === 'string' ? p === w : p.test(w));

/**
 * What stored credential `argv` prints (`gh auth token`, …), as a short label; '' when it
 * prints none. `argv[0]` may be a path.
 */
export function printedCredential(argv: string[]): string {
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  for (const pos of positionals(argv))
    for (const p of [...PRINTERS, ...CI_PRINTERS]) {
      if (!p.program.some((x) => matches(x, program))) continue;
      if (!p.words.every((w, i) => matches(w, pos[i]))) continue;
      if (p.when && !p.when(argv, pos)) continue;
      return [program, ...pos.slice(0, p.words.length)].join(' ') || program;
    }
  if (fetchesMetadataCredential(argv)) return `${program} (instance metadata credentials)`;
  // the password managers' and secret services' own readers (`bw get item`, `passbolt get resource`)
  return managerSecret(program, argv) ?? '';
}
