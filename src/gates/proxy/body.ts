/**
 * Reading a request body as the server would: collected up to a size limit and decoded
 * from its Content-Encoding (gzip, x-gzip, deflate, br, identity; several in order).
 * Anything else is reported, never guessed past: the caller then holds the request.
 */
import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';

export interface ReadBody {
  /** The raw bytes as received (forwarded unchanged). Empty buffer = no body. */
  raw: Buffer;
  /** True when the body went over the limit; `raw` then holds only the first part and the rest was not read. */
  tooLarge: boolean;
}

/**
 * Collects the body of `req` up to `limit` bytes. Over the limit it stops reading
 * (the request is then judged without its body, fail closed) and reports tooLarge.
 */
export function collectBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: ReadBody) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(r);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        finish({ raw: Buffer.concat(chunks), tooLarge: true });
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => finish({ raw: Buffer.concat(chunks), tooLarge: false }));
    req.on('error', (e) => {
      if (!done) {
        done = true;
        reject(e);
      }
    });
  });
}

export type Decoded = { ok: true; text: string } | { ok: false; why: string };

/** Decodes `raw` per a Content-Encoding header; the decoded size is capped at `limit`. */
export function decodeBody(raw: Buffer, encoding: string | undefined, limit: number): Decoded {
  const codings = (encoding ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity');
  let buf = raw;
  // Content-Encoding lists codings in the order applied: undo them last to first.
  for (const c of codings.reverse()) {
    const opts = { maxOutputLength: limit };
    try {
      if (c === 'gzip' || c === 'x-gzip') buf = zlib.gunzipSync(buf, opts);
      else if (c === 'deflate') buf = inflateEither(buf, limit);
      else if (c === 'br') buf = zlib.brotliDecompressSync(buf, opts);
      // fail closed: an encoding we cannot read hides the body.
      else return { ok: false, why: `unknown content-encoding "${c.slice(0, 40)}"` };
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test(e.message))
        return { ok: false, why: `the decoded body is larger than ${limit} bytes` };
      return { ok: false, why: `the ${c} body does not decode (${e.message.slice(0, 80)})` };
    }
  }
  return { ok: true, text: buf.toString('utf8') };
}

/** `deflate` is zlib-wrapped by the standard, raw by some clients: accept both. */
function inflateEither(buf: Buffer, limit: number): Buffer {
  try {
    return zlib.inflateSync(buf, { maxOutputLength: limit });
  } catch {
    return zlib.inflateRawSync(buf, { maxOutputLength: limit });
  }
}
