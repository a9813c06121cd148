/**
 * Audit export: ships every audit record to OTLP and/or syslog, next to the local
 * hash-chained JSONL (the source of truth).
 *
 * The audit writer calls `push(line)` right after a record is written: it only queues the
 * line in memory (no I/O on the command's path). A moment later the lines are appended
 * to each sink's spool (synced), and each sink's pipeline batches, sends, retries with
 * backoff and acknowledges. Records not yet acknowledged stay in the spool across a
 * collector outage and a restart, and drain when the collector is back.
 */
import type { ExportConfig } from './config.js';
import { createOtlpSink } from './otlp.js';
import { Pipeline, type PipelineStats } from './pipeline.js';
import { Spool } from './spool.js';
import { createSyslogSink } from './syslog.js';
import type { Sink } from './types.js';

export { findExportConfig, loadExportConfig, parseExportConfig, type ExportConfig } from './config.js';

export interface AuditExport {
  /** Queues one audit line for every sink. Cheap and synchronous; never throws. */
  push(line: string): void;
  /** Waits until every queued line is acknowledged, at most `timeoutMs`; true = all delivered. */
  flush(timeoutMs: number): Promise<boolean>;
  /** Tries to deliver for up to `timeoutMs`, then stops; what is left stays spooled for the next run. */
  close(timeoutMs?: number): Promise<void>;
  /** Per-sink counters, by sink name. */
  stats(): Record<string, PipelineStats>;
}

export interface StartOptions {
  /** Where export problems are reported (once per outage). Default: ignored. */
  onWarning?: (message: string) => void;
  /** Sinks to use instead of the configured ones (tests of the pipeline). */
  sinks?: Sink[];
}

export function startAuditExport(cfg: ExportConfig, o: StartOptions = {}): AuditExport {
  const warn = o.onWarning ?? (() => undefined);
  const sinks: Sink[] = o.sinks ?? [];
  if (!o.sinks) {
    if (cfg.otlp) sinks.push(createOtlpSink(cfg.otlp));
    if (cfg.syslog) sinks.push(createSyslogSink(cfg.syslog));
  }
  const spoolDir = cfg.spool ?? '';
  const pipes = sinks.map((s) => new Pipeline(s, Spool.open(spoolDir, s.name), cfg, warn));
  for (const p of pipes) p.start();

  let queue: string[] = [];
  let scheduled = false;
  let spooling: Promise<void> = Promise.resolve();
  const toSpool = () => {
    scheduled = false;
    const lines = queue;
    queue = [];
    spooling = spooling.then(() =>
      Promise.all(pipes.map((p) => p.enqueue(lines))).then(
        () => undefined,
        (err: Error) => warn(`audit export could not spool ${lines.length} record(s): ${err.message}`),
      ),
    );
  };

  return {
    push(line) {
      queue.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(toSpool);
      }
    },
    async flush(timeoutMs) {
      if (scheduled) toSpool();
      await spooling;
      const r = await Promise.all(pipes.map((p) => p.drained(timeoutMs)));
      return r.every(Boolean);
    },
    async close(timeoutMs = 2_000) {
      await this.flush(timeoutMs);
      await Promise.all(pipes.map((p) => p.stop()));
    },
    stats() {
      return Object.fromEntries(pipes.map((p) => [p.sink.name, { ...p.stats }]));
    },
  };
}
