/**
 * `agentfw check` applies the org's signature requirement like `agentfw run`: with
 * AGENTFW_PACK_ALLOWED_SIGNERS set, an unsigned (or stripped) pack is refused with exit 2
 * and a Fix line; the same pack signed by an allowed signer loads. Control: without the
 * requirement the unsigned pack loads. Real built CLI, real `ssh-keygen -Y` signatures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPack } from '../../src/rules/signing.js';
import { BIN, ensureBuilt } from '../e2e/run-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-checksig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let key: string;
let allowed: string;

beforeAll(() => {
  ensureBuilt();
  key = path.join(dir, 'sec-team');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sec-team', '-f', key]);
  allowed = path.join(dir, 'allowed_signers');
  writeFileSync(allowed, `security@acme namespaces="agentfw-pack" ${readFileSync(key + '.pub', 'utf8')}`);
});

/** A copy of the built-in git pack under a name of its own (loads next to the built-ins). */
function pack(name: string): string {
  const f = path.join(dir, `${name}.yaml`);
  writeFileSync(f, readFileSync('rulesets/git.yaml', 'utf8').replace(/^pack: git$/m, `pack: ${name}`));
  return f;
}

const check = (file: string, env: Record<string, string>) =>
  execa(process.execPath, [BIN, 'check', '--ruleset', file, '--cwd', dir, '--', 'ls'], {
    reject: false,
    env: { HOME: dir, ...env },
    extendEnv: false,
  });

describe('agentfw check under AGENTFW_PACK_ALLOWED_SIGNERS', () => {
  it.each([
    ['unsigned, requirement set → exit 2', 'acme-unsigned', 'none', true, 2],
    ['signature stripped, requirement set → exit 2', 'acme-stripped', 'stripped', true, 2],
    ['signed by an allowed signer, requirement set → exit 0', 'acme-signed', 'signed', true, 0],
    ['control: unsigned, no requirement → exit 0', 'acme-free', 'none', false, 0],
  ] as const)('%s', async (_n, name, sig, required, code) => {
    const f = pack(name);
    if (sig !== 'none') signPack(f, key);
    if (sig === 'stripped') rmSync(f + '.sig');
    const r = await check(f, {
      PATH: process.env.PATH ?? '',
      ...(required ? { AGENTFW_PACK_ALLOWED_SIGNERS: allowed } : {}),
    });
    expect(r.exitCode, r.stderr).toBe(code);
    if (code === 2) {
      expect(r.stderr).toMatch(/E_PACK_UNSIGNED/);
      expect(r.stderr).toMatch(/^Fix: /m);
      expect(r.stdout).toBe('');
    } else expect(r.stdout).toMatch(/^ALLOW/);
  });
});
