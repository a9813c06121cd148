/**
 * The programs whose options or target words carry a password on the command line, and
 * which option it is (src/secrets/context-flags.ts builds the masker's patterns from them).
 * Pure data.
 */
import { cls, lit, type Node } from './pattern.js';

/** Options that are a password only for these programs. `attached`: the value follows with no blank (`-pSECRET`). */
export interface ProgramOption {
  /** Pattern id; also the NAME in `agentfw:masked:NAME`. */
  id: string;
  /** Program names as typed on Unix; the look back also takes them in upper case and with `.exe`. */
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
/** NcFTP's clients: `-p PASSWORD` (with `-u USER`). */
const NCFTP = ['ncftp', 'ncftpput', 'ncftpget', 'ncftpls'];
/** Archivers whose `-P PASSWORD` encrypts or opens the archive. */
const ZIP = ['zip', 'unzip', 'zipcloak'];
/** Archivers whose `-pPASSWORD` is glued. */
const SEVEN_ZIP = ['7z', '7za', '7zr', '7zz', 'rar', 'unrar'];
/** FreeRDP: `/p:password`, `/pth:NTHASH` (`/p\:` as a shell-quoted command line spells it). */
const FREERDP = ['xfreerdp', 'xfreerdp3', 'wlfreerdp', 'sdl-freerdp', 'sdl-freerdp3'];

export const PROGRAM_OPTIONS: ProgramOption[] = [
  { id: 'sql-password', programs: MSSQL_CLIENTS, option: ['-P'], attached: false },
  { id: 'gsocket-secret', programs: GSOCKET, option: ['-s'], attached: false },
  { id: 'password', programs: DASH_P_PASSWORD, option: ['-p'], attached: false },
  { id: 'mysql-password', programs: MYSQL_CLIENTS, option: ['-p'], attached: true },
  // the short option (which may be glued: -Uuser%pass) apart from the long one
  ...['-U', '--user'].map((option) => ({
    id: 'smb-password',
    programs: SAMBA_CLIENTS,
    option: [option],
    attached: false,
    prefix: [cls('[^\\s%\'"]', 1, 128), lit('%')],
  })),
  // lftp: `-u user,pass` on its command line and in its `open -u user,pass` command (inside
  // -c/-e, after `lftp`); `\,` is how a shell-quoted command line spells the comma. `-p` is a port.
  ...['-u', '--user'].map((option) => ({
    id: 'ftp-password',
    programs: ['lftp'],
    option: [option],
    attached: false,
    prefix: [cls('[^\\s,\'"\\\\]', 1, 128), lit(',', '\\,')],
  })),
  { id: 'ftp-password', programs: ['lftp'], option: ['--password'], attached: false },
  { id: 'ftp-password', programs: NCFTP, option: ['-p'], attached: false },
  { id: 'archive-password', programs: ZIP, option: ['-P'], attached: false },
  { id: 'archive-password', programs: SEVEN_ZIP, option: ['-p'], attached: true },
  { id: 'rdp-password', programs: FREERDP, option: ['/p:', '/pth:', '/p\\:', '/pth\\:'], attached: true },
];

/** impacket's example scripts, which take `[domain/]user[:password]@target` as a word. */
export const IMPACKET = [
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
