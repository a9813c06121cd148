/**
 * Secrets recognised by the command line they are given on: single-dash password options
 * (`-pw X`, `-pass X`, `-storepass X`, `-hashes LM:NT`), options that mean a password only
 * for some programs (`-P` of the SQL Server and Sybase clients, where it is a port for ssh
 * or mysql; `-p` of the remote-login and directory tools; `-s` of gsocket, whose secret alone
 * grants its shell), `user%pass` of the Samba clients, `/p:` of FreeRDP, and the
 * `[domain/]user:password[@host]` target word of the impacket scripts.
 *
 * A program-keyed pattern starts at the option and looks back for the program's name earlier
 * on the same command (a path before it is fine; no newline, `;`, `&` or `|` between). Its
 * triggers are the options, not the program names: names such as `net`, `zip` or `mysql`
 * sit inside common words, and as triggers they made the vector pre-filter pass far more
 * of every text (a third of the masker's time on relayed output). The value is one shell
 * word, or the text inside the single or double quotes right after the option.
 */
import type { SecretPattern } from './formats.js';
import { escape } from './families.js';
import { ahead, alt, behind, cls, lit, opt, seq, type Node } from './pattern.js';

/** Unquoted word value: up to whitespace, a quote or a shell operator. */
const WORD = '[^\\s\'"`;&|<>]';
/** The rest of one command after its program name: never past a newline or an operator. */
const SPAN: Node = cls('[^\\n;&|]', 0, 240, true);
/**
 * One of `programs` (not inside a longer name or path part, followed by a blank) earlier on
 * the same command, read backwards from the end of the option just matched (`options`):
 * SPAN between the name and the option.
 */
const programBefore = (programs: string[], options: string[]): Node =>
  behind(
    `(?<=(?<![A-Za-z0-9_.-])(?:${programs.map(escape).join('|')})(?=[ \\t])[^\\n;&|]{1,240}(?:${options.map(escape).join('|')}))`,
  );
/**
 * The char before a program-keyed option, part of the match (and of its trigger): a blank
 * or a quote. The pre-filter then passes ` -p` but not `-p` inside `--password`.
 */
const BEFORE_OPTION = [' ', '\t', "'", '"'];
/** A word starts here: after a blank or a quote. */
const WORD_START = behind('(?<=[\\s"\'])');
/** Not inside a longer name or path part. */
const NAME_START = behind('(?<![A-Za-z0-9_.-])');
/** The program name ends here (arguments follow). */
const NAME_END = ahead('(?=[ \\t])');
/**
 * The value is one word; a `)` ending it belongs to the text around it (a reader's
 * `(pscp -pw X)`), a `)` inside it is the password's. Lazy value + this end.
 */
const WORD_END: Node = ahead('(?=\\)?(?:[\\s\'"`;&|<>]|$))', {
  partial: '(?=\\)?$)',
  mid: '(?=\\)?[\\s\'"`;&|<>])',
});
/** Blanks or `=` between an option and its value (`\\=` as a shell-quoted command line spells it). */
const OPT_SEP: Node = alt(cls('[ \\t]', 1, 4), lit('=', '\\='));
/** How each OPT_SEP begins: an option followed by one of these is a trigger. */
const SEP_STARTS = [' ', '\t', '=', '\\='];

/**
 * Single-dash options that take a password whatever the program (PuTTY's `-pw`, kadmin's
 * `cpw|addprinc -pw`, mailsend's `-pass`, keytool's `-storepass`, impacket's `-hashes` and
 * `-aesKey`). openssl's `-pass|-passin|-passout env:VAR|file:PATH|fd:N|stdin` name where the
 * password is, not the password: not masked.
 */
const ANY_PROGRAM_OPTIONS = [
  'pw',
  'pass',
  'passwd',
  'password',
  'passin',
  'passout',
  'storepass',
  'keypass',
  'srcstorepass',
  'deststorepass',
  'srckeypass',
  'destkeypass',
  'hashes',
  'aesKey',
];

/** Options that are a password only for these programs. `attached`: the value follows with no blank (`-pSECRET`). */
interface ProgramOption {
  /** Pattern id; also the NAME in `agentfw:masked:NAME`. */
  id: string;
  /** Program names (lower case as typed; `.exe` is not added). */
  programs: string[];
  /** The option as typed, including its leading dash or slash (`-P`, `/p:`). */
  option: string[];
  /** True: the value is glued to the option (`-pSECRET`, `/p:SECRET`); false: a blank or `=` between. */
  attached: boolean;
  /** Nodes between the option and the value that stay visible (`user%` of `-U user%pass`). Empty = none. */
  prefix?: Node[];
}

/** SQL Server and Sybase command-line clients: `-P PASSWORD` (a port elsewhere). */
const MSSQL_CLIENTS = ['sqsh', 'isql', 'sqlcmd', 'bcp', 'osql', 'tsql', 'fisql', 'bsqldb', 'freebcp'];
/** gsocket's tools: `-s SECRET` (the secret alone lets anyone connect). */
const GSOCKET = ['gs-netcat', 'gsocket', 'gs-sftp', 'gs-mount', 'gs-full-pipe', 'blitz'];
/** Remote-login, spraying and directory tools whose `-p` is the password. */
const DASH_P_PASSWORD = [
  'sshpass',
  'nxc',
  'netexec',
  'crackmapexec',
  'cme',
  'evil-winrm',
  'hydra',
  'medusa',
  'certipy',
  'certipy-ad',
  'bloodyAD',
  'bloodyad',
  'ldapdomaindump',
  'smbmap',
  'enum4linux-ng',
];
/** MySQL and MariaDB clients: `-pPASSWORD` glued (`-p DB` prompts; `-P` is the port). */
const MYSQL_CLIENTS = [
  'mysql',
  'mysqldump',
  'mysqladmin',
  'mysqlimport',
  'mysqlshow',
  'mysqlcheck',
  'mysqlpump',
  'mariadb',
  'mariadb-dump',
  'mariadb-admin',
];
/** Samba clients: `-U user%password`. */
const SAMBA_CLIENTS = [
  'smbclient',
  'rpcclient',
  'smbcacls',
  'smbget',
  'winexe',
  'pth-winexe',
  'pth-smbclient',
];
/** Archivers whose `-P PASSWORD` encrypts or opens the archive. */
const ZIP = ['zip', 'unzip', 'zipcloak'];
/** Archivers whose `-pPASSWORD` is glued. */
const SEVEN_ZIP = ['7z', '7za', '7zr', '7zz', 'rar', 'unrar'];
/** FreeRDP: `/p:password`, `/pth:NTHASH` (`/p\:` as a shell-quoted command line spells it). */
const FREERDP = ['xfreerdp', 'xfreerdp3', 'wlfreerdp', 'sdl-freerdp', 'sdl-freerdp3'];

const PROGRAM_OPTIONS: ProgramOption[] = [
  { id: 'sql-password', programs: MSSQL_CLIENTS, option: ['-P'], attached: false },
  { id: 'gsocket-secret', programs: GSOCKET, option: ['-s'], attached: false },
  { id: 'password', programs: DASH_P_PASSWORD, option: ['-p'], attached: false },
  { id: 'mysql-password', programs: MYSQL_CLIENTS, option: ['-p'], attached: true },
  {
    id: 'smb-password',
    programs: SAMBA_CLIENTS,
    option: ['-U', '--user'],
    attached: false,
    prefix: [cls('[^\\s%\'"]', 1, 128), lit('%')],
  },
  { id: 'archive-password', programs: ZIP, option: ['-P'], attached: false },
  { id: 'archive-password', programs: SEVEN_ZIP, option: ['-p'], attached: true },
  { id: 'rdp-password', programs: FREERDP, option: ['/p:', '/pth:', '/p\\:', '/pth\\:'], attached: true },
];

/** impacket's example scripts, which take `[domain/]user[:password]@target` as a word. */
const IMPACKET = [
  'secretsdump',
  'psexec',
  'smbexec',
  'wmiexec',
  'atexec',
  'dcomexec',
  'dacledit',
  'owneredit',
  'GetUserSPNs',
  'GetNPUsers',
  'GetADUsers',
  'GetADComputers',
  'getTGT',
  'getST',
  'getPac',
  'addcomputer',
  'rbcd',
  'mssqlclient',
  'smbclient',
  'lookupsid',
  'reg',
  'services',
  'samrdump',
  'changepasswd',
  'findDelegation',
  'raiseChild',
  'goldenPac',
  'wmiquery',
  'wmipersist',
  'netview',
  'net',
  'Get-GPPPassword',
  'keylistattack',
  'exchanger',
  'tstool',
  'dpapi',
  'describeTicket',
  'ticketer',
];

/** How a value is written: a bare word, or in single or double quotes (`-pw 'a b'`). */
type Quoting = '' | "'" | '"';
const QUOTINGS: Quoting[] = ['', "'", '"'];

/** The value and what ends it, for a quoting: a word up to WORD_END, or the rest of the quotes. */
const valueOf = (q: Quoting): Pick<SecretPattern, 'value' | 'tail'> =>
  q
    ? { value: [cls(`[^${q}\\n]`, 1, 512)], tail: [lit(q)] }
    : { value: [cls(WORD, 1, 512, true)], tail: [WORD_END] };

/** `-pw X`, `-pass=X`, `-pw 'X Y'`, …: see ANY_PROGRAM_OPTIONS. */
const anyProgram = (q: Quoting): SecretPattern => {
  const v = valueOf(q);
  return {
    id: 'dash-flag',
    title: 'single-dash password option (-pw X, -pass X, -storepass X, -hashes LM:NT)',
    kind: 'context',
    lead: [
      behind('(?<![A-Za-z0-9_-])'),
      lit('-'),
      lit(...ANY_PROGRAM_OPTIONS),
      OPT_SEP,
      ...(q ? [lit(q)] : []),
    ],
    value: [ahead('(?!(?:env|file|fd)\\\\?:|stdin(?![^\\s]))'), ...v.value],
    tail: v.tail,
    vet: 'strict',
    trigger: ANY_PROGRAM_OPTIONS.flatMap((o) => SEP_STARTS.map((sep) => `-${o}${sep}`)),
  };
};

/** One ProgramOption as a pattern: the option (after the program's name), the value. */
function programOption(o: ProgramOption, q: Quoting): SecretPattern {
  return {
    id: o.id,
    title: `${o.option.join(' or ')} of ${o.programs.slice(0, 3).join(', ')}…`,
    kind: 'context',
    lead: [
      // the cheap forward tests first: the look back for the program (the costly part) only
      // runs where this option is
      lit(...BEFORE_OPTION),
      lit(...o.option),
      programBefore(o.programs, o.option),
      ...(o.attached ? [] : [OPT_SEP]),
      ...(q ? [lit(q)] : []),
      ...(o.prefix ?? []),
    ],
    ...valueOf(q),
    vet: 'strict',
    trigger: BEFORE_OPTION.flatMap((b) =>
      o.option.flatMap((x) => (o.attached ? [b + x] : SEP_STARTS.map((sep) => b + x + sep))),
    ),
    nameIsId: true,
  };
}

/** impacket's `[domain/]user:password[@target]`: the password up to the last `@` of the word. */
const impacketTarget: SecretPattern = {
  id: 'target-password',
  title: "impacket's [domain/]user:password@target word",
  kind: 'context',
  lead: [
    NAME_START,
    alt(seq(lit('impacket-'), lit(...IMPACKET)), seq(lit(...IMPACKET), lit('.py'))),
    NAME_END,
    SPAN,
    WORD_START,
    opt(seq(cls('[A-Za-z0-9_.-]', 1, 100), lit('/'))),
    cls('[^\\s:/@\'"]', 1, 100),
    lit(':'),
    ahead('(?!/)'),
  ],
  value: [cls('[^\\s\'"]', 1, 256, true)],
  tail: [
    ahead('(?=@[^\\s@\'"()]*\\)?(?:[\\s\'"]|$)|\\)?(?:[\\s\'"]|$))', {
      partial: '(?=@[^\\s@\'"()]*\\)?$|\\)?$)',
      mid: '(?=@[^\\s@\'"()]*\\)?[\\s\'"]|\\)?[\\s\'"])',
    }),
  ],
  vet: 'strict',
  // `.py` and a blank (NAME_END), or the end of `impacket-` (its start, `imp`, begins every
  // `import`): the match starts at the script's name before it
  trigger: ['.py ', '.py\t', 'ket-'],
  back: '[A-Za-z0-9_-]',
  nameIsId: true,
};

/** Every command-line pattern of this module (context.ts lists them with the key-name ones). */
export const FLAG_CONTEXTS: SecretPattern[] = [
  ...QUOTINGS.map(anyProgram),
  ...PROGRAM_OPTIONS.flatMap((o) => QUOTINGS.map((q) => programOption(o, q))),
  impacketTarget,
];
