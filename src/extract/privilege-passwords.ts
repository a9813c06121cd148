/**
 * root's password set to a value the caller knows, or removed: `chpasswd` fed a `root:…` line
 * (from its stdin, or the `echo`/`printf` before it), `passwd [root]` run as root (`--stdin`,
 * `-d` to delete it, `-u` to unlock), `usermod -p|--password HASH root`, macOS `dscl . -passwd
 * /Users/root` and `sysadminctl -resetPasswordFor root`; Windows' built-in Administrator
 * (root's counterpart) enabled or given a password (`net user Administrator PW|/active:yes`,
 * `Enable-LocalUser`, `Set-LocalUser -Password`). Whoever knows it logs in as root.
 * Read from the command's words and stdin; where chpasswd's input cannot be read, root's line
 * may be among it.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readStdinDeep } from './sql-clients.js';

/** Accounts with uid 0 by convention (BSD's `toor`). */
const ROOT = /^(root|toor)$/;

/** Windows' built-in administrator: by name, or by its well-known SID (`S-1-5-21-…-500`). */
const WINDOWS_ADMIN = /^([\w.-]+\\)?administrator$|^S-1-5-21-[\d-]+-500$/i;

/** A PowerShell parameter's value by its name or a prefix of it (`-Name X`, `-N:X`); undefined = not given. */
function psParam(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^-(\w+)(?::(.*))?$/.exec(args[i]);
    if (m && name.startsWith(m[1].toLowerCase())) return m[2] ?? args[i + 1];
  }
  return undefined;
}

/** The built-in Administrator enabled or given a password by `net user` or a LocalAccounts cmdlet; undefined = neither. */
function windowsAdmin(name: string, args: string[]): string | undefined {
  if (name === 'net' && /^users?$/i.test(args[0] ?? '') && WINDOWS_ADMIN.test(args[1] ?? '')) {
    const rest = args.slice(2).map((a) => a.toLowerCase());
    if (rest.some((a) => /^\/active(:yes)?$/.test(a)))
      return `net user ${args[1]}: the built-in administrator enabled`;
    // `net user Administrator PW` or `*` (asks for one); a `/option` alone changes no password
    if (rest.some((a) => !a.startsWith('/'))) return `net user ${args[1]}: its password set`;
    return undefined;
  }
  if (name !== 'enable-localuser' && name !== 'set-localuser') return undefined;
  const who = psParam(args, 'name') ?? psParam(args, 'sid') ?? args.find((a) => !a.startsWith('-')) ?? '';
  if (!WINDOWS_ADMIN.test(who)) return undefined;
  if (name === 'enable-localuser') return `Enable-LocalUser ${who}: the built-in administrator enabled`;
  return psParam(args, 'password') !== undefined ? `Set-LocalUser ${who}: its password set` : undefined;
}

/** passwd's options that only read or lock (status, expiry, aging): no password is set. */
const PASSWD_READS =
  /^(-S|--status|-a|--all|-l|--lock|-e|--expire|-n|-x|-w|-i|--mindays|--maxdays|--warndays|--inactive|-k|--keep-tokens)$/;

/** chpasswd: the accounts of its `user:password` lines; undefined = its input cannot be read. */
function chpasswdUsers(cmd: NormalizedCommand, ctx: AnalyzeContext): string[] | undefined {
  const text = readStdinDeep(cmd, ctx).text;
  if (text !== undefined) return text.split(/\r?\n|\\n/).map((l) => l.split(':')[0].trim());
  // an upstream `echo root:$PW`: the account is known even where the password is not
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  if (from && /^(echo|printf)$/.test(from.program)) {
    const lines = from.argv
      .slice(1)
      .filter((a) => !a.startsWith('-'))
      .join('\n');
    const users = lines.split(/\n|\\n/).map((l) => l.split(':')[0].trim());
    if (users.every((u) => u && !u.includes('$'))) return users;
  }
  return undefined;
}

/** What sets or removes root's password in `cmd`, in words; undefined = nothing. */
export function rootPassword(cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  const args = cmd.argv.slice(1);
  const pos = args.filter((a) => !a.startsWith('-'));
  const windows = windowsAdmin(cmd.program.toLowerCase(), args);
  if (windows) return windows;
  switch (cmd.program) {
    case 'chpasswd': {
      const users = chpasswdUsers(cmd, ctx);
      // fail closed: input that cannot be read may hold root's line
      if (users === undefined) return 'passwords from input that cannot be read';
      return users.some((u) => ROOT.test(u)) ? "root's password set" : undefined;
    }
    case 'passwd': {
      if (args.some((a) => PASSWD_READS.test(a))) return undefined;
      // with no account named, passwd changes the caller's: root's under sudo
      const asRoot = cmd.wrappers.some((w) => /^(sudo|doas|su)$|^(sudo|doas|su) -u (root|0)$/.test(w));
      const user = pos[pos.length - 1] ?? (asRoot ? 'root' : '');
      if (!ROOT.test(user)) return undefined;
      return args.some((a) => a === '-d' || a === '--delete')
        ? "root's password deleted"
        : "root's password set";
    }
    case 'usermod': {
      const set = args.some((a) => a === '-p' || a === '--password' || a.startsWith('--password='));
      return set && ROOT.test(pos[pos.length - 1] ?? '') ? "root's password set" : undefined;
    }
    case 'dscl': {
      const at = args.indexOf('-passwd');
      return at >= 0 && /^\/Users\/(root|toor)$/.test(args[at + 1] ?? '') ? "root's password set" : undefined;
    }
    case 'sysadminctl': {
      const at = args.indexOf('-resetPasswordFor');
      return at >= 0 && ROOT.test(args[at + 1] ?? '') ? "root's password set" : undefined;
    }
    default:
      return undefined;
  }
}
