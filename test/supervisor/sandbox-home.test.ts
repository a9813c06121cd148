/**
 * Credential stores in HOME, per-agent state dirs and the bridge's loopback check, with
 * real files and the real secrets layer. Planted values are checked with `.includes()`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretSet } from '../../src/secrets/index.js';
import { agentStateDirs, AGENT_STATE, HOME_WRITABLE } from '../../src/supervisor/sandbox.js';
import { homeCredentials, sshPrivateKeys } from '../../src/supervisor/sandbox-home.js';
import { isLoopback } from '../../src/supervisor/sandbox-net.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'afw-home-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const GH = `gho_${'Zq8Rt2Lm4Np6Vx1Cb3Df5Gh7Jk9Ws0Ya2Eu4'.slice(0, 36)}`;

describe('homeCredentials', () => {
  it('masks config stores keeping their structure, replaces unknown formats and keys whole', async () => {
    const home = path.join(root, 'home');
    const put = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
      writeFileSync(path.join(home, rel), text);
    };
    put('.config/gh/hosts.yml', `github.com:\n    user: dev\n    oauth_token: ${GH}\n`);
    put('.pgpass', 'db.internal:5432:app:app:Opaque-not-a-known-format\n');
    put(
      '.ssh/id_ed25519',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAkey\n-----END OPENSSH PRIVATE KEY-----\n',
    );
    put('.ssh/id_ed25519.pub', 'ssh-ed25519 AAAA dev@host\n');
    put('.ssh/known_hosts', 'host ssh-ed25519 AAAA\n');
    put('real-netrc', 'machine h login u password Pw-opaque-123\n');
    symlinkSync(path.join(home, 'real-netrc'), path.join(home, '.netrc'));
    mkdirSync(path.join(home, '.gnupg', 'private-keys-v1.d'), { recursive: true });
    const secrets = await createSecretSet({ env: {}, workspace: path.join(root), home });
    const r = homeCredentials(home, secrets, path.join(root, 'masked'));
    const byTarget = Object.fromEntries(
      r.masked.map((m) => [path.relative(home, m.target), readFileSync(m.source, 'utf8')]),
    );
    expect(Object.keys(byTarget).sort()).toEqual([
      '.config/gh/hosts.yml',
      '.pgpass',
      '.ssh/id_ed25519',
      'real-netrc',
    ]);
    expect(byTarget['.config/gh/hosts.yml'].includes(GH)).toBe(false);
    expect(byTarget['.config/gh/hosts.yml']).toContain('user: dev');
    expect(byTarget['.pgpass'].includes('Opaque-not-a-known-format')).toBe(false);
    expect(byTarget['.ssh/id_ed25519'].includes('AAAAkey')).toBe(false);
    expect(byTarget['real-netrc'].includes('Pw-opaque-123')).toBe(false);
    for (const t of Object.values(byTarget)) expect(t).toContain('agentfw:masked:');
    expect(r.hidden).toEqual([path.join(home, '.gnupg', 'private-keys-v1.d')]);
  });

  it('lists ssh private keys, not public keys or known_hosts', () => {
    expect(sshPrivateKeys(path.join(root, 'home'))).toEqual([path.join('.ssh', 'id_ed25519')]);
  });
});

describe('agentStateDirs', () => {
  it.each([
    ['claude', AGENT_STATE.claude],
    ['/usr/local/bin/codex', ['.codex']],
    ['cursor', AGENT_STATE['cursor-agent']],
    ['node', HOME_WRITABLE],
  ])('%s', (cmd, dirs) => expect(agentStateDirs(cmd)).toEqual(dirs));

  it('never makes all of ~/.cache or ~/.npm writable', () => {
    expect(HOME_WRITABLE).not.toContain('.cache');
    expect(HOME_WRITABLE).not.toContain('.npm');
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['10.0.0.1', false],
    ['localhost', false],
    ['0.0.0.0', false],
  ])('%s → %s', (h, ok) => expect(isLoopback(h)).toBe(ok));
});
