/**
 * Commands whose output is a stored credential: CLIs that print the token they keep
 * (`gh auth token`, `gcloud auth print-access-token`, `az account get-access-token`,
 * `aws ecr get-login-password`, `heroku auth:token`, `vault print token`), password
 * managers (`op read`, `bw get password`, `pass show`), and `gpg --export-secret-keys`.
 * Piping or substituting such output into a request body sends the credential away
 * (exfil-sources.ts); used for its purpose (`| docker login --password-stdin`, an
 * `Authorization:` header) it is not. Pure.
 */

/** `gpg --export-secret-keys` / `--export-secret-subkeys`: argv prints the keyring's private keys. */
export function exportsSecretKeys(argv: string[]): boolean {
  return argv.some((w) => /^--export-secret-(sub)?keys$/.test(w));
}

/** A printer: the program, the words that must follow it (in order, options skipped), and an optional further test. */
interface Printer {
  program: string[];
  words: string[];
  /** Extra condition on the whole argv (an option that makes the command print the secret). */
  when?: (argv: string[]) => boolean;
}

const PRINTERS: Printer[] = [
  { program: ['gh'], words: ['auth', 'token'] },
  { program: ['glab'], words: ['auth', 'token'] },
  { program: ['gcloud'], words: ['auth', 'print-access-token'] },
  { program: ['gcloud'], words: ['auth', 'print-identity-token'] },
  { program: ['gcloud'], words: ['auth', 'application-default', 'print-access-token'] },
  { program: ['az'], words: ['account', 'get-access-token'] },
  { program: ['aws'], words: ['ecr', 'get-login-password'] },
  { program: ['aws'], words: ['sts', 'get-session-token'] },
  { program: ['aws'], words: ['configure', 'export-credentials'] },
  { program: ['heroku'], words: ['auth:token'] },
  { program: ['vault'], words: ['print', 'token'] },
  { program: ['vault'], words: ['kv', 'get'] },
  { program: ['vault'], words: ['read'] },
  { program: ['doppler'], words: ['secrets', 'get'] },
  { program: ['doppler'], words: ['secrets', 'download'] },
  { program: ['op'], words: ['read'] },
  { program: ['op'], words: ['item', 'get'] },
  { program: ['bw'], words: ['get', 'password'] },
  { program: ['pass', 'gopass'], words: ['show'] },
  { program: ['kubectl'], words: ['config', 'view'], when: (a) => a.includes('--raw') },
  {
    program: ['gpg', 'gpg2'],
    words: [],
    when: exportsSecretKeys,
  },
];

/** The positional words of argv after the program (options and their `=` values skipped). */
function positionals(argv: string[]): string[] {
  return argv.slice(1).filter((a) => !a.startsWith('-'));
}

/**
 * What stored credential `argv` prints (`gh auth token`, …), as a short label; '' when it
 * prints none. `argv[0]` may be a path.
 */
export function printedCredential(argv: string[]): string {
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  const pos = positionals(argv);
  for (const p of PRINTERS) {
    if (!p.program.includes(program)) continue;
    if (!p.words.every((w, i) => pos[i] === w)) continue;
    if (p.when && !p.when(argv)) continue;
    return [program, ...p.words].join(' ') || program;
  }
  return '';
}
