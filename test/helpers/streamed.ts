/** A masker fed in pieces: `push` each piece's bytes, then `flush` what it held back. */
export interface PieceMasker {
  push(chunk: Buffer): Buffer;
  flush(): Buffer;
}

/** Feeds `input` to `m` split at `cuts` (byte offsets, taken modulo the length) and joins the output. */
export function streamed(m: PieceMasker, input: Buffer, cuts: number[]): Buffer {
  const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of [...points, input.length]) {
    out.push(m.push(input.subarray(at, p)));
    at = p;
  }
  out.push(m.flush());
  return Buffer.concat(out);
}
