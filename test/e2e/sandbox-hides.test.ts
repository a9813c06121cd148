/**
 * What the sandbox (on by default) hides, as real processes under bwrap: credential stores in
 * HOME read through base64 and rev by absolute path (no gate sees those) show no real value;
 * only the running agent's own state dir is writable in HOME, not the rest of ~/.cache.
 * A control run of the same agent without agentfw reads the real values and writes both,
 * so every check here can fail. Values are checked with `.includes()` only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cliEnv, ensureBuilt, headless } from './run-helpers.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hides-agent.mjs');
const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP)
  console.log('sandbox-hides e2e skipped: bwrap is not installed (apt-get install -y bubblewrap)');

const GH = `gho_${'Zq8Rt2Lm4Np6Vx1Cb3Df5Gh7Jk9Ws0Ya2Eu4'.slice(0, 36)}`;
const NETRC_PW = 'opaque-Pw-7f3k2m9q1x';
const SSH_BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
const STORES: [string, string, string][] = [
  [
    '.config/gh/hosts.yml',
    `github.com:\n    user: dev\n    oauth_token: ${GH}\n    git_protocol: https\n`,
    GH,
  ],
  ['.netrc', `machine api.example.com login dev password ${NETRC_PW}\n`, NETRC_PW],
  [
    '.ssh/id_ed25519',
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${SSH_BODY}\n-----END OPENSSH PRIVATE KEY-----\n`,
    SSH_BODY,
  ],
];

interface Out {
  reads: Record<string, { base64: string; rev: string }>;
  writes: Record<string, string>;
}
const parse = (stdout: string): Out =>
  JSON.parse(stdout.split('\n').find((l) => l.startsWith('{"reads"')) ?? '{}') as Out;

let s: Scratch;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
  for (const [rel, text] of STORES) {
    mkdirSync(path.dirname(path.join(s.home, rel)), { recursive: true });
    writeFileSync(path.join(s.home, rel), text, { mode: 0o600 });
  }
  mkdirSync(path.join(s.home, '.cache', 'other-tool'), { recursive: true });
  mkdirSync(path.join(s.home, '.codex'), { recursive: true });
});
afterAll(() => s?.cleanup());

describe.skipIf(!HAS_BWRAP)('the sandbox hides credential stores and keeps HOME read-only', () => {
  it('control: without agentfw the agent reads every real value and writes both places', async () => {
    const r = await run(process.execPath, [AGENT, ...STORES.map(([rel]) => rel)], {
      env: cliEnv(s),
      cwd: s.ws,
    });
    const o = parse(r.stdout);
    for (const [rel, , secret] of STORES) {
      expect({ rel, b64: o.reads[rel].base64.includes(secret) }).toEqual({ rel, b64: true });
      expect({ rel, rev: o.reads[rel].rev.includes(secret) }).toEqual({ rel, rev: true });
    }
    expect(o.writes).toEqual({ '.cache/other-tool/x': 'ok', '.codex/x': 'ok' });
  });

  it('under agentfw run (codex state): masked copies only; ~/.cache read-only, ~/.codex writable', async () => {
    // The agent command is named codex so that its state dir applies; it is the scripted agent.
    const keep = path.join(s.ws, 'codex');
    writeFileSync(keep, `#!/bin/sh\nexec '${process.execPath}' '${AGENT}' "$@"\n`, { mode: 0o755 });
    const r = await headless(s, [keep, ...STORES.map(([rel]) => rel)]);
    expect(r.code).toBe(0);
    const o = parse(r.stdout);
    for (const [rel, , secret] of STORES) {
      expect({ rel, b64: o.reads[rel].base64.includes(secret) }).toEqual({ rel, b64: false });
      expect({ rel, rev: o.reads[rel].rev.includes(secret) }).toEqual({ rel, rev: false });
      // Either the read is refused (credential-store reads outside the workspace ask, and
      // headless denies) or it shows the masked copy; never the secret.
      if (o.reads[rel].base64 !== '') expect(o.reads[rel].base64).toContain('agentfw:masked:');
    }
    const gh = o.reads['.config/gh/hosts.yml'].base64;
    if (gh !== '') expect(gh).toContain('user: dev');
    expect(o.writes).toEqual({ '.cache/other-tool/x': 'EROFS', '.codex/x': 'ok' });
    expect(r.stdout + r.stderr).not.toContain(GH);
  });
});
