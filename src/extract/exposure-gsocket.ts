/**
 * The Global Socket toolkit (gsocket): programs that listen on the Global Socket Relay Network
 * (`gs.thc.org`) rather than a port, so whoever knows the secret reaches this machine from
 * anywhere, through any firewall or NAT:
 * - `gs-netcat -l -i` (an interactive login shell) or `-l -e CMD` (a program, `bash -il`)
 *   served to the network: a remote shell (read by shell-remote.ts);
 * - `gs-netcat -l -S` (a SOCKS proxy into this machine's network) or `-l [-d IP] -p PORT` (a
 *   port forwarded), `gs-sftp -l` and `gs-mount -l` (this machine's files served), and
 *   `gsocket [opts] PROGRAM …` wrapping a server (`sshd`, `nc -l`), whose listening socket
 *   moves to the relay: a tunnel (read by exposure.ts).
 * The words of `$GSOCKET_ARGS` come first (normalize/env-args.ts); a word not known statically
 * may be any option (fail closed: a shell served).
 * The client side of each (`gs-netcat -s S -i`, `gs-sftp -s S`, `gsocket ssh root@gsocket`)
 * opens nothing here. Help (`-h`, `-m`) and a generated secret (`-g`) open nothing either.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** The relay every gsocket program listens on. */
export const GS_RELAY = 'gs.thc.org';

/** gs-netcat's (and gs-sftp's, gs-mount's) options that take a value. */
const GS_VALUED = new Set(['-s', '-k', '-L', '-d', '-p', '-e']);

/**
 * The options of a gsocket program (clusters split: `-liqD` → -l -i -q -D), name → value ('' =
 * a flag). A word not known statically where an option may stand (`$GSOCKET_ARGS`, "$@") is
 * `?`: any option, listening included (fail closed).
 */
function gsOptions(cmd: NormalizedCommand): Map<string, string> {
  const argv = cmd.argv;
  const out = new Map<string, string>();
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (cmd.dynamicArgs.includes(i)) out.set('?', a);
    if (!/^-[A-Za-z]/.test(a)) continue;
    for (let j = 1; j < a.length; j++) {
      const o = `-${a[j]}`;
      if (GS_VALUED.has(o)) {
        out.set(o, a.slice(j + 1) || (argv[++i] ?? ''));
        break;
      }
      out.set(o, '');
    }
  }
  return out;
}

/** What stands for the secret in evidence. */
const HIDDEN = '…';

/**
 * `argv` with the value of `-s` (the secret, which alone lets anyone connect) replaced by `…`,
 * separate or glued (`-s S`, `-sS`, `-ls S`), up to gsocket's wrapped program. `-k FILE`
 * names the file the secret is in and stays.
 */
export function gsocketWords(argv: string[]): string[] {
  const out = [...argv];
  for (let i = 1; i < out.length; i++) {
    const a = out[i];
    if (!/^-[A-Za-z]/.test(a)) {
      if (argv[0].split('/').pop() === 'gsocket') break; // the wrapped program's own words
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const o = `-${a[j]}`;
      if (!GS_VALUED.has(o)) continue;
      if (o === '-s') {
        if (j + 1 < a.length) out[i] = `${a.slice(0, j + 1)}${HIDDEN}`;
        else if (i + 1 < out.length) out[i + 1] = HIDDEN;
      }
      if (j + 1 === a.length) i++; // the value is the next word
      break;
    }
  }
  return out;
}

/** True for a run that only prints help, the manual or a new secret. */
const infoOnly = (o: Map<string, string>) => o.has('-h') || o.has('-m') || o.has('-g');
/** True when the program listens on the relay (or may: `?`). */
const onRelay = (o: Map<string, string>) => o.has('-l') || o.has('?');

/** The relay when `gs-netcat` serves a shell or a program to the network; undefined = it does not. */
export function gsocketShell(cmd: NormalizedCommand): string | undefined {
  if (cmd.program !== 'gs-netcat') return undefined;
  const o = gsOptions(cmd);
  if (infoOnly(o) || !onRelay(o)) return undefined;
  return o.has('-i') || o.has('-e') || o.has('?') ? GS_RELAY : undefined;
}

/** Servers whose listening socket `gsocket PROGRAM` moves to the relay. */
const SERVERS =
  /^(sshd|in\.telnetd|telnetd|x11vnc|vncserver|tigervncserver|x0vncserver|smbd|vsftpd|proftpd|dropbear)$/;

/** What a gsocket program opens to the relay, as [kind, the words]; empty = nothing. */
export function gsocketExposures(cmd: NormalizedCommand): Finding[] {
  const p = cmd.program;
  const said = `${p} ${gsocketWords(cmd.argv).slice(1).join(' ')} (via ${GS_RELAY})`;
  if (p === 'gs-netcat' || p === 'gs-sftp' || p === 'gs-mount') {
    const o = gsOptions(cmd);
    if (infoOnly(o) || !onRelay(o)) return [];
    // gs-netcat's shell is read as a remote shell (shell-remote.ts)
    if (p === 'gs-netcat' && !o.has('-S') && !o.has('-p')) return [];
    return [['tunnel', said]];
  }
  if (p !== 'gsocket') return [];
  // gsocket's own options come first; the rest is the program it runs
  let i = 1;
  while (i < cmd.argv.length && cmd.argv[i].startsWith('-')) i += GS_VALUED.has(cmd.argv[i]) ? 2 : 1;
  const prog = (cmd.argv[i] ?? '').split('/').pop() ?? '';
  const rest = cmd.argv.slice(i + 1);
  const listens = rest.some((a) => /^-[A-Za-z]*l[A-Za-z]*$|^--listen$/.test(a));
  return SERVERS.test(prog) || listens ? [['tunnel', said]] : [];
}
