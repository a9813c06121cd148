/**
 * Which ports the sandbox's bridge opens besides the proxy's: the declared services, then
 * every other host loopback port listening at start, except the proxy's own and ports below
 * 1024 (the bridge has no capabilities); the banner says which are judged and which not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeclaredService } from '../../src/config/services.js';
import { createSecretSet } from '../../src/secrets/index.js';
import { sandboxServices } from '../../src/supervisor/sandbox-services.js';

const svc = (port: number, protocol: DeclaredService['protocol']): DeclaredService => ({
  port,
  protocol,
  trust_raw: protocol === 'tcp' ? true : undefined,
  label: protocol,
  file: '/u/config.yaml',
  tier: 'user',
});

describe('sandboxServices', () => {
  it.each([
    [
      'declared first, then listening ports',
      [svc(5432, 'postgres')],
      [22, 80, 3000, 5432, 8080],
      8080,
      [5432, 3000],
    ],
    ['nothing declared', [], [6379, 40000], 40000, [6379]],
    ['a raw service', [svc(6379, 'tcp')], [], 1, [6379]],
  ])('%s', async (_n, services, listening, proxyPort, ports) => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'afw-svc-'));
    const secrets = await createSecretSet({ env: {}, workspace: ws, config: {} });
    rmSync(ws, { recursive: true, force: true }); // only scanned at creation
    const hs = sandboxServices({
      workspace: '/tmp',
      home: '/tmp',
      env: {},
      proxyPort,
      deps: {
        decideFacts: () => {
          throw new Error('not judged here');
        },
        secrets,
        approvers: () => [],
        approvalTimeoutMs: 1,
        cwd: '/tmp',
      },
      headless: () => true,
      nsPid: () => undefined,
      listening,
      services,
    });
    expect(hs.ports).toEqual(ports);
    for (const s of services)
      expect(hs.notes.join('\n')).toContain(
        s.protocol === 'tcp'
          ? `127.0.0.1:${s.port} (tcp): raw TCP passed through UNJUDGED`
          : `127.0.0.1:${s.port} (${s.protocol}): each query judged`,
      );
  });
});
