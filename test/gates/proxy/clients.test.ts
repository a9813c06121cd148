/**
 * Real clients through the real proxy against a loopback HTTPS "cloud API" with its own
 * CA: the incident's mutation is held (the human refuses) and never arrives; a benign
 * query passes. Each case first runs WITHOUT the proxy (trusting the API's CA directly)
 * to show the same route delivers the mutation when nothing stands in the way.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENIGN, INCIDENT, startRig, type Rig } from './helpers.js';

const run = promisify(execFile);

const PY_URLLIB = `import sys, urllib.request, urllib.error
url, body = sys.argv[1], sys.argv[2]
req = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST")
try:
    r = urllib.request.urlopen(req, timeout=60)
    print(r.status); print(r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code); print(e.read().decode())
`;
const PY_REQUESTS = `import sys, requests
r = requests.post(sys.argv[1], data=sys.argv[2], headers={"Content-Type": "application/json"}, timeout=60)
print(r.status_code); print(r.text)
`;
const NODE_FETCH = `const [url, body] = process.argv.slice(2);
const r = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
console.log(r.status); console.log(await r.text());
`;

interface Client {
  name: string;
  file?: [string, string];
  cmd: (url: string, body: string) => [string, string[]];
}

const CLIENTS: Client[] = [
  {
    name: 'python3 urllib',
    file: ['tools/post.py', PY_URLLIB],
    cmd: (u, b) => ['python3', ['tools/post.py', u, b]],
  },
  {
    name: 'python3 requests',
    file: ['tools/req.py', PY_REQUESTS],
    cmd: (u, b) => ['python3', ['tools/req.py', u, b]],
  },
  {
    name: 'node fetch (preload)',
    file: ['post.mjs', NODE_FETCH],
    cmd: (u, b) => ['node', ['post.mjs', u, b]],
  },
  {
    name: 'curl by absolute path',
    cmd: (u, b) => [
      '/usr/bin/curl',
      ['-sS', '-X', 'POST', '-H', 'content-type: application/json', '-d', b, '-w', '\n%{http_code}', u],
    ],
  },
];

/** Environment without any proxy variables inherited from the test runner. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/_proxy$|^NODE_OPTIONS$|_CA_|CAFILE|CERT/i.test(k)) env[k] = v;
  return env;
}

function status(out: string): number {
  const nums = out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\d{3}$/.test(l));
  return Number(nums[0] ?? 0);
}

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ files: Object.fromEntries(CLIENTS.flatMap((c) => (c.file ? [c.file] : []))) });
}, 60_000);
afterAll(async () => rig?.close());

describe.each(CLIENTS)('$name', (c) => {
  const exec = (env: Record<string, string>, body: string) => {
    const [file, args] = c.cmd(`${rig.api.url}/graphql/v2`, body);
    return run(file, args, { cwd: rig.workspace, env, timeout: 60_000 }).then((r) => r.stdout);
  };
  const direct = () => ({
    ...cleanEnv(),
    SSL_CERT_FILE: rig.api.caPath,
    REQUESTS_CA_BUNDLE: rig.api.caPath,
    CURL_CA_BUNDLE: rig.api.caPath,
    NODE_EXTRA_CA_CERTS: rig.api.caPath,
  });
  const proxied = () => ({ ...cleanEnv(), ...rig.proxy.env });

  it('control: without the proxy the mutation reaches the API', async () => {
    const before = rig.api.received.length;
    const out = await exec(direct(), INCIDENT);
    expect(status(out)).toBe(200);
    expect(rig.api.received.slice(before).map((r) => r.body)).toEqual([INCIDENT]);
  }, 60_000);

  it('through the proxy the mutation is held, refused by the human and never arrives', async () => {
    const before = rig.api.received.length;
    const asked = rig.approver.seen.length;
    rig.approver.answers.push('deny');
    const out = await exec(proxied(), INCIDENT);
    expect(status(out)).toBe(403);
    expect(out).toContain('graphql/destructive-mutation');
    expect(out).toContain('Do not retry or work around this; ask the user.');
    expect(rig.api.received.length).toBe(before);
    const req = rig.approver.seen[asked];
    expect(req.layer).toBe('proxy');
    expect(req.command).toContain('GraphQL mutation volumeDelete(volumeId: "vol-prod-1") → 127.0.0.1');
    expect(req.confirm).toBe('vol-prod-1');
    // attribution: the sending process's command line
    const [prog, args] = c.cmd('', '');
    expect(req.command).toContain(
      `from: ${path.basename(prog)}${args[0]?.startsWith('-') ? '' : ` ${args[0]}`}`,
    );
    expect(rig.audit.at(-1)).toMatchObject({
      layer: 'proxy',
      decision: 'deny',
      verdict: 'ask',
      approver: 'test',
    });
  }, 60_000);

  it('through the proxy a benign query passes unasked', async () => {
    const before = rig.api.received.length;
    const asked = rig.approver.seen.length;
    const out = await exec(proxied(), BENIGN);
    expect(status(out)).toBe(200);
    expect(rig.api.received.slice(before).map((r) => r.body)).toEqual([BENIGN]);
    expect(rig.approver.seen.length).toBe(asked);
    expect(rig.audit.at(-1)).toMatchObject({ layer: 'proxy', decision: 'allow', verdict: 'allow' });
  }, 60_000);

  it('through the proxy an approved mutation reaches the API exactly once', async () => {
    const before = rig.api.received.length;
    rig.approver.answers.push('allow');
    const out = await exec(proxied(), INCIDENT);
    expect(status(out)).toBe(200);
    expect(rig.api.received.slice(before).map((r) => r.body)).toEqual([INCIDENT]);
  }, 60_000);
});

it('node fetch to a plain http:// URL (undici tunnels it through CONNECT) is judged too', async () => {
  const run2 = (env: Record<string, string>) =>
    run('node', ['post.mjs', `${rig.api.httpUrl}/graphql/v2`, INCIDENT], { cwd: rig.workspace, env }).then(
      (r) => r.stdout,
    );
  const before = rig.api.received.length;
  expect(status(await run2(cleanEnv()))).toBe(200); // control: the route works without the proxy
  expect(rig.api.received.length).toBe(before + 1);
  rig.approver.answers.push('deny');
  const out = await run2({ ...cleanEnv(), ...rig.proxy.env });
  expect(status(out)).toBe(403);
  expect(out).toContain('graphql/destructive-mutation');
  expect(rig.api.received.length).toBe(before + 1);
}, 60_000);
