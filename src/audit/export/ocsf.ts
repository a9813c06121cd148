/**
 * Maps an audit record to an OCSF event, for SIEMs that ingest OCSF (schema 1.1).
 * Class: Process Activity (1007, category System Activity), activity Launch: the agent
 * asked to run a command; `disposition` says whether agentfw let it (Allowed) or
 * refused it (Blocked). Fields OCSF has no place for go under `unmapped`.
 */
import os from 'node:os';
import type { AuditRecord } from '../record.js';

const CLASS_UID = 1007;
const ACTIVITY_LAUNCH = 1;

/** OCSF severity_id: 1 informational, 3 medium (asked, then allowed), 4 high (denied). */
function severityId(r: AuditRecord): number {
  if (r.decision === 'deny') return 4;
  return r.verdict === 'ask' ? 3 : 1;
}

export interface OcsfEvent {
  [key: string]: unknown;
}

/** `hash` = sha256 of the record's JSONL line: the event's uid (dedupe key for at-least-once). */
export function toOcsf(r: AuditRecord, hash: string, productVersion = '0.1.0'): OcsfEvent {
  const allowed = r.decision === 'allow';
  const sev = severityId(r);
  return {
    class_uid: CLASS_UID,
    class_name: 'Process Activity',
    category_uid: 1,
    category_name: 'System Activity',
    activity_id: ACTIVITY_LAUNCH,
    activity_name: 'Launch',
    type_uid: CLASS_UID * 100 + ACTIVITY_LAUNCH,
    time: Date.parse(r.ts) || 0,
    severity_id: sev,
    severity: ({ 1: 'Informational', 3: 'Medium', 4: 'High' } as Record<number, string>)[sev],
    status_id: 1,
    status: 'Success',
    action_id: allowed ? 1 : 2,
    action: allowed ? 'Allowed' : 'Denied',
    disposition_id: allowed ? 1 : 2,
    disposition: allowed ? 'Allowed' : 'Blocked',
    message: r.reason,
    metadata: {
      version: '1.1.0',
      uid: hash,
      log_name: 'agentfw.audit',
      product: { name: 'agentfw', vendor_name: 'agentfw', version: productVersion },
      correlation_uid: r.session,
    },
    device: { hostname: os.hostname(), type_id: 0 },
    actor: { user: { name: os.userInfo().username, uid: String(process.getuid?.() ?? '') } },
    process: { cmd_line: r.command },
    unmapped: {
      cwd: r.cwd,
      layer: r.layer,
      verdict: r.verdict,
      rules: r.rules,
      approver: r.approver,
      prev: r.prev,
      ...(r.packs ? { packs: r.packs } : {}),
    },
  };
}
