/** Shared types of the audit export (below every sink and the pipeline). */
import type { AuditRecord } from '../record.js';

/** One audit record on its way out. */
export interface ExportItem {
  /** The record's exact JSONL line in the audit log. */
  line: string;
  record: AuditRecord;
  /** sha256 of `line`: unique per record (the chain), the dedupe key for at-least-once delivery. */
  hash: string;
}

/** A destination. `send` resolves once the destination took the whole batch, else throws. */
export interface Sink {
  /** Short name; also names the sink's spool file (`<name>.jsonl`). */
  readonly name: string;
  send(batch: ExportItem[]): Promise<void>;
  close(): Promise<void>;
}
