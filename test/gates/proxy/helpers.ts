/**
 * Test fixtures for the egress proxy: a loopback HTTPS "cloud API" with its own CA
 * (independent of the session CA), recording every request it receives; a scripted
 * approver; and a proxy wired to the real engine and a real secret set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ApprovalRequest, ApprovalResult, Approver } from '../../../src/approval/types.js';
import { loadEngine, type Engine } from '../../../src/engine/analyze.js';
import { createSessionCa } from '../../../src/gates/proxy/ca.js';
import { startProxy, type ProxyHandle, type ProxyOptions } from '../../../src/gates/proxy/index.js';
import { createSecretSet, type SessionSecrets } from '../../../src/secrets/index.js';
import type { SecretsConfig } from '../../../src/secrets/config.js';
import type { AuditInput } from '../../../src/audit/writer.js';

export interface Received {
  method: string;
  path: string;
  host: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeApi {
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Plain HTTP twin: http://127.0.0.1:PORT2 */
  httpUrl: string;
  /** The fake API's own CA certificate file (what a client trusts to talk to it directly). */
  caPath: string;
  caPem: string;
  received: Received[];
  close(): Promise<void>;
}

/** An HTTPS + HTTP API on loopback answering JSON; certificate for 127.0.0.1, localhost and any SNI name. */
export async function startFakeApi(dir: string): Promise<FakeApi> {
  const caDir = mkdtempSync(path.join(dir, 'api-ca-'));
  const ca = createSessionCa(caDir, 'fake-api', '/nonexistent');
  const received: Received[] = [];
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        host: req.headers.host ?? '',
        headers: req.headers,
        body,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { ok: true } }) + '\n');
    });
  };
  // Clients connecting by IP send no SNI: the default certificate names the loopback names.
  const server = https.createServer(
    { ...ca.issue(['127.0.0.1', 'localhost']), SNICallback: (name, cb) => cb(null, ca.contextFor(name)) },
    onRequest,
  );
  const plain = http.createServer(onRequest);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    httpUrl: `http://127.0.0.1:${(plain.address() as AddressInfo).port}`,
    caPath: ca.certPath,
    caPem: ca.certPem,
    received,
    close: async () => {
      server.closeAllConnections();
      plain.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await new Promise<void>((r) => plain.close(() => r()));
    },
  };
}

/** An approver answering from a queue of verdicts (deny when empty) and recording what it saw. */
export function scriptedApprover(): Approver & { seen: ApprovalRequest[]; answers: ('allow' | 'deny')[] } {
  const seen: ApprovalRequest[] = [];
  const answers: ('allow' | 'deny')[] = [];
  return {
    name: 'test',
    seen,
    answers,
    async decide(req): Promise<ApprovalResult> {
      seen.push(req);
      return { verdict: answers.shift() ?? 'deny', approver: 'test', scope: 'once' };
    },
  };
}

let engine: Engine | undefined;
export async function sharedEngine(): Promise<Engine> {
  engine ??= await loadEngine({});
  return engine;
}

export interface Rig {
  dir: string;
  workspace: string;
  api: FakeApi;
  proxy: ProxyHandle;
  secrets: SessionSecrets;
  approver: ReturnType<typeof scriptedApprover>;
  audit: AuditInput[];
  close(): Promise<void>;
}

export async function startRig(
  o: {
    env?: Record<string, string>;
    config?: SecretsConfig;
    files?: Record<string, string>;
    proxy?: Partial<ProxyOptions>;
  } = {},
): Promise<Rig> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-proxy-'));
  const workspace = path.join(dir, 'ws');
  const runtime = path.join(dir, 'run');
  for (const d of [workspace, runtime]) rmSync(d, { recursive: true, force: true });
  await import('node:fs').then((fs) => {
    fs.mkdirSync(workspace, { recursive: true });
    fs.mkdirSync(runtime, { recursive: true, mode: 0o700 });
    for (const [f, t] of Object.entries(o.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(workspace, f)), { recursive: true });
      writeFileSync(path.join(workspace, f), t);
    }
  });
  const api = await startFakeApi(dir);
  const secrets = await createSecretSet({ env: o.env ?? {}, workspace, config: o.config ?? {} });
  const eng = await sharedEngine();
  const approver = scriptedApprover();
  const audit: AuditInput[] = [];
  const proxy = await startProxy({
    dir: runtime,
    sessionId: 'test-session',
    deps: {
      decideFacts: (f, i) => eng.decideFacts(f, i),
      secrets,
      audit: (r) => audit.push(r),
      approvers: () => [approver],
      approvalTimeoutMs: 20_000,
      cwd: workspace,
    },
    upstreamCa: [api.caPem],
    ...o.proxy,
  });
  return {
    dir,
    workspace,
    api,
    proxy,
    secrets,
    approver,
    audit,
    close: async () => {
      await proxy.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The incident's request body. */
export const INCIDENT = JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "vol-prod-1") }' });
export const BENIGN = JSON.stringify({ query: '{ me { name } }' });
