/**
 * Which process sent a request: the client socket's source port → the socket inode in
 * /proc/net/tcp{,6} → the process holding that inode in /proc/<pid>/fd → its command
 * line. Linux only, same network namespace; anything not found gives pid 0 (unknown).
 * Costs one walk of /proc, so callers do it only for a request that needs a human.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * The rows of this namespace's TCP tables (/proc/net/tcp and tcp6), each split into its
 * whitespace-separated fields (1 = local address:port, 2 = remote, 3 = state, 9 = inode).
 * `procNet`: whose network namespace (`/proc/<pid>/net`); a table that cannot be read is skipped.
 */
export function* tcpRows(procNet = '/proc/net'): Generator<string[]> {
  for (const file of [`${procNet}/tcp`, `${procNet}/tcp6`]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) yield line.trim().split(/\s+/);
  }
}

/**
 * Socket inode of the TCP connection from local port `clientPort` to `serverPort`; 0 = not
 * found. `procNet`: whose network namespace to look in (`/proc/<pid>/net`); default ours.
 */
export function socketInode(clientPort: number, serverPort: number, procNet = '/proc/net'): number {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const want = `:${hex(clientPort)}`;
  const peer = `:${hex(serverPort)}`;
  for (const f of tcpRows(procNet)) {
    if (f.length < 10) continue;
    if (f[1].endsWith(want) && f[2].endsWith(peer)) return Number(f[9]) || 0;
  }
  return 0;
}

/** Pid holding socket `inode`; 0 = none visible. Bounded to the first 4096 processes. */
export function pidOfInode(inode: number): number {
  if (!inode) return 0;
  const target = `socket:[${inode}]`;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  // Newest processes first: the sender is usually recent.
  pids.sort((a, b) => Number(b) - Number(a));
  for (const pid of pids.slice(0, 4096)) {
    if (Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return Number(pid);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return 0;
}

/** argv of `pid`; empty = unknown. */
export function argvOf(pid: number): string[] {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((s, i, a) => s !== '' || i < a.length - 1);
  } catch {
    return [];
  }
}

/** The command line as a human reads it: program basename and arguments, cut at 300 characters. */
export function cmdlineText(argv: string[]): string {
  if (!argv.length) return '';
  const text = [path.basename(argv[0]), ...argv.slice(1)]
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export interface Attribution {
  pid: number;
  argv: string[];
}

/**
 * The process on the other end of a loopback connection from `clientPort` to our
 * `serverPort`; `procNet` as in socketInode (the pid found is the host's either way).
 */
export function attribute(clientPort: number, serverPort: number, procNet?: string): Attribution {
  const pid = pidOfInode(socketInode(clientPort, serverPort, procNet));
  return { pid, argv: pid ? argvOf(pid) : [] };
}
