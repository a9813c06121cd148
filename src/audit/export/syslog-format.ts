/**
 * RFC 5424 syslog messages for audit records (pure; no I/O).
 *
 *   <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [agentfw@32473 k="v" …] BOM MSG
 *
 * PRI = facility × 8 + severity (deny → 4 warning, allowed after an ask → 5 notice,
 * allowed → 6 informational). MSG is the record (or its OCSF form) as one line of JSON.
 * 32473 is the enterprise number RFC 5612 reserves for examples; a site with its own
 * private enterprise number can change SD_ID.
 */
import type { AuditRecord } from '../record.js';

export const SD_ID = 'agentfw@32473';

export interface SyslogHeader {
  facility: number;
  hostname: string;
  appName: string;
  procId: string;
}

export function severityOf(r: AuditRecord): number {
  if (r.decision === 'deny') return 4;
  return r.verdict === 'ask' ? 5 : 6;
}

/** Header fields are printable US-ASCII without spaces, cut to their RFC length; empty = "-". */
function field(value: string, max: number): string {
  const v = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return v || '-';
}

/** SD-PARAM values escape `"`, `\` and `]` (RFC 5424 §6.3.3). */
function sdValue(v: string): string {
  return v.replace(/[\\"\]]/g, (c) => '\\' + c);
}

export function formatSyslog(r: AuditRecord, hash: string, msg: string, h: SyslogHeader): string {
  const pri = h.facility * 8 + severityOf(r);
  const ts = Number.isNaN(Date.parse(r.ts)) ? '-' : new Date(r.ts).toISOString();
  const params: [string, string][] = [
    ['session', r.session],
    ['layer', r.layer],
    ['decision', r.decision],
    ['verdict', r.verdict],
    ['approver', r.approver],
    ['rules', r.rules.join(',')],
    ['hash', hash],
    ['prev', r.prev],
  ];
  const sd = `[${SD_ID} ${params.map(([k, v]) => `${k}="${sdValue(v)}"`).join(' ')}]`;
  const head = [
    `<${pri}>1`,
    ts,
    field(h.hostname, 255),
    field(h.appName, 48),
    field(h.procId, 128),
    'decision',
  ].join(' ');
  // One line per message: JSON never holds a raw newline, but be sure.
  return `${head} ${sd} \ufeff${msg.replace(/\r?\n/g, ' ')}`;
}

/** RFC 6587 octet counting: `LEN SP MSG`, LEN in bytes. */
export function octetFrame(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}
