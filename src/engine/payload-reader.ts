/**
 * The one piece of I/O the pipeline may use: reading a payload file that a command
 * refers to (`curl -d @body.json`, `psql -f wipe.sql`). Callers inject it as
 * AnalyzeContext.readFile; the pure stages never touch the filesystem themselves.
 *
 * It runs on the supervisor's event loop, so nothing the agent names may block it: a FIFO
 * (`curl -d @fifo`) would block open(2) until a writer comes, a device or /dev/stdin could
 * block read(2) forever. Only regular files are read, opened with O_NONBLOCK, within a
 * size and a time bound.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** A payload path that names something other than a file: reading it could block or never end. */
export type SpecialKind = 'fifo' | 'socket' | 'device';

function specialKind(st: Stats): SpecialKind | undefined {
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return undefined;
}

/** Longest time one payload read may take, in ms (a slow network filesystem). */
export const PAYLOAD_READ_MS = 500;

/**
 * Returns a reader that gives a file's text, or undefined when it is missing, not a
 * regular file (FIFO, socket, device, directory), unreadable, larger than maxBytes, or
 * slower than maxMs (fail closed: undefined makes the payload unknown, which the rules
 * treat as ask). `onSpecial` hears of every FIFO, socket or device named, so the caller can
 * ask about a command whose payload cannot be read without blocking.
 */
export function payloadReader(
  maxBytes: number,
  maxMs = PAYLOAD_READ_MS,
  onSpecial?: (absPath: string, kind: SpecialKind) => void,
): (absPath: string) => string | undefined {
  return (absPath) => {
    let fd: number | undefined;
    try {
      // fail closed: stat first (never blocks); only a regular file within the bound is opened
      const st = statSync(absPath);
      const special = specialKind(st);
      if (special) onSpecial?.(absPath, special);
      if (!st.isFile() || st.size > maxBytes) return undefined;
      // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open returns at once.
      fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
      const fst = fstatSync(fd);
      if (!fst.isFile() || fst.dev !== st.dev || fst.ino !== st.ino || fst.size > maxBytes) return undefined;
      const deadline = Date.now() + maxMs;
      const buf = Buffer.alloc(Math.min(fst.size, maxBytes) + 1);
      let off = 0;
      while (off < buf.length) {
        const n = readSync(fd, buf, off, buf.length - off, off);
        if (n === 0) break;
        off += n;
        // fail closed: a file that grows past the bound or reads too slowly is unknown
        if (off > maxBytes || Date.now() > deadline) return undefined;
      }
      return buf.subarray(0, off).toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}
