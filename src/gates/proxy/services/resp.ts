/**
 * Redis serialization protocol (RESP2 and RESP3): the framing a judge in the middle needs.
 * Pure. Client commands are arrays of bulk strings (`*2\r\n$3\r\nGET\r\n$1\r\nk\r\n`) or
 * inline lines (`PING\r\n`); server replies are any RESP value, pushes (`>`) and
 * attributes (`|`) included, which are not replies to a command.
 */
import type { Cut } from './pg-wire.js';

/** Largest command accepted from the client, bytes (larger: the connection is closed). */
export const MAX_COMMAND = 16 * 1024 * 1024;
/** Most elements in one command. */
const MAX_ARGS = 1_000_000;

function line(buf: Buffer, at: number): { text: string; next: number } | undefined {
  const nl = buf.indexOf('\r\n', at, 'latin1');
  return nl < 0 ? undefined : { text: buf.toString('latin1', at, nl), next: nl + 2 };
}

/** Cuts one client command: its words (bulk strings decoded as UTF-8) and raw bytes. */
export function cutCommand(buf: Buffer, max = MAX_COMMAND): Cut<{ words: string[]; raw: Buffer }> {
  if (!buf.length) return { more: true };
  if (buf[0] !== 0x2a /* '*' */) {
    // Inline command: one line, words split on blanks.
    const nl = buf.indexOf(10);
    if (nl < 0) return buf.length > max ? { error: 'inline command over the limit' } : { more: true };
    const raw = buf.subarray(0, nl + 1);
    const words = raw.toString('utf8').trim().split(/\s+/).filter(Boolean);
    return { msg: { words, raw }, rest: buf.subarray(nl + 1) };
  }
  const head = line(buf, 0);
  if (!head) return buf.length > 64 ? { error: 'bad array header' } : { more: true };
  const n = Number(head.text.slice(1));
  if (!Number.isInteger(n) || n < 0 || n > MAX_ARGS)
    return { error: `bad array length ${head.text.slice(1)}` };
  const words: string[] = [];
  let at = head.next;
  for (let i = 0; i < n; i++) {
    const h = line(buf, at);
    if (!h) return buf.length - at > 64 ? { error: 'bad bulk header' } : { more: true };
    // fail closed: only bulk strings are valid command elements
    if (!h.text.startsWith('$')) return { error: 'a command element that is not a bulk string' };
    const len = Number(h.text.slice(1));
    if (!Number.isInteger(len) || len < 0 || len > max)
      return { error: `bad bulk length ${h.text.slice(1)}` };
    if (h.next + len + 2 > max) return { error: `a command over the ${max}-byte limit` };
    if (buf.length < h.next + len + 2) return { more: true };
    words.push(buf.toString('utf8', h.next, h.next + len));
    at = h.next + len + 2;
  }
  return { msg: { words, raw: buf.subarray(0, at) }, rest: buf.subarray(at) };
}

/**
 * End of the RESP value starting at `at`: the index after it; -1 = incomplete; -2 = not
 * RESP. `kind` = the value's type byte.
 */
export function valueEnd(buf: Buffer, at: number, depth = 0): number {
  if (at >= buf.length) return -1;
  if (depth > 64) return -2;
  const t = String.fromCharCode(buf[at]);
  const h = line(buf, at + 1);
  if (!h) return -1;
  if ('+-:_#,('.includes(t)) return h.next;
  if ('$!='.includes(t)) {
    const len = Number(h.text);
    if (!Number.isInteger(len) || len < -1) return -2;
    if (len === -1) return h.next;
    return buf.length < h.next + len + 2 ? -1 : h.next + len + 2;
  }
  if ('*~>%|'.includes(t)) {
    const n = Number(h.text);
    if (!Number.isInteger(n) || n < -1) return -2;
    const items = t === '%' || t === '|' ? 2 * n : n;
    let p = h.next;
    for (let i = 0; i < items; i++) {
      p = valueEnd(buf, p, depth + 1);
      if (p < 0) return p;
    }
    return p;
  }
  return -2;
}

/** A Redis error reply (`-ERR …`), one line. */
export function errorReply(text: string): Buffer {
  return Buffer.from(`-${text.replace(/[\r\n]+/g, ' ')}\r\n`, 'utf8');
}
