/**
 * Client side of the watch socket, for `agentfw watch`: connect, pair with the code the
 * human typed, then receive events/requests and send answers.
 */
import net from 'node:net';
import { AgentfwError } from '../errors.js';
import type { ApprovalRequest, DecisionEvent } from './types.js';
import { encode, lineReader, type Answer, type ServerMessage } from './watch-protocol.js';

export interface WatchHandlers {
  onEvent(ev: DecisionEvent): void;
  onRequest(req: ApprovalRequest, remainingMs: number): void;
  /** The request was answered (here or elsewhere) or timed out. */
  onSettled(id: number): void;
  /** The server refused an answer (wrong confirmation, already settled). */
  onError(code: string, message: string): void;
  /** The session went away. */
  onClose(): void;
}

export interface WatchConnection {
  session: { id: string; packs: string[] };
  answer(a: Omit<Answer, 't'>): void;
  close(): void;
}

/** Connect and pair. Rejects with an AgentfwError when the socket is unreachable or the code is wrong. */
export function connectWatch(socketPath: string, code: string, h: WatchHandlers): Promise<WatchConnection> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(socketPath);
    let paired = false;
    sock.on('error', (err: NodeJS.ErrnoException) => {
      if (!paired)
        reject(
          new AgentfwError(
            'E_WATCH_CONNECT',
            `cannot reach the session's watch socket ${socketPath} (${err.code ?? err.message})`,
            'check that `agentfw run` is still running and that you are the same user; pass --socket PATH from its status line.',
          ),
        );
    });
    sock.on('close', () => {
      if (paired) h.onClose();
      else
        reject(
          new AgentfwError(
            'E_WATCH_CONNECT',
            'the session closed the connection',
            'try again with a fresh pairing code.',
          ),
        );
    });
    sock.on('connect', () => sock.write(encode({ t: 'hello', code })));
    const onLine = (line: string) => {
      let m: ServerMessage;
      try {
        m = JSON.parse(line) as ServerMessage;
      } catch {
        return;
      }
      if (m.t === 'error') {
        if (!paired) reject(new AgentfwError(m.code, m.message, m.fix));
        else h.onError(m.code, m.message);
      } else if (m.t === 'welcome') {
        paired = true;
        resolve({
          session: m.session,
          answer: (a) => sock.write(encode({ t: 'answer', ...a })),
          close: () => sock.end(),
        });
        for (const ev of m.recent) h.onEvent(ev);
        for (const p of m.pending) h.onRequest(p.request, p.remainingMs);
      } else if (m.t === 'event') h.onEvent(m.event);
      else if (m.t === 'request') h.onRequest(m.request, m.remainingMs);
      else if (m.t === 'settled') h.onSettled(m.id);
    };
    sock.on(
      'data',
      lineReader(onLine, () => sock.destroy()),
    );
  });
}
