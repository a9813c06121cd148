/**
 * The keyed audit chain (src/audit/key.ts): every record and the head carry an HMAC with
 * the user's audit key. A rewrite that recomputes the sha256 chain (which the unkeyed
 * check accepts: shown as the control in each case) fails the keyed check. The key file is
 * private (0600 in a 0700 folder) and, under `agentfw run` (sandbox on), unreadable to the
 * agent, while a control run without agentfw reads it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKeyPath, loadAuditKey, type AuditKey } from '../../src/audit/key.js';
import { GENESIS, sha256 } from '../../src/audit/record.js';
import { verifyAuditFile } from '../../src/audit/verify.js';
import { AuditWriter } from '../../src/audit/writer.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { cli, cliEnv, ensureBuilt } from '../e2e/run-helpers.js';
import { run, scratch } from '../gates/shim/gate-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-auditkey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const keyOf = (name: string): AuditKey =>
  loadAuditKey({ AGENTFW_AUDIT_KEY_FILE: path.join(dir, 'keys', name, 'audit.key') })!;
const KEY = keyOf('a');

function writeLog(count: number, key: AuditKey | null = KEY): string {
  const file = path.join(dir, `log-${n++}.jsonl`);
  const w = AuditWriter.open(file, 'sess', key);
  for (let i = 0; i < count; i++)
    w.append({
      layer: 'shell',
      cwd: '/w',
      command: i === 1 ? 'rm -rf ~/prod' : `echo ${i}`,
      decision: i === 1 ? 'deny' : 'allow',
      verdict: i === 1 ? 'deny' : 'allow',
      rules: i === 1 ? ['filesystem/x'] : [],
      approver: 'policy',
      reason: 'r',
    });
  w.close();
  return file;
}
const lines = (f: string) => readFileSync(f, 'utf8').split('\n').slice(0, -1);
/** Rewrites the log as given and recomputes the whole sha256 chain and the (unsigned) head. */
function rewrite(f: string, recs: Record<string, unknown>[]): void {
  let prev = GENESIS;
  const out: string[] = [];
  for (const r of recs) {
    const line = JSON.stringify({ ...r, prev });
    out.push(line);
    prev = sha256(line);
  }
  writeFileSync(f, out.map((l) => l + '\n').join(''));
  writeFileSync(f + '.head', JSON.stringify({ last: prev }) + '\n');
}
const records = (f: string) => lines(f).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('keyed audit chain', () => {
  it('a log written with the key verifies, every record signed', () => {
    const f = writeLog(3);
    expect(verifyAuditFile(f, KEY)).toEqual({ ok: true, records: 3, signed: 3 });
    expect(records(f).every((r) => r.kid === KEY.kid && typeof r.mac === 'string')).toBe(true);
  });

  it.each<[string, (recs: Record<string, unknown>[]) => Record<string, unknown>[], RegExp]>([
    [
      'a deny edited into an allow (mac kept)',
      (r) => r.map((x, i) => (i === 1 ? { ...x, decision: 'allow', rules: [] } : x)),
      /mac does not match/,
    ],
    [
      'an unsigned allow appended',
      (r) => [...r, { ...r[0], command: 'curl -X DELETE https://api', kid: undefined, mac: undefined }],
      /not signed with the audit key/,
    ],
    ['the last records cut off', (r) => r.slice(0, 1), /head is not signed/],
    [
      'every mac stripped (an unsigned log in its place)',
      (r) => r.map((x) => ({ ...x, kid: undefined, mac: undefined })),
      /head is not signed|macs not checked/,
    ],
  ])('%s: the chain check passes, the keyed check fails', (_name, edit, problem) => {
    const f = writeLog(3);
    rewrite(f, edit(records(f)));
    expect(verifyAuditFile(f)).toMatchObject({ ok: true }); // control: the sha256 chain alone
    const r = verifyAuditFile(f, KEY);
    if (r.ok) {
      // An all-unsigned log with an unsigned head: accepted only as a log older than keys,
      // reported as 0 signed (the CLI prints that no record is signed).
      expect(r.signed).toBe(0);
      return;
    }
    expect(r.problem).toMatch(problem);
  });

  it('records signed with another key are reported', () => {
    const f = writeLog(2, keyOf('b'));
    const r = verifyAuditFile(f, KEY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/another audit key/);
  });

  it('an older unsigned log continued with the key verifies: the unsigned records come first', () => {
    const f = writeLog(2, null);
    const w = AuditWriter.open(f, 'later', KEY);
    w.append({
      layer: 'shell',
      cwd: '/',
      command: 'ls',
      decision: 'allow',
      verdict: 'allow',
      rules: [],
      approver: 'policy',
      reason: 'r',
    });
    w.close();
    expect(verifyAuditFile(f, KEY)).toEqual({ ok: true, records: 3, signed: 1 });
  });

  it('the key file is private; a key readable by others is refused', () => {
    const env = { AGENTFW_AUDIT_KEY_FILE: path.join(dir, 'keys', 'c', 'audit.key') };
    const k = loadAuditKey(env)!;
    expect(k.kid).toMatch(/^[0-9a-f]{16}$/);
    expect(statSync(auditKeyPath(env)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(auditKeyPath(env))).mode & 0o777).toBe(0o700);
    expect(loadAuditKey(env)!.kid).toBe(k.kid); // read again, not replaced
    chmodSync(auditKeyPath(env), 0o644);
    expect(() => loadAuditKey(env)).toThrow(/readable by other users/);
  });

  it('agentfw log --verify checks the macs with the user key', () => {
    ensureBuilt();
    const home = mkdtempSync(path.join(dir, 'home-'));
    const env = { ...process.env, HOME: home, AGENTFW_AUDIT_KEY_FILE: '' };
    const key = loadAuditKey({ HOME: home })!;
    const f = writeLog(3, key);
    const verify = () =>
      spawnSync(process.execPath, ['bin/agentfw', 'log', '--audit', f, '--verify'], {
        env,
        encoding: 'utf8',
      });
    const ok = verify();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/ok, 3 records .*every record signed with your audit key/);
    rewrite(
      f,
      records(f).map((x, i) => (i === 1 ? { ...x, decision: 'allow' } : x)),
    );
    const bad = verify();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/E_AUDIT_TAMPERED .*line 2: its mac does not match/);
  });
});

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!HAS_BWRAP)('the audit key inside the sandbox', () => {
  it('control: without agentfw the key is readable; under agentfw run it is not', async () => {
    ensureBuilt();
    const s = scratch();
    try {
      const key = loadAuditKey({ HOME: s.home })!;
      const file = auditKeyPath({ HOME: s.home });
      const hex = readFileSync(file, 'utf8').trim();
      expect(key.key.toString('hex')).toBe(hex);
      // Read by node's own fs (no gate sees it): only the sandbox can stop it.
      const reader = `try { process.stdout.write('KEY:' + require('fs').readFileSync(${JSON.stringify(file)}, 'utf8')) } catch (e) { process.stdout.write('KEY:' + e.code) }`;
      const control = await run(process.execPath, ['-e', reader], { env: cliEnv(s), cwd: s.ws });
      expect(control.stdout).toContain(`KEY:${hex}`);
      const r = await cli(['run', '--headless', '--', process.execPath, '-e', reader], {
        env: cliEnv(s),
        cwd: s.ws,
      });
      expect(r.stdout).toMatch(/KEY:/);
      expect(r.stdout + r.stderr).not.toContain(hex);
    } finally {
      s.cleanup();
    }
  }, 120_000);
});

describe('the audit key created by sessions starting together', () => {
  /** `n` processes released at once (when `go` appears) load, and so create, the key `file`: what each printed. */
  async function together(file: string, go: string, n: number): Promise<string[]> {
    const code = `import { existsSync } from 'node:fs';
      import { loadAuditKey } from ${JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'audit', 'key.js'))};
      const end = Date.now() + 30000;
      while (!existsSync(${JSON.stringify(go)}) && Date.now() < end) {}
      try { console.log(loadAuditKey().kid); } catch (e) { console.log('ERR ' + e.message); }`;
    const runs = Array.from(
      { length: n },
      () =>
        new Promise<string>((resolve) => {
          const p = spawn(process.execPath, ['--input-type=module', '-e', code], {
            env: { ...process.env, AGENTFW_AUDIT_KEY_FILE: file },
          });
          let out = '';
          p.stdout.on('data', (d: Buffer) => (out += d.toString()));
          p.on('close', () => resolve(out.trim()));
        }),
    );
    // Released once all have had time to start and spin on the go file.
    setTimeout(() => writeFileSync(go, ''), 400);
    return Promise.all(runs);
  }

  // Before: an exclusive create then a write left an empty key file for an instant, and a
  // process that read it then refused to start (E_AUDIT_KEY "not 64 hex characters"); it
  // happened in about one round of three.
  it('all get the one key and none reads a key half written', async () => {
    ensureBuilt();
    for (let round = 0; round < 12; round++) {
      const file = path.join(dir, `together-${round}`, 'audit.key');
      const kids = await together(file, path.join(dir, `go-${round}`), 8);
      expect(kids.filter((k) => k.startsWith('ERR'))).toEqual([]);
      expect(new Set(kids).size).toBe(1);
      expect(kids[0]).toMatch(/^[0-9a-f]{16}$/);
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  }, 120_000);
});
