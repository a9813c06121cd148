/**
 * Request → facts → decision, pure: the same rulesets judge a proxied request as a curl
 * command line. Bodies in every shape a client sends (JSON, batches, operationName,
 * variables, form, raw GraphQL, multipart, compressed), and the fail-closed cases.
 */
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/analyze.js';
import { makeContext } from '../../../src/engine/analyze.js';
import { decodeBody } from '../../../src/gates/proxy/body.js';
import { requestFacts, type ProxiedRequest } from '../../../src/gates/proxy/facts.js';
import { sharedEngine } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
}, 60_000);

const URL_ = 'https://backboard.railway.app/graphql/v2';
const req = (body: string | undefined, o: Partial<ProxiedRequest> = {}): ProxiedRequest => ({
  method: 'POST',
  url: URL_,
  headers: { 'content-type': 'application/json' },
  body,
  bodyIssue: '',
  tool: 'python3',
  ...o,
});
const verdict = (r: ProxiedRequest) => {
  const { facts, issues } = requestFacts(r);
  return engine.decideFacts(facts, issues);
};

describe('GraphQL bodies', () => {
  const MUT = 'mutation { volumeDelete(volumeId: "v1") }';
  const cases: [string, ProxiedRequest, 'allow' | 'ask', string][] = [
    ['JSON mutation', req(JSON.stringify({ query: MUT })), 'ask', 'volumeDelete'],
    ['JSON query', req(JSON.stringify({ query: '{ me { id } }' })), 'allow', ''],
    [
      'ruleset form body decoded, still enforced',
      req('enforcement=active&note=100%25', {
        method: 'PUT',
        url: 'https://api.github.com/repos/o/r/rulesets/1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      'allow',
      '',
    ],
    [
      'variables resolve the id',
      req(
        JSON.stringify({
          query: 'mutation D($id: String!) { volumeDelete(volumeId: $id) }',
          variables: { id: 'vol-9' },
        }),
      ),
      'ask',
      'vol-9',
    ],
    [
      'operationName picks the query of two',
      req(
        JSON.stringify({
          query: `query Q { me { id } } ${MUT.replace('mutation', 'mutation M')}`,
          operationName: 'Q',
        }),
      ),
      'allow',
      '',
    ],
    [
      'batched array',
      req(JSON.stringify([{ query: '{ me { id } }' }, { query: MUT }])),
      'ask',
      'volumeDelete',
    ],
    [
      'aliased field',
      req(JSON.stringify({ query: 'mutation { x: volumeDelete(volumeId: "v2") }' })),
      'ask',
      'v2',
    ],
    [
      'raw application/graphql',
      req(MUT, { headers: { 'content-type': 'application/graphql' } }),
      'ask',
      'volumeDelete',
    ],
    [
      'form urlencoded',
      req(`query=${encodeURIComponent(MUT)}`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      'ask',
      'volumeDelete',
    ],
    [
      'multipart operations field',
      req(
        `--B\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: MUT })}\r\n--B--\r\n`,
        {
          headers: { 'content-type': 'multipart/form-data; boundary=B' },
        },
      ),
      'ask',
      'volumeDelete',
    ],
    [
      'GET ?query=',
      req(undefined, { method: 'GET', url: `${URL_}?query=${encodeURIComponent('{ me { id } }')}` }),
      'allow',
      '',
    ],
  ];
  it.each(cases)('%s', (_n, r, want, evidence) => {
    const d = verdict(r);
    expect(d.decision).toBe(want);
    if (evidence) expect(JSON.stringify(d.findings)).toContain(evidence);
  });
});

describe('fail closed', () => {
  const cases: [string, ProxiedRequest, string][] = [
    [
      'persisted-query hash only',
      req(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } })),
      'graphql/unparsed-body',
    ],
    [
      'persisted-query GET',
      req(undefined, {
        method: 'GET',
        url: `${URL_}?extensions=${encodeURIComponent('{"persistedQuery":{"sha256Hash":"ab"}}')}`,
      }),
      'graphql/unparsed-body',
    ],
    [
      'unparseable document',
      req(JSON.stringify({ query: 'mutation { volumeDelete( }' })),
      'graphql/unparsed-body',
    ],
    [
      'foreign body at a GraphQL endpoint',
      req('<xml/>', { headers: { 'content-type': 'text/xml' } }),
      'graphql/unparsed-body',
    ],
    [
      'ruleset form body with a stray %',
      req('enforcement=active&note=100%', {
        method: 'PUT',
        url: 'https://api.github.com/repos/o/r/rulesets/1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      'git/forge-protection-off',
    ],
    [
      'ruleset body not read',
      req(undefined, {
        method: 'PUT',
        url: 'https://api.github.com/repos/o/r/rulesets/1',
        bodyIssue: 'unknown content-encoding "zstd"',
      }),
      'git/forge-protection-off',
    ],
    [
      'body over the limit',
      req(undefined, { bodyIssue: 'the body is larger than 8388608 bytes' }),
      'agentfw/not-understood',
    ],
    [
      'unknown content-encoding',
      req(undefined, { bodyIssue: 'unknown content-encoding "zstd"' }),
      'agentfw/not-understood',
    ],
  ];
  it.each(cases)('%s → ask', (_n, r, rule) => {
    const d = verdict(r);
    expect(d.decision).toBe('ask');
    expect(d.findings.map((f) => f.rule)).toContain(rule);
  });
});

describe('same rules as the shell layer', () => {
  const pairs: [string, ProxiedRequest][] = [
    [
      `curl -X POST ${URL_} -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}'`,
      req(JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "v1") }' })),
    ],
    [
      'curl -X DELETE https://api.example.com/v1/projects/42',
      req(undefined, { method: 'DELETE', url: 'https://api.example.com/v1/projects/42', headers: {} }),
    ],
    [
      'curl https://api.example.com/v1/projects',
      req(undefined, { method: 'GET', url: 'https://api.example.com/v1/projects', headers: {} }),
    ],
    // a forced ref update is a force-push on both layers
    [
      `curl -X PATCH https://api.github.com/repos/acme/api/git/refs/heads/main -H 'Content-Type: application/json' -d '{"sha":"abc","force":true}'`,
      req('{"sha":"abc","force":true}', {
        method: 'PATCH',
        url: 'https://api.github.com/repos/acme/api/git/refs/heads/main',
      }),
    ],
    [
      `curl -X PATCH https://api.github.com/repos/acme/api/git/refs/heads/main -H 'Content-Type: application/json' -d '{"sha":"abc"}'`,
      req('{"sha":"abc"}', {
        method: 'PATCH',
        url: 'https://api.github.com/repos/acme/api/git/refs/heads/main',
      }),
    ],
  ];
  it.each(pairs)('%s', (cmd, r) => {
    const shell = engine.analyze(cmd, makeContext({ cwd: '/tmp' }));
    const proxy = verdict(r);
    expect(proxy.decision).toBe(shell.decision);
    expect(proxy.findings.map((f) => f.rule).sort()).toEqual(shell.findings.map((f) => f.rule).sort());
  });
});

describe('decodeBody', () => {
  const text = JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "v1") }' });
  const raw = Buffer.from(text);
  it.each([
    ['gzip', zlib.gzipSync(raw)],
    ['x-gzip', zlib.gzipSync(raw)],
    ['deflate', zlib.deflateSync(raw)],
    ['deflate', zlib.deflateRawSync(raw)],
    ['br', zlib.brotliCompressSync(raw)],
    ['identity', raw],
    ['gzip, br', zlib.brotliCompressSync(zlib.gzipSync(raw))],
  ])('%s decodes', (enc, buf) => {
    expect(decodeBody(buf, enc, 1 << 20)).toEqual({ ok: true, text });
  });
  it.each([
    ['zstd', raw, 'unknown content-encoding'],
    ['gzip', raw, 'does not decode'],
    ['gzip', zlib.gzipSync(Buffer.alloc(4096, 'a')), 'larger than 1024'],
  ])('%s fails closed', (enc, buf, why) => {
    const d = decodeBody(buf, enc, 1024);
    expect(d.ok).toBe(false);
    expect(d.ok ? '' : d.why).toContain(why);
  });
});

it('headers are masked in facts, and the auth flag is set', () => {
  const { facts } = requestFacts(
    req('{}', { headers: { authorization: 'Bearer abcdefgh12345678', 'content-type': 'application/json' } }),
  );
  const http = facts.find((f) => f.kind === 'http');
  expect(http && http.kind === 'http' && http.headers.authorization).toBe('Bearer ***');
  expect(http && http.kind === 'http' && http.auth).toBe(true);
});
