/**
 * Settings lines searched out of a settings file that may also hold a secret. `~/.aws/config`
 * and `~/.oci/config` are mostly settings (regions, profiles, the tenancy, the key file's
 * path) with a secret on some lines (`aws_secret_access_key`, `pass_phrase`). Reading the whole file is a credential read;
 * a line search whose every pattern names a setting (`grep -E '^(region|tenancy)'`, `rg
 * '^\[profile'`) prints only those lines, so it is not.
 *
 * Fail closed: an option that prints other lines (`-v`, context `-A/-B/-C`, `--passthru`,
 * multiline), patterns from a file (`-f`), a pattern that is not a plain word or an
 * alternation of words (`.`, `key.*`), a word that names or is part of a secret key (`key`,
 * `access`, `token`) or one of fewer than three letters: the read counts.
 */
import path from 'node:path';

/**
 * The settings files (relative to HOME) whose settings lines may be searched: their key names
 * are a fixed set, the secret ones known. Not `~/.kube/config` (an exec plugin's `env` holds
 * any `value:`), nor files of free-form keys (`gradle.properties`: `ossrhPassword=`, `.npmrc`:
 * `//registry…/:_authToken=`), where a harmless word may pick a secret's line.
 */
const SETTINGS_FILES = /^\.(aws|oci)\/config$/;

/** Line searchers whose first operand (or `-e` values) is the pattern. */
const SEARCHERS = new Set(['grep', 'egrep', 'fgrep', 'rg']);

/** Options that take the next word as their value, per searcher family. */
const VALUED: Record<string, RegExp> = {
  grep: /^(-m|--max-count|-d|--directories|-D|--devices|--label|--include|--exclude|--exclude-dir|--color|--colour)$/,
  rg: /^(-m|--max-count|-g|--glob|--iglob|-t|--type|-T|--type-not|-r|--replace|-M|--max-columns|--max-depth|-j|--threads|--color|--colors|--sort|--sortr|--encoding|-E)$/,
};

/** Options that print lines the patterns did not select, or read patterns from elsewhere. */
const WIDENING =
  /^(-v|--invert-match|-[ABC]\d*|--(after|before)?-?context(=.*)?|-\d+|-f|--file(=.*)?|-z|--null-data|--passthrough|--passthru|-U|--multiline(-dotall)?|--pre(=.*)?)$/;
/** Short options that widen when they sit in a cluster (`-vi`, `-iA2`). */
const WIDENING_SHORT = /[vABCfzU]/;

/** Key names that hold secrets (or whose names a pattern word must not be part of). */
const SECRET_KEYS = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'credential_process',
  'pass_phrase',
  'security_token_file',
  'client-key-data',
  'client-certificate-data',
  'id-token',
  'refresh-token',
  'access-token',
  'auth-provider',
  'password',
];
/** Words that look secret whatever key they are part of. */
const SECRET_WORD = /key|secret|token|pass|phrase|cred|auth|session|private|cert|sig/i;

/** The words a pattern selects (`^(region|tenancy)` → region, tenancy); undefined = not plain words. */
function patternWords(pattern: string): string[] | undefined {
  const alts = pattern.split(/\\?\|/);
  const words: string[] = [];
  for (const alt of alts) {
    const w = alt
      .replace(/^[\^(\s]+|[)$\s]+$/g, '')
      .replace(/^\\?\[/, '')
      .replace(/\\?\]$/, '');
    if (!/^[A-Za-z_][\w-]*$/.test(w)) return undefined;
    words.push(w.toLowerCase());
  }
  return words;
}

/** True when `w` may pick a secret's line (see the header). */
const secretish = (w: string) =>
  w.length < 3 || SECRET_WORD.test(w) || SECRET_KEYS.some((k) => k.includes(w));

/**
 * True when `program args` only prints settings lines of the settings file `abs` (see the
 * header); false for any other file, program or search.
 */
export function settingsLinesOnly(program: string, args: string[], abs: string, home: string): boolean {
  if (!SEARCHERS.has(program) || !SETTINGS_FILES.test(path.relative(home, abs))) return false;
  const valued = VALUED[program === 'rg' ? 'rg' : 'grep'];
  const patterns: string[] = [];
  let operand: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e' || a === '--regexp') {
      patterns.push(args[++i] ?? '');
      continue;
    }
    if (a.startsWith('--regexp=')) {
      patterns.push(a.slice(9));
      continue;
    }
    if (WIDENING.test(a)) return false;
    if (/^-[a-zA-Z][a-zA-Z0-9]+$/.test(a)) {
      if (WIDENING_SHORT.test(a.slice(1))) return false;
      // `-ie PATTERN`: the cluster's last letter takes the next word
      if (a.endsWith('e')) patterns.push(args[++i] ?? '');
      else if (valued.test('-' + a.slice(-1))) i++;
      continue;
    }
    if (valued.test(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    if (operand === undefined) operand = a;
  }
  if (patterns.length === 0 && operand !== undefined) patterns.push(operand);
  if (patterns.length === 0) return false;
  return patterns.every((p) => {
    const words = patternWords(p);
    return words !== undefined && words.every((w) => !secretish(w));
  });
}
