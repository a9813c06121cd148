/**
 * The output relay of one session: a Unix socket (`relay.sock` in the private runtime
 * dir) through which the gate client streams the stdout/stderr of every command it runs
 * with `MASK`, and gets it back masked (one `SecretSet.streamMasker()` per stream).
 *
 * Wire format (binary-safe, one connection per command):
 *   client → relay  `RELAY 1 <ttymask>\n`   ttymask: decimal bitmask, 2 = stdout is a
 *                                            terminal, 4 = stderr is a terminal
 *              or   `RELAY 2 <ttymask> <pid> <out> <err>[ <bout> <berr>]\n`  out/err: the fd
 *                     number, in the client (its own pid, as it sees it), of the read end
 *                     of the pipe the program's stdout/stderr go to, or `-` (none: a
 *                     terminal, or not relayed). The relay may take such a stream over
 *                     (relay-direct.ts). bout/berr: where the client's fd 1/2 is a socket
 *                     (which the relay cannot open), the write end of a return pipe the
 *                     client copies to it, or `-`.
 *   relay → client  `OK\n` (RELAY 1) or `OK <taken>\n` (RELAY 2), taken: decimal bitmask,
 *                     2/4 = the relay reads stdout/stderr's pipe itself (the client closes
 *                     its copy of that read end), 8/16 = the relay also writes the masked
 *                     stdout/stderr to the client's fd 1/2 itself (nothing comes back),
 *                     32/64 = it writes them to the return pipe instead of in frames (the
 *                     client closes its copy of the write end and copies what arrives to
 *                     its fd 1/2 until the pipe ends).
 *                     The client starts the program only after this line.
 *   then frames both ways: [stream id: 1 byte][length: 4 bytes, big endian][bytes]
 *     stream 1 = stdout, 2 = stderr. Client → relay: raw output; length 0 = that stream
 *     ended (its masker is flushed); for a taken stream only length 0 is allowed, and
 *     means "my fd refused the output: stop" (the program then gets SIGPIPE).
 *     Relay → client: masked output; length 0 (RELAY 2 only) = that stream is drained,
 *     flushed and written (sent once per stream, after its last bytes).
 *   The client half-closes when the program is done; the relay flushes every stream
 *   still open, sends the rest and closes. A taken stream whose destination the relay
 *   writes itself outlives the connection (a background job still writing).
 *
 * Anything malformed closes the connection: the client then stops showing output
 * (fail closed), and taken streams stop (the program gets SIGPIPE). Masking twice is
 * harmless (placeholders are never masked again), so a gated command inside a relayed
 * one simply relays again.
 */
import net from 'node:net';
import type { SecretSet, StreamMasker } from '../secrets/types.js';
import { EMPTY, frame, FrameReader } from './relay-frames.js';
import { DirectStream, OUT_AHEAD } from './relay-direct.js';
import { HELLO2, takeStreams, type DirectOptions } from './relay-take.js';
import { listenPrivate } from './unix-server.js';

export { frame, FrameReader, MAX_FRAME, type FramePiece } from './relay-frames.js';

/** A terminal stream that has been quiet this long gets what the masker held back. */
export const IDLE_FLUSH_MS = 100;
const HELLO = /^RELAY 1 ([0-9]{1,2})$/;
const MAX_HELLO = 64;

export interface Relay {
  readonly socketPath: string;
  /** Connections served so far (for tests and benches). */
  readonly served: number;
  /** Streams whose pipe the relay read itself (RELAY 2), so far. */
  readonly taken: number;
  /** Of those, streams whose masked bytes the relay wrote to the client's pipe itself. */
  readonly direct: number;
  /** Of those, streams whose masked bytes the relay wrote to the client's return pipe (its fd a socket). */
  readonly back: number;
  /** Stops accepting, ends open connections and removes the socket file. */
  close(): Promise<void>;
}

/** One stream of one command: its masker and, for terminals, the idle flush timer. */
interface Stream {
  masker: StreamMasker;
  tty: boolean;
  ended: boolean;
  timer?: NodeJS.Timeout;
}

/** What one relay shares between its connections. */
interface Shared {
  secrets: SecretSet;
  direct: DirectOptions;
  /** Taken streams still running (stopped when the relay closes), by the pipe (`dev:ino`) each reads. */
  running: Map<string, DirectStream>;
  count: { taken: number; direct: number; back: number };
}

const fdArg = (x: string) => (x === '-' ? undefined : Number(x));

function serve(sock: net.Socket, sh: Shared): void {
  const { secrets } = sh;
  let hello = '';
  let reader: FrameReader | undefined;
  const streams = new Map<number, Stream>();
  /** Taken streams of this connection, by id. */
  const directs = new Map<number, DirectStream>();
  let ttyMask = 0;
  let broken = false;
  /** RELAY 2: each stream's end is answered with a zero-length frame. */
  let acks = false;

  /**
   * One frame of `data` (pieces, joined by the frame); false = the connection is full.
   * `written`: called once the whole frame is written (never when it is not sent or its
   * write fails).
   */
  const send = (id: number, data: Buffer | Buffer[], written?: () => void): boolean => {
    const parts = (Array.isArray(data) ? data : [data]).filter((b) => b.length > 0);
    let len = 0;
    for (const b of parts) len += b.length;
    if (broken || len === 0 || !sock.writable) return true;
    // Header and payload go out in one writev (no copy of the payload into a frame).
    const head = Buffer.allocUnsafe(5);
    head[0] = id;
    head.writeUInt32BE(len, 1);
    sock.cork();
    sock.write(head);
    const last = parts.length - 1;
    // Writes complete in order: the last one's callback means the whole frame is written.
    parts.forEach((b, i) =>
      sock.write(b, i === last && written ? (err) => (err ? undefined : written()) : undefined),
    );
    sock.uncork();
    // Past OUT_AHEAD the last write returned false (above the 16 KiB mark): 'drain' follows.
    const more = sock.writableLength < OUT_AHEAD;
    // Back-pressure: stop reading the command's output until the client caught up.
    if (!more) sock.pause();
    return more;
  };
  const ack = (id: number) => {
    if (acks && !broken && sock.writable) sock.write(frame(id, EMPTY));
  };
  const stopAll = () => {
    for (const d of directs.values()) d.stop();
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
    ack(id);
  };
  const fail = () => {
    // fail closed: a malformed frame or a masker error ends the relay; the client then
    // stops showing output instead of showing it unmasked, and taken streams stop
    broken = true;
    for (const s of streams.values()) clearTimeout(s.timer);
    stopAll();
    sock.destroy();
  };
  const greet = (line: string): boolean => {
    const m = HELLO2.exec(line);
    if (!m) {
      const m1 = HELLO.exec(line);
      if (!m1) return false;
      ttyMask = Number(m1[1]);
      sock.write('OK\n');
      return true;
    }
    ttyMask = Number(m[1]);
    acks = true;
    const taken = takeStreams(
      Number(m[2]),
      [fdArg(m[3]), fdArg(m[4])],
      sh.direct,
      sh.running,
      m[5] === undefined ? [] : [fdArg(m[5]), fdArg(m[6])],
    );
    let bits = 0;
    for (const [id, t] of taken)
      bits |= (1 << id) | (t.dst === undefined ? 0 : t.back ? 1 << (id + 4) : 1 << (id + 2));
    // The client waits for this line (with the gate's answer) before it starts the program:
    // it goes first. The streams' handles are made in this same turn, before any read or
    // end of the program's pipes can be handled (the pipes hold what it writes till then).
    sock.write(`OK ${bits}\n`);
    for (const [id, t] of taken) {
      const d = new DirectStream(id, t, secrets.streamMasker(), {
        frame: send,
        done: (i) => {
          sh.running.delete(t.key);
          ack(i);
        },
      });
      directs.set(id, d);
      sh.running.set(t.key, d);
      sh.count.taken++;
      if (t.dst !== undefined) sh.count[t.back ? 'back' : 'direct']++;
    }
    return true;
  };

  sock.on('drain', () => {
    sock.resume();
    for (const d of directs.values()) d.resume();
  });
  sock.on('error', () => fail());
  sock.on('close', () => {
    for (const s of streams.values()) clearTimeout(s.timer);
    // Frames can no longer be delivered; streams written to a pipe we hold go on.
    for (const d of directs.values()) if (d.framed) d.stop();
  });
  sock.on('end', () => {
    try {
      for (const [id, s] of streams) end(id, s);
    } catch {
      return fail();
    }
    for (const d of directs.values()) if (d.framed) d.stop();
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
        if (!greet(hello.slice(0, nl))) return fail();
        reader = new FrameReader();
        chunk = Buffer.from(hello.slice(nl + 1), 'latin1');
        if (chunk.length === 0) return;
      }
      const frames = reader.push(chunk);
      if (!frames) return fail();
      for (const f of frames) {
        const d = directs.get(f.id);
        if (d) {
          // A taken stream: the client may only say its fd refused the output.
          if (f.data.length > 0) return fail();
          d.stop();
          continue;
        }
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

/**
 * Starts the relay socket at `socketPath` (inside the session's 0700 runtime dir).
 * `direct`: who may hand its pipes over (RELAY 2); without `client` every stream is framed.
 */
export async function startRelay(
  socketPath: string,
  secrets: SecretSet,
  direct: DirectOptions = {},
): Promise<Relay> {
  let served = 0;
  const sh: Shared = { secrets, direct, running: new Map(), count: { taken: 0, direct: 0, back: 0 } };
  const listener = await listenPrivate(socketPath, (sock) => {
    served++;
    serve(sock, sh);
  });
  return {
    socketPath,
    get served() {
      return served;
    },
    get taken() {
      return sh.count.taken;
    },
    get direct() {
      return sh.count.direct;
    },
    get back() {
      return sh.count.back;
    },
    close: async () => {
      for (const d of [...sh.running.values()]) d.stop();
      await listener.close();
    },
  };
}
