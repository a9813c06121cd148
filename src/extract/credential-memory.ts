/**
 * The memory of a process that holds secrets, dumped or attached to: `gcore PID`, `gdb -p
 * PID`, `lldb -p PID` / `lldb -n NAME`, `procdump` (ProcDump for Windows and Linux), where
 * the process is an agent, keyring, password manager or login service (ssh-agent,
 * gpg-agent, gnome-keyring-daemon, KeePassXC, lsass …). What they keep decrypted in memory
 * (private keys, passwords, tickets) is in the dump. Reads the command's words: a pid found
 * on the spot (`"$(pgrep -n ssh-agent)"`, `$(pidof gpg-agent)`, `$SSH_AGENT_PID`) or a
 * process named.
 *
 * A literal pid or a program of the workspace (`gdb -p 4242`, `gcore $(pgrep -f my-app)`) is
 * ordinary debugging and is not reported; nor is a debugger starting such a program anew
 * (`gdb /usr/bin/ssh-agent`), which holds no secret yet.
 */

/** Processes that hold secrets in memory (named by pgrep/pidof, a pid variable or a name option). */
const HOLDER =
  /\b(ssh-agent|SSH_AGENT_PID|gpg-agent|gnome-keyring(-daemon)?|kwalletd\d*|keepassxc|keepass|1password|bitwarden|secretd|seahorse|vault|lsass(\.exe)?|sshd)\b/i;

/** A word that finds a pid on the spot: a substitution or a variable. */
const FOUND_PID = /\$|`/;

/** Debuggers and dumpers that attach to a running process. */
const ATTACHERS = /^(gcore|gdb|lldb|procdump|procdump64|procdump\.exe|procdump64\.exe)$/i;

/** lldb's and procdump's options whose value is a process name. */
const NAME_OPTS = /^(-n|--attach-name|-pn)$/;

/**
 * The secret-holding process whose memory `argv` dumps or attaches to, as a label (`memory
 * of ssh-agent`); '' when none.
 */
export function dumpedMemory(program: string, argv: string[]): string {
  if (!ATTACHERS.test(program)) return '';
  const procdump = /^procdump/i.test(program);
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    const m = HOLDER.exec(w);
    if (!m) continue;
    const named = NAME_OPTS.test(argv[i - 1] ?? '') || (procdump && !w.startsWith('-'));
    if (FOUND_PID.test(w) || named) return `memory of ${m[1].replace(/^SSH_AGENT_PID$/i, 'ssh-agent')}`;
  }
  return '';
}
