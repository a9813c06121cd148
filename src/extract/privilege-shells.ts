/**
 * An interactive root shell opened on this machine: whatever is typed into it next runs as
 * root and is never shown to the firewall. A shell with no command, no script and no input
 * (`sudo -i`, `sudo-rs -s`, `doas -s`, `please bash`, `gsudo`, `pkexec bash`) whose nearest change of user is to root,
 * `run0` with no command, and `machinectl shell [root@].host` with no command (root is its
 * default user) or `machinectl login` on the host. Reads the command's words and the
 * wrappers the normalizer peeled (their labels name the user: `sudo -u postgres`, `su root`,
 * `machinectl shell root@.host`).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { SHELLS } from './shell-programs.js';

/** A wrapper label that changes the user, and whether that user is root (undefined = not a change of user). */
function toRoot(label: string): boolean | undefined {
  const m =
    /^(sudo|doas|please|gsudo|pkexec|run0|su|runuser|machinectl shell|su-exec|gosu|setpriv|chpst|k?su|capsh|(?:s6-)?setuidgid|s6-applyuidgid)(?![\w-])\s*(.*)$/.exec(
      label,
    );
  if (!m) return undefined;
  const rest = m[2];
  // the password-less switchers (src/normalize/privilege-drop.ts) change the user only when they name one
  if (/^(su-exec|gosu|setpriv|chpst|ksu|capsh|s6-|setuidgid)/.test(m[1]) && !/(?:^|\s)-u\s/.test(rest))
    return undefined;
  if (m[1] === 'machinectl shell') return /^(root|0)@\.host$/.test(rest);
  if (m[1] === 'su') return rest === '' || rest === 'root';
  if (m[1] === 'runuser') return false;
  // `sudo -u postgres`: another user; `sudo`, `sudo -u root`: root
  const user = /(?:^|\s)-u\s*(\S+)/.exec(rest)?.[1];
  return user === undefined || user === 'root' || user === '0' || user === '#0';
}

/** True when a shell's words run no command and no script (`bash`, `sh -l`, `zsh --login -i`). */
function interactive(cmd: NormalizedCommand): boolean {
  const args = cmd.argv.slice(1);
  if (cmd.stdin !== undefined) return false;
  return args.every((a) => /^[-+]/.test(a) && !/^-[a-zA-Z]*c/.test(a) && a !== '-s');
}

/** The words of machinectl's own options that take a value. */
const MACHINECTL_VALUED = /^(-[poHMnsE]|--(property|output|host|machine|lines|signal|setenv|uid|kill-whom))$/;

/** `machinectl shell|login` on this host with no command: a root shell (or the host's login prompt). */
function machinectl(cmd: NormalizedCommand): string | undefined {
  const a = cmd.argv;
  const words = a
    .slice(1)
    .filter((w, i, all) => !w.startsWith('-') && !MACHINECTL_VALUED.test(all[i - 1] ?? ''));
  if (a.some((w) => /^(-H|--host)(=|$)/.test(w))) return undefined;
  const [sub, target = '.host'] = words;
  const uidAt = a.indexOf('--uid');
  const uid = a.find((w) => w.startsWith('--uid='))?.slice(6) ?? (uidAt >= 0 ? a[uidAt + 1] : undefined);
  const at = target.lastIndexOf('@');
  const user = at >= 0 ? target.slice(0, at) : (uid ?? 'root');
  const name = (at >= 0 ? target.slice(at + 1) : target) || '.host';
  if (name !== '.host') return undefined;
  if (sub === 'login') return 'machinectl login .host';
  if (sub === 'shell' && words.length <= 2 && (user === 'root' || user === '0'))
    return `machinectl shell ${user}@.host`;
  return undefined;
}

/** The root shell `cmd` opens, as the words that say so; undefined = none. */
export function rootShell(cmd: NormalizedCommand): string | undefined {
  if (cmd.remote) return undefined;
  if (cmd.program === 'machinectl') return machinectl(cmd);
  if (cmd.program === 'run0' && cmd.argv.length === 1) return 'run0';
  if (!SHELLS.has(cmd.program) || !interactive(cmd)) return undefined;
  for (let i = cmd.wrappers.length - 1; i >= 0; i--) {
    const root = toRoot(cmd.wrappers[i]);
    if (root === undefined) continue;
    return root ? `${cmd.wrappers[i]} ${cmd.argv.join(' ')}` : undefined;
  }
  return undefined;
}
