/**
 * The relay's frame parser (src/supervisor/relay.ts): the same frames whatever the reads
 * they arrive in, and a malformed header refused as soon as its five bytes are in.
 */
import { describe, expect, it } from 'vitest';
import { FrameReader, frame, MAX_FRAME } from '../../src/supervisor/relay.js';

/** Frames of assorted sizes (incl. empty and larger than one 64 KiB read), deterministic bytes. */
function frames(): { id: number; data: Buffer }[] {
  const sizes = [0, 1, 5, 100, 65531, 65536, 65541, 200_000, 3];
  return sizes.map((n, i) => ({
    id: (i % 2) + 1,
    data: Buffer.from(Array.from({ length: n }, (_, j) => (j * 31 + i * 7) & 0xff)),
  }));
}

/** Feeds `wire` to a reader in reads of `step` bytes; returns the frames or undefined (refused). */
function readAll(wire: Buffer, step: number): { id: number; data: Buffer }[] | undefined {
  const r = new FrameReader();
  const got: { id: number; data: Buffer }[] = [];
  let parts: Buffer[] = [];
  let id = 0;
  for (let at = 0; at < wire.length; at += step) {
    const f = r.push(wire.subarray(at, Math.min(wire.length, at + step)));
    if (!f) return undefined;
    for (const p of f) {
      // Pieces of one frame come in a row; only a zero-length frame gives an empty piece.
      if (parts.length) expect(p.id).toBe(id);
      if (!p.last || parts.length) expect(p.data.length).toBeGreaterThan(0);
      id = p.id;
      parts.push(Buffer.from(p.data));
      if (p.last) {
        got.push({ id, data: Buffer.concat(parts) });
        parts = [];
      }
    }
  }
  expect(parts).toEqual([]);
  return got;
}

describe('FrameReader', () => {
  const want = frames();
  const wire = Buffer.concat(want.map((f) => frame(f.id, f.data)));

  it.each([1, 2, 4, 5, 6, 7, 4096, 65536, 65541, 131072, wire.length])(
    'reads of %i bytes give every frame whole and in order',
    (step) => {
      const got = readAll(wire, step);
      expect(got?.length).toBe(want.length);
      got!.forEach((f, i) => {
        expect(f.id).toBe(want[i].id);
        expect(f.data.equals(want[i].data)).toBe(true);
      });
    },
  );

  it.each([
    ['an unknown stream id', Buffer.from([9, 0, 0, 0, 1, 65])],
    [
      'a frame over MAX_FRAME',
      Buffer.from([1, ...[0, 0, 0, 0].map((_, i) => ((MAX_FRAME + 1) >>> (24 - 8 * i)) & 0xff)]),
    ],
  ])('%s is refused, however the header is cut', (_n, bad) => {
    const good = frame(1, Buffer.from('fine'));
    for (const step of [1, 2, 3, 4, 5, 64]) expect(readAll(Buffer.concat([good, bad]), step)).toBeUndefined();
  });
});
