/**
 * The supervisor side of the output relay over a real Unix socket with the real secrets
 * layer: a well-formed stream comes back masked however the frames are cut, and anything
 * malformed ends the connection (the client then withholds output).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretSet } from '../../../src/secrets/index.js';
import { frame, startRelay, type Relay } from '../../../src/supervisor/relay.js';
import { gen, rng } from '../../fixtures/secrets/planted.js';

const TOKEN = gen(rng(99), 'abcdefghijklmnopqrstuvwxyz0123456789', 30);
let dir: string;
let relay: Relay;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'afw-relay-'));
  const secrets = await createSecretSet({ env: { SERVICE_TOKEN: TOKEN }, config: {} });
  relay = await startRelay(path.join(dir, 'relay.sock'), secrets);
});
afterAll(async () => {
  await relay?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Sends `parts` one write at a time and collects everything until the relay closes.
 * `halfClose`: end our side afterwards (a finished command); without it only the relay
 * can end the exchange, and the test times out if it never does.
 */
function exchange(parts: Buffer[], halfClose = true): Promise<{ data: Buffer }> {
  return new Promise((resolve) => {
    const c = net.connect(relay.socketPath);
    const got: Buffer[] = [];
    c.on('data', (d) => got.push(d));
    c.on('end', () => c.end());
    c.on('error', () => undefined);
    c.on('close', () => resolve({ data: Buffer.concat(got) }));
    c.on('connect', async () => {
      for (const p of parts) {
        if (c.destroyed) break;
        c.write(p);
        await new Promise((r) => setTimeout(r, 2));
      }
      if (halfClose && !c.destroyed) c.end();
    });
  });
}

/** Masked stdout bytes from the relay's answer frames (after `OK\n`). */
function stdoutOf(b: Buffer): string {
  expect(b.subarray(0, 3).toString()).toBe('OK\n');
  let at = 3;
  let out = '';
  while (at < b.length) {
    const len = b.readUInt32BE(at + 1);
    if (b[at] === 1) out += b.subarray(at + 5, at + 5 + len).toString('latin1');
    at += 5 + len;
  }
  return out;
}

describe('relay server', () => {
  const text = Buffer.from(`deploy token=${TOKEN} ok\nbinary \x00\xff\xfe end\n`, 'latin1');
  const whole = Buffer.concat([Buffer.from('RELAY 1 0\n'), frame(1, text), frame(1, Buffer.alloc(0))]);

  it.each([1, 3, 7, 13, 64])('frames cut every %i bytes give the same masked output', async (step) => {
    const parts: Buffer[] = [];
    for (let i = 0; i < whole.length; i += step) parts.push(whole.subarray(i, i + step));
    const r = await exchange(parts);
    const out = stdoutOf(r.data);
    expect(out).toBe('deploy token=agentfw:masked:SERVICE_TOKEN ok\nbinary \x00\xff\xfe end\n');
    expect(out.includes(TOKEN)).toBe(false);
  });

  it('a secret split across two frames is masked', async () => {
    const cut = 20;
    const r = await exchange([
      Buffer.from('RELAY 1 0\n'),
      frame(1, text.subarray(0, cut)),
      frame(1, text.subarray(cut)),
    ]);
    expect(stdoutOf(r.data)).toContain('agentfw:masked:SERVICE_TOKEN');
    expect(r.data.includes(Buffer.from(TOKEN))).toBe(false);
  });

  it.each([
    ['a wrong hello', [Buffer.from('HELLO\n'), frame(1, text)]],
    ['an unknown stream id', [Buffer.from('RELAY 1 0\n'), Buffer.from([9, 0, 0, 0, 1, 65])]],
    ['an oversized frame', [Buffer.from('RELAY 1 0\n'), Buffer.from([1, 0x7f, 0, 0, 0])]],
    ['data after a stream ended', [Buffer.from('RELAY 1 0\n'), frame(1, Buffer.alloc(0)), frame(1, text)]],
  ])('%s: the relay closes the connection and sends no output', async (_n, parts) => {
    const r = await exchange(parts as Buffer[], false);
    expect(['', 'OK\n']).toContain(r.data.toString('latin1'));
  });
});
