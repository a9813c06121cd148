/**
 * Wire format of the watch socket: one JSON object per line, both directions.
 *
 *   client → server  {"t":"hello","code":"K7QF-2M9X"}        first line; the one-time pairing code
 *                    {"t":"answer","id":3,"verdict":"allow","scope":"once","confirm":"3f1c9a"}
 *                    {"t":"ask","agent":"claude-code","cwd":"/w","command":"…","reason":"…"}
 *                                                  hook mode: no pairing; submits one ask and waits
 *   server → client  {"t":"welcome","session":{…},"pending":[…],"recent":[…]}
 *                    {"t":"event","event":DecisionEvent}
 *                    {"t":"request","request":ApprovalRequest,"remainingMs":295000}
 *                    {"t":"settled","id":3}
 *                    {"t":"asking"}                                   an `ask` was taken, a human decides
 *                    {"t":"verdict","verdict":"deny","approver":"tui","message":"…"}   to an `ask`
 *                    {"t":"error","code":"E_WATCH_…","message":"…","fix":"…"}
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ApprovalRequest, DecisionEvent } from './types.js';

/** Longest line either side accepts; longer = protocol violation, connection closed. */
export const MAX_LINE_BYTES = 1024 * 1024;

export const HelloSchema = z.object({ t: z.literal('hello'), code: z.string().max(64) });

export const AnswerSchema = z.object({
  t: z.literal('answer'),
  id: z.number().int().nonnegative(),
  verdict: z.enum(['allow', 'deny']),
  scope: z.enum(['once', 'session']),
  /** Message for the agent (deny with message). Absent/empty = none. */
  message: z.string().max(500).optional(),
  /** The value the human typed for a request with `confirm`. Absent = nothing typed. */
  confirm: z.string().max(256).optional(),
});

/**
 * An ask from the per-user hook daemon (src/gates/hook/), for the humans of this session. It
 * needs no pairing because it approves nothing: the session analyses the command itself,
 * asks its human approvers, and only the answer goes back on this connection.
 */
export const AskSchema = z.object({
  t: z.literal('ask'),
  /** The agent whose hook asked (`claude-code`, `codex`, …). */
  agent: z.string().min(1).max(32),
  /** Absolute working directory of the tool call. */
  cwd: z.string().min(1).max(4096),
  /** The command, already secret-masked by the daemon. */
  command: z
    .string()
    .min(1)
    .max(256 * 1024),
  /** Why the daemon's engine asks. Empty = no reason given. */
  reason: z.string().max(2000),
  /** The value the human must type to approve. Absent = none needed. */
  confirm: z.string().max(256).optional(),
});
export type Ask = z.infer<typeof AskSchema>;

export const ClientMessageSchema = z.discriminatedUnion('t', [HelloSchema, AnswerSchema, AskSchema]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type Answer = z.infer<typeof AnswerSchema>;

export type ServerMessage =
  | {
      t: 'welcome';
      session: { id: string; packs: string[] };
      pending: { request: ApprovalRequest; remainingMs: number }[];
      recent: DecisionEvent[];
    }
  | { t: 'event'; event: DecisionEvent }
  | { t: 'request'; request: ApprovalRequest; remainingMs: number }
  | { t: 'settled'; id: number }
  | { t: 'asking' }
  | { t: 'verdict'; verdict: 'allow' | 'deny'; approver: string; message?: string }
  | { t: 'error'; code: string; message: string; fix: string };

export const encode = (m: ServerMessage | ClientMessage): string => JSON.stringify(m) + '\n';

/** Splits a byte stream into lines; calls `onLine` per complete line, `onOverflow` when a line is too long. */
export function lineReader(onLine: (line: string) => void, onOverflow: () => void): (chunk: Buffer) => void {
  let buf = '';
  return (chunk) => {
    buf += chunk.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.trim()) onLine(line);
    }
    if (buf.length > MAX_LINE_BYTES) {
      buf = '';
      onOverflow();
    }
  };
}

/** No 0/O, 1/I/L: easy to read off one screen and type into another. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A fresh pairing code, `XXXX-XXXX` (≈39.6 bits). */
export function newPairingCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Compare a typed code with the current one: case, spaces and dashes do not matter; constant time. */
export function codeMatches(typed: string, code: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');
  const a = Buffer.from(norm(typed));
  const b = Buffer.from(norm(code));
  return a.length === b.length && timingSafeEqual(a, b);
}
