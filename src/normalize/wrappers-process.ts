/**
 * Wrappers that run a command with its process set up another way: a time limit
 * (`timeout`), repeated (`watch`, whose command is a string), under a lock (`flock`, `-c`
 * a string), in another process's namespaces (`nsenter`; `-m` the target's mounts) or root
 * (`chroot`), with another I/O or CPU scheduling (`ionice`, `chrt`, `taskset`). Peeled to
 * reach the command (wrappers.ts).
 */
import { joinFields } from './fields.js';
import { getopt } from './options.js';
import type { Peeler } from './wrappers.js';

const timeout: Peeler = (args) => {
  const p = getopt(args, { short: 'sk', long: ['signal', 'kill-after'] });
  return { label: 'timeout', argv: args.slice(p.index + 1) };
};

const watch: Peeler = (args) => {
  const p = getopt(args, {
    short: 'nqd',
    long: ['interval', 'differences', 'equexit', 'chgexit-count', 'q'],
  });
  const rest = args.slice(p.index);
  if (p.opts.has('x') || p.opts.has('exec')) return { label: 'watch', argv: rest };
  return { label: 'watch', argv: [], script: joinFields(rest) };
};

const flock: Peeler = (args) => {
  const p = getopt(args, { short: 'wEc', long: ['timeout', 'wait', 'conflict-exit-code', 'command'] });
  const c = p.opts.get('c') ?? p.opts.get('command');
  if (c !== undefined) return { label: 'flock', argv: [], script: { text: c, dynamic: p.dynamic } };
  const rest = args.slice(p.index + 1);
  if (rest[0] && (rest[0].text === '-c' || rest[0].text === '--command'))
    return { label: 'flock', argv: [], script: rest[1] ?? { text: '', dynamic: false } };
  return { label: 'flock', argv: rest };
};

/** By program name, spread into WRAPPERS. */
export const PROCESS_WRAPPERS: Record<string, Peeler> = {
  timeout,
  watch,
  flock,
  // `nsenter -t PID -m -u -n … CMD`: CMD in PID's namespaces (`-t 1 -m` from a privileged
  // container with the host's pids: the host itself).
  nsenter: (args) => {
    const p = getopt(args, { short: 'tSG', long: ['target', 'setuid', 'setgid'] });
    const mounts = [...p.opts.keys()].some((o) => o === 'm' || o === 'mount' || o === 'a' || o === 'all');
    return { label: 'nsenter', argv: args.slice(p.index), ...(mounts ? { otherMounts: true } : {}) };
  },
  chroot: (args) => {
    const p = getopt(args, { long: ['userspec', 'groups'] });
    const root = args[p.index];
    return { label: `chroot ${root?.text ?? ''}`.trim(), argv: args.slice(p.index + 1) };
  },
  ionice: (args) => {
    const p = getopt(args, { short: 'cnpPu', long: ['class', 'classdata', 'pid', 'pgid', 'uid'] });
    if (p.opts.has('p') || p.opts.has('P') || p.opts.has('u')) return { label: 'ionice', argv: [] };
    return { label: 'ionice', argv: args.slice(p.index) };
  },
  chrt: (args) => {
    const p = getopt(args, { short: 'T' });
    return { label: 'chrt', argv: args.slice(p.index + 1) };
  },
  taskset: (args) => {
    const p = getopt(args, {});
    return p.opts.has('p')
      ? { label: 'taskset', argv: [] }
      : { label: 'taskset', argv: args.slice(p.index + 1) };
  },
};
