/**
 * Reads a byte stream as lines for `check --stdin`: only `\n` ends a line (a raw CR is part
 * of the line; JSON treats a trailing one as white space), every line is handed on, blank
 * ones too, and a line longer than `maxBytes` is reported by its size without being held in
 * memory. Lines are handed on per chunk, so a caller can answer all the lines one read
 * brought with one write, and answers a lone line as soon as it arrives.
 */
import type { Readable } from 'node:stream';

/** One input line: its text, or `tooLong` (its size in bytes) when it was over the bound. */
export type InputLine = { text: string; tooLong?: undefined } | { text?: undefined; tooLong: number };

/**
 * Calls `onLines` with the complete lines of each chunk, in order, then resolves at end of
 * input (a last line without `\n` counts as a line).
 */
export function readLines(
  input: Readable,
  maxBytes: number,
  onLines: (lines: InputLine[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let parts: Buffer[] = [];
    let held = 0;
    /** Bytes of the current line seen while it was over the bound (its text is dropped). */
    let over = 0;
    const push = (lines: InputLine[], piece: Buffer) => {
      if (over > 0 || held + piece.length > maxBytes) {
        over = over || held;
        over += piece.length;
        parts = [];
        held = 0;
        return;
      }
      parts.push(piece);
      held += piece.length;
    };
    const end = (lines: InputLine[]) => {
      lines.push(over > 0 ? { tooLong: over } : { text: Buffer.concat(parts).toString('utf8') });
      parts = [];
      held = 0;
      over = 0;
    };
    input.on('data', (chunk: Buffer) => {
      const lines: InputLine[] = [];
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
        push(lines, chunk.subarray(from, nl));
        end(lines);
        from = nl + 1;
      }
      if (from < chunk.length) push(lines, chunk.subarray(from));
      if (lines.length > 0) onLines(lines);
    });
    input.on('end', () => {
      if (held > 0 || over > 0) {
        const lines: InputLine[] = [];
        end(lines);
        onLines(lines);
      }
      resolve();
    });
    input.on('error', reject);
  });
}
