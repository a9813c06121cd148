/**
 * Programs that run another program to watch, trace, debug or adapt it, read as wrappers
 * (wrappers.ts): `strace -f -o F CMD…`, `ltrace`, `valgrind`, `perf record|stat|trace --
 * CMD…`, `chronic`, `rlwrap`, `catchsegv`, `eatmydata`, `fakeroot`, `nocache`,
 * `faketime TIME CMD…`, `cpulimit -l N -- CMD…`, `systemd-inhibit CMD…`, `flatpak-spawn
 * --host CMD…`; the debuggers gdb and lldb (`gdb --args CMD…`, `gdb -ex 'shell CMD'`, `lldb -o
 * 'platform shell CMD'`: debuggers.ts); `entr [-s] CMD…` (runs CMD when files change). (`expect -c` is Tcl, read by
 * codescan-tcl.ts.)
 */
import { getopt } from './options.js';
import type { Peeler } from './wrappers.js';
import { DEBUGGERS } from './debuggers.js';

/** A wrapper whose options (those in `short`/`long` take a value) precede the command. */
function leading(label: string, short = '', long: string[] = []): Peeler {
  return (args) => {
    const p = getopt(args, { short, long });
    // `strace -p PID`, `perf record -p PID`: attaches to a running process, starts nothing
    if (p.opts.has('p') || p.opts.has('pid') || p.opts.has('attach')) return { label, argv: [] };
    return { label, argv: args.slice(p.index) };
  };
}

const perf: Peeler = (args) => {
  const sub = args[0];
  if (!sub || sub.dynamic || !/^(record|stat|trace|top|sched|lock|mem|c2c|kvm)$/.test(sub.text))
    return undefined;
  return leading(`perf ${sub.text}`, 'eoFcCtumGpIr', [
    'output',
    'event',
    'freq',
    'count',
    'cpu',
    'tid',
    'uid',
    'pid',
    'call-graph',
  ])(args.slice(1));
};

/** entr: `-s 'CMD'` runs CMD with $SHELL; otherwise the words after its options are the utility. */
const entr: Peeler = (args) => {
  const p = getopt(args, {});
  const rest = args.slice(p.index);
  if (p.opts.has('s')) return { label: 'entr -s', argv: [], ...(rest[0] ? { script: rest[0] } : {}) };
  return { label: 'entr', argv: rest };
};

/** faketime: `faketime [-f] TIME CMD…`. */
const faketime: Peeler = (args) => ({ label: 'faketime', argv: args.slice(getopt(args, {}).index + 1) });

/** Tracers and profilers → their peelers (the command traced runs as given). */
export const TRACERS: Record<string, Peeler> = {
  strace: leading('strace', 'abeEIoOpPsSuUX', [
    'output',
    'trace',
    'signal',
    'env',
    'user',
    'attach',
    'string-limit',
  ]),
  ltrace: leading('ltrace', 'aAeEDlnopsuwxX', ['output', 'library']),
  valgrind: leading('valgrind'),
  perf,
  chronic: leading('chronic'),
  rlwrap: leading('rlwrap', 'abcCDefFhHlmoOpPqRsSt'),
  catchsegv: leading('catchsegv'),
  eatmydata: leading('eatmydata'),
  fakeroot: leading('fakeroot', 'is'),
  nocache: leading('nocache', 'nD'),
  cpulimit: leading('cpulimit', 'lpe', ['limit', 'pid', 'exe']),
  'systemd-inhibit': leading('systemd-inhibit', '', ['what', 'who', 'why', 'mode']),
  'flatpak-spawn': leading('flatpak-spawn', '', ['env', 'directory', 'forward-fd', 'app-path', 'usr-path']),
  faketime,
  ...DEBUGGERS,
  entr,
};
