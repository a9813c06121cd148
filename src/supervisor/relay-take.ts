/**
 * Taking a command's output over (`RELAY 2`, wire format in relay.ts): the gate client
 * names the read ends of the pipes its program writes to, and the relay opens them itself
 * through `/proc/<client pid>/fd/<n>`, so the program's bytes no longer pass through the
 * client on their way to the masker (relay-direct.ts reads them). Where the client's own
 * fd 1/2 is a pipe, the relay opens that too (`/proc/<pid>/fd/1|2`) to write the masked
 * bytes there; where it is a socket (which /proc cannot open), the client's return pipe
 * for it, which the client copies from; without one, they go back in frames.
 *
 * Every open is a new open file description of the same pipe, private to this process:
 * making it non-blocking (libuv does) changes nothing for the other holders of the pipe,
 * such as the agent's shell, whose writes must never start failing with EAGAIN.
 *
 * Only the session's gate client may hand over its pipes: the pid it names (mapped to the
 * host's under the sandbox) must run the session's client binary, before and after the
 * open, and the fds must be pipes. Anything else → that stream stays on the framed path
 * (still masked).
 */
import fs from 'node:fs';
import { isClient, type ClientId } from './peer-check.js';

export interface DirectOptions {
  /** The session's gate client binary; absent = nothing is taken (every stream stays framed). */
  client?: ClientId;
  /**
   * Maps the pid a client names (its own, as it sees it) to the host's; undefined = not
   * mappable (the stream stays framed). Absent = pids are the host's (no sandbox).
   */
  mapPid?: (pid: number) => number | undefined;
}

/** `RELAY 2 <ttymask> <pid> <stdout read end|-> <stderr read end|->[ <stdout return pipe|-> <stderr return pipe|->]` */
export const HELLO2 =
  /^RELAY 2 ([0-9]{1,2}) ([0-9]{1,10}) ([0-9]{1,7}|-) ([0-9]{1,7}|-)(?: ([0-9]{1,7}|-) ([0-9]{1,7}|-))?$/;

/** The fds this process opened for one taken stream. */
export interface Taken {
  /** Our read end of the program's pipe. */
  src: number;
  /**
   * Our write end of the client's own fd (a pipe), or of its return pipe (`back`);
   * undefined = masked bytes go back in frames.
   */
  dst?: number;
  /** `dst` is the client's return pipe (its own fd is a socket, which /proc cannot open): it copies from there. */
  back?: boolean;
  /** The program's pipe (`dev:ino`): one reader at a time (see takeStreams). */
  key: string;
}

const { O_RDONLY, O_WRONLY, O_NONBLOCK } = fs.constants;

/** Opens `/proc/<pid>/fd/<n>` when it is a pipe; undefined otherwise (or on any error). */
function openPipe(pid: number, n: number, flags: number): { fd: number; key: string } | undefined {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a pipe must never wait for its other end
    fd = fs.openSync(`/proc/${pid}/fd/${n}`, flags | O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (st.isFIFO()) return { fd, key: `${st.dev}:${st.ino}` };
  } catch {
    /* gone, not ours to open, or not a pipe end /proc can open (a socket) */
  }
  if (fd !== undefined) fs.closeSync(fd);
  return undefined;
}

/**
 * Opens the streams a client offers. `fds[i]` = the read end for stream i+1 (1 = stdout,
 * 2 = stderr), undefined = not offered. `held`: the pipes (`dev:ino`) this relay reads
 * already (keys of its running streams). `backs[i]`: the write end of stream i+1's return
 * pipe, written where the client's own fd cannot be opened (a socket); undefined = none
 * (frames). Returns the streams taken, by id.
 */
export function takeStreams(
  pid: number,
  fds: (number | undefined)[],
  o: DirectOptions,
  held: ReadonlyMap<string, unknown>,
  backs: (number | undefined)[] = [],
): Map<number, Taken> {
  const out = new Map<number, Taken>();
  const host = o.mapPid ? o.mapPid(pid) : pid;
  // fail closed: no known client binary, an unmappable pid or one that is not the
  // session's client hands over nothing; those streams stay on the framed path
  if (!o.client || host === undefined || !isClient(host, o.client)) return out;
  fds.forEach((n, i) => {
    // The program's pipes are never the client's fds 0-2.
    if (n === undefined || n < 3) return;
    const src = openPipe(host, n, O_RDONLY);
    if (src === undefined) return;
    // fail closed: two readers of one pipe would each mask only part of a value
    // (a second hello naming a pipe already read here: left to its first reader)
    if (held.has(src.key) || [...out.values()].some((t) => t.key === src.key)) return fs.closeSync(src.fd);
    let dst: number | undefined;
    let back = false;
    const b = backs[i];
    // A return pipe is offered where the client's own fd is a socket, which /proc cannot
    // open (ENXIO): then that one is not tried first. The return pipe is one the client made
    // for this: never its fds 0-2, never the program's pipe (masked bytes written there
    // would be read and masked again, forever).
    if (b !== undefined && b >= 3 && b !== n) {
      const r = openPipe(host, b, O_WRONLY);
      if (r && r.key === src.key) fs.closeSync(r.fd);
      else if (r) [dst, back] = [r.fd, true];
    }
    if (dst === undefined && !back) dst = openPipe(host, i + 1, O_WRONLY)?.fd;
    out.set(i + 1, { src: src.fd, dst, back, key: src.key });
  });
  // The pid could have been reused between the check and the opens: check it again.
  if (!isClient(host, o.client)) {
    for (const t of out.values()) for (const fd of [t.src, t.dst]) if (fd !== undefined) fs.closeSync(fd);
    out.clear();
  }
  return out;
}
