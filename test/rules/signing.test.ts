/**
 * Packs as artefacts: OpenSSH signatures through the real `ssh-keygen -Y`, an org
 * requirement that refuses unsigned, stripped or tampered packs, npm packages resolved
 * from node_modules, and https packs pinned by sha256 from a loopback HTTPS server with
 * its own CA (cached; a failed fetch or verification keeps the last good copy and says so).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { signPack, verifyPack } from '../../src/rules/signing.js';
import { resolvePackRefs, type PackSourceOptions } from '../../src/rules/sources.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function keypair(name: string): string {
  const key = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key]);
  return key;
}
/** A copy of the built-in git pack, renamed so it loads next to the built-ins. */
function pack(name: string, version = '2.1.0'): string {
  const f = path.join(dir, `${name}.yaml`);
  const text = readFileSync('rulesets/git.yaml', 'utf8')
    .replace(/^pack: git$/m, `pack: ${name}`)
    .replace(/^version: .*$/m, `version: ${version}`);
  writeFileSync(f, text);
  return f;
}

let signer: string;
let stranger: string;
let allowed: string;
beforeAll(() => {
  signer = keypair('sec-team');
  stranger = keypair('someone-else');
  allowed = path.join(dir, 'allowed_signers');
  writeFileSync(allowed, `security@acme namespaces="agentfw-pack" ${readFileSync(signer + '.pub', 'utf8')}`);
});

describe('ssh-keygen signatures', () => {
  it('signed by an allowed signer verifies', () => {
    const f = pack('acme-ok');
    signPack(f, signer);
    expect(verifyPack(f, { allowedSigners: allowed })).toEqual({ ok: true, signer: 'security@acme' });
  });

  it.each([
    ['stripped', (f: string) => rmSync(f + '.sig'), /no signature/],
    [
      'tampered',
      (f: string) => writeFileSync(f, readFileSync(f, 'utf8').replace('decision: ask', 'decision: deny')),
      /does not match/,
    ],
    ['signed by a key not allowed', (f: string) => signPack(f, stranger), /not an allowed signer/],
  ])('%s fails', (_n, spoil, problem) => {
    const f = pack('acme-bad');
    signPack(f, signer);
    spoil(f);
    const v = verifyPack(f, { allowedSigners: allowed });
    expect(v.ok).toBe(false);
    expect(v.ok ? '' : v.problem).toMatch(problem);
  });
});

describe('loading under an org signature requirement', () => {
  const req = (): PackSourceOptions => ({ requireSignatures: { allowedSigners: allowed } });

  it('a signed pack loads; its version and signer are visible', async () => {
    const f = pack('acme-signed', '3.4.5');
    signPack(f, signer);
    const e = await loadEngine({ rulesetPaths: [f], skipExamples: true, packSources: req() });
    expect(e.packs.map((p) => `${p.pack}@${p.version}`)).toContain('acme-signed@3.4.5');
    expect(e.resolvedPacks?.[0]).toMatchObject({ source: 'path', signer: 'security@acme' });
  });

  it.each([
    ['unsigned', (_f: string) => undefined],
    ['stripped', (f: string) => (signPack(f, signer), rmSync(f + '.sig'))],
    ['signed by a stranger', (f: string) => signPack(f, stranger)],
  ])('%s is refused (E_PACK_UNSIGNED)', async (_n, prep) => {
    const f = pack('acme-refused');
    rmSync(f + '.sig', { force: true });
    prep(f);
    await expect(
      loadEngine({ rulesetPaths: [f], skipExamples: true, packSources: req() }),
    ).rejects.toMatchObject({
      code: 'E_PACK_UNSIGNED',
    });
  });

  it('control: without the requirement the same unsigned pack loads', async () => {
    const f = pack('acme-free');
    rmSync(f + '.sig', { force: true });
    const e = await loadEngine({ rulesetPaths: [f], skipExamples: true });
    expect(e.packs.map((p) => p.pack)).toContain('acme-free');
  });
});

describe('npm packages', () => {
  it.each([
    ['listed in package.json', { agentfw: { packs: ['packs/one.yaml'] } }, 'packs/one.yaml'],
    ['in rulesets/', {}, 'rulesets/one.yaml'],
  ])('resolves a pack %s', async (_n, extra, rel) => {
    const proj = mkdtempSync(path.join(dir, 'proj-'));
    const pkg = path.join(proj, 'node_modules', '@acme', 'agentfw-packs');
    mkdirSync(path.dirname(path.join(pkg, rel)), { recursive: true });
    writeFileSync(
      path.join(pkg, 'package.json'),
      JSON.stringify({ name: '@acme/agentfw-packs', version: '1.0.0', ...extra }),
    );
    copyFileSync(pack('acme-npm'), path.join(pkg, rel));
    const r = await resolvePackRefs(['npm:@acme/agentfw-packs'], { cwd: path.join(proj, 'src') });
    expect(r).toEqual([expect.objectContaining({ source: 'npm', file: path.join(pkg, rel) })]);
  });

  it('a package that is not installed is an error with a Fix', async () => {
    await expect(resolvePackRefs(['npm:@acme/nope'], { cwd: dir })).rejects.toMatchObject({
      code: 'E_PACK_NOT_FOUND',
    });
  });
});

describe('https packs pinned by sha256', () => {
  let server: https.Server;
  let base = '';
  let ca = '';
  const served = new Map<string, Buffer>();
  beforeAll(async () => {
    const d = path.join(dir, 'pki');
    mkdirSync(d);
    const run = (...a: string[]) => execFileSync('openssl', a, { cwd: d, stdio: 'ignore' });
    run(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '1',
      '-subj',
      '/CN=afw test ca',
    );
    run(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'srv.key',
      '-out',
      'srv.csr',
      '-subj',
      '/CN=127.0.0.1',
    );
    writeFileSync(path.join(d, 'ext'), 'subjectAltName=IP:127.0.0.1\n');
    run(
      'x509',
      '-req',
      '-in',
      'srv.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'srv.pem',
      '-days',
      '1',
      '-extfile',
      'ext',
    );
    ca = readFileSync(path.join(d, 'ca.pem'), 'utf8');
    server = https.createServer(
      { key: readFileSync(path.join(d, 'srv.key')), cert: readFileSync(path.join(d, 'srv.pem')) },
      (req, res) => {
        const body = served.get(req.url ?? '');
        res.writeHead(body ? 200 : 404);
        res.end(body ?? 'not found');
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function publish(name: string, version: string, signed: boolean): { url: string; pin: string } {
    const f = pack(name, version);
    rmSync(f + '.sig', { force: true });
    if (signed) signPack(f, signer);
    const body = readFileSync(f);
    served.set(`/${name}.yaml`, body);
    if (signed) served.set(`/${name}.yaml.sig`, readFileSync(f + '.sig'));
    else served.delete(`/${name}.yaml.sig`);
    return { url: `${base}/${name}.yaml`, pin: sha(body) };
  }

  it('fetches, checks the pin and the signature, caches, then works offline', async () => {
    const cacheDir = mkdtempSync(path.join(dir, 'cache-'));
    const { url, pin } = publish('acme-url', '1.0.0', true);
    const o: PackSourceOptions = { cacheDir, ca, requireSignatures: { allowedSigners: allowed } };
    const [r] = await resolvePackRefs([`${url}#sha256=${pin}`], o);
    expect(r).toMatchObject({
      source: 'https',
      signer: 'security@acme',
      stale: '',
      file: path.join(cacheDir, `${pin}.yaml`),
    });
    served.delete('/acme-url.yaml');
    const [again] = await resolvePackRefs([`${url}#sha256=${pin}`], o);
    expect(again).toMatchObject({ file: r.file, stale: '' });
  });

  it.each([
    ['the content does not match the new pin', false, 'a'.repeat(64), /is not the pinned/],
    ['the new version is unsigned', true, '', /no signature/],
  ])('keeps the last good copy and says so when %s', async (_n, unsignedUpdate, forcedPin, problem) => {
    const cacheDir = mkdtempSync(path.join(dir, 'cache-'));
    const notes: string[] = [];
    const o: PackSourceOptions = {
      cacheDir,
      ca,
      requireSignatures: { allowedSigners: allowed },
      onNote: (m) => notes.push(m),
    };
    const v1 = publish('acme-upd', '1.0.0', true);
    await resolvePackRefs([`${v1.url}#sha256=${v1.pin}`], o);
    const v2 = publish('acme-upd', '2.0.0', !unsignedUpdate);
    const [r] = await resolvePackRefs([`${v2.url}#sha256=${forcedPin || v2.pin}`], o);
    expect(r.file).toBe(path.join(cacheDir, `${v1.pin}.yaml`));
    expect(r.stale).toMatch(problem);
    expect(notes.join('\n')).toMatch(/using the last good copy/);
    const e = await loadEngine({
      rulesetPaths: [`${v2.url}#sha256=${forcedPin || v2.pin}`],
      skipExamples: true,
      packSources: o,
    });
    expect(e.packs.map((p) => `${p.pack}@${p.version}`)).toContain('acme-upd@1.0.0');
  });

  it.each([
    ['unpinned URL', (u: string) => u, 'E_PACK_UNPINNED'],
    [
      'unknown CA (no ca option) and nothing cached',
      (u: string) => `${u}#sha256=${'b'.repeat(64)}`,
      'E_PACK_FETCH',
    ],
  ])('%s is refused', async (_n, ref, code) => {
    const { url } = publish('acme-refuse', '1.0.0', false);
    const cacheDir = mkdtempSync(path.join(dir, 'cache-'));
    await expect(resolvePackRefs([ref(url)], { cacheDir })).rejects.toMatchObject({ code });
  });
});
