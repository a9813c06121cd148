/**
 * The output relay of one session: a Unix socket (`relay.sock` in the private runtime
 * dir) through which the gate client streams the stdout/stderr of every command it runs
 * with `MASK`, and gets it back masked (one `SecretSet.streamMasker()` per stream).
 *
 * Wire format (binary-safe, one connection per command):
 *   client → relay  `RELAY 1 <ttymask>\n`  ttymask: decimal bitmask, 2 = stdout is a
 *                                            terminal, 4 = stderr is a terminal
 *   relay → client  `OK\n`                  the client starts the program only after this
 *   then frames both ways: [stream id: 1 byte][length: 4 bytes, big endian][bytes]
 *     stream 1 = stdout, 2 = stderr. Client → relay: raw output; length 0 = that stream
 *     ended (its masker is flushed). Relay → client: masked output, never empty.
 *   The client half-closes when the program is done; the relay flushes every stream
 *   still open, sends the rest and closes.
 *
 * Anything malformed closes the connection: the client then stops showing output
 * (fail closed). Masking twice is harmless (placeholders are never masked again), so a
 * gated command inside a relayed one simply relays again.
 */
import net from 'node:net';
import type { SecretSet, StreamMasker } from '../secrets/types.js';
import { listenPrivate } from './unix-server.js';

/** Largest frame a client may send (it sends ≤ 256 KiB); larger → connection closed. */
export const MAX_FRAME = 1024 * 1024;
/** A terminal stream that has been quiet this long gets what the masker held back. */
export const IDLE_FLUSH_MS = 100;
const HELLO = /^RELAY 1 ([0-9]{1,2})$/;
const MAX_HELLO = 64;

export interface Relay {
  readonly socketPath: string;
  /** Connections served so far (for tests and benches). */
  readonly served: number;
  /** Stops accepting, ends open connections and removes the socket file. */
  close(): Promise<void>;
}

/** Encodes one frame. */
export function frame(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = id;
  head.writeUInt32BE(data.length, 1);
  return Buffer.concat([head, data]);
}

/** A piece of a frame's payload, as it arrived. */
export interface FramePiece {
  /** Stream id (1 = stdout, 2 = stderr). */
  id: number;
  /** Payload bytes (a view of the read, not a copy); empty only for a zero-length frame (stream end). */
  data: Buffer;
  /** True on the frame's last piece. */
  last: boolean;
}

const EMPTY = Buffer.alloc(0);

/**
 * Incremental frame parser; returns undefined on a malformed frame (caller closes).
 * A frame's payload is handed on in the pieces it arrived in, as views of the reads (the
 * masker is streaming, so pieces mask exactly as the whole frame would): no frame is
 * joined or copied. Only a header cut over reads (5 bytes) is joined.
 */
export class FrameReader {
  /** Header bytes received so far (fewer than 5); empty = none. */
  private head: Buffer = EMPTY;
  /** Stream id of the frame being received (when `left` > 0). */
  private id = 0;
  /** Payload bytes of the current frame still to come; 0 = between frames. */
  private left = 0;

  push(chunk: Buffer): FramePiece[] | undefined {
    const out: FramePiece[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.left > 0) {
        const n = Math.min(this.left, chunk.length - at);
        this.left -= n;
        out.push({ id: this.id, data: chunk.subarray(at, at + n), last: this.left === 0 });
        at += n;
        continue;
      }
      const need = 5 - this.head.length;
      if (chunk.length - at < need) {
        this.head = Buffer.concat([this.head, chunk.subarray(at)]);
        break;
      }
      const h = this.head.length ? Buffer.concat([this.head, chunk.subarray(at, at + need)]) : chunk;
      const hat = this.head.length ? 0 : at;
      at += need;
      this.head = EMPTY;
      const id = h[hat];
      const len = h.readUInt32BE(hat + 1);
      if ((id !== 1 && id !== 2) || len > MAX_FRAME) return undefined;
      if (len === 0) out.push({ id, data: EMPTY, last: true });
      else {
        this.id = id;
        this.left = len;
      }
    }
    return out;
  }
}

/** One stream of one command: its masker and, for terminals, the idle flush timer. */
interface Stream {
  masker: StreamMasker;
  tty: boolean;
  ended: boolean;
  timer?: NodeJS.Timeout;
}

function serve(sock: net.Socket, secrets: SecretSet): void {
  let hello = '';
  let reader: FrameReader | undefined;
  const streams = new Map<number, Stream>();
  let ttyMask = 0;
  let broken = false;

  const send = (id: number, data: Buffer) => {
    if (broken || data.length === 0) return;
    // Header and payload go out in one writev (no copy of the payload into a frame).
    const head = Buffer.allocUnsafe(5);
    head[0] = id;
    head.writeUInt32BE(data.length, 1);
    sock.cork();
    sock.write(head);
    const more = sock.write(data);
    sock.uncork();
    // Back-pressure: stop reading the command's output until the client caught up.
    if (!more) sock.pause();
  };
  const stream = (id: number): Stream => {
    let s = streams.get(id);
    if (!s) {
      s = { masker: secrets.streamMasker(), tty: (ttyMask & (1 << id)) !== 0, ended: false };
      streams.set(id, s);
    }
    return s;
  };
  const end = (id: number, s: Stream) => {
    if (s.ended) return;
    s.ended = true;
    clearTimeout(s.timer);
    send(id, s.masker.flush());
  };
  const fail = () => {
    // fail closed: a malformed frame or a masker error ends the relay; the client then
    // stops showing output instead of showing it unmasked
    broken = true;
    for (const s of streams.values()) clearTimeout(s.timer);
    sock.destroy();
  };

  sock.on('drain', () => sock.resume());
  sock.on('error', () => fail());
  sock.on('close', () => {
    for (const s of streams.values()) clearTimeout(s.timer);
  });
  sock.on('end', () => {
    try {
      for (const [id, s] of streams) end(id, s);
    } catch {
      return fail();
    }
    if (!broken) sock.end();
  });
  sock.on('data', (chunk: Buffer) => {
    if (broken) return;
    try {
      if (!reader) {
        hello += chunk.toString('latin1');
        const nl = hello.indexOf('\n');
        if (nl < 0) {
          if (hello.length > MAX_HELLO) fail();
          return;
        }
        const m = HELLO.exec(hello.slice(0, nl));
        if (!m) return fail();
        ttyMask = Number(m[1]);
        reader = new FrameReader();
        sock.write('OK\n');
        chunk = Buffer.from(hello.slice(nl + 1), 'latin1');
        if (chunk.length === 0) return;
      }
      const frames = reader.push(chunk);
      if (!frames) return fail();
      for (const f of frames) {
        const s = stream(f.id);
        if (s.ended) return fail();
        if (f.data.length === 0) {
          end(f.id, s);
          continue;
        }
        send(f.id, s.masker.push(f.data));
        if (s.tty) {
          // Interactive use: what the masker still holds (a possible start of a secret)
          // is shown once the terminal has been quiet for IDLE_FLUSH_MS.
          clearTimeout(s.timer);
          s.timer = setTimeout(() => {
            try {
              send(f.id, s.masker.flush());
            } catch {
              fail();
            }
          }, IDLE_FLUSH_MS);
        }
      }
    } catch {
      fail();
    }
  });
}

/** Starts the relay socket at `socketPath` (inside the session's 0700 runtime dir). */
export async function startRelay(socketPath: string, secrets: SecretSet): Promise<Relay> {
  let served = 0;
  const listener = await listenPrivate(socketPath, (sock) => {
    served++;
    serve(sock, secrets);
  });
  return {
    socketPath,
    get served() {
      return served;
    },
    close: listener.close,
  };
}
