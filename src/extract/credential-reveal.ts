/**
 * Password managers and secret stores asked to print what they keep: `pass show`,
 * `gopass show|cat`, `op read|inject`, `op item get --reveal`, `bw get password`, `rbw get`,
 * `lpass show`, `keepassxc-cli show -s` (or `-a Password`), `kwallet-query -r`, and whole
 * services dumped by `chamber export|env`, `doppler secrets`, `infisical export`. The value
 * lands in the agent's transcript and logs, where it no longer is a secret.
 *
 * Reads the command's words and, through `all`, whether its output is piped into another
 * command: then that command decides (a login reading `--password-stdin`, a count, or a
 * request that the exfiltration rules judge). Copies to the clipboard and writes to a file
 * the tool itself names (`op read -o F`) show nothing. Listings, names and usernames
 * (`gopass ls`, `op item get X --fields username`, `chamber list`) are not secrets.
 */
import type { NormalizedCommand } from '../engine/types.js';

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
};

/** True when another command of the script reads `cmd`'s output through a pipe. */
function piped(cmd: NormalizedCommand, all: NormalizedCommand[]): boolean {
  return all.some((c) => c.stdin?.kind === 'pipe' && c.stdin.from === cmd);
}

/**
 * What stored secret `cmd` prints to the terminal (`gopass show`, `chamber export`), as a
 * label; '' when none is printed there.
 */
export function revealedSecret(cmd: NormalizedCommand, all: NormalizedCommand[]): string {
  const reveal = REVEALERS[cmd.program];
  if (!reveal) return '';
  const label = reveal(cmd.argv, verbs(cmd.argv));
  return label && !piped(cmd, all) ? label : '';
}
