/**
 * Audit export over OTLP: records written by the real audit writer reach a loopback
 * collector through the official OpenTelemetry SDK and OTLP/HTTP exporter, and survive a
 * collector outage and a restart of agentfw through the spool.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExportConfig, startAuditExport } from '../../src/audit/export/index.js';
import { sha256 } from '../../src/audit/record.js';
import { AuditWriter } from '../../src/audit/writer.js';
import { freePort, startCollector, until, writeRecords } from './export-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => path.join(dir, `case-${n++}`);

const config = (url: string, spool: string, format: 'record' | 'ocsf' = 'record') =>
  parseExportConfig(
    {
      spool,
      otlp: { url, format, timeoutMs: 500 },
      batch: { maxRecords: 4, maxDelayMs: 0 },
      retry: { baseMs: 30, maxMs: 150 },
    },
    'test',
  );

describe('OTLP export', () => {
  it.each([['record' as const], ['ocsf' as const]])('ships every record in batches (%s)', async (format) => {
    const base = fresh();
    const col = await startCollector();
    const w = AuditWriter.open(path.join(base, 'audit.jsonl'), 'sess-otlp');
    const exp = startAuditExport(config(col.url, path.join(base, 'spool'), format));
    w.onAppend = (l) => exp.push(l);
    const lines = writeRecords(w, 10);
    expect(await exp.flush(15_000)).toBe(true);
    await exp.close();
    w.close();
    await col.close();

    expect(col.logs.map((l) => l.attributes['agentfw.record.hash']).sort()).toEqual(lines.map(sha256).sort());
    expect(col.requests).toBeGreaterThanOrEqual(3); // batches of at most 4
    const denied = col.logs.filter((l) => l.attributes['agentfw.decision'] === 'deny');
    expect(denied).toHaveLength(3);
    expect(denied.every((l) => l.severityNumber === 13)).toBe(true); // WARN
    const body = JSON.parse(denied[0].body) as Record<string, unknown>;
    if (format === 'ocsf') {
      expect(body).toMatchObject({ class_uid: 1007, activity_id: 1, disposition: 'Blocked', action_id: 2 });
      expect((body.process as { cmd_line: string }).cmd_line).toMatch(/^rm -rf \/srv\/data-/);
    } else {
      expect(body).toMatchObject({
        decision: 'deny',
        session: 'sess-otlp',
        rules: ['filesystem/recursive-delete-outside'],
      });
    }
  });

  it('collector down, agentfw restarted, collector up: every record arrives, none twice', async () => {
    const base = fresh();
    const spool = path.join(base, 'spool');
    const port = await freePort(); // nothing listens here yet: the collector is down
    const url = `http://127.0.0.1:${port}/v1/logs`;
    const w = AuditWriter.open(path.join(base, 'audit.jsonl'), 'sess-spool');
    const warnings: string[] = [];
    const first = startAuditExport(config(url, spool), { onWarning: (m) => warnings.push(m) });
    w.onAppend = (l) => first.push(l);
    const before = writeRecords(w, 7);
    expect(await until(() => first.stats().otlp.failures >= 2)).toBe(true);
    await first.close(100); // agentfw exits while the collector is still down
    expect(warnings.join('\n')).toMatch(/audit export to otlp failed .*spooled/);
    const spooled = readFileSync(path.join(spool, 'otlp.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(spooled).toEqual(before);

    // Restart: a new exporter adopts the spool; the collector comes up on the same port.
    const col = await startCollector(port);
    const second = startAuditExport(config(url, spool));
    w.onAppend = (l) => second.push(l);
    const after = writeRecords(w, 3, 7);
    expect(await second.flush(15_000)).toBe(true);
    await second.close();
    w.close();
    await col.close();

    const got = col.logs.map((l) => String(l.attributes['agentfw.record.hash']));
    expect(new Set(got)).toEqual(new Set([...before, ...after].map(sha256)));
    expect(got).toHaveLength(10); // no duplicates here: no batch was taken without its ack being written
    expect(readFileSync(path.join(spool, 'otlp.jsonl'), 'utf8')).toBe('');
    expect(readdirSync(spool).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('the writer hook only queues: append returns before anything is spooled', async () => {
    const base = fresh();
    const col = await startCollector();
    const w = AuditWriter.open(path.join(base, 'audit.jsonl'), 'sess-async');
    const exp = startAuditExport(config(col.url, path.join(base, 'spool')));
    w.onAppend = (l) => exp.push(l);
    writeRecords(w, 2);
    // Same tick: nothing has been written to the spool nor sent yet.
    expect(readFileSync(path.join(base, 'spool', 'otlp.jsonl'), 'utf8')).toBe('');
    expect(col.requests).toBe(0);
    expect(await exp.flush(15_000)).toBe(true);
    expect(col.logs).toHaveLength(2);
    await exp.close();
    w.close();
    await col.close();
  });
});
