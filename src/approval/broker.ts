/**
 * The approval broker: a Unix socket in the session's private runtime directory that
 * answers gate requests (see src/gates/protocol.ts). It only transports: each request is
 * validated and handed to `handle`, whose reply is written back.
 *
 * The socket accepts *decision requests only*. No request type approves anything;
 * approvals come from the human's side (TUI, watch, external approver, --on-ask).
 */
import {
  encodeReply,
  FIRST_WAIT_MS,
  GateRequestSchema,
  KEEPALIVE_MS,
  MAX_REQUEST_BYTES,
  scriptMismatch,
} from '../gates/protocol.js';
import type net from 'node:net';
import type { GateReply, GateRequest } from '../gates/protocol.js';
import { listenPrivate } from '../supervisor/unix-server.js';

export interface BrokerOptions {
  /** Absolute socket path (inside a 0700 directory). */
  socketPath: string;
  /**
   * Decides one validated request. `signal` aborts when the client hangs up (the command
   * was killed while waiting). Must resolve; a rejection is answered with a refusal.
   */
  handle(req: GateRequest, signal: AbortSignal): Promise<GateReply>;
  /** How long a client may take to send its request line, in ms. Default 5000. */
  readTimeoutMs?: number;
  /** Period of the `WAIT` keep-alive lines while a decision is pending, in ms. Default KEEPALIVE_MS. */
  keepaliveMs?: number;
}

export interface Broker {
  readonly socketPath: string;
  /** Requests answered so far. */
  readonly served: number;
  /**
   * Writes `text` (whole lines) to every persistent exec-gate connection that is keeping up
   * (less than 64 KiB still queued), ahead of whatever is answered next. Returns how many
   * got it. Nothing a client sends is pushed this way: only records the supervisor made.
   */
  push(text: string): number;
  /** How many persistent exec-gate connections are open. */
  readonly persistent: number;
  /** Stops accepting, ends open connections and removes the socket file. */
  close(): Promise<void>;
}

/** The abort reason of a connection whose client hung up (nothing reads it; shared, made once). */
const HUNG_UP = new Error('the gate client hung up');

function refusal(text: string): GateReply {
  return {
    allow: false,
    env: {},
    message: `agentfw: ${text}\nNothing was run. Do not retry or work around this; ask the user.`,
  };
}

export async function startBroker(opts: BrokerOptions): Promise<Broker> {
  const readTimeout = opts.readTimeoutMs ?? 5000;
  const every = opts.keepaliveMs ?? KEEPALIVE_MS;
  let served = 0;
  /** The persistent exec-gate connections (src/gates/exec/exec-next.ts records go there). */
  const persistentSocks = new Set<net.Socket>();

  const listener = await listenPrivate(opts.socketPath, (sock) => {
    /** Aborted when the connection ends: every request still open on it was given up. */
    const abort = new AbortController();
    // Once, with a reason made once: abort() without one builds an exception (a stack) at
    // each call, and every connection ends with both 'end' and 'close'.
    const gone = () => {
      if (!abort.signal.aborted) abort.abort(HUNG_UP);
    };
    /** Bytes received after the last whole line, up to the last piece that held a newline. */
    let buf: Buffer = Buffer.alloc(0);
    /** Pieces received after `buf` without a newline, and their length in bytes. */
    const held: Buffer[] = [];
    let heldBytes = 0;
    /** One-shot connection answered (or refused); further data is ignored. */
    let done = false;
    /** A persistent exec-gate connection (its first request carried `seq`). */
    let persistent = false;
    let first = true;
    const timers = new Set<NodeJS.Timeout>();
    const send = (r: GateReply, seq?: number) => {
      served++;
      if (seq === undefined) {
        done = true;
        sock.end(encodeReply(r));
      } else if (!sock.destroyed) sock.write(encodeReply(r, seq));
    };
    const fail = (text: string) => {
      // fail closed: on a persistent connection a broken request ends the whole connection
      // (the helper then refuses every exec still waiting on it)
      if (persistent) sock.destroy();
      else send(refusal(text));
    };
    const timer = setTimeout(() => {
      // fail closed: a request that never completes is refused
      if (!persistent) fail('the command gate sent an incomplete request (timed out).');
    }, readTimeout);
    sock.on('error', gone);
    // The client never half-closes while it waits: an end before the answer means it gave up
    // (refused on its own, killed), so whatever is decided now did not run.
    sock.on('end', gone);
    sock.on('close', () => {
      persistentSocks.delete(sock);
      clearTimeout(timer);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      gone();
    });
    const serve = (req: GateRequest) => {
      const seq = req.seq;
      let answered = false;
      // Keep-alive: while a decision is pending (a human deciding), the client keeps hearing
      // from a live supervisor; silence means a stopped or hung one. An answer ready sooner
      // than FIRST_WAIT_MS needs none.
      const wait = seq === undefined ? 'WAIT\n' : `${seq} WAIT\n`;
      const alive = () => {
        timers.delete(t);
        if (answered || sock.destroyed) return;
        sock.write(wait);
        t = setTimeout(alive, every);
        timers.add(t);
      };
      let t = setTimeout(alive, Math.min(FIRST_WAIT_MS, every));
      timers.add(t);
      const finish = (r: GateReply) => {
        answered = true;
        clearTimeout(t);
        timers.delete(t);
        send(r, seq);
      };
      // Decide on the next turn, so a hang-up already queued with the request (a client
      // that gave up while the supervisor was stopped) is seen first and recorded as such.
      setImmediate(() =>
        opts.handle(req, abort.signal).then(finish, () =>
          // fail closed: an internal error while deciding refuses the command
          finish(refusal('an internal error occurred while checking this command.')),
        ),
      );
    };
    sock.on('data', (chunk: Buffer) => {
      if (done) return;
      if (chunk.indexOf(0x0a) < 0) {
        // Pieces of one line are joined once, when it ends (joining at each piece is
        // quadratic: ≈ 0.5 GB of copies for a request near the 8 MiB limit).
        held.push(chunk);
        heldBytes += chunk.length;
      } else {
        buf = Buffer.concat([buf, ...held, chunk]);
        held.length = heldBytes = 0;
      }
      for (let nl = buf.indexOf(0x0a); nl >= 0 && !done; nl = buf.indexOf(0x0a)) {
        clearTimeout(timer);
        const line = buf.subarray(0, nl).toString('utf8');
        buf = buf.subarray(nl + 1);
        let req: GateRequest;
        try {
          const parsed = GateRequestSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error('invalid');
          req = parsed.data;
        } catch {
          // fail closed: anything that is not a well-formed decision request is refused
          fail('the command gate sent a request that could not be read.');
          return;
        }
        if (!first && req.seq === undefined) {
          // fail closed: numbered and unnumbered requests are not mixed on one connection
          fail('mixed request kinds on one connection.');
          return;
        }
        if (first) persistent = req.seq !== undefined && req.layer === 'exec';
        if (first && persistent) persistentSocks.add(sock);
        first = false;
        const mismatch = scriptMismatch(req);
        if (mismatch) {
          // fail closed: a request that says one thing and would run another is refused unread
          const text = `the command gate sent an inconsistent request (${mismatch}).`;
          if (!persistent) return fail(text);
          send(refusal(text), req.seq);
          continue;
        }
        serve(req);
        if (!persistent) {
          done = true; // one request per connection; what follows is ignored
          return;
        }
      }
      if (buf.length + heldBytes > MAX_REQUEST_BYTES) {
        clearTimeout(timer);
        // fail closed: oversized requests are refused, never analysed partially
        fail('the command is too large to be checked.');
      }
    });
  });

  return {
    socketPath: opts.socketPath,
    get served() {
      return served;
    },
    get persistent() {
      return persistentSocks.size;
    },
    push(text: string) {
      let n = 0;
      for (const s of persistentSocks)
        if (!s.destroyed && s.writableLength < 64 * 1024) {
          s.write(text);
          n++;
        }
      return n;
    },
    close: listener.close,
  };
}
