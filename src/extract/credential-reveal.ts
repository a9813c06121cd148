/**
 * Password managers and secret stores asked to print what they keep: `pass show`,
 * `gopass show|cat`, `op read|inject`, `op item get --reveal`, `bw get password`, `rbw get`,
 * `lpass show`, `keepassxc-cli show -s` (or `-a Password`), `kwallet-query -r`, and whole
 * services dumped by `chamber export|env`, `doppler secrets`, `infisical export`; secret
 * services asked for a value (`akeyless get-secret-value`, `berglas access`, `conjur variable get`,
 * `bws secret get`, `ksm secret get`, `kamal secrets print`), encrypted stores decrypted to the terminal
 * (`dotenvx get`, `rails credentials:show`, `n8n export:credentials --decrypted`), and the
 * environment printed under a secret injector (`aws-vault exec prod -- env`); credential
 * helpers and keyrings are read in credential-stored.ts. The value
 * lands in the agent's transcript and logs, where it no longer is a secret.
 *
 * Reads the command's words, its wrappers and, through `all`, whether its output is piped
 * into another command: then that command decides (a login reading `--password-stdin`, a
 * count, or a request that the exfiltration rules judge); a filter that passes the lines on
 * to the terminal (`| grep AWS_`, `| head -1`) decides nothing. Copies to the clipboard and writes to a file
 * the tool itself names (`op read -o F`) show nothing. Listings, names and usernames
 * (`gopass ls`, `op item get X --fields username`, `chamber list`) are not secrets.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { injectsSecrets } from '../normalize/runners.js';
import { isSecretName, secretVarRefs } from './exfil-sources.js';
import { storedSecret } from './credential-stored.js';

/** argv's positional words after the program, without a word right after a value-less option (`-a Password`). */
function verbs(argv: string[]): string[] {
  return argv.slice(1).filter((a, i, w) => !a.startsWith('-') && !/^-[^=]*$/.test(w[i - 1] ?? ''));
}

/** The values of the options named (`--fields a,b`, `--fields=a`, `-a X`); empty = not given. */
function values(argv: string[], names: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const [opt, inline] = argv[i].split(/=(.*)/s, 2);
    if (names.includes(opt)) out.push(inline ?? argv[i + 1] ?? '');
  }
  return out;
}

const has = (argv: string[], re: RegExp) => argv.slice(1).some((a) => re.test(a));

/** To the clipboard (`-c`, `-c2`, `--clip`), a QR code or a file the tool writes: nothing printed. */
const ELSEWHERE = /^(-c\d*|--clip(=.*)?|-q|--qrcode|-o|--out-file(=.*)?|--output-file(=.*)?)$/;

/** A field or attribute whose value is secret (a username or URL is not). */
const SECRET_FIELD = /pass|secret|token|key|cred|otp|totp|private|pin|note/i;

/** `pass`'s subcommands that print no stored secret; any other first word is an entry name (`pass github/token`). */
const PASS_QUIET = new Set(
  'init ls list find search insert add edit generate rm remove delete mv rename cp copy git help version'.split(
    ' ',
  ),
);

/** What each tool reveals, as a label; '' = nothing printed. */
const REVEALERS: Record<string, (argv: string[], v: string[]) => string> = {
  pass: (a, v) => {
    if (has(a, /^(-c\d*|--clip(=.*)?|-q\d*|--qrcode(=.*)?)$/)) return '';
    if (
      v[0] === 'show' ||
      v[0] === 'grep' ||
      (v[0] === 'otp' && !/^(insert|append|validate)$/.test(v[1] ?? ''))
    )
      return `pass ${v[0]}`;
    return v[0] !== undefined && !PASS_QUIET.has(v[0]) ? 'pass show' : '';
  },
  gopass: (a, v) => {
    if (has(a, /^(-c|--clip|--qr)$/) && !has(a, /^(-C|--alsoclip)$/)) return '';
    if (/^(show|cat|otp|totp)$/.test(v[0] ?? '')) return `gopass ${v[0]}`;
    return v.length === 1 && v[0].includes('/') ? 'gopass show' : '';
  },
  op: (a, v) => {
    if (/^(read|inject)$/.test(v[0] ?? '') || (v[0] === 'document' && v[1] === 'get'))
      return has(a, ELSEWHERE) ? '' : `op ${v.slice(0, v[0] === 'document' ? 2 : 1).join(' ')}`;
    if (v[0] !== 'item' || v[1] !== 'get') return '';
    const fields = values(a, ['--fields']).join(',');
    const json = values(a, ['--format']).some((f) => /json/i.test(f));
    return has(a, /^(--reveal|--otp)$/) || json || SECRET_FIELD.test(fields) ? 'op item get' : '';
  },
  bw: (_a, v) => (v[0] === 'get' && /^(password|item|totp|notes)$/.test(v[1] ?? '') ? `bw get ${v[1]}` : ''),
  rbw: (a, v) => {
    if (v[0] === 'code') return 'rbw code';
    if (v[0] !== 'get' || has(a, /^(-c|--clipboard)$/)) return '';
    const field = values(a, ['--field', '-f']).join(',');
    return field && !SECRET_FIELD.test(field) ? '' : 'rbw get';
  },
  lpass: (a, v) => {
    if (v[0] !== 'show' || has(a, /^(-c|--clip)$/)) return '';
    // only names, usernames or URLs asked for
    const only = /^(--username|--url|--id|--name|--attach|-G|--basic-regexp|--format(=.*)?)$/;
    const fields = values(a, ['--field']);
    const asksSecret =
      fields.some((f) => SECRET_FIELD.test(f)) || has(a, /^(--password|--notes|--all|--json)$/);
    return asksSecret || !has(a, only) ? 'lpass show' : '';
  },
  'keepassxc-cli': (a, v) => {
    if (v[0] === 'export') return 'keepassxc-cli export';
    if (v[0] !== 'show') return '';
    const attrs = values(a, ['-a', '--attributes']);
    return has(a, /^(-s|--show-protected|-t|--totp)$/) || attrs.some((x) => SECRET_FIELD.test(x))
      ? 'keepassxc-cli show'
      : '';
  },
  'kwallet-query': (a) => (has(a, /^(-r|--read-password)$/) ? 'kwallet-query --read-password' : ''),
  chamber: (a, v) => {
    if (v[0] === 'read' || v[0] === 'env') return `chamber ${v[0]}`;
    if (v[0] === 'export') return has(a, /^(-o|--output-file)(=.*)?$/) ? '' : 'chamber export';
    return v[0] === 'list' && has(a, /^(-e|--expand)$/) ? 'chamber list --expand' : '';
  },
  doppler: (a, v) => {
    if (v[0] !== 'secrets' || has(a, /^--only-names$/)) return '';
    if (v[1] === undefined || v[1] === 'get') return `doppler secrets${v[1] ? ' get' : ''}`;
    return v[1] === 'download' && has(a, /^--no-file$/) ? 'doppler secrets download --no-file' : '';
  },
  infisical: (a, v) => {
    if (v[0] === 'export') return has(a, /^--output-file(=.*)?$/) ? '' : 'infisical export';
    return v[0] === 'secrets' && (v[1] === undefined || v[1] === 'get') ? `infisical secrets` : '';
  },
  // secret services: a value fetched by name, or every secret of a project printed
  akeyless: (_a, v) => (/^get-(dynamic-|rotated-)?secret-value$/.test(v[0] ?? '') ? `akeyless ${v[0]}` : ''),
  berglas: (_a, v) => (v[0] === 'access' ? 'berglas access' : ''),
  conjur: (_a, v) =>
    v[0] === 'variable' && /^(get|value)$/.test(v[1] ?? '') ? `conjur variable ${v[1]}` : '',
  bws: (_a, v) => (v[0] === 'secret' && /^(get|list)$/.test(v[1] ?? '') ? `bws secret ${v[1]}` : ''),
  ksm: (_a, v) => (v[0] === 'secret' && /^(get|notation)$/.test(v[1] ?? '') ? `ksm secret ${v[1]}` : ''),
  hcp: (_a, v) => (v.includes('vault-secrets') && v.includes('open') ? 'hcp vault-secrets secrets open' : ''),
  teller: (_a, v) => (/^(export|env)$/.test(v[0] ?? '') ? `teller ${v[0]}` : ''),
  kamal: (_a, v) => (v[0] === 'secrets' && /^(fetch|print)$/.test(v[1] ?? '') ? `kamal secrets ${v[1]}` : ''),
  // encrypted files and stores decrypted to the terminal
  dotenvx: (a, v) => {
    if (v[0] === 'get') return 'dotenvx get';
    return v[0] === 'decrypt' && has(a, /^--stdout$/) ? 'dotenvx decrypt --stdout' : '';
  },
  rails: (_a, v) => (v[0] === 'credentials:show' ? 'rails credentials:show' : ''),
  // n8n's stored credentials, decrypted (without --decrypted they stay encrypted)
  n8n: (a, v) =>
    v[0] === 'export:credentials' && has(a, /^--decrypted$/) && !has(a, /^(-o|--output)(=.*)?$/)
      ? 'n8n export:credentials --decrypted'
      : '',
};

/** Commands that print the whole environment (`env`, `printenv`, `export -p`, `declare -x`). */
function printsEnvironment(cmd: NormalizedCommand): boolean {
  const args = cmd.argv.slice(1);
  if (cmd.program === 'env' || cmd.program === 'printenv')
    return args.every((a) => a.startsWith('-') && !/^(-u|--unset|-C|--chdir|-S|--split-string)/.test(a));
  if (/^(set|export|declare|typeset)$/.test(cmd.program)) return args.every((a) => /^-[px]+$/.test(a));
  return false;
}

/** Interpreters whose inline code may print a variable (`node -e "console.log(process.env.X)"`). */
const CODE_PRINTERS =
  /^(node|nodejs|deno|bun|python[\d.]*|ipython[\d.]*|ruby|perl|php|lua|Rscript|julia|elixir)$/;

/** A print call in code whose argument reads an environment variable: the variable's name. */
const PRINTS_ENV =
  /\b(?:console\.(?:log|info|error|warn)|process\.std(?:out|err)\.write|print(?:ln|f)?|puts|p|pp|say|echo|IO\.puts|cat|println)\b\s*\(?[^;\n]*?(?:process\.env(?:\.|\[\s*['"`])|os\.environ(?:\.get\(|\[)\s*['"]?|os\.getenv\(\s*['"]|ENV(?:\.fetch\(|\[)\s*['"]|\$ENV\{\s*['"]?|getenv\(\s*['"]|Sys\.getenv\(\s*['"]|System\.get_env\(\s*['"])([A-Za-z_]\w*)/g;

/** The secret-looking variables `cmd` prints: `printenv NAME`, `echo $NAME`, a print of it in inline code. Empty = none. */
function printedVars(cmd: NormalizedCommand): string[] {
  const args = cmd.argv.slice(1);
  if (cmd.program === 'printenv') return args.filter((a) => !a.startsWith('-'));
  if (cmd.program === 'echo' || cmd.program === 'printf') return args.flatMap(secretVarRefs);
  if (!CODE_PRINTERS.test(cmd.program)) return [];
  return args.flatMap((a) => [...a.matchAll(PRINTS_ENV)].map((m) => m[1]));
}

/**
 * Under a secret injector or an env-file loader (`aws-vault exec prod -- env`, `doppler run
 * -- printenv STRIPE_KEY`, `env-cmd -f .env node -e "console.log(process.env.API_TOKEN)"`):
 * the environment printed holds the secrets it injected; a name that is not secret
 * (`printenv HOME`) does not.
 */
function injectedEnv(cmd: NormalizedCommand): string {
  const injector = cmd.wrappers.find(injectsSecrets);
  if (!injector) return '';
  if (printsEnvironment(cmd)) return `${injector} … ${cmd.program}`;
  const name = printedVars(cmd).find(isSecretName);
  return name ? `${injector} … ${cmd.program} ${name}` : '';
}

/**
 * Filters that print the lines they are given as they are (a selection, an order, an
 * encoding that decodes back): what comes out of them is still the secret.
 */
const PASS_THROUGH = /^(grep|egrep|fgrep|rg|head|tail|sort|uniq|cat|tac|nl|tee|less|more|column|base64)$/;
/** Of those, options that print a count, names or nothing instead (`grep -c`, `grep -q`, `grep -l`). */
const NO_LINES = /^-[a-zA-Z]*[cqlL]|^--(count|quiet|silent|files-with(out)?-match(es)?)$/;

/**
 * True when another command of the script reads `cmd`'s output through a pipe and does
 * not merely pass it on to the terminal (`| grep AWS_`, `| head -1`): then that command decides.
 */
function piped(cmd: NormalizedCommand, all: NormalizedCommand[]): boolean {
  const next = all.find((c) => c.stdin?.kind === 'pipe' && c.stdin.from === cmd);
  if (!next) return false;
  const passes = PASS_THROUGH.test(next.program) && !next.argv.slice(1).some((a) => NO_LINES.test(a));
  return passes ? piped(next, all) : true;
}

/**
 * What stored secret `cmd` prints to the terminal (`gopass show`, `chamber export`), as a
 * label; '' when none is printed there.
 */
export function revealedSecret(cmd: NormalizedCommand, all: NormalizedCommand[]): string {
  const reveal = Object.hasOwn(REVEALERS, cmd.program) ? REVEALERS[cmd.program] : undefined;
  const label = reveal
    ? reveal(cmd.argv, verbs(cmd.argv))
    : storedSecret(cmd.program, cmd.argv) || injectedEnv(cmd);
  return label && !piped(cmd, all) ? label : '';
}
