/**
 * Records which programs an agent exec'd (strace -f on execve), to prove which exec path
 * carried its shell command: a shim found through $SHELL / PATH, or a shell run by
 * absolute path that only the BASH_ENV gate can see.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** strace, when installed; undefined otherwise. */
export const STRACE = ['/usr/bin/strace', '/bin/strace'].find((p) => existsSync(p));

/** Prefix that runs a command under strace, logging every execve of its process tree to `logFile`. */
export function straceArgs(logFile: string): string[] {
  if (!STRACE) throw new Error('strace is not installed (Fix: apt-get install strace)');
  return [STRACE, '-f', '-qq', '-s', '65535', '-e', 'trace=execve,execveat', '-o', logFile];
}

export interface ExecCall {
  /** The program path as passed to execve (a symlink is not resolved). */
  file: string;
  /** The argv array as strace printed it (C-escaped strings). */
  argv: string;
}

/** Execve calls that did not fail, in log order; empty when the log is missing. */
export function readExecs(logFile: string): ExecCall[] {
  if (!existsSync(logFile)) return [];
  const out: ExecCall[] = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const m = /^\d+\s+execve(?:at)?\((?:\w+,\s*)?"((?:[^"\\]|\\.)*)",\s*(.*)$/.exec(line);
    if (!m || /= -1 E[A-Z]+/.test(m[2])) continue;
    out.push({ file: m[1], argv: m[2] });
  }
  return out;
}

/** The real shells on this machine, by absolute path (what an agent exec'ing /bin/bash hits). */
const SYSTEM_BASH = new Set(['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash']);

/** True when `call` exec'd agentfw's bash shim: named bash, but not a system bash. */
export function isBashShim(call: ExecCall): boolean {
  return path.basename(call.file) === 'bash' && !SYSTEM_BASH.has(call.file);
}

/** True when `call` exec'd a system bash by absolute path. */
export function isSystemBash(call: ExecCall): boolean {
  return SYSTEM_BASH.has(call.file);
}
