/**
 * Appends hash-chained records to the audit log and keeps a small `<log>.head` file naming
 * the hash of the last line (so removing whole records from the end is detected by
 * `agentfw log --verify`).
 *
 * Durability: each record is written to the file (one write(2), so it survives a crash of
 * agentfw) before the command is answered; the fsync and the head update follow right
 * after, off the command's path (an fsync costs 0.2–5 ms on a busy disk, which would
 * otherwise be added to every command). close() syncs everything.
 */
import {
  closeSync,
  fsync,
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
  /** Hash of the last line written and not yet reflected in the head file; empty = none. */
  private pendingHead = '';
  private syncing = false;
  private closed = false;
  /** Called with each written line (audit export, src/audit/export/); must be cheap. Undefined = none. */
  onAppend: ((line: string) => void) | undefined;
  /** Packs (`name@version`) stamped on every record. Empty = field left out. */
  packs: string[] = [];

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
      ...(this.packs.length ? { packs: this.packs } : {}),
      session: this.session,
      prev: size === 0 ? GENESIS : sha256(last),
    };
    const line = JSON.stringify(rec);
    writeSync(this.fd, line + '\n');
    this.pendingHead = sha256(line);
    if (!this.syncing) this.syncSoon();
    this.onAppend?.(line);
    return line;
  }

  /** fsync, then record the synced last line in the head file; repeats while records keep coming. */
  private syncSoon(): void {
    this.syncing = true;
    const head = this.pendingHead;
    fsync(this.fd, () => {
      if (this.closed) return;
      this.writeHead(head);
      if (this.pendingHead !== head) this.syncSoon();
      else this.syncing = false;
    });
  }

  private writeHead(last: string): void {
    if (!last) return;
    const head = this.path + '.head';
    try {
      writeFileSync(head + '.tmp', JSON.stringify({ last }) + '\n', { mode: 0o600 });
      renameSync(head + '.tmp', head);
    } catch {
      /* the chain itself still verifies; only tail truncation goes undetected */
    }
  }

  /** Flushes to disk, writes the final head and closes the file. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      fsyncSync(this.fd);
      this.writeHead(this.pendingHead);
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
