/**
 * An interactive `agentfw run -- bash` on a real PTY: what the shell prints goes through
 * the session's masker (`cat .env` typed at the prompt shows placeholders, never the
 * planted values), and the shell still behaves like one (prompt, Ctrl-C, exit status).
 */
import path from 'node:path';
import pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { BIN, cliEnv, ensureBuilt } from './run-helpers.js';
import { leaks, plantWorkspace, type PlantedWorkspace } from './secrets-workspace.js';

let s: Scratch;
let planted: PlantedWorkspace;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
  planted = plantWorkspace(s.ws);
});
afterAll(() => s?.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('interactive agentfw run -- bash', () => {
  it('masks what the shell prints and keeps Ctrl-C and exit codes', async () => {
    const env = cliEnv(s, planted.env);
    const p = pty.spawn(
      process.execPath,
      [
        BIN,
        'run',
        '--headless',
        '--no-sandbox',
        '--audit',
        path.join(s.root, 'i.jsonl'),
        '--',
        'bash',
        '--norc',
      ],
      { env, cwd: s.ws, cols: 120, rows: 40 },
    );
    let out = '';
    p.onData((d) => (out += d));
    const exited = new Promise<number>((r) => p.onExit(({ exitCode }) => r(exitCode)));
    const waitFor = async (re: RegExp, from = 0) => {
      for (let i = 0; i < 600; i++) {
        if (re.test(out.slice(from))) return;
        await sleep(50);
      }
      throw new Error(`timed out waiting for ${re}:\n${out.slice(-2000)}`);
    };
    try {
      await waitFor(/[#$] $/);
      let mark = out.length;
      p.write('cat .env\r');
      await waitFor(/agentfw:masked:[\s\S]*[#$] $/, mark);
      mark = out.length;
      p.write('sleep 30\r');
      await sleep(500);
      p.write('\x03');
      await waitFor(/[#$] $/, mark);
      mark = out.length;
      p.write('echo "status-$?"\r');
      await waitFor(/status-130/, mark);
      p.write('exit 7\r');
      expect(await exited).toBe(7);
    } finally {
      p.kill();
    }
    expect(out).toContain('STRIPE_SECRET_KEY=agentfw:masked:');
    expect(leaks(out, planted.values)).toEqual([]);
  }, 60_000);
});
