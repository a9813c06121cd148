/**
 * Settings lines searched out of a settings file that may also hold a secret. `~/.aws/config`
 * and `~/.oci/config` are mostly settings (regions, profiles, the tenancy, the key file's
 * path) with a secret on some lines (`aws_secret_access_key`, `pass_phrase`). Reading the whole file is a credential read;
 * a line search whose every pattern names a setting (`grep -E '^(region|tenancy)'`, `rg
 * '^\[profile'`) prints only those lines, so it is not.
 *
 * Fail closed: an option not known to print only selected lines (`-v`, context `-A/-B/-C`,
 * `--passthru`, `-f FILE`, `--binary-files text`: only the options listed in SWITCHES and
 * VALUED are read), a word not known statically, rg with `RIPGREP_CONFIG_PATH` set (options
 * from a file), a pattern that is not a plain word or an
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

/**
 * Options that take a value (the rest of a short cluster, `=VALUE`, or the next word), per
 * searcher family: none of them prints other lines.
 */
const VALUED: Record<string, RegExp> = {
  grep: /^(-m|--max-count|--label|--include|--exclude|--exclude-dir)$/,
  rg: /^(-m|--max-count|-g|--glob|--iglob|-t|--type|-T|--type-not|-r|--replace|-M|--max-columns|--max-depth|-j|--threads|--color|--colors|--sort|--sortr|--encoding|-E)$/,
};

/**
 * Options known to take no value and to print only selected lines (or less), per family.
 * Any option not here nor in VALUED is unknown: the read counts (`--binary-files text`,
 * whose value would be taken for the pattern).
 */
const SWITCHES: Record<string, RegExp> = {
  grep: /^(-[iynHhsEFGPwxclLqobT]|--(ignore-case|no-ignore-case|line-number|with-filename|no-filename|no-messages|extended-regexp|fixed-strings|basic-regexp|perl-regexp|word-regexp|line-regexp|count|files-with-matches|files-without-match|quiet|silent|only-matching|byte-offset|initial-tab|colou?r(=\w+)?))$/,
  rg: /^(-[iSsnNHIFwxclqo]|--(ignore-case|smart-case|case-sensitive|line-number|no-line-number|with-filename|no-filename|fixed-strings|word-regexp|line-regexp|count|files-with-matches|quiet|only-matching|heading|no-heading|no-config|color=\w+))$/,
};

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

/** What else is known of the command: which words are dynamic, its variables. */
export interface SearchContext {
  /** argv indices (program = 0) whose words are not known statically. Empty = all literal. */
  dynamicArgs?: readonly number[];
  /** Variables known for the command, its prefix assignments included. Empty = none. */
  vars?: Readonly<Record<string, string>>;
}

/**
 * The patterns of a line search (`-e`, `--regexp`, else the first operand); undefined when a
 * word is an option not known to print only selected lines (see SWITCHES).
 */
function searchPatterns(family: 'grep' | 'rg', args: string[]): string[] | undefined {
  const valued = VALUED[family];
  const switches = SWITCHES[family];
  const patterns: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a];
      if (name === '--regexp') patterns.push(value ?? args[++i] ?? '');
      else if (valued.test(name)) {
        if (value === undefined) i++;
      } else if (!switches.test(a)) return undefined;
      continue;
    }
    // a short cluster: `-in`, `-ie PATTERN`, `-eregion`, `-m5`
    for (let j = 1; j < a.length; j++) {
      const opt = '-' + a[j];
      const rest = a.slice(j + 1);
      if (opt === '-e' || valued.test(opt)) {
        const value = rest !== '' ? rest : (args[++i] ?? '');
        if (opt === '-e') patterns.push(value);
        break;
      }
      if (!switches.test(opt)) return undefined;
    }
  }
  if (patterns.length === 0 && operands.length > 0) patterns.push(operands[0]);
  return patterns;
}

/**
 * True when `program args` only prints settings lines of the settings file `abs` (see the
 * header); false for any other file, program or search.
 */
export function settingsLinesOnly(
  program: string,
  args: string[],
  abs: string,
  home: string,
  known: SearchContext = {},
): boolean {
  if (!SEARCHERS.has(program) || !SETTINGS_FILES.test(path.relative(home, abs))) return false;
  // a word not known statically may be any option or pattern
  if ((known.dynamicArgs ?? []).some((i) => i > 0)) return false;
  // rg reads options from the file this names (`--passthru`, `--pre`)
  if (program === 'rg' && known.vars?.RIPGREP_CONFIG_PATH !== undefined) return false;
  const patterns = searchPatterns(program === 'rg' ? 'rg' : 'grep', args);
  if (patterns === undefined || patterns.length === 0) return false;
  return patterns.every((p) => {
    const words = patternWords(p);
    return words !== undefined && words.every((w) => !secretish(w));
  });
}
