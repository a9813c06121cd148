/**
 * `agentfw run` starts the egress proxy with the session: an agent that sends the
 * incident's mutation from its own script (no curl on any command line) is held, refused
 * headless, and nothing arrives; the audit log has a `layer: "proxy"` record. With an
 * approver, a request sent by a command already approved at the shell gate is not asked
 * a second time, while the same request from an unapproved process is.
 * Control runs without agentfw show the same scripts deliver the mutation.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from '../../e2e/run-helpers.js';
import { INCIDENT, startFakeApi, type FakeApi } from './helpers.js';

const run = promisify(execFile);

const POST_PY = `import os, sys, urllib.request, urllib.error
req = urllib.request.Request(sys.argv[1], data=(sys.argv[2] if len(sys.argv) > 2 else os.environ["BODY"]).encode(), method="POST",
    headers={"Content-Type": "application/json"})
try:
    r = urllib.request.urlopen(req, timeout=60); print("status", r.status)
except urllib.error.HTTPError as e:
    print("status", e.code); print(e.read().decode())
`;
const POST_MJS = `const [url, body = process.env.BODY] = process.argv.slice(2);
const r = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
console.log('status ' + r.status); console.log(await r.text());
`;
/** Records each request it is asked about, then allows it (with the typed value when one is asked). */
const APPROVER = `import json, sys
req = json.loads(sys.stdin.readline())
with open(sys.argv[1], "a") as f:
    f.write(json.dumps({"layer": req["layer"], "command": req["command"]}) + "\\n")
print(json.dumps({"verdict": "allow", "confirm": req.get("confirm") or ""}))
`;

let s: Scratch;
let api: FakeApi;
let url: string;
beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await startFakeApi(s.root);
  url = `${api.url}/graphql/v2`;
  mkdirSync(path.join(s.ws, 'tools'));
  mkdirSync(path.join(s.ws, '.agentfw'));
  writeFileSync(path.join(s.ws, 'tools', 'post.py'), POST_PY);
  writeFileSync(path.join(s.ws, 'post.mjs'), POST_MJS);
  writeFileSync(path.join(s.root, 'approve.py'), APPROVER);
  // The fake API's own CA is trusted upstream through the proxy config.
  writeFileSync(path.join(s.ws, '.agentfw', 'proxy.yaml'), `trust: [${JSON.stringify(api.caPath)}]\n`);
}, 60_000);
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

const AGENTS: [string, string[]][] = [
  ['python3 urllib script', ['/usr/bin/python3', 'tools/post.py']],
  ['node fetch script', ['node', 'post.mjs']],
];

describe.each(AGENTS)('%s', (_name, argv) => {
  it('control: run directly, the mutation arrives', async () => {
    const before = api.received.length;
    const r = await run(argv[0], [...argv.slice(1), url, INCIDENT], {
      cwd: s.ws,
      env: { ...process.env, SSL_CERT_FILE: api.caPath, NODE_EXTRA_CA_CERTS: api.caPath },
    });
    expect(r.stdout).toContain('status 200');
    expect(api.received.slice(before).map((x) => x.body)).toEqual([INCIDENT]);
  });

  it('under agentfw run --headless the mutation is held, refused and never arrives', async () => {
    const before = api.received.length;
    const audit = path.join(s.root, `audit-${path.basename(argv[0])}.jsonl`);
    // The body travels in the environment: in an argument the shell, tool and exec gates
    // already read the GraphQL document and refuse before the request is made; this test is
    // about the request itself, which only the proxy sees.
    const r = await cli(['run', '--headless', '--audit', audit, '--', ...argv, url], {
      env: { ...cliEnv(s), BODY: INCIDENT },
      cwd: s.ws,
    });
    expect(api.received.length).toBe(before);
    const records = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const proxy = records.filter((x) => x.layer === 'proxy');
    if (!r.stdout.includes('status 403')) {
      // The engine read the script the agent ran (inline-code analysis) and an earlier gate
      // refused it before any request was made: still refused, recorded, never delivered.
      expect(proxy).toHaveLength(0);
      expect(records.some((x) => x.decision === 'deny' && x.layer !== 'proxy')).toBe(true);
      return;
    }
    expect(r.stdout).toContain('graphql/destructive-mutation');
    expect(r.stdout).toContain('Do not retry or work around this; ask the user.');
    expect(proxy).toHaveLength(1);
    expect(proxy[0]).toMatchObject({ decision: 'deny', verdict: 'ask', approver: 'policy' });
    expect(proxy[0].command).toContain(`volumeDelete(volumeId: "vol-prod-1")`);
    expect(proxy[0].command).toContain(`from: ${path.basename(argv[0])} ${argv[1]}`);
  });
});

describe('no double ask', () => {
  const session = (log: string, agent: string[]) =>
    cli(
      [
        'run',
        '--headless',
        '--approver',
        `/usr/bin/python3 ${path.join(s.root, 'approve.py')} ${log}`,
        '--audit',
        path.join(s.root, 'a2.jsonl'),
        '--',
        ...agent,
      ],
      { env: cliEnv(s), cwd: s.ws },
    );
  const asks = (log: string) =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { layer: string; command: string });

  it('a curl command approved at the shell gate is not asked again at the proxy', async () => {
    const before = api.received.length;
    const log = path.join(s.root, 'asks-curl.jsonl');
    const script = `/usr/bin/curl -sS -X POST -H 'content-type: application/json' -d '${INCIDENT}' ${url}; echo`;
    const r = await session(log, ['bash', '-c', script]);
    expect(r.stdout).toContain('"ok":true');
    expect(api.received.slice(before).map((x) => x.body)).toEqual([INCIDENT]);
    expect(asks(log).map((a) => a.layer)).toEqual(['shell']);
  });

  it('the same request from a script the shell gate allowed unasked is asked at the proxy', async () => {
    const before = api.received.length;
    const log = path.join(s.root, 'asks-py.jsonl');
    const r = await session(log, ['/usr/bin/python3', 'tools/post.py', url, INCIDENT]);
    expect(r.stdout).toContain('status 200');
    expect(api.received.slice(before).map((x) => x.body)).toEqual([INCIDENT]);
    const a = asks(log);
    expect(a.map((x) => x.layer)).toEqual(['proxy']);
    expect(a[0].command).toContain('from: python3 tools/post.py');
  });
});
