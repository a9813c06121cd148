/** RFC 5424 framing and header fields of exported records (pure formatting). */
import { describe, expect, it } from 'vitest';
import { formatSyslog, octetFrame } from '../../src/audit/export/syslog-format.js';
import { toOcsf } from '../../src/audit/export/ocsf.js';
import type { AuditRecord } from '../../src/audit/record.js';

const rec = (over: Partial<AuditRecord>): AuditRecord => ({
  ts: '2026-12-04T10:00:00.000Z',
  layer: 'shell',
  cwd: '/w',
  command: 'ls',
  decision: 'allow',
  verdict: 'allow',
  rules: [],
  approver: 'policy',
  reason: 'r',
  session: 's1',
  prev: 'p'.repeat(64),
  ...over,
});
const header = { facility: 13, hostname: 'dev box', appName: 'agentfw', procId: '42' };

describe('formatSyslog', () => {
  it.each([
    [rec({}), '<110>1'],
    [rec({ verdict: 'ask' }), '<109>1'],
    [rec({ decision: 'deny', verdict: 'ask' }), '<108>1'],
  ])('PRI follows the decision (%#)', (r, pri) => {
    expect(
      formatSyslog(r, 'h', '{}', header).startsWith(
        `${pri} 2026-12-04T10:00:00.000Z dev_box agentfw 42 decision [`,
      ),
    ).toBe(true);
  });

  it.each([
    ['a"b', 'a\\"b'],
    ['x]y', 'x\\]y'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapes SD-PARAM value %j', (approver, escaped) => {
    expect(formatSyslog(rec({ approver }), 'h', '{}', header)).toContain(`approver="${escaped}"`);
  });

  it('keeps one message on one line and counts octets in bytes', () => {
    const m = formatSyslog(rec({}), 'h', '{"a":"é\nx"}', header);
    expect(m).not.toContain('\n');
    const f = octetFrame(m);
    const sp = f.indexOf(0x20);
    expect(Number(f.subarray(0, sp).toString())).toBe(f.length - sp - 1);
  });
});

describe('toOcsf', () => {
  it.each([
    [rec({}), 1, 'Allowed', 1],
    [rec({ verdict: 'ask' }), 1, 'Allowed', 3],
    [rec({ decision: 'deny', verdict: 'deny' }), 2, 'Blocked', 4],
  ])('disposition and severity (%#)', (r, id, disposition, sev) => {
    expect(toOcsf(r, 'h')).toMatchObject({
      class_uid: 1007,
      type_uid: 100701,
      disposition_id: id,
      disposition,
      severity_id: sev,
      metadata: { uid: 'h' },
    });
  });
});
