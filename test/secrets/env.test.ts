import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentfwError } from '../../src/errors.js';
import {
  createSecretSet,
  isSecretName,
  loadSecretsConfig,
  parseSecretsConfig,
} from '../../src/secrets/index.js';
import { hostMatches } from '../../src/secrets/env.js';

const GH = 'ghp_' + 'Zq8'.repeat(12);
const RW = '4d2e8c1a-9b7f-4e21-a3c5-1f0e2d3c4b5a';
const DB = 'postgres://app:Pl4ntedDbPw@db.internal:5432/app';
const ENV = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/u',
  SHELL: '/bin/bash',
  TERM: 'xterm',
  PWD: '/work',
  GITHUB_TOKEN: GH,
  RAILWAY_TOKEN: RW,
  DATABASE_URL: DB,
  PLAIN_URL: 'https://example.com',
  SOME_ID: 'AKIA' + 'Q7ZP'.repeat(4),
  EMPTY_TOKEN: '',
  DOC_PASSWORD: 'changeme',
};

describe('secret variable names', () => {
  it.each([
    ['GITHUB_TOKEN', true],
    ['RAILWAY_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['DB_PASSWORD', true],
    ['MYSQL_ROOT_PASSWORD', true],
    ['SMTP_PASS', true],
    ['FTP_PWD', true],
    ['API_KEY', true],
    ['GOOGLE_APPLICATION_CREDENTIALS', true],
    ['NPM_AUTH', true],
    ['PATH', false],
    ['PWD', false],
    ['OLDPWD', false],
    ['SSH_AUTH_SOCK', false],
    ['STRIPE_PUBLISHABLE_KEY', false],
    ['KEYBOARD', false],
    ['TOKENIZER_MODE', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});

describe('agent environment', () => {
  it('replaces secret variables with placeholders and keeps the rest', async () => {
    const set = await createSecretSet({ env: ENV, config: {} });
    const env = set.agentEnv(ENV);
    expect(env.GITHUB_TOKEN).toBe('agentfw:masked:GITHUB_TOKEN');
    expect(env.RAILWAY_TOKEN).toBe('agentfw:masked:RAILWAY_TOKEN');
    expect(env.DATABASE_URL).toBe('agentfw:masked:DATABASE_URL'); // by value: a password in the URL
    expect(env.SOME_ID).toBe('agentfw:masked:SOME_ID'); // by value: an AWS key id
    for (const k of ['PATH', 'HOME', 'SHELL', 'TERM', 'PWD', 'PLAIN_URL', 'DOC_PASSWORD'])
      expect(env[k]).toBe(ENV[k as keyof typeof ENV]);
    expect(env.EMPTY_TOKEN).toBe('');
    expect(Object.values(env).some((v) => v === GH || v === RW || v === DB)).toBe(false);
  });

  it('masks the env values and the password inside a connection string in output', async () => {
    const set = await createSecretSet({ env: ENV, config: {} });
    const out = set.mask(`token ${RW}; pw Pl4ntedDbPw; ${DB}`);
    expect([RW, 'Pl4ntedDbPw', DB].some((v) => out.includes(v))).toBe(false);
  });

  it('config mask/unmask override detection', async () => {
    const set = await createSecretSet({
      env: { ...ENV, SENTRY_DSN: 'https://abc@o1.ingest.sentry.io/1' },
      config: { mask: ['SENTRY_DSN'], unmask: ['RAILWAY_TOKEN'] },
    });
    expect(set.envNames).toContain('SENTRY_DSN');
    expect(set.envNames).not.toContain('RAILWAY_TOKEN');
  });
});

describe('re-injection', () => {
  it.each([
    ['gh', [], ['GITHUB_TOKEN']],
    ['/usr/bin/git', [], ['GITHUB_TOKEN']],
    ['psql', [], ['DATABASE_URL']],
    ['curl', ['backboard.railway.app'], []],
    ['railway', [], []],
    ['npm', [], []],
  ])('defaults: %s %j gets %j', async (program, hosts, names) => {
    const set = await createSecretSet({ env: ENV, config: {} });
    expect(Object.keys(set.reinject(program, hosts)).sort()).toEqual(names);
  });

  it.each([
    ['curl', ['backboard.railway.app'], ['RAILWAY_TOKEN']],
    ['curl', ['evil.example.com'], []],
    ['railway', [], ['RAILWAY_TOKEN']],
    ['gh', [], []],
    ['node', ['backboard.railway.app'], []],
  ])('configured: %s %j gets %j', async (program, hosts, names) => {
    const config = {
      defaults: false,
      allow: [
        { env: 'RAILWAY_TOKEN', programs: ['railway'] },
        { env: 'RAILWAY_TOKEN', programs: ['curl'], hosts: ['*.railway.app'] },
      ],
    };
    const set = await createSecretSet({ env: ENV, config });
    const got = set.reinject(program, hosts);
    expect(Object.keys(got).sort()).toEqual(names);
    if (names.length) expect(got.RAILWAY_TOKEN === RW).toBe(true);
  });

  it.each([
    ['api.github.com', 'api.github.com', true],
    ['backboard.railway.app', '*.railway.app', true],
    ['railway.app', '*.railway.app', true],
    ['railway.app.evil.com', '*.railway.app', false],
    ['notrailway.app', '.railway.app', false],
  ])('host %s vs %s → %s', (h, p, ok) => {
    expect(hostMatches(h, p)).toBe(ok);
  });
});

describe('secrets.yaml', () => {
  it.each([
    ['allow: [{ env: GITHUB_TOKEN, programs: [gh] }]', 'allow.0'],
    ['allow:\n  - env: "not a name"\n', 'allow.0.env'],
    ['allow:\n  - { env: X, program: [gh] }\n', 'allow.0'],
    ['mask: GITHUB_TOKEN', 'mask'],
    ['allow: [', 'not valid YAML'],
  ])('%j gives a clear error or parses', (text, where) => {
    if (text === 'allow: [{ env: GITHUB_TOKEN, programs: [gh] }]') {
      expect(parseSecretsConfig(text, 'x.yaml').allow?.[0].programs).toEqual(['gh']);
      return;
    }
    let err: unknown;
    try {
      parseSecretsConfig(text, '/ws/.agentfw/secrets.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AgentfwError);
    const e = err as AgentfwError;
    expect(e.code).toBe('E_SECRETS_CONFIG');
    expect(e.message).toContain(where);
    expect(e.format()).toContain('Fix:');
  });

  it('prefers the workspace file, falls back to home, else empty', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'agentfw-cfg-'));
    const ws = path.join(root, 'ws');
    const home = path.join(root, 'home');
    mkdirSync(path.join(ws, '.agentfw'), { recursive: true });
    mkdirSync(path.join(home, '.agentfw'), { recursive: true });
    expect(await loadSecretsConfig(ws, home)).toEqual({});
    writeFileSync(path.join(home, '.agentfw', 'secrets.yaml'), 'defaults: false\n');
    expect(await loadSecretsConfig(ws, home)).toEqual({ defaults: false });
    writeFileSync(path.join(ws, '.agentfw', 'secrets.yaml'), 'mask: [FOO]\n');
    expect(await loadSecretsConfig(ws, home)).toEqual({ mask: ['FOO'] });
  });
});
