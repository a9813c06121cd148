/**
 * A host service declared `protocol: tcp` with `trust_raw: true`: bytes pass both ways
 * unjudged, and the banner and the audit record say so. (Without `trust_raw` the config does
 * not load: test/config/services.test.ts.) Control: the echo server answers directly too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditInput } from '../../../../src/audit/writer.js';
import { createHostServices, type HostServices } from '../../../../src/gates/proxy/services/index.js';
import { createSecretSet } from '../../../../src/secrets/index.js';
import { sharedEngine } from '../helpers.js';

let echo: net.Server;
let echoPort = 0;
let front: net.Server;
let frontPort = 0;
let hs: HostServices;
const audit: AuditInput[] = [];

async function listen(srv: net.Server): Promise<number> {
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return (srv.address() as net.AddressInfo).port;
}
function talk(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    const s = net.connect(port, '127.0.0.1', () => s.end(text));
    s.on('data', (d: Buffer) => (got += d.toString()));
    s.on('close', () => resolve(got));
    s.on('error', reject);
  });
}

/** The secrets scan's workspace (empty), removed after the file. */
let ws = '';
beforeAll(async () => {
  echo = net.createServer((s) => s.pipe(s));
  echoPort = await listen(echo);
  const engine = await sharedEngine();
  const secrets = await createSecretSet({
    env: {},
    workspace: (ws = mkdtempSync(path.join(os.tmpdir(), 'afw-svc-'))),
    config: {},
  });
  hs = createHostServices({
    services: [
      {
        port: echoPort,
        protocol: 'tcp',
        trust_raw: true,
        label: 'redis',
        file: '/u/config.yaml',
        tier: 'user',
      },
    ],
    explained: [],
    deps: {
      decideFacts: (f, i) => engine.decideFacts(f, i),
      secrets,
      audit: (r) => audit.push(r),
      approvers: () => [],
      approvalTimeoutMs: 1000,
      cwd: '/tmp',
    },
    headless: () => true,
    sender: () => ({ pid: 0, cmdline: '', program: '' }),
  });
  // Stands in for the bridge's Unix server (not half-open), which hands over paused sockets.
  front = net.createServer({ pauseOnConnect: true }, (s) => {
    s.allowHalfOpen = true; // as src/supervisor/sandbox-net.ts does for service connections
    hs.handle({ port: echoPort, innerPort: s.remotePort ?? 0, sock: s, head: Buffer.alloc(0) });
  });
  frontPort = await listen(front);
});
afterAll(() => {
  rmSync(ws, { recursive: true, force: true });
  front?.close();
  echo?.close();
});

describe('raw tcp host service (trust_raw)', () => {
  it('control: the echo server answers directly', async () => {
    expect(await talk(echoPort, 'FLUSHALL\r\n')).toBe('FLUSHALL\r\n');
  });

  it('passes the bytes unjudged and says so in the audit and the banner', async () => {
    expect(await talk(frontPort, 'FLUSHALL\r\n')).toBe('FLUSHALL\r\n');
    expect(audit.at(-1)).toMatchObject({ layer: 'proxy', decision: 'allow', approver: 'policy' });
    expect(audit.at(-1)?.reason).toMatch(/^UNJUDGED: raw TCP/);
    expect(hs.banner()[0]).toContain('UNJUDGED');
  });
});
