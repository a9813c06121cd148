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

/**
 * Incremental frame parser; returns undefined on a malformed frame (caller closes).
 * A frame split over several reads is joined once, when its last byte has arrived (not
 * re-copied with every read: the client's frames are a little larger than one read).
 */
export class FrameReader {
  /** Bytes received after the last whole frame, as they came; empty = none. */
  private parts: Buffer[] = [];
  private held = 0;

  push(chunk: Buffer): { id: number; data: Buffer }[] | undefined {
    const out: { id: number; data: Buffer }[] = [];
    let buf = chunk;
    if (this.parts.length) {
      this.parts.push(chunk);
      this.held += chunk.length;
      // Not even the header, or the frame's end has not arrived: keep collecting.
      const head = this.held >= 5 ? this.header() : undefined;
      if (head === null) return undefined;
      if (!head || this.held < 5 + head.len) return out;
      buf = Buffer.concat(this.parts, this.held);
      this.parts = [];
      this.held = 0;
    }
    let at = 0;
    while (buf.length - at >= 5) {
      const id = buf[at];
      const len = buf.readUInt32BE(at + 1);
      if ((id !== 1 && id !== 2) || len > MAX_FRAME) return undefined;
      if (buf.length - at - 5 < len) break;
      out.push({ id, data: buf.subarray(at + 5, at + 5 + len) });
      at += 5 + len;
    }
    if (at < buf.length) {
      const rest = buf.subarray(at);
      this.parts = [rest];
      this.held = rest.length;
      if (rest.length >= 5 && this.header() === null) return undefined;
    }
    return out;
  }

  /** The header of the held frame (≥ 5 bytes held); null = malformed. */
  private header(): { id: number; len: number } | null {
    // A header cut into pieces is joined once; later pieces are only appended.
    if (this.parts[0].length < 5) this.parts = [Buffer.concat(this.parts, this.held)];
    const h = this.parts[0];
    const id = h[0];
    const len = h.readUInt32BE(1);
    return (id !== 1 && id !== 2) || len > MAX_FRAME ? null : { id, len };
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
