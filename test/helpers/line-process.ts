/**
 * A child process driven by lines: what it prints on stdout is read a line at a time, in
 * order (the exec gate tests' scripted agents answer each request with one line).
 */
import { spawn } from 'node:child_process';

export interface LineProcess {
  /** The next line it prints (without the newline). */
  line(): Promise<string>;
  /** Writes `text` to its stdin. */
  write(text: string): void;
  /** Ends its stdin and resolves once it has exited. */
  close(): Promise<void>;
}

/** Starts `file args` with stdin and stdout piped (stderr inherited). */
export function startLineProcess(file: string, args: string[]): LineProcess {
  const p = spawn(file, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((l: string) => void)[] = [];
  let buf = '';
  p.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const l = buf.slice(0, i);
      buf = buf.slice(i + 1);
      waiting.shift()?.(l);
    }
  });
  return {
    line: () => new Promise<string>((r) => waiting.push(r)),
    write: (text) => p.stdin.write(text),
    close: () => new Promise((r) => (p.on('close', () => r()), p.stdin.end())),
  };
}
