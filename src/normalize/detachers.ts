/**
 * Programs that start a command detached from the terminal, in a session of their own or as a
 * daemon, read as wrappers (wrappers.ts): what they start is judged now, as if it ran now
 * (detaching does not make it less destructive).
 * - `dtach -A|-c|-n|-N SOCKET [opts] CMD…` (`-a`/`-p SOCKET` attach or push: nothing run);
 * - `abduco [opts] -c|-n|-A NAME CMD…` (`-a NAME` attaches; no CMD runs `$ABDUCO_CMD`, not known);
 * - `daemonize [-c DIR] [-E N=V] [opts] PATH ARGS…`;
 * - `daemon [opts] [--] CMD…` (libslack and FreeBSD; `--command='CMD ARGS'` a command line);
 * - `start-stop-daemon --start --exec|--startas PATH [-- ARGS…]` (`--stop`, `--status`, `--test`: nothing run);
 * - `openvt [-c VT] [opts] -- CMD…` (on a new virtual terminal);
 * - `unshare [opts] [CMD…]` (in new namespaces; no CMD: a shell reading stdin);
 * - `s6-setsid [opts] CMD…`;
 * - `launchctl submit -l LABEL [-p PROG] -- CMD…` (a launchd job), `launchctl asuser|bsexec ID CMD…`;
 * - `zellij [opts] run [opts] -- CMD…`, `zellij action new-pane -- CMD…` and `zellij action
 *   write-chars TEXT` (typed into a pane's shell: read as a script);
 * - byobu, a front end of tmux: its commands read as tmux's (multiplexers.ts).
 */
import { getopt, lastOpt } from './options.js';
import { tmux } from './multiplexers.js';
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

/** `dtach MODE SOCKET [-e C] [-E] [-r M] [-z] CMD…`: MODE -A/-c/-n/-N run CMD. */
const dtach: Peeler = (args) => {
  const mode = args[0]?.text;
  if (!mode || args[0].dynamic || !/^-[AcnN]$/.test(mode)) return { label: 'dtach', argv: [] };
  const p = getopt(args.slice(2), { short: 'er' });
  return { label: `dtach ${mode}`, argv: args.slice(2 + p.index) };
};

/** `abduco [-e KEY] [-f] [-l] [-p] [-q] [-r] -c|-n|-A NAME CMD…`. */
const abduco: Peeler = (args) => {
  const p = getopt(args, { short: 'ecnAa' });
  const create = ['c', 'n', 'A'].some((o) => p.opts.has(o));
  return { label: 'abduco', argv: create ? args.slice(p.index) : [] };
};

/** The `NAME=VALUE` values of the options named `names` as environment entries (other shapes skipped). */
function envOf(all: [string, Field][], ...names: string[]): [string, Field][] {
  return all.flatMap(([o, v]): [string, Field][] => {
    const kv = names.includes(o) ? /^([^=]+)=(.*)$/s.exec(v.text) : null;
    return kv ? [[kv[1], { text: kv[2], dynamic: v.dynamic }]] : [];
  });
}

/** `daemonize [-a] [-c DIR] [-e F] [-E N=V] [-l F] [-o F] [-p F] [-u USER] [-v] PATH ARGS…` (grouped: `-vu USER`). */
const daemonize: Peeler = (args) => {
  const p = getopt(args, { short: 'ceElopu' });
  const cwd = lastOpt(p, 'c');
  return { label: 'daemonize', argv: args.slice(p.index), env: envOf(p.all, 'E'), ...(cwd ? { cwd } : {}) };
};

/**
 * `daemon`'s options that take a value, short letters: libslack's (`-n NAME`, `-X CMD`, `-u`,
 * `-R`, `-D`, `-P`, `-F`, `-m`, `-e`, `-a`, `-A`, `-L`, `-M`, `-l`, `-b`, `-o`, `-O`, `-E`, `-C`)
 * and FreeBSD daemon(8)'s (`-p`, `-P`, `-t`, `-T`, `-s`, `-m`, `-o`, `-l`, `-R`, `-C`, `-u`).
 * `-S` (libslack --safe, FreeBSD syslog) is a flag in both. libslack's `-p` (--pty) takes its
 * value only attached (`-pnoecho`), so the FreeBSD reading of a separate word is the one kept.
 */
const DAEMON_VALUED = 'nXuRDPFmeaALMlboOECptTs';
const DAEMON_LONG = [
  'name',
  'command',
  'user',
  'chroot',
  'chdir',
  'pidfiles',
  'pidfile',
  'output',
  'stdout',
  'stderr',
  'errlog',
  'dbglog',
  'config',
  'umask',
  'env',
  'acceptable',
  'attempts',
  'delay',
  'limit',
  'idiot',
  'child-pidfile',
  'supervisor-pidfile',
  'title',
  'syslog-tag',
  'syslog-priority',
  'syslog-facility',
  'restart-delay',
  'restart-count',
  'output-mask',
];

const daemon: Peeler = (args) => {
  const p = getopt(args, { short: DAEMON_VALUED, long: DAEMON_LONG });
  const line = p.opts.get('X') ?? p.opts.get('command');
  if (line !== undefined) return { label: 'daemon', argv: [], script: { text: line, dynamic: p.dynamic } };
  const chdir = lastOpt(p, 'D', 'chdir');
  return {
    label: 'daemon',
    argv: args.slice(p.index),
    env: envOf(p.all, 'e', 'env'),
    ...(chdir ? { cwd: chdir } : {}),
  };
};

/**
 * start-stop-daemon's options that take a value (short letters, long names). Flags: `-S`
 * start, `-K` stop, `-T` status, `-t` test, `-o` oknodo, `-q`, `-v`, `-b` background, `-C`
 * no-close, `-m` make-pidfile, `-H`, `-V`.
 */
const SSD_SHORT = 'pxnugcrdNPIksRaO';
const SSD_LONG = [
  'pidfile',
  'pid',
  'ppid',
  'exec',
  'name',
  'user',
  'group',
  'chuid',
  'chroot',
  'chdir',
  'nicelevel',
  'procsched',
  'iosched',
  'umask',
  'signal',
  'retry',
  'startas',
  'output',
  'notify-timeout',
];

const startStopDaemon: Peeler = (args) => {
  const p = getopt(args, { short: SSD_SHORT, long: SSD_LONG });
  const start = p.opts.has('S') || p.opts.has('start');
  const test = p.opts.has('t') || p.opts.has('test');
  const prog = p.opts.get('a') ?? p.opts.get('startas') ?? p.opts.get('x') ?? p.opts.get('exec');
  if (!start || test || prog === undefined) return { label: 'start-stop-daemon', argv: [] };
  const dashes = args.findIndex((a) => a.text === '--');
  const rest = dashes >= 0 ? args.slice(dashes + 1) : [];
  const chdir = lastOpt(p, 'd', 'chdir');
  return {
    label: 'start-stop-daemon --start',
    argv: [{ text: prog, dynamic: p.dynamic }, ...rest],
    ...(chdir ? { cwd: chdir } : {}),
  };
};

const unshare: Peeler = (args) => {
  const p = getopt(args, {
    short: 'SGRw',
    long: [
      'setuid',
      'setgid',
      'root',
      'wd',
      'propagation',
      'setgroups',
      'map-user',
      'map-group',
      'map-users',
      'map-groups',
    ],
  });
  // Without a command: the user's shell, reading its commands from stdin.
  const argv = args.slice(p.index);
  return { label: 'unshare', argv: argv.length ? argv : [{ text: 'sh', dynamic: false }] };
};

/** `zellij [-s S] [-l L] [-c C] run|action …`. */
const zellij: Peeler = (args) => {
  const g = getopt(args, {
    short: 'slc',
    long: ['session', 'layout', 'config', 'config-dir', 'data-dir', 'max-panes'],
  });
  const sub = args[g.index];
  if (!sub || sub.dynamic) return undefined;
  const rest = args.slice(g.index + 1);
  const action = sub.text === 'action' || sub.text === 'ac' ? rest[0]?.text : undefined;
  if (action === 'write-chars')
    return { label: 'zellij action write-chars', argv: [], script: rest[1] ?? { text: '', dynamic: false } };
  const run =
    sub.text === 'run' || sub.text === 'r'
      ? rest
      : action === 'new-pane' || action === 'n'
        ? rest.slice(1)
        : undefined;
  if (!run) return undefined;
  const dashes = run.findIndex((a) => a.text === '--');
  const p = getopt(run, {
    short: 'dnxy',
    long: ['direction', 'name', 'cwd', 'height', 'width', 'x', 'y', 'pinned'],
  });
  const argv = dashes >= 0 ? run.slice(dashes + 1) : run.slice(p.index);
  const cwd = p.opts.get('cwd');
  return {
    label: 'zellij run',
    argv,
    ...(cwd !== undefined ? { cwd: { text: cwd, dynamic: p.dynamic } } : {}),
  };
};

/**
 * `launchctl submit -l LABEL [-p PROGRAM] [-o F] [-e F] -- CMD ARGS…` (with `-p`, PROGRAM runs
 * with CMD as its argv[0]), `launchctl asuser UID CMD…` and `launchctl bsexec PID CMD…` (CMD
 * in that user's or process's bootstrap); other subcommands run nothing read here.
 */
const launchctl: Peeler = (args) => {
  const sub = args[0];
  if (!sub || sub.dynamic) return undefined;
  if (sub.text === 'asuser' || sub.text === 'bsexec')
    return { label: `launchctl ${sub.text}`, argv: args.slice(2) };
  if (sub.text !== 'submit') return undefined;
  const p = getopt(args.slice(1), { short: 'lpoe' });
  const argv = args.slice(1 + p.index);
  const prog = lastOpt(p, 'p');
  return { label: 'launchctl submit', argv: prog ? [prog, ...argv.slice(1)] : argv };
};

/** By program name, spread into WRAPPERS. */
export const DETACHERS: Record<string, Peeler> = {
  dtach,
  abduco,
  daemonize,
  daemon,
  'start-stop-daemon': startStopDaemon,
  openvt: (args) => ({
    label: 'openvt',
    argv: args.slice(getopt(args, { short: 'c', long: ['console'] }).index),
  }),
  unshare,
  's6-setsid': (args) => ({ label: 's6-setsid', argv: args.slice(getopt(args, { short: 'd' }).index) }),
  launchctl,
  zellij,
  byobu: tmux,
  'byobu-tmux': tmux,
};
