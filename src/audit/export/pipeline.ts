/**
 * One sink's delivery loop: spool → batch → send → ack, with exponential backoff (and
 * jitter) after a failure. Delivery is at least once: a batch the destination took but
 * whose ack was not yet written (crash, or a timeout after the collector stored it) is
 * sent again; every record carries its hash as a dedupe key.
 */
import { sha256 } from '../record.js';
import type { AuditRecord } from '../record.js';
import type { ExportConfig } from './config.js';
import type { Spool } from './spool.js';
import type { ExportItem, Sink } from './types.js';

export interface PipelineStats {
  /** Records the destination acknowledged since start. */
  sent: number;
  /** Failed send attempts since start. */
  failures: number;
  /** Last error text; empty = the last attempt succeeded (or none yet). */
  lastError: string;
}

export class Pipeline {
  readonly stats: PipelineStats = { sent: 0, failures: 0, lastError: '' };
  private wake: (() => void) | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;
  /** Set while records are spooled and not yet sent. */
  private dirty = true;

  constructor(
    readonly sink: Sink,
    readonly spool: Spool,
    private readonly cfg: Pick<ExportConfig, 'batch' | 'retry'>,
    private readonly warn: (m: string) => void,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /** Spools lines, then wakes the loop. */
  async enqueue(lines: string[]): Promise<void> {
    await this.spool.append(lines);
    this.dirty = true;
    this.poke();
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      this.dirty = false;
      let { lines, end } = await this.spool.read(this.cfg.batch.maxRecords);
      if (!lines.length) {
        if (!this.dirty) await this.idle();
        continue;
      }
      if (attempt === 0 && lines.length < this.cfg.batch.maxRecords && this.cfg.batch.maxDelayMs > 0) {
        await this.sleep(this.cfg.batch.maxDelayMs);
        if (this.stopped) break;
        ({ lines, end } = await this.spool.read(this.cfg.batch.maxRecords));
      }
      const items = lines.map(toItem).filter((i): i is ExportItem => i !== undefined);
      try {
        if (items.length) await this.sink.send(items);
        await this.spool.ack(end);
        if (attempt > 0) this.warn(`audit export to ${this.sink.name} recovered`);
        this.stats.sent += items.length;
        this.stats.lastError = '';
        attempt = 0;
      } catch (err) {
        this.stats.failures += 1;
        this.stats.lastError = (err as Error).message || String(err);
        if (attempt === 0)
          this.warn(
            `audit export to ${this.sink.name} failed (${this.stats.lastError}); records stay spooled in ${this.spool.base}.jsonl and are retried`,
          );
        const wait = Math.min(this.cfg.retry.maxMs, this.cfg.retry.baseMs * 2 ** Math.min(attempt, 20));
        attempt += 1;
        await this.sleep(wait / 2 + Math.random() * (wait / 2));
      }
    }
  }

  /** Resolves when the spool is empty, or after `timeoutMs`. Returns whether it emptied. */
  async drained(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.spool.pendingBytes()) === 0) return true;
      if (Date.now() >= until) return false;
      this.poke();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.running;
    await this.sink.close();
    await this.spool.close();
  }
}

/** A spooled line back to an item; undefined for a torn line (crash mid-append), which is skipped. */
function toItem(line: string): ExportItem | undefined {
  try {
    const record = JSON.parse(line) as AuditRecord;
    if (!record || typeof record !== 'object' || typeof record.ts !== 'string') return undefined;
    return { line, record, hash: sha256(line) };
  } catch {
    return undefined;
  }
}
