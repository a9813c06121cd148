/**
 * Streaming masking: replaces known values and detected secrets with
 * `agentfw:masked:NAME`, chunk by chunk, with exactly the output a one-shot mask of the
 * whole stream would give. Bytes are handled as latin1 strings (one char per byte), so
 * non-UTF-8 output passes through untouched. Pure: no I/O.
 */
import type { StreamMasker } from './types.js';
import type { Hit, ScanResult } from './detect.js';
import { placeholder } from './placeholder.js';

/** Anything that scans a buffer: the known-values matcher or the pattern scanner. */
export interface BufferScanner {
  /** `bytes`, when given, is `s` as latin1 bytes (every char of `s` below 0x100); absent = computed. */
  scan(s: string, from: number, final: boolean, bytes?: Uint8Array): ScanResult;
  /**
   * Optional fast check: true only when scanning `buf` as a whole chunk (nothing held,
   * no context) would find nothing and hold nothing back. Absent = always scan.
   */
  clean?(buf: Buffer): boolean;
}

/** Patterns whose hit NAME comes from a key name, preferred when hits overlap. */
const NAMED = /^(?:named-|flag$|known$)/;

/** Union of overlapping hits, in order; each merged region keeps the most telling name. */
export function mergeHits(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end > last.end) last.end = h.end;
      if (!NAMED.test(last.pattern) && NAMED.test(h.pattern)) {
        last.name = h.name;
        last.pattern = h.pattern;
      }
    } else out.push({ ...h });
  }
  return out;
}

/** Replace merged regions within [from, to) of `s`. */
function render(s: string, from: number, to: number, regions: Hit[]): string {
  let out = '';
  let at = from;
  for (const r of regions) {
    if (r.start < from || r.end > to) continue;
    out += s.slice(at, r.start) + placeholder(r.name);
    at = r.end;
  }
  return out + s.slice(at, to);
}

/** One-shot masking of a latin1 string by one scanner. */
export function maskWith(scanner: BufferScanner, s: string): string {
  const { hits } = scanner.scan(s, 0, true);
  return hits.length === 0 ? s : render(s, 0, s.length, mergeHits(hits));
}

/**
 * One masking stage over a stream. Keeps `context` already-emitted characters for the
 * scanner to look back at (a key name before a value that arrives in the next chunk).
 */
export class StreamStage {
  private ctx = '';
  private pending = '';
  /** Reused by pushBytes for the joined bytes (never returned). */
  private scratch = Buffer.alloc(0);
  /**
   * The last chunk pushBytes took, while `ctx + pending` are its last bytes (see `inPlace`);
   * undefined = the next chunk's head is copied.
   */
  private last?: Buffer;
  /**
   * `ctx + pending` as bytes (a copy), kept by pushBytes to check them against the bytes
   * before the next chunk; undefined = derived from the strings when needed (after `push`
   * or `flush`, which change them without bytes at hand).
   */
  private headBytes?: Buffer;

  constructor(
    private readonly scanner: BufferScanner,
    private readonly context: number,
  ) {}

  /**
   * The chunk's bytes unchanged when this stage provably has nothing to do with them
   * (nothing held, no context kept, the scanner finds the chunk clean); else undefined and
   * the caller pushes the chunk as a string. The state is the same as after `push`.
   */
  passThrough(chunk: Buffer): Buffer | undefined {
    if (this.ctx || this.pending || this.context !== 0 || !this.scanner.clean?.(chunk)) return undefined;
    return chunk;
  }

  push(chunk: string): string {
    this.last = undefined;
    const s = this.ctx + this.pending + chunk;
    this.headBytes = undefined;
    return render(s, this.ctx.length, ...this.step(s));
  }

  /**
   * `push` for bytes: the same output as `Buffer.from(push(chunk.toString('latin1')), 'latin1')`
   * with fewer copies. The text (`ctx + pending`, then the chunk) is taken in place when the
   * chunk follows the last one in the same memory and the bytes before it are still
   * `ctx + pending` (the pieces of one read: no copy at all), else joined into a buffer this
   * stage reuses; once as a string too (for the scanner's regexes). A part without hits goes
   * out as a view of the caller's memory (`chunk`, or the bytes before it in place), else as a
   * copy; the reused buffer itself is never handed out.
   */
  pushBytes(chunk: Buffer): Buffer {
    const ctx = this.ctx.length;
    const pending = this.pending.length;
    const hl = ctx + pending;
    let bytes: Buffer = chunk;
    let view = true; // `bytes` is the caller's memory (a view of it may go out)
    if (hl > 0) {
      const before = this.inPlace(chunk, hl);
      if (before) bytes = before;
      else {
        view = false;
        const len = hl + chunk.length;
        if (this.scratch.length < len)
          this.scratch = Buffer.allocUnsafe(Math.max(len, 2 * this.scratch.length));
        (this.headBytes ?? Buffer.from(this.ctx + this.pending, 'latin1')).copy(this.scratch, 0);
        chunk.copy(this.scratch, hl);
        bytes = this.scratch.subarray(0, len);
      }
    }
    const s = bytes.toString('latin1');
    const [cut, regions] = this.step(s, bytes);
    this.last = chunk;
    this.headBytes = Buffer.from(bytes.subarray(cut - this.ctx.length));
    if (!regions.some((r) => r.start >= ctx && r.end <= cut)) {
      if (view) return bytes.subarray(ctx, cut);
      if (pending === 0) return chunk.subarray(0, cut - ctx);
      return Buffer.from(bytes.subarray(ctx, cut));
    }
    return Buffer.from(render(s, ctx, cut, regions), 'latin1');
  }

  /**
   * `ctx + pending` followed by `chunk`, as one view of the caller's memory, when `chunk`
   * starts right where the last chunk ended (same memory) and the `hl` bytes before it are
   * still `ctx + pending` (compared, so a caller that rewrote them gets a copy); else
   * undefined.
   */
  private inPlace(chunk: Buffer, hl: number): Buffer | undefined {
    const last = this.last;
    if (!last || last.buffer !== chunk.buffer || last.byteOffset + last.length !== chunk.byteOffset)
      return undefined;
    if (chunk.byteOffset - hl < last.byteOffset) return undefined;
    const head = Buffer.from(chunk.buffer, chunk.byteOffset - hl, hl);
    if (!this.headBytes || !head.equals(this.headBytes)) return undefined;
    return Buffer.from(chunk.buffer, chunk.byteOffset - hl, hl + chunk.length);
  }

  /** Scans `s` (ctx + pending + new text), keeps the new ctx and pending; returns the emit end and regions. */
  private step(s: string, bytes?: Uint8Array): [number, Hit[]] {
    const from = this.ctx.length;
    const { hits, hold } = this.scanner.scan(s, from, false, bytes);
    const regions = mergeHits(hits);
    let cut = hold;
    for (const r of regions) if (r.start < cut && r.end > cut) cut = r.start;
    this.ctx = s.slice(Math.max(0, cut - this.context), cut);
    this.pending = s.slice(cut);
    return [cut, regions];
  }

  flush(): string {
    this.last = undefined;
    // Nothing held back: nothing to scan or emit, and the context stays as it is (the end
    // of a quiet stream, every command that prints nothing).
    if (this.pending === '') return '';
    const s = this.ctx + this.pending;
    const from = this.ctx.length;
    const { hits } = this.scanner.scan(s, from, true);
    const out = render(s, from, s.length, mergeHits(hits));
    this.ctx = s.slice(Math.max(0, s.length - this.context));
    this.pending = '';
    this.headBytes = undefined;
    return out;
  }
}

/** Largest piece of a chunk masked at once (see ChainMasker.push). */
const PIECE = 64 * 1024;

/**
 * A StreamMasker over a chain of stages (known values first, then patterns).
 * `flush()` emits everything held back; the masker stays usable afterwards, so a relay
 * may also call it when the child has gone quiet (at the cost of exactness across
 * that pause).
 */
export class ChainMasker implements StreamMasker {
  constructor(private readonly stages: StreamStage[]) {}

  /**
   * A chunk longer than PIECE is masked in pieces of that size: the same output (the masker
   * is streaming), but each stage's one-byte string of a piece stays out of V8's
   * large-object space, whose allocations made 256 KiB chunks ≈ 1.5× slower per byte than
   * 64 KiB ones (a session's masker over 10 MiB of bench/shim.mjs's relay text).
   */
  push(chunk: Buffer): Buffer {
    if (chunk.length <= PIECE) return this.pushPiece(chunk);
    const out = this.pushPieces(chunk);
    return out.length === 1 ? out[0] : Buffer.concat(out);
  }

  /** `push` as the masked pieces, not joined (a relay writes them in one writev). */
  pushPieces(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    for (let at = 0; at < chunk.length; at += PIECE) {
      const piece = this.pushPiece(chunk.subarray(at, at + PIECE));
      if (piece.length > 0) out.push(piece);
    }
    return out;
  }

  private pushPiece(chunk: Buffer): Buffer {
    // Leading stages that have nothing to do pass the bytes on without a string round trip.
    let i = 0;
    for (; i < this.stages.length; i++) {
      const same = this.stages[i].passThrough(chunk);
      if (!same) break;
    }
    if (i === this.stages.length) return chunk;
    // The first stage that works gets bytes; a later one gets bytes too while no stage
    // before it has rendered a placeholder into a string.
    let cur: Buffer | string = chunk;
    for (; i < this.stages.length; i++) {
      const st = this.stages[i];
      cur = typeof cur === 'string' ? st.push(cur) : st.pushBytes(cur);
    }
    return typeof cur === 'string' ? Buffer.from(cur, 'latin1') : cur;
  }

  flush(): Buffer {
    let s = '';
    for (const st of this.stages) {
      const head = s ? st.push(s) : '';
      s = head + st.flush();
    }
    return Buffer.from(s, 'latin1');
  }
}
