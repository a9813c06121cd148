/**
 * File operations of the audit writer (src/audit/writer.ts) on the log and its head file:
 * opening, whole writes, the last line, the lines another writer appended, the head file.
 */
import {
  closeSync,
  constants,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
  fstatSync,
} from 'node:fs';
import path from 'node:path';

/** Text of the last line of an open file (without its newline); "" when the file is empty. */
export function lastLine(fd: number): string {
  const size = fstatSync(fd).size;
  if (size === 0) return '';
  let end = size;
  const chunks: Buffer[] = [];
  // Skip one trailing newline, then read backwards until the previous newline.
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, size - 1);
  if (one[0] === 0x0a) end = size - 1;
  let pos = end;
  while (pos > 0) {
    const n = Math.min(64 * 1024, pos);
    const b = Buffer.alloc(n);
    readSync(fd, b, 0, n, pos - n);
    const nl = b.lastIndexOf(0x0a);
    if (nl >= 0) {
      chunks.unshift(b.subarray(nl + 1));
      break;
    }
    chunks.unshift(b);
    pos -= n;
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function openLog(abs: string): number {
  mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
  return openSync(abs, 'a+', 0o600);
}

/** write(2) until all of `text` is on file; a short or failed write throws (never taken as success). */
export function writeWhole(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    const n = writeSync(fd, buf, off, buf.length - off);
    // fail closed: 0 bytes (no space, file size limit) ends the record here, torn
    if (n <= 0) throw new Error(`short write (${off} of ${buf.length} bytes)`);
    off += n;
  }
}

/**
 * Writes the head file. Its text has a fixed length, so it is overwritten in place (one
 * write, then a truncate to the same length, so a reader never sees it empty): replacing it
 * by rename makes ext4 flush the new file first, ≈0.5 ms on the event loop after every
 * synced record. Not through a symlink (O_NOFOLLOW): a planted link is replaced instead,
 * never written through. A missing file, or anything odd, is (re)created by rename.
 */
export function writeHeadFile(head: string, body: string): void {
  const buf = Buffer.from(body, 'utf8');
  let fd: number | undefined;
  try {
    fd = openSync(head, constants.O_RDWR | constants.O_NOFOLLOW);
    if (!fstatSync(fd).isFile() || writeSync(fd, buf, 0, buf.length, 0) !== buf.length)
      throw new Error('odd head');
    ftruncateSync(fd, buf.length);
    return;
  } catch {
    /* replaced below */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const tmp = `${head}.${process.pid}.tmp`;
  writeFileSync(tmp, buf, { mode: 0o600 });
  renameSync(tmp, head);
}

/**
 * The complete lines of the open file from byte `from` to its end (a last line still being
 * written is left), and the offset just after the last one taken. Reads at most `max` bytes.
 */
export function linesFrom(
  fd: number,
  from: number,
  max = 4 * 1024 * 1024,
): { lines: string[]; next: number } {
  const size = fstatSync(fd).size;
  const n = Math.min(Math.max(0, size - from), max);
  if (n === 0) return { lines: [], next: from };
  const b = Buffer.alloc(n);
  const got = readSync(fd, b, 0, n, from);
  const end = b.subarray(0, got).lastIndexOf(0x0a);
  if (end < 0) return { lines: [], next: from };
  const text = b.subarray(0, end).toString('utf8');
  return { lines: text ? text.split('\n') : [''], next: from + end + 1 };
}
