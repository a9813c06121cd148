/**
 * A sink's local spool: audit lines not yet acknowledged by the destination.
 *
 * Files in the spool dir, per sink NAME:
 *   NAME.jsonl  lines waiting (exact audit-log lines, append-only)
 *   NAME.ack    byte offset in NAME.jsonl up to which the destination acknowledged
 *   NAME.lock   pid of the process that owns NAME.jsonl
 * When everything is acknowledged the file is truncated. A second live process with the
 * same spool dir uses NAME.<pid>.jsonl; a later process adopts the spool of a dead one,
 * so records survive a collector outage and a restart. The spool is not the source of
 * truth (the audit log is); it only remembers what still has to go out.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pidAlive } from '../lock.js';

/** Most bytes read from the spool for one batch. */
const READ_CHUNK = 4 * 1024 * 1024;

function readAck(file: string): number {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}

/** Un-acknowledged complete lines of a spool file (used to adopt a dead process's spool). */
function pendingLines(base: string): string[] {
  let text: string;
  try {
    text = readFileSync(base + '.jsonl')
      .subarray(readAck(base + '.ack'))
      .toString('utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter((l) => l.length > 0);
}

/** Takes NAME.lock, or NAME.<pid>.lock when a live process holds NAME.lock. Returns the base path. */
function lock(dir: string, name: string): string {
  for (const base of [path.join(dir, name), path.join(dir, `${name}.${process.pid}`)]) {
    const file = base + '.lock';
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return base;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner === process.pid || !pidAlive(owner)) {
        writeFileSync(file, String(process.pid), { mode: 0o600 });
        return base;
      }
    }
  }
  throw new Error(`spool ${name} is locked`);
}

export class Spool {
  private chain: Promise<unknown> = Promise.resolve();
  /** Offset acknowledged so far. */
  private acked: number;

  private constructor(
    readonly base: string,
    acked: number,
  ) {
    this.acked = acked;
  }

  static open(dir: string, name: string): Spool {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const base = lock(dir, name);
    if (!existsSync(base + '.jsonl')) writeFileSync(base + '.jsonl', '', { mode: 0o600 });
    const size = readFileSync(base + '.jsonl').length;
    let acked = readAck(base + '.ack');
    // A crash between truncating and writing the ack leaves ack > size: start over.
    if (acked > size) acked = 0;
    const spool = new Spool(base, acked);
    if (base === path.join(dir, name)) spool.adoptOrphans(dir, name);
    return spool;
  }

  /** Moves the pending lines of dead processes' NAME.<pid> spools into this one. */
  private adoptOrphans(dir: string, name: string): void {
    const re = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.jsonl$`);
    for (const f of readdirSync(dir)) {
      const m = re.exec(f);
      if (!m || Number(m[1]) === process.pid) continue;
      const base = path.join(dir, `${name}.${m[1]}`);
      const owner = existsSync(base + '.lock') ? Number(readFileSync(base + '.lock', 'utf8')) : 0;
      if (pidAlive(owner)) continue;
      const lines = pendingLines(base);
      if (lines.length) writeFileSync(this.base + '.jsonl', lines.join('\n') + '\n', { flag: 'a' });
      for (const ext of ['.jsonl', '.ack', '.lock']) rmSync(base + ext, { force: true });
    }
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op, op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Appends lines (synced to disk before resolving). */
  append(lines: string[]): Promise<void> {
    if (!lines.length) return Promise.resolve();
    return this.serial(async () => {
      const fh = await fsp.open(this.base + '.jsonl', 'a', 0o600);
      try {
        await fh.write(lines.join('\n') + '\n');
        await fh.datasync();
      } finally {
        await fh.close();
      }
    });
  }

  /** Up to `max` pending lines and the offset just after the last one. */
  read(max: number): Promise<{ lines: string[]; end: number }> {
    return this.serial(async () => {
      const fh = await fsp.open(this.base + '.jsonl', 'r');
      try {
        const buf = Buffer.alloc(READ_CHUNK);
        const { bytesRead } = await fh.read(buf, 0, READ_CHUNK, this.acked);
        const chunk = buf.subarray(0, bytesRead);
        const lines: string[] = [];
        let pos = 0;
        while (lines.length < max) {
          const nl = chunk.indexOf(0x0a, pos);
          if (nl < 0) break;
          if (nl > pos) lines.push(chunk.subarray(pos, nl).toString('utf8'));
          pos = nl + 1;
        }
        return { lines, end: this.acked + pos };
      } finally {
        await fh.close();
      }
    });
  }

  /** Marks everything before `end` as delivered; truncates the file once all is delivered. */
  ack(end: number): Promise<void> {
    return this.serial(async () => {
      const size = (await fsp.stat(this.base + '.jsonl')).size;
      this.acked = end;
      if (end >= size) {
        await fsp.truncate(this.base + '.jsonl', 0);
        this.acked = 0;
      }
      await fsp.writeFile(this.base + '.ack.tmp', String(this.acked), { mode: 0o600 });
      await fsp.rename(this.base + '.ack.tmp', this.base + '.ack');
    });
  }

  /** Bytes not yet acknowledged. */
  async pendingBytes(): Promise<number> {
    return this.serial(async () => (await fsp.stat(this.base + '.jsonl')).size - this.acked);
  }

  /** Waits for queued operations and releases the lock (the files stay for the next run). */
  async close(): Promise<void> {
    await this.serial(async () => undefined);
    rmSync(this.base + '.lock', { force: true });
  }
}
