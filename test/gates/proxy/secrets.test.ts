/**
 * Secrets at egress through the real proxy: the agent holds only `agentfw:masked:NAME`;
 * the proxy puts the real value in for a host the secrets config allows, and holds the
 * request for any other host. A token the agent found in a workspace file (and was not
 * given) is held with its provenance. Values are compared, never printed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENIGN, startRig, type Rig } from './helpers.js';

const run = promisify(execFile);
const REAL = '6f1c2a9e-3b7d-4e21-9a5c-0d8e7f6b5a43';
const FOUND = 'c0ffee11-2233-4455-8899-aabbccddeeff';
const PH = 'agentfw:masked:RAILWAY_TOKEN';

const READ_AND_POST = `import json, sys, urllib.request, urllib.error
tok = json.load(open("config/domains.json"))["railway"]["apiToken"]
req = urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method="POST",
    headers={"Content-Type": "application/json", "Authorization": "Bearer " + tok})
try:
    r = urllib.request.urlopen(req, timeout=60); print(r.status)
except urllib.error.HTTPError as e:
    print(e.code); print(e.read().decode())
`;

function env(extra: Record<string, string>): Record<string, string> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/_proxy$|^NODE_OPTIONS$|_CA_|CAFILE|CERT/i.test(k)) e[k] = v;
  return { ...e, ...extra };
}

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({
    env: { RAILWAY_TOKEN: REAL },
    config: { allow: [{ env: 'RAILWAY_TOKEN', hosts: ['127.0.0.1'] }] },
    files: {
      'config/domains.json': JSON.stringify(
        { domains: ['shop.example'], railway: { apiToken: FOUND } },
        null,
        2,
      ),
      'tools/post.py': READ_AND_POST,
    },
  });
}, 60_000);
afterAll(async () => rig?.close());

const curl = (url: string, args: string[], extra: Record<string, string>) =>
  run('/usr/bin/curl', ['-sS', '-w', '\n%{http_code}', ...args, url], {
    env: env(extra),
    timeout: 60_000,
  }).then((r) => r.stdout);

describe('placeholders are substituted only where the config allows', () => {
  const where: [string, string[], (u: string) => string][] = [
    ['header', ['-H', `Authorization: Bearer ${PH}`, '-d', BENIGN], (u) => u],
    [
      'JSON body',
      ['-H', 'content-type: application/json', '-d', JSON.stringify({ query: '{ me { name } }', token: PH })],
      (u) => u,
    ],
    ['query string (URL-encoded)', [], (u) => `${u}?token=${encodeURIComponent(PH)}`],
  ];
  it.each(where)('%s: the allowed host receives the real value', async (_w, args, url) => {
    const before = rig.api.received.length;
    const out = await curl(url(`${rig.api.url}/graphql/v2`), args, rig.proxy.env);
    expect(out.trim().split('\n').at(-1)).toBe('200');
    const got = rig.api.received.slice(before);
    expect(got).toHaveLength(1);
    const seen = JSON.stringify(got[0]);
    expect(seen.includes(REAL)).toBe(true);
    expect(seen.includes('agentfw:masked') || seen.includes('agentfw%3Amasked')).toBe(false);
  });

  it.each(where)('%s: another host is held and receives nothing', async (_w, args, url) => {
    const before = rig.api.received.length;
    const asked = rig.approver.seen.length;
    rig.approver.answers.push('deny');
    const out = await curl(
      url(`${rig.api.url.replace('127.0.0.1', 'localhost')}/graphql/v2`),
      args,
      rig.proxy.env,
    );
    expect(out.trim().split('\n').at(-1)).toBe('403');
    expect(out).toContain('agentfw/secret-egress');
    expect(rig.api.received.length).toBe(before);
    expect(rig.approver.seen[asked].decision.reason).toContain('RAILWAY_TOKEN is not allowed for localhost');
    expect(JSON.stringify(rig.approver.seen[asked]).includes(REAL)).toBe(false);
  });
});

describe('provenance: a token found in a workspace file', () => {
  const py = (extra: Record<string, string>) =>
    run('python3', ['tools/post.py', `${rig.api.url}/graphql/v2`, BENIGN], {
      cwd: rig.workspace,
      env: env(extra),
      timeout: 60_000,
    }).then((r) => r.stdout);

  it('control: without the proxy the script delivers the found token', async () => {
    const before = rig.api.received.length;
    const out = await py({ SSL_CERT_FILE: rig.api.caPath });
    expect(out.trim().split('\n')[0]).toBe('200');
    expect(rig.api.received.slice(before).map((r) => r.headers.authorization === `Bearer ${FOUND}`)).toEqual([
      true,
    ]);
  });

  it('through the proxy it is held with the file it came from', async () => {
    const before = rig.api.received.length;
    const asked = rig.approver.seen.length;
    rig.approver.answers.push('deny');
    const out = await py(rig.proxy.env);
    expect(out.trim().split('\n')[0]).toBe('403');
    expect(rig.api.received.length).toBe(before);
    const req = rig.approver.seen[asked];
    expect(req.decision.reason).toBe(
      'agentfw/secret-provenance: this token was found in config/domains.json; it was not given to the agent',
    );
    expect(req.command).toContain('from: python3 tools/post.py');
    expect(JSON.stringify(req).includes(FOUND)).toBe(false);
    expect(out.includes(FOUND)).toBe(false);
  });
});
