/**
 * The approval broker: a Unix socket in the session's private runtime directory that
 * answers gate requests (see src/shim/protocol.ts). It only transports: each request is
 * validated and handed to `handle`, whose reply is written back.
 *
 * The socket accepts *decision requests only*. No request type approves anything;
 * approvals come from the human's side (TUI, watch, external approver, --on-ask).
 */
import {
  encodeReply,
  GateRequestSchema,
  KEEPALIVE_MS,
  MAX_REQUEST_BYTES,
  scriptMismatch,
} from '../shim/protocol.js';
import type { GateReply, GateRequest } from '../shim/protocol.js';
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
  /** Stops accepting, ends open connections and removes the socket file. */
  close(): Promise<void>;
}

function refusal(text: string): GateReply {
  return {
    allow: false,
    env: {},
    message: `agentfw: ${text}\nNothing was run. Do not retry or work around this; ask the user.`,
  };
}

export async function startBroker(opts: BrokerOptions): Promise<Broker> {
  const readTimeout = opts.readTimeoutMs ?? 5000;
  let served = 0;

  const listener = await listenPrivate(opts.socketPath, (sock) => {
    const abort = new AbortController();
    let buf = Buffer.alloc(0);
    let done = false;
    let keepalive: NodeJS.Timeout | undefined;
    const reply = (r: GateReply) => {
      if (done) return;
      done = true;
      clearInterval(keepalive);
      served++;
      sock.end(encodeReply(r));
    };
    const timer = setTimeout(() => {
      // fail closed: a request that never completes is refused
      reply(refusal('the command gate sent an incomplete request (timed out).'));
    }, readTimeout);
    sock.on('error', () => abort.abort());
    // The client never half-closes while it waits: an end before the answer means it gave up
    // (refused on its own, killed), so whatever is decided now did not run.
    sock.on('end', () => abort.abort());
    sock.on('close', () => {
      clearTimeout(timer);
      clearInterval(keepalive);
      abort.abort();
    });
    sock.on('data', (chunk) => {
      if (done) return;
      buf = Buffer.concat([buf, chunk]);
      const nl = buf.indexOf(0x0a);
      if (nl < 0) {
        if (buf.length > MAX_REQUEST_BYTES) {
          clearTimeout(timer);
          // fail closed: oversized requests are refused, never analysed partially
          reply(refusal('the command is too large to be checked.'));
        }
        return;
      }
      clearTimeout(timer);
      const line = buf.subarray(0, nl).toString('utf8');
      let req: GateRequest;
      try {
        const parsed = GateRequestSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error('invalid');
        req = parsed.data;
      } catch {
        // fail closed: anything that is not a well-formed decision request is refused
        reply(refusal('the command gate sent a request that could not be read.'));
        return;
      }
      const mismatch = scriptMismatch(req);
      if (mismatch) {
        // fail closed: a request that says one thing and would run another is refused unread
        reply(refusal(`the command gate sent an inconsistent request (${mismatch}).`));
        return;
      }
      // Keep-alive: the client knows at once that a live supervisor has its request, and
      // keeps knowing while a human decides; silence means a stopped or hung supervisor.
      const alive = () => void (!done && !sock.destroyed && sock.write('WAIT\n'));
      alive();
      keepalive = setInterval(alive, opts.keepaliveMs ?? KEEPALIVE_MS);
      // Decide on the next turn, so a hang-up already queued with the request (a client
      // that gave up while the supervisor was stopped) is seen first and recorded as such.
      setImmediate(() =>
        opts.handle(req, abort.signal).then(reply, () =>
          // fail closed: an internal error while deciding refuses the command
          reply(refusal('an internal error occurred while checking this command.')),
        ),
      );
    });
  });

  return {
    socketPath: opts.socketPath,
    get served() {
      return served;
    },
    close: listener.close,
  };
}
