/**
 * Appends hash-chained records to the audit log, one fsync per record, and keeps a small
 * `<log>.head` file naming the hash of the last line (so removing whole records from the
 * end is detected by `agentfw log --verify`).
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
  fstatSync,
} from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import { clipCommand, GENESIS, sha256 } from './record.js';
import type { AuditRecord } from './record.js';

export type AuditInput = Omit<AuditRecord, 'prev' | 'session' | 'ts'> & { ts?: string };

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

export class AuditWriter {
  private fd: number;
  readonly path: string;
  readonly session: string;

  private constructor(file: string, session: string, fd: number) {
    this.path = file;
    this.session = session;
    this.fd = fd;
  }

  static open(file: string, session: string): AuditWriter {
    const abs = path.resolve(file);
    try {
      mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
      const fd = openSync(abs, 'a+', 0o600);
      return new AuditWriter(abs, session, fd);
    } catch (err) {
      throw new AgentfwError(
        'E_AUDIT_OPEN',
        `cannot open the audit log ${abs}: ${(err as Error).message}`,
        'pass a writable file with --audit FILE, or fix the permissions of ~/.agentfw/',
      );
    }
  }

  /** Appends one record and flushes it to disk before returning. Returns the written line. */
  append(input: AuditInput): string {
    // Re-read the tail each time so two sessions sharing a log keep one chain.
    let last = lastLine(this.fd);
    const size = fstatSync(this.fd).size;
    if (size > 0) {
      const one = Buffer.alloc(1);
      readSync(this.fd, one, 0, 1, size - 1);
      // A torn last line stays in the chain as its own (invalid) record; --verify reports it.
      if (one[0] !== 0x0a) writeSync(this.fd, '\n');
    } else last = '';
    const rec: AuditRecord = {
      ts: input.ts ?? new Date().toISOString(),
      layer: input.layer,
      cwd: input.cwd,
      command: clipCommand(input.command),
      decision: input.decision,
      verdict: input.verdict,
      rules: input.rules,
      approver: input.approver,
      reason: input.reason,
      session: this.session,
      prev: size === 0 ? GENESIS : sha256(last),
    };
    const line = JSON.stringify(rec);
    writeSync(this.fd, line + '\n');
    fsyncSync(this.fd);
    const head = this.path + '.head';
    writeFileSync(head + '.tmp', JSON.stringify({ last: sha256(line), ts: rec.ts }) + '\n', { mode: 0o600 });
    renameSync(head + '.tmp', head);
    return line;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
