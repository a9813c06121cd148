/**
 * One taken stream of the output relay (see relay-take.ts for how streams are taken):
 * reads the program's pipe, masks, and writes the masked bytes to the destination pipe
 * (the client's own pipe or its return pipe) or, without one, hands them to the
 * connection in frames.
 */
import fs from 'node:fs';
import net from 'node:net';
import type { StreamMasker } from '../secrets/types.js';
import type { Taken } from './relay-take.js';

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
