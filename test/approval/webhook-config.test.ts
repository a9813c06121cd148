/** The approval webhook config: a readable-by-others or short key, or a bad file, refuses to start. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWebhookConfig } from '../../src/approval/webhook-config.js';
import { createWebhookApprover } from '../../src/approval/webhook.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-whcfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function setup(yaml: (key: string) => string, key: string, mode: number): string {
  const k = path.join(dir, `key-${n}`);
  writeFileSync(k, key);
  chmodSync(k, mode);
  const f = path.join(dir, `cfg-${n++}.yaml`);
  writeFileSync(f, yaml(k));
  return f;
}

describe('loadWebhookConfig', () => {
  it('loads url, secret and port', () => {
    const f = setup(
      (k) => `url: http://127.0.0.1:9/hook\nsecret_file: ${k}\nanswer_port: 0\n`,
      'x'.repeat(40) + '\n',
      0o600,
    );
    expect(loadWebhookConfig(f)).toEqual({
      url: 'http://127.0.0.1:9/hook',
      secret: 'x'.repeat(40),
      answerPort: 0,
      name: 'webhook',
    });
  });

  it.each([
    [
      'key readable by others',
      (k: string) => `url: http://127.0.0.1:9/h\nsecret_file: ${k}\n`,
      0o644,
      /readable by others/,
    ],
    [
      'unknown key',
      (k: string) => `url: http://127.0.0.1:9/h\nsecret_file: ${k}\nsecret: inline\n`,
      0o600,
      /secret/,
    ],
    ['no url', (k: string) => `secret_file: ${k}\n`, 0o600, /url/],
  ])('%s → E_WEBHOOK_CONFIG', (_n, yaml, mode, msg) => {
    const f = setup(yaml, 'y'.repeat(40), mode);
    expect(() => loadWebhookConfig(f)).toThrow(msg);
  });

  it('a secret shorter than 32 characters is refused', async () => {
    await expect(
      createWebhookApprover({ url: 'http://127.0.0.1:9/h', secret: 'short', session: 's', timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'E_WEBHOOK_SECRET',
    });
  });
});
