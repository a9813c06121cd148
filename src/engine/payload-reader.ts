/**
 * The one piece of I/O the pipeline may use: reading a payload file that a command
 * refers to (`curl -d @body.json`, `psql -f wipe.sql`). Callers inject it as
 * AnalyzeContext.readFile; the pure stages never touch the filesystem themselves.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Returns a reader that gives a file's text, or undefined when it is missing,
 * not a regular file, unreadable, or larger than maxBytes (fail closed: undefined
 * makes the payload unknown, which the rules treat as ask).
 */
export function payloadReader(maxBytes: number): (absPath: string) => string | undefined {
  return (absPath) => {
    let fd: number | undefined;
    try {
      fd = openSync(absPath, 'r');
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > maxBytes) return undefined;
      const buf = Buffer.alloc(st.size);
      let off = 0;
      while (off < st.size) {
        const n = readSync(fd, buf, off, st.size - off, off);
        if (n === 0) break;
        off += n;
      }
      return buf.subarray(0, off).toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}
