/**
 * `agentfw doctor`'s egress proxy probe: a Node `fetch` (through the preload) and
 * `curl` (when installed) POST a harmless GraphQL volumeDelete to the loopback probe API
 * with only the proxy variables set. Covered = the proxy held it (403, asks denied by
 * policy) and the API received no mutation.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPolicyApprover } from '../../approval/policy.js';
import type { Engine } from '../../engine/analyze.js';
import type { SecretSet } from '../../secrets/types.js';
import { startProxy } from './index.js';

const run = promisify(execFile);

export interface ProxyProbe {
  client: string;
  covered: boolean;
  detail: string;
}

const FETCH = `fetch(process.argv[1], { method: 'POST', body: process.argv[2], headers: { 'content-type': 'application/json' } })
  .then((r) => console.log(r.status), (e) => console.log('error ' + (e.cause?.code ?? e.message)));`;

export async function probeProxy(
  engine: Engine,
  secrets: SecretSet,
  api: { url: string; mutations(): unknown[] },
): Promise<ProxyProbe[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-proxy-probe-'));
  const policy = [createPolicyApprover('deny')];
  const proxy = await startProxy({
    dir,
    sessionId: 'doctor',
    deps: {
      decideFacts: (f, i) => engine.decideFacts(f, i),
      secrets,
      approvers: () => policy,
      approvalTimeoutMs: 10_000,
      cwd: dir,
    },
    headless: () => true,
  });
  const body = JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "doctor-probe") }' });
  const url = `${api.url}/graphql/v2`;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...proxy.env };
  const clients: [string, string, string[]][] = [
    ['node fetch (preload)', process.execPath, ['-e', FETCH, url, body]],
  ];
  if (existsSync('/usr/bin/curl'))
    clients.push(['curl', '/usr/bin/curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-d', body, url]]);
  const out: ProxyProbe[] = [];
  try {
    for (const [client, file, args] of clients) {
      const before = api.mutations().length;
      let status = '';
      try {
        status = (await run(file, args, { env, timeout: 30_000 })).stdout.trim();
      } catch (err) {
        status = `failed (${(err as Error).message.split('\n')[0]})`;
      }
      const arrived = api.mutations().length > before;
      out.push({
        client,
        covered: status === '403' && !arrived,
        detail: arrived
          ? 'the mutation reached the probe API'
          : `answer ${status || '(none)'}, nothing arrived`,
      });
    }
  } finally {
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
