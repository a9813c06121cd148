/**
 * Programs that launch a command given as their arguments, read as wrappers (wrappers.ts):
 * - multi-call binaries: `busybox APPLET ARGS`, `toybox APPLET ARGS`, `coreutils
 *   --coreutils-prog=NAME ARGS` (GNU's single binary) and `coreutils NAME ARGS` (uutils) run
 *   the utility NAME;
 * - `sshpass -p PASS|-f FILE|-d FD|-e CMD ARGS`: CMD (usually ssh, read as a remote carrier
 *   next) with a password fed to its prompt;
 * - job queues: `pueue add [opts] [--] CMD…` (the words are joined and handed to `sh -c`,
 *   unless `--escape`), `nq CMD…`, `tsp CMD…` (task-spooler) run CMD later, in the background;
 * - file watchers: `watchexec [opts] [--] CMD…` (through a shell unless `-n` / `--shell=none`)
 *   and `reflex [opts] [--] CMD…` run CMD on every change, the first time at once or soon
 *   (`reflex -c FILE` runs the commands FILE lists, not read here: unknown).
 * - Xcode's `xcrun [--sdk SDK] TOOL ARGS` runs TOOL (`xcrun swift x.swift`, `xcrun swiftc …`).
 * Each reads only its own argv.
 */
import { joinFields } from './fields.js';
import { getopt } from './options.js';
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

/** `busybox APPLET ARGS`, `toybox APPLET ARGS`: a leading option (`--list`, `--help`) runs nothing. */
const multiCall =
  (label: string): Peeler =>
  (args) =>
    args[0] && !args[0].dynamic && args[0].text.startsWith('-') ? { label, argv: [] } : { label, argv: args };

/** `coreutils --coreutils-prog=NAME ARGS` (GNU), `coreutils NAME ARGS` (uutils). */
const coreutils: Peeler = (args) => {
  const first = args[0];
  if (!first) return { label: 'coreutils', argv: [] };
  const m = /^--coreutils-prog(?:-shebang)?=(.+)$/s.exec(first.text);
  if (m) return { label: 'coreutils', argv: [{ text: m[1], dynamic: first.dynamic }, ...args.slice(1)] };
  return multiCall('coreutils')(args);
};

/** `sshpass [-p PASS|-f FILE|-d FD|-P PROMPT|-e|-v] CMD ARGS`; `-h` / `-V` run nothing. */
const sshpass: Peeler = (args) => {
  const p = getopt(args, { short: 'pfdP' });
  if (p.opts.has('h') || p.opts.has('V')) return { label: 'sshpass', argv: [] };
  return { label: 'sshpass', argv: args.slice(p.index) };
};

/** pueue add's options that take a value; `--after` takes one or more task ids. */
const PUEUE_VALUE = /^(-[wdgaol]|--(working-directory|delay|group|after|priority|label))$/;

/** `pueue [-v] [-c FILE] [-p PROFILE] add [opts] [--] CMD…`: other subcommands launch nothing new. */
const pueue: Peeler = (args) => {
  const g = getopt(args, { short: 'cp', long: ['config', 'profile', 'color'] });
  if (args[g.index]?.text !== 'add') return undefined;
  const rest = args.slice(g.index + 1);
  let cwd: Field | undefined;
  let escape = false;
  let i = 0;
  for (; i < rest.length; i++) {
    const t = rest[i].text;
    if (t === '--') {
      i++;
      break;
    }
    if (!t.startsWith('-') || rest[i].dynamic) break;
    if (t === '-e' || t === '--escape') escape = true;
    if (/^--working-directory=/.test(t)) cwd = { ...rest[i], text: t.replace(/^[^=]*=/, '') };
    if (!PUEUE_VALUE.test(t)) continue;
    if (t === '-w' || t === '--working-directory') cwd = rest[i + 1];
    i++;
    // `--after 1 2 3`: every id up to the next option or the command
    if (t === '-a' || t === '--after') while (/^\d+$/.test(rest[i + 1]?.text ?? '')) i++;
  }
  const cmd = rest.slice(i);
  const where = cwd ? { cwd } : {};
  if (cmd.length === 0) return { label: 'pueue add', argv: [] };
  return escape
    ? { label: 'pueue add', argv: cmd, ...where }
    : { label: 'pueue add', argv: [], script: joinFields(cmd), ...where };
};

/** `nq [-c] [-q] [-w] CMD…`: `-w` alone waits for queued jobs. */
const nq: Peeler = (args) => ({ label: 'nq', argv: args.slice(getopt(args, {}).index) });

/**
 * `tsp [-n] [-E] [-f] [-g] [-m] [-B] [-L LABEL] [-D ID] [-W IDS] [-N SLOTS] CMD…`; its other
 * options list, remove, wait for or kill jobs and queue nothing.
 */
const tsp: Peeler = (args) => {
  const p = getopt(args, { short: 'LDWNrtcpiuwSUa' });
  const queues = [...p.opts.keys()].every((o) => 'nEfgmBzLDWN'.includes(o));
  return { label: 'tsp', argv: queues ? args.slice(p.index) : [] };
};

/** watchexec's options that take a value (short letters and long names). */
const WATCHEXEC_SHORT = 'wWFefisdEoj';
const WATCHEXEC_LONG = [
  'watch',
  'watch-non-recursive',
  'watch-file',
  'exts',
  'filter',
  'filter-file',
  'filter-prog',
  'ignore',
  'ignore-file',
  'signal',
  'stop-signal',
  'stop-timeout',
  'map-signal',
  'debounce',
  'delay-run',
  'poll',
  'shell',
  'env',
  'wrap-process',
  'color',
  'project-origin',
  'workdir',
  'on-busy-update',
  'emit-events-to',
  'log-file',
  'socket',
  'fs-events',
  'timeout',
];

/** `watchexec [opts] [--] CMD…`: CMD through `sh -c` (joined), or exec'd with `-n` / `--shell=none`. */
const watchexec: Peeler = (args) => {
  const p = getopt(args, { short: WATCHEXEC_SHORT, long: WATCHEXEC_LONG });
  const cmd = args.slice(p.index);
  const workdir = p.opts.get('workdir');
  const where = workdir !== undefined ? { cwd: { text: workdir, dynamic: p.dynamic } } : {};
  if (cmd.length === 0) return { label: 'watchexec', argv: [] };
  return p.opts.has('n') || p.opts.get('shell') === 'none'
    ? { label: 'watchexec', argv: cmd, ...where }
    : { label: 'watchexec', argv: [], script: joinFields(cmd), ...where };
};

/** `reflex [-r RE] [-g GLOB] [-s] [--] CMD…`: CMD exec'd on each change (`{}` is the file). */
const reflex: Peeler = (args) => {
  const p = getopt(args, {
    short: 'rRgGcd',
    long: ['regex', 'inverse-regex', 'glob', 'inverse-glob', 'config', 'decoration'],
  });
  const config = p.opts.get('c') ?? p.opts.get('config');
  // fail closed: the commands a config file lists are not read here; a command whose name is unknown.
  if (config !== undefined && p.index >= args.length)
    return { label: 'reflex -c', argv: [{ text: config, dynamic: true }] };
  return { label: 'reflex', argv: args.slice(p.index) };
};

/** `xcrun [--sdk SDK] [--toolchain T] [-r|--run] TOOL ARGS…` (Xcode's tool runner): TOOL; `--find`, `--show-sdk-path` run nothing. */
const xcrun: Peeler = (args) => {
  let i = 0;
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (/^--?(sdk|toolchain)$/.test(t)) i++;
    else if (/^(--?(find|show-sdk-[\w-]+|version|help)|-[fh])$/.test(t)) return { label: 'xcrun', argv: [] };
    else if (!t.startsWith('-') || args[i].dynamic) break;
  }
  return { label: 'xcrun', argv: args.slice(i) };
};

/** Launchers → their peelers (the command they start); a program not listed is not peeled here. */
export const LAUNCHERS: Record<string, Peeler> = {
  busybox: multiCall('busybox'),
  toybox: multiCall('toybox'),
  coreutils,
  sshpass,
  pueue,
  nq,
  tsp,
  watchexec,
  reflex,
  xcrun,
};
