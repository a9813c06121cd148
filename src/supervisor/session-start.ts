/**
 * A session's start in its audit log: the loaded packs, the audit export (when configured)
 * and the start record. The start record is written before the agent starts; when it cannot
 * be, the agent never starts (the gate is closed and the error, e.g. E_AUDIT_WRITE, re-thrown).
 */
import type { AuditExport } from '../audit/export/index.js';
import type { ExportConfig } from '../audit/export/config.js';
import { startRecord } from '../audit/writer.js';
import type { Engine } from '../engine/analyze.js';
import type { SecretSet } from '../secrets/types.js';
import type { Gate } from './gate.js';
import { NO_SANDBOX_GIVES_UP } from './sandbox.js';

export interface SessionStartOptions {
  gate: Gate;
  engine: Engine;
  secrets: SecretSet;
  /** The agent command the human typed (AGENT and its arguments). Never empty. */
  command: string[];
  /** The agent's working directory and workspace (absolute). */
  cwd: string;
  /** The export config; undefined = no audit export. */
  exportCfg?: ExportConfig;
  /** Where an export problem goes (called only while the export runs). */
  onExportWarning: (m: string) => void;
  /** The tested bwrap binary; undefined = the agent runs without the OS sandbox. */
  bwrap?: string;
  /** Why there is no sandbox (SessionOptions.noSandbox); undefined = say nothing. */
  noSandbox?: 'flag' | 'platform';
  /** Where notes for the human go. */
  note: (s: string) => void;
}

/**
 * Names the packs, starts the audit export and writes the start record. Returns the export
 * (undefined = none), which the caller closes at the session's end. Throws when the start
 * record cannot be written, after closing the export and the gate.
 */
export async function recordSessionStart(o: SessionStartOptions): Promise<AuditExport | undefined> {
  const { gate } = o;
  gate.audit.packs = o.engine.packs.map((p) => `${p.pack}@${p.version}`);
  let auditExport: AuditExport | undefined;
  if (o.exportCfg) {
    const { startAuditExport } = await import('../audit/export/index.js');
    auditExport = startAuditExport(o.exportCfg, { onWarning: o.onExportWarning });
    const exp = auditExport;
    gate.audit.onAppend = (line) => exp.push(line);
  }
  // The start record: every session's first record names the agent command the human typed
  // and how it runs. That command is the human's own and is not judged (ARCHITECTURE.md,
  // "The agent command"); what it runs later is.
  let how = 'in the OS sandbox';
  if (o.noSandbox) {
    const why = o.noSandbox === 'flag' ? '--no-sandbox' : `no OS sandbox on ${process.platform}`;
    o.note(`agentfw: ${why}: ${NO_SANDBOX_GIVES_UP}`);
    how = `without the OS sandbox (${why})`;
  } else if (!o.bwrap) how = 'without the OS sandbox';
  try {
    gate.audit.append(startRecord(o.secrets.mask(o.command.join(' ')), o.cwd, how));
  } catch (err) {
    // fail closed: the agent's own start cannot be recorded, so it never starts; the gate's
    // sockets, proxy and timers (and the export) are closed here, else they keep this
    // process alive for good
    await auditExport?.close().catch(() => undefined);
    await gate.close().catch(() => undefined);
    throw err;
  }
  return auditExport;
}
