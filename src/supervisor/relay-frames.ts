/**
 * The relay's frames (wire format in relay.ts): `[stream id: 1 byte][length: 4 bytes, big
 * endian][bytes]`, stream 1 = stdout, 2 = stderr.
 */
/** Largest frame a client may send (it sends ≤ 256 KiB); larger → connection closed. */
export const MAX_FRAME = 1024 * 1024;
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

/** The payload of a zero-length frame (a stream's end). */
export const EMPTY = Buffer.alloc(0);

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
