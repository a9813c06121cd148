/**
 * What password managers and secret services print of what they keep, read from their
 * argv: `pass show`, `gopass show|cat`, `op read|inject`, `op item get --reveal`, `bw get
 * password|item`, `bw export`, `rbw get`, `lpass show|export`, `keepassxc-cli show -s`, `passbolt get resource`,
 * `keeper get --unmask|--format json`, `chamber export`, `doppler secrets`, `akeyless
 * get-secret-value`, … Shared by credential-reveal.ts (printed to the terminal) and
 * credential-printers.ts (piped or substituted into a request). Copies to the clipboard and
 * writes to a file the tool itself names show nothing; listings, names and usernames are not
 * secrets. Pure.
 */

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

/** `pass` and its age-keyed twin `passage`: an entry shown, grepped or its OTP code (not to the clipboard or a QR code). */
function passRevealer(name: string): (a: string[], v: string[]) => string {
  return (a, v) => {
    if (has(a, /^(-c\d*|--clip(=.*)?|-q\d*|--qrcode(=.*)?)$/)) return '';
    if (
      v[0] === 'show' ||
      v[0] === 'grep' ||
      (v[0] === 'otp' && !/^(insert|append|validate)$/.test(v[1] ?? ''))
    )
      return `${name} ${v[0]}`;
    return v[0] !== undefined && !PASS_QUIET.has(v[0]) ? `${name} show` : '';
  };
}

/** What each tool reveals, as a label; '' = nothing printed. */
const REVEALERS: Record<string, (argv: string[], v: string[]) => string> = {
  pass: passRevealer('pass'),
  // the same store kept with age keys, same verbs
  passage: passRevealer('passage'),
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
  // Bitwarden: an item's secret, or the whole vault exported to stdout
  bw: (a, v) => {
    if (v[0] === 'get' && /^(password|item|totp|notes)$/.test(v[1] ?? '')) return `bw get ${v[1]}`;
    return v[0] === 'export' && !has(a, /^--output(=.*)?$/) ? 'bw export' : '';
  },
  // go-passbolt-cli: a resource with its password; a listing only when a secret column is asked for
  passbolt: (a, v) => {
    if (v[0] === 'get' && v[1] === 'resource') return 'passbolt get resource';
    const columns = values(a, ['--column', '-c']).join(',');
    return v[0] === 'list' && v[1] === 'resource' && SECRET_FIELD.test(columns)
      ? 'passbolt list resource'
      : '';
  },
  // Keeper Commander: `get` masks the password unless unmasked or printed as JSON; find-password prints it
  keeper: (a, v) => {
    if (v[0] === 'find-password') return 'keeper find-password';
    const json = values(a, ['--format']).some((f) => /json/i.test(f));
    return v[0] === 'get' && (json || has(a, /^--unmask$/)) ? 'keeper get' : '';
  },
  // Dashlane: a password to the console or as JSON (the clipboard by default); notes and secrets print
  dcli: (a, v) => {
    if (/^(note|n|secret)$/.test(v[0] ?? '')) return `dcli ${v[0]}`;
    const out = values(a, ['-o', '--output']);
    return /^(password|p)$/.test(v[0] ?? '') && out.some((o) => /^(console|json)$/.test(o))
      ? 'dcli password'
      : '';
  },
  'enpass-cli': (_a, v) => (/^(show|pass)$/.test(v[0] ?? '') ? `enpass-cli ${v[0]}` : ''),
  rbw: (a, v) => {
    if (v[0] === 'code') return 'rbw code';
    if (v[0] !== 'get' || has(a, /^(-c|--clipboard)$/)) return '';
    const field = values(a, ['--field', '-f']).join(',');
    return field && !SECRET_FIELD.test(field) ? '' : 'rbw get';
  },
  lpass: (a, v) => {
    if (v[0] === 'export') return 'lpass export';
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

/**
 * The label of the stored secret a password manager or secret service prints with `argv`
 * (`bw get item`); '' when it prints none; undefined when `program` is none of those tools.
 */
export function managerSecret(program: string, argv: string[]): string | undefined {
  const name = program.split('/').pop() ?? '';
  return Object.hasOwn(REVEALERS, name) ? REVEALERS[name](argv, verbs(argv)) : undefined;
}
