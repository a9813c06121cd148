/**
 * The exec gate helper fails closed, as real processes: under build/agentfw-exec-gate a
 * shell runs `/bin/echo` by absolute path while the broker socket is missing, served by a
 * process that is not the supervisor (SO_PEERCRED), answers garbage, answers late, or
 * answers DENY; each time the echo never runs (EPERM). Control: with a broker that answers
 * ALLOW, and without the helper, the same echo runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/gates/shim/client-path.js';
import { run } from '../gates/shim/gate-helpers.js';

const HELPER = path.join(PACKAGE_ROOT, 'build', 'agentfw-exec-gate');
const READY = process.platform === 'linux' && existsSync(HELPER);
if (!READY)
  console.log(
    'exec gate fail-closed test skipped: build/agentfw-exec-gate is not built (npm run build:shim)',
  );
const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-egfc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A broker stand-in in this process, speaking the helper's persistent protocol: after each
 * request line (JSON with its `seq`), every line of `answer` is written prefixed with that
 * `seq` (nothing for "late"). The connection stays open, as the supervisor's does.
 */
async function broker(name: string, answer: string | null): Promise<{ sock: string; close: () => void }> {
  const sock = path.join(dir, `${name}.sock`);
  const srv = net.createServer((c) => {
    let buf = '';
    c.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (answer === null) continue;
        const seq = (JSON.parse(line) as { seq?: number }).seq;
        const prefix = seq === undefined ? '' : `${seq} `;
        c.write(
          answer
            .split('\n')
            .filter(Boolean)
            .map((l) => `${prefix}${l}\n`)
            .join(''),
        );
      }
    });
    c.on('error', () => undefined);
  });
  await new Promise<void>((r) => srv.listen(sock, r));
  return { sock, close: () => srv.close() };
}

const SCRIPT = '/bin/echo ran-it; echo "rc=$?"';
const underGate = (sock: string, supervisorPid: number, waitMs = 5000) =>
  run(
    HELPER,
    [
      '--sock',
      sock,
      '--supervisor-pid',
      String(supervisorPid),
      '--wait-ms',
      String(waitMs),
      '--',
      '/bin/sh',
      '-c',
      SCRIPT,
    ],
    { env: { PATH: '/usr/bin:/bin' }, cwd: dir },
  );

describe.skipIf(!READY)('exec gate helper: fail closed', () => {
  it('control: without the helper, and with a broker answering ALLOW, the echo runs', async () => {
    expect(spawnSync('/bin/sh', ['-c', SCRIPT], { encoding: 'utf8' }).stdout).toContain('ran-it');
    const b = await broker('allow', 'ALLOW\nEND\n');
    const r = await underGate(b.sock, process.pid);
    b.close();
    expect(r.stdout).toContain('ran-it');
  });

  it.each([
    ['no broker socket', null, 'missing', 0],
    ['a broker that is not the supervisor', 'ALLOW\nEND\n', 'impostor', 1],
    ['a garbage answer', 'YES PLEASE\n', 'garbage', 0],
    ['no END line', 'ALLOW\n', 'cut', 0],
    ['no answer in time', null, 'late', 0],
    ['DENY', 'DENY\nMSG agentfw: BLOCKED (exec gate)\nEND\n', 'deny', 0],
  ] as const)('%s → EPERM, the echo never runs', async (_n, answer, name, pidOffset) => {
    const b =
      name === 'missing'
        ? { sock: path.join(dir, 'nope.sock'), close: () => undefined }
        : await broker(name, answer);
    // the impostor case names another pid as the supervisor than the one serving the socket
    const r = await underGate(b.sock, process.pid + pidOffset * 1_000_000, name === 'late' ? 500 : 5000);
    b.close();
    expect(r.stdout).not.toContain('ran-it');
    expect(r.stdout).toMatch(/rc=126/);
    expect(r.stderr).toMatch(/Operation not permitted|Permission denied/);
  });
});
