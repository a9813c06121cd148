/**
 * Audit export over syslog (RFC 5424) into a real rsyslogd started by the test (own
 * config in a temp dir, imtcp + imudp on loopback, writing what it parsed to a file).
 * CI installs rsyslog; without rsyslogd the tests are skipped with a note.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExportConfig, startAuditExport } from '../../src/audit/export/index.js';
import { sha256 } from '../../src/audit/record.js';
import { AuditWriter } from '../../src/audit/writer.js';
import { freePort, until, writeRecords } from './export-helpers.js';

const rsyslogd =
  ['/usr/sbin/rsyslogd', '/sbin/rsyslogd'].find(existsSync) ??
  (spawnSync('sh', ['-c', 'command -v rsyslogd']).stdout?.toString().trim() || undefined);
if (!rsyslogd)
  console.warn('export-syslog: rsyslogd not installed, skipping (apt-get install rsyslog; CI installs it)');

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-syslog-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts rsyslogd with inputs on the given ports; resolves when TCP accepts. Out file: `<d>/out.log`. */
async function startRsyslog(d: string, tcp: number, udp: number): Promise<ChildProcess> {
  const conf = path.join(d, 'rsyslog.conf');
  writeFileSync(
    conf,
    [
      `global(workDirectory="${d}")`,
      'module(load="imtcp")',
      'module(load="imudp")',
      `input(type="imtcp" address="127.0.0.1" port="${tcp}")`,
      `input(type="imudp" address="127.0.0.1" port="${udp}")`,
      'template(name="parsed" type="list") {',
      '  property(name="pri") constant(value="|") property(name="hostname") constant(value="|")',
      '  property(name="app-name") constant(value="|") property(name="procid") constant(value="|")',
      '  property(name="msgid") constant(value="|") property(name="structured-data") constant(value="|")',
      '  property(name="msg") constant(value="\\n")',
      '}',
      `action(type="omfile" file="${d}/out.log" template="parsed")`,
      '',
    ].join('\n'),
  );
  const child = spawn(rsyslogd!, ['-n', '-f', conf, '-i', path.join(d, 'rsyslogd.pid')], { stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 250; i++) {
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect({ host: '127.0.0.1', port: tcp }, () => {
        s.destroy();
        r(true);
      });
      s.on('error', () => r(false));
    });
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('rsyslogd did not start');
}

interface Parsed {
  pri: number;
  host: string;
  app: string;
  procid: string;
  msgid: string;
  sd: string;
  msg: string;
}
function parsedLines(d: string): Parsed[] {
  const f = path.join(d, 'out.log');
  if (!existsSync(f)) return [];
  return readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.includes('|agentfw|'))
    .map((l) => {
      const [pri, host, app, procid, msgid, ...rest] = l.split('|');
      const tail = rest.join('|');
      const cut = tail.indexOf(']|');
      return {
        pri: Number(pri),
        host,
        app,
        procid,
        msgid,
        sd: tail.slice(0, cut + 1),
        msg: tail.slice(cut + 2).replace(/^\ufeff/, ''),
      };
    });
}

const hashOf = (p: Parsed) => /hash="([0-9a-f]{64})"/.exec(p.sd)?.[1];

describe.skipIf(!rsyslogd)('syslog export into rsyslogd', () => {
  it.each([['tcp' as const], ['udp' as const]])(
    'rsyslog parses every record as RFC 5424 (%s)',
    async (transport) => {
      const d = mkdtempSync(path.join(dir, 'run-'));
      const [tcp, udp] = [await freePort(), await freePort()];
      const child = await startRsyslog(d, tcp, udp);
      const w = AuditWriter.open(path.join(d, 'audit.jsonl'), 'sess-syslog');
      const exp = startAuditExport(
        parseExportConfig(
          {
            spool: path.join(d, 'spool'),
            syslog: { host: '127.0.0.1', port: transport === 'tcp' ? tcp : udp, transport, format: 'ocsf' },
            batch: { maxRecords: 5, maxDelayMs: 0 },
            retry: { baseMs: 30, maxMs: 150 },
          },
          'test',
        ),
      );
      w.onAppend = (l) => exp.push(l);
      const lines = writeRecords(w, 6);
      expect(await exp.flush(15_000)).toBe(true);
      // UDP is best effort (no ack): rsyslog still gets these on loopback, written a moment later.
      expect(await until(() => parsedLines(d).length >= 6)).toBe(true);
      await exp.close();
      w.close();
      child.kill('SIGTERM');

      const got = parsedLines(d);
      expect(got.map(hashOf).sort()).toEqual(lines.map(sha256).sort());
      const deny = got.find((p) => p.sd.includes('decision="deny"'))!;
      expect(deny).toMatchObject({
        pri: 13 * 8 + 4,
        app: 'agentfw',
        procid: String(process.pid),
        msgid: 'decision',
      });
      expect(deny.sd).toMatch(/^\[agentfw@32473 session="sess-syslog" layer="shell" decision="deny"/);
      expect(JSON.parse(deny.msg)).toMatchObject({ class_uid: 1007, disposition: 'Blocked' });
      expect(got.find((p) => p.sd.includes('decision="allow"'))!.pri).toBe(13 * 8 + 6);
    },
  );

  it('TCP collector down, then up: the spooled records drain, none lost', async () => {
    const d = mkdtempSync(path.join(dir, 'run-'));
    const [tcp, udp] = [await freePort(), await freePort()];
    const w = AuditWriter.open(path.join(d, 'audit.jsonl'), 'sess-down');
    const warnings: string[] = [];
    const exp = startAuditExport(
      parseExportConfig(
        {
          spool: path.join(d, 'spool'),
          syslog: { host: '127.0.0.1', port: tcp, transport: 'tcp' },
          batch: { maxRecords: 3, maxDelayMs: 0 },
          retry: { baseMs: 30, maxMs: 150 },
        },
        'test',
      ),
      { onWarning: (m) => warnings.push(m) },
    );
    w.onAppend = (l) => exp.push(l);
    const lines = writeRecords(w, 8);
    expect(await until(() => exp.stats().syslog.failures >= 1)).toBe(true);
    expect(parsedLines(d)).toEqual([]);
    const child = await startRsyslog(d, tcp, udp);
    expect(await exp.flush(20_000)).toBe(true);
    expect(await until(() => parsedLines(d).length >= 8)).toBe(true);
    await exp.close();
    w.close();
    child.kill('SIGTERM');
    const got = parsedLines(d).map(hashOf);
    expect(got.sort()).toEqual(lines.map(sha256).sort());
    expect(warnings.join('\n')).toMatch(/failed[\s\S]*recovered/);
    expect(JSON.parse(parsedLines(d)[0].msg)).toHaveProperty('prev');
  });
});
