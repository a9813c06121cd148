/**
 * PostgreSQL wire protocol, version 3: the framing a judge in the middle needs. Pure.
 *
 * Frontend (client → server): the first message has no type byte (`int32 length, int32
 * code`: StartupMessage, SSLRequest, GSSENCRequest, CancelRequest); every later one is
 * `byte type, int32 length (counting itself), payload`. The backend's messages all have the
 * typed shape. This is written here rather than taken from a library: the maintained npm
 * package for this protocol (pg-protocol) parses only backend messages and serializes only
 * frontend ones, the opposite of what a judge of client traffic reads and writes.
 */

/** Protocol codes of the untyped first message. */
export const CODE = {
  startup: 196608,
  ssl: 80877103,
  gssenc: 80877104,
  cancel: 80877102,
} as const;

/** Largest message accepted from the client, bytes (a query text larger than this is refused). */
export const MAX_MESSAGE = 16 * 1024 * 1024;

export interface FirstMessage {
  kind: 'startup' | 'ssl' | 'gssenc' | 'cancel' | 'unknown';
  /** The whole message (to forward). */
  raw: Buffer;
  /** Startup parameters (`user`, `database`, `application_name`); empty for other kinds. */
  params: Record<string, string>;
}

export interface TypedMessage {
  /** The type byte as a character (`Q`, `P`, `S`, …). */
  type: string;
  /** The whole message, type byte included (to forward). */
  raw: Buffer;
  /** The payload after the length. */
  body: Buffer;
}

/** What to do with the bytes at the start of `buf`: a message, need more, or a framing error. */
export type Cut<T> = { msg: T; rest: Buffer } | { more: true } | { error: string };

function cstrings(b: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < b.length) {
    const z = b.indexOf(0, at);
    if (z < 0) break;
    out.push(b.subarray(at, z).toString('utf8'));
    at = z + 1;
  }
  return out;
}

/** Cuts the untyped first message of a connection. */
export function cutFirst(buf: Buffer): Cut<FirstMessage> {
  if (buf.length < 8) return { more: true };
  const len = buf.readInt32BE(0);
  // fail closed: a length the protocol does not allow ends the connection
  if (len < 8 || len > 10_000) return { error: `bad startup length ${len}` };
  if (buf.length < len) return { more: true };
  const code = buf.readInt32BE(4);
  const raw = buf.subarray(0, len);
  const rest = buf.subarray(len);
  const params: Record<string, string> = {};
  let kind: FirstMessage['kind'] = 'unknown';
  if (code === CODE.ssl) kind = 'ssl';
  else if (code === CODE.gssenc) kind = 'gssenc';
  else if (code === CODE.cancel) kind = 'cancel';
  else if (code >>> 16 === 3) {
    kind = 'startup';
    const kv = cstrings(raw.subarray(8));
    for (let i = 0; i + 1 < kv.length; i += 2) params[kv[i]] = kv[i + 1];
  }
  return { msg: { kind, raw, params }, rest };
}

/** Cuts one typed message. */
export function cutTyped(buf: Buffer, max = MAX_MESSAGE): Cut<TypedMessage> {
  if (buf.length < 5) return { more: true };
  const len = buf.readInt32BE(1);
  // fail closed: a length the protocol does not allow, or a message over the limit
  if (len < 4) return { error: `bad message length ${len}` };
  if (len > max) return { error: `a message of ${len} bytes is over the ${max}-byte limit` };
  if (buf.length < len + 1) return { more: true };
  const raw = buf.subarray(0, len + 1);
  return {
    msg: { type: String.fromCharCode(buf[0]), raw, body: raw.subarray(5) },
    rest: buf.subarray(len + 1),
  };
}

/** The SQL text of a SimpleQuery (`Q`) or Parse (`P`) message; undefined for other types. */
export function sqlOf(m: TypedMessage): string | undefined {
  if (m.type === 'Q') return cstrings(m.body)[0] ?? '';
  if (m.type === 'P') {
    // Parse: statement name \0, query \0, int16 count, int32 oids…
    const s = cstrings(m.body);
    return s.length >= 2 ? s[1] : undefined;
  }
  return undefined;
}

function typed(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

export interface ErrorFields {
  /** ERROR or FATAL. */
  severity: 'ERROR' | 'FATAL';
  /** SQLSTATE, five characters (`42501` insufficient privilege). */
  code: string;
  message: string;
  /** Extra lines psql prints as DETAIL. Empty = none. */
  detail?: string;
  /** Printed as HINT. Empty = none. */
  hint?: string;
}

/** A backend ErrorResponse (`E`). */
export function errorResponse(e: ErrorFields): Buffer {
  const parts: Buffer[] = [];
  const field = (t: string, v: string) =>
    parts.push(Buffer.from(t, 'latin1'), Buffer.from(v, 'utf8'), Buffer.alloc(1));
  field('S', e.severity);
  field('V', e.severity);
  field('C', e.code);
  field('M', e.message);
  if (e.detail) field('D', e.detail);
  if (e.hint) field('H', e.hint);
  parts.push(Buffer.alloc(1));
  return typed('E', Buffer.concat(parts));
}

/** A backend ReadyForQuery (`Z`) with transaction status `I`, `T` or `E`. */
export function readyForQuery(status: string): Buffer {
  return typed('Z', Buffer.from(status.slice(0, 1) || 'I', 'latin1'));
}

/** A frontend Sync (`S`). */
export const SYNC = typed('S', Buffer.alloc(0));
