/**
 * The direct path of the output relay (`RELAY 2`, wire format in relay.ts): the gate
 * client names the read ends of the pipes its program writes to, and the relay opens them
 * itself through `/proc/<client pid>/fd/<n>`, so the program's bytes no longer pass through
 * the client on their way to the masker. Where the client's own fd 1/2 is a pipe, the
 * relay opens that too (`/proc/<pid>/fd/1|2`) and writes the masked bytes there; where it
 * is a socket (which /proc cannot open) they go back to the client in frames as before.
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
import net from 'node:net';
import type { StreamMasker } from '../secrets/types.js';
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
/** Largest read of a program's pipe (the client makes that pipe 1 MiB). */
export const READ_SIZE = 256 * 1024;
/**
 * Masked bytes a destination may hold queued (not yet taken by its reader) before the
 * read of the program's pipe pauses. Above a stream's default mark (16 KiB), so the next
 * read is masked while the reader drains the last one: pausing at every write left the
 * relay idle for the reader's wake-ups after each read (a destination pipe holds 64 KiB).
 * Bounds the memory per stream.
 */
export const OUT_AHEAD = 1024 * 1024;
/**
 * Read buffers kept for reuse, shared by every stream of the process: at most SPARE. A
 * buffer comes back here only once no write may still read it: from the completed write of
 * the last masked bytes of its read, at once when that read gave nothing to write, or,
 * for the buffer waiting for a stream's next read, when the stream ends. A fresh 256 KiB
 * buffer is fresh memory (one page fault per 4 KiB when a read fills it, ≈ 2,600 per 10 MB
 * relayed) and external memory to V8: one per stream per command, never filled by a quiet
 * one, made V8 run a full collection every ≈ 30 relayed commands.
 */
const SPARE = 8;
const spare: Buffer[] = [];

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
    const own = openPipe(host, i + 1, O_WRONLY);
    const b = backs[i];
    // The return pipe is one the client made for this (never its fds 0-2, never the program's pipe).
    const back = own || b === undefined || b < 3 || b === n ? undefined : openPipe(host, b, O_WRONLY);
    if (back && back.key === src.key) fs.closeSync(back.fd);
    const dst = own ?? (back && back.key !== src.key ? back : undefined);
    out.set(i + 1, { src: src.fd, dst: dst?.fd, back: dst !== undefined && dst === back, key: src.key });
  });
  // The pid could have been reused between the check and the opens: check it again.
  if (!isClient(host, o.client)) {
    for (const t of out.values()) for (const fd of [t.src, t.dst]) if (fd !== undefined) fs.closeSync(fd);
    out.clear();
  }
  return out;
}

/** Where a direct stream's masked bytes go when its destination is not a pipe we hold. */
export interface FrameSink {
  /**
   * Sends masked bytes (pieces, in order) in one frame; false = the connection holds
   * OUT_AHEAD or more unsent (pause until resume()). `written`: called once every byte of
   * the frame has been written (never when it was not sent or its write failed).
   */
  frame(id: number, data: Buffer[], written?: () => void): boolean;
  /** The stream is drained and flushed (or stopped): tell the client, when it still listens. */
  done(id: number): void;
}

/**
 * One taken stream: reads the program's pipe, masks, writes to the destination pipe (or
 * frames), pausing the read while the destination is full. Ends when the program's pipe
 * does (the masker's held-back tail is flushed) or when stopped.
 */
export class DirectStream {
  private readonly src: net.Socket;
  /**
   * Our write end of the destination pipe while nothing has been written to it: a quiet
   * command (most of them) never costs a stream handle for it. undefined = wrapped in
   * `dst` (or closed, or framed).
   */
  private dstFd?: number;
  /** The destination pipe as a stream, made at the first masked bytes (see `dstFd`). */
  private dst?: net.Socket;
  /** The masked bytes go back to the client in frames (its fd is not a pipe we hold). */
  readonly framed: boolean;
  private finished = false;
  /** The buffer the next read of the program's pipe goes to (no write refers to it). */
  private next?: Buffer;
  /** Bytes read from the program's pipe so far. */
  bytes = 0;

  constructor(
    readonly id: number,
    taken: Taken,
    private readonly masker: StreamMasker,
    private readonly sink: FrameSink,
  ) {
    // Reads of up to READ_SIZE straight into a buffer of our own each, without a stream's
    // queue: a spare one whose bytes are all written, else a fresh one (the masker may hand
    // back views of it, which a pending write then still holds). `buffer` gives the buffer
    // of the next read (asked for at the start and after each read), `callback` gets it
    // back filled.
    // (`onread` is handled by the constructor too; the typings list it for connect() only.)
    const opts: net.SocketConstructorOpts & Pick<net.TcpSocketConnectOpts, 'onread'> = {
      fd: taken.src,
      readable: true,
      writable: false,
      onread: {
        buffer: () => (this.next = spare.pop() ?? Buffer.allocUnsafeSlow(READ_SIZE)),
        callback: (n: number, buf: Uint8Array) => this.read(buf, n),
      },
    };
    this.src = new net.Socket(opts);
    this.framed = taken.dst === undefined;
    this.dstFd = taken.dst;
    this.src.on('error', () => this.stop());
    this.src.on('end', () => this.end());
  }

  /** One read of the program's output (`n` bytes into `buf`); false = pause (the destination is full). */
  private read(buf: Uint8Array, n: number): boolean {
    if (this.finished) return false;
    const chunk = Buffer.from(buf.buffer, buf.byteOffset, n);
    this.bytes += n;
    let masked: Buffer[];
    try {
      masked = this.masker.pushPieces ? this.masker.pushPieces(chunk) : [this.masker.push(chunk)];
    } catch {
      this.stop(); // fail closed: a masker error shows nothing more
      return false;
    }
    // The masker keeps no view of `chunk` (StreamMasker.push): once the masked bytes are
    // written, nothing refers to `buf` any more.
    if (this.out(masked, () => this.release(buf))) return true;
    this.src.pause();
    return false;
  }

  /** Closes our read end; the buffer its next read would have filled goes back to `spare`. */
  private closeSource(): void {
    // Closing the handle stops its reads at once: nothing fills `next` any more.
    this.src.destroy();
    if (this.next) this.release(this.next);
    this.next = undefined;
  }

  /** Keeps `buf` for a later read; only once no write may still read it (see `spare`). */
  private release(buf: Uint8Array): void {
    if (spare.length < SPARE && buf.byteLength === READ_SIZE)
      spare.push(Buffer.from(buf.buffer, buf.byteOffset, READ_SIZE));
  }

  /**
   * Writes the pieces (one writev); false = the destination is full. `written`: called when
   * every piece has been written (at once when there is none), never after a failed write.
   */
  private out(data: Buffer[], written?: () => void): boolean {
    const parts = data.filter((b) => b.length > 0);
    if (parts.length === 0) {
      written?.();
      return true;
    }
    if (this.framed) return this.sink.frame(this.id, parts, written);
    const dst = this.dstStream();
    dst.cork();
    const last = parts.length - 1;
    // Writes complete in order: the last one's callback means all of them are done.
    parts.forEach((b, i) =>
      dst.write(b, i === last && written ? (err) => (err ? undefined : written()) : undefined),
    );
    dst.uncork();
    // Past OUT_AHEAD the last write returned false (above the 16 KiB mark): 'drain' follows.
    return dst.writableLength < OUT_AHEAD;
  }

  /** The destination pipe as a stream (made from `dstFd` the first time). */
  private dstStream(): net.Socket {
    if (!this.dst) {
      this.dst = new net.Socket({ fd: this.dstFd, readable: false, writable: true });
      this.dstFd = undefined;
      // `cmd | head -1`: the reader is gone → close our read end, the program gets SIGPIPE
      this.dst.on('error', () => this.stop());
      this.dst.on('drain', () => this.src.resume());
    }
    return this.dst;
  }

  /** Closes our write end of the destination pipe (as a stream, or the fd never wrapped). */
  private closeDst(): void {
    this.dst?.destroy();
    if (this.dstFd !== undefined) fs.closeSync(this.dstFd);
    this.dstFd = undefined;
  }

  /** The connection to the client drained (framed destination). */
  resume(): void {
    if (!this.finished && this.framed) this.src.resume();
  }

  /** The program's pipe ended: flush what the masker held back, then close our ends. */
  private end(): void {
    if (this.finished) return;
    let tail: Buffer;
    try {
      tail = this.masker.flush();
    } catch {
      return this.stop();
    }
    this.finished = true;
    // The client waits for this stream's "drained" (`sink.done`), not for our ends to close:
    // it goes first, and the handles' teardown (≈ 0.1 ms of this thread) follows in the
    // same turn. Nothing is read after the end of the program's pipe.
    if (this.framed) {
      this.out([tail]);
      this.sink.done(this.id);
      this.closeSource();
      return;
    }
    // Our write end closes once everything is written (the reader then sees EOF when the
    // client's copy closes too, and our copy right after the report); only then is the
    // stream reported drained.
    const close = () => {
      this.sink.done(this.id);
      this.closeDst();
    };
    // Nothing held back and every byte already taken by the pipe (a quiet command, or a
    // reader that kept up): close now. A pipe has no half-close, so `end()` would only
    // close it too, a turn of the event loop later (its shutdown request completes
    // asynchronously), and the client waits for this stream's "drained".
    if (tail.length === 0 && (this.dst?.writableLength ?? 0) === 0) {
      close();
      this.closeSource();
    } else {
      this.closeSource();
      this.dstStream().end(tail, close);
    }
  }

  /**
   * Stops at once, nothing more written: the destination is gone, the client asked, or
   * the relay fails. Our read end closes, so the program gets SIGPIPE on its next write.
   */
  stop(): void {
    if (this.finished) return;
    this.finished = true;
    this.closeSource();
    this.closeDst();
    this.sink.done(this.id);
  }
}
