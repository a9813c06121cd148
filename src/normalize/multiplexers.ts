/**
 * Programs that run a command later or elsewhere on this machine, read as wrappers
 * (wrappers.ts): terminal multiplexers (`tmux new-session -d 'cmd'`, `tmux send-keys 'cmd'
 * Enter`, which types it into a shell, `screen -dmS name cmd args`, `screen -X stuff
 * 'cmd\n'`) and transient systemd units (`systemd-run [--user] [--on-calendar=…] cmd
 * args`). What they run is judged now, as if it ran now: a timer or a detached session
 * does not make it less destructive.
 */
import { joinFields } from './fields.js';
import { getopt } from './options.js';
import type { Peel, Peeler } from './wrappers.js';

/** tmux subcommands (and aliases) whose last argument is a shell command: their options that take a value. */
const TMUX_SHELL_COMMAND: Record<string, string> = {
  'new-session': 'ceFfnstxy',
  new: 'ceFfnstxy',
  'new-window': 'ceFnt',
  neww: 'ceFnt',
  'split-window': 'ceFlt',
  splitw: 'ceFlt',
  'respawn-pane': 'cet',
  respawnp: 'cet',
  'respawn-window': 'cet',
  respawnw: 'cet',
  'run-shell': 'dt',
  run: 'dt',
  'display-popup': 'bcdehsStTwxy',
  popup: 'bcdehsStTwxy',
};
/** Key names send-keys turns into keys (not text): Enter, C-m, M-x, Escape … */
const TMUX_KEY =
  /^([CMS]-.|Enter|Escape|Tab|BSpace|Space|Up|Down|Left|Right|Home|End|NPage|PPage|KP\w+|F\d+)$/;

/**
 * `tmux [-L s] [-S path] [-f file] SUB [opts] ['shell command']`: the command, re-parsed;
 * `send-keys [-t pane] TEXT… [Enter]` types TEXT into a shell: re-parsed as a script too
 * (fail closed: a key name is dropped, the rest is what the shell receives). `tmux -c CMD`
 * runs CMD with the default shell.
 */
export const tmux: Peeler = (args) => {
  const g = getopt(args, { short: 'LSfcT' });
  const c = g.opts.get('c');
  if (c !== undefined) return { label: 'tmux -c', argv: [], script: { text: c, dynamic: g.dynamic } };
  const sub = args[g.index];
  if (!sub || sub.dynamic) return undefined;
  const rest = args.slice(g.index + 1);
  if (Object.hasOwn(TMUX_SHELL_COMMAND, sub.text)) {
    const p = getopt(rest, { short: TMUX_SHELL_COMMAND[sub.text] });
    const words = rest.slice(p.index);
    if (words.length === 0) return { label: `tmux ${sub.text}`, argv: [] };
    // One word is a shell command; several are a program and its arguments.
    return words.length === 1
      ? { label: `tmux ${sub.text}`, argv: [], script: words[0] }
      : { label: `tmux ${sub.text}`, argv: words };
  }
  if (sub.text === 'send-keys' || sub.text === 'send') {
    const p = getopt(rest, { short: 'cNt' });
    const typed = rest.slice(p.index).filter((f) => f.dynamic || !TMUX_KEY.test(f.text));
    return { label: 'tmux send-keys', argv: [], script: joinFields(typed) };
  }
  return undefined;
};

/**
 * `screen [-dmS name] [opts] CMD ARGS…` runs CMD in a new window; `screen [-S s] -X stuff
 * TEXT` types TEXT into a running one (re-parsed, `\n` and `^M` as line ends).
 */
export const screen: Peeler = (args) => {
  const p = getopt(args, { short: 'SscpehtTX' });
  const x = p.opts.get('X');
  if (x !== undefined) {
    if (x !== 'stuff') return { label: `screen -X ${x}`, argv: [] };
    const text = args[p.index] ?? { text: '', dynamic: false };
    return {
      label: 'screen -X stuff',
      argv: [],
      script: { ...text, text: text.text.replace(/\\n|\^M|\\r/g, '\n') },
    };
  }
  // `screen -ls`, `screen -r NAME`: no words after the options, nothing run
  return { label: 'screen', argv: args.slice(p.index) };
};

/** systemd-run's options that take a value (short and long). */
const SYSTEMD_RUN_LONG = [
  'unit',
  'property',
  'description',
  'slice',
  'setenv',
  'working-directory',
  'uid',
  'gid',
  'nice',
  'machine',
  'host',
  'service-type',
  'on-active',
  'on-boot',
  'on-startup',
  'on-unit-active',
  'on-unit-inactive',
  'on-calendar',
  'on-clock-change',
  'on-timezone-change',
  'timer-property',
  'path-property',
  'socket-property',
  'expand-environment',
];

/**
 * `systemd-run [opts] CMD ARGS…`: CMD in a transient unit (as root without --user), now or
 * on a timer. `-H|--host` runs it on another machine (labelled so); `-M` in a container.
 */
export const systemdRun: Peeler = (args) => {
  const p = getopt(args, { short: 'upEHM', long: SYSTEMD_RUN_LONG });
  const host = p.opts.get('H') ?? p.opts.get('host');
  const peel: Peel = { label: host ? `systemd-run -H ${host}` : 'systemd-run', argv: args.slice(p.index) };
  const cwd = p.opts.get('working-directory');
  return cwd !== undefined ? { ...peel, cwd: { text: cwd, dynamic: p.dynamic } } : peel;
};
