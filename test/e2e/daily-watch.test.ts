/**
 * `agentfw watch` finds a real session by the exact command `agentfw run` prints, with
 * the runtime dir where `run` puts it by default (no AGENTFW_RUNTIME_DIR): under
 * $XDG_RUNTIME_DIR, and under the temp dir. The human pairs and denies; the destructive
 * command does not run and the audit names the approver `watch`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { BIN, cliEnv, ensureBuilt } from './run-helpers.js';
import { spawn } from 'node:child_process';

let s: Scratch;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
});
afterAll(() => s?.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, f: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = f();
    if (v !== undefined) return v;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('agentfw watch --session ID, as printed by agentfw run', () => {
  it.each<[string, (root: string) => Record<string, string>]>([
    ['XDG_RUNTIME_DIR', (root) => ({ XDG_RUNTIME_DIR: root })],
    ['the temp dir', (root) => ({ TMPDIR: root, XDG_RUNTIME_DIR: '' })],
  ])(
    'finds the session under %s, pairs and denies',
    async (name, where) => {
      const root = path.join(s.root, name.replace(/\W/g, '_'));
      mkdirSync(root, { mode: 0o700 });
      const victim = path.join(s.home, `victim-${path.basename(root)}`);
      mkdirSync(victim);
      writeFileSync(path.join(victim, 'keep.txt'), 'x');
      // An out-of-band approver that never answers in time: the human answers through watch.
      const approver = path.join(s.root, 'slow-approver.sh');
      writeFileSync(approver, '#!/bin/sh\nsleep 120\n');
      chmodSync(approver, 0o755);
      const audit = path.join(root, 'audit.jsonl');
      const env = cliEnv(s, where(root));
      delete env.AGENTFW_RUNTIME_DIR;
      const runP = spawn(
        process.execPath,
        [
          BIN,
          'run',
          '--headless',
          '--approver',
          approver,
          '--audit',
          audit,
          '--',
          'bash',
          '-c',
          `rm -rf ${victim}; echo rc=$?`,
        ],
        { env, cwd: s.ws, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let runOut = '';
      let runErr = '';
      runP.stdout.on('data', (d) => (runOut += d));
      runP.stderr.on('data', (d) => (runErr += d));
      const exited = new Promise<number | null>((r) => runP.on('close', (c) => r(c)));
      try {
        const printed = await until('the watch command on stderr', () => {
          const m = /`(agentfw watch --session \S+)` \(pairing code ([A-Z0-9-]+)\)/.exec(runErr);
          return m ? { cmd: m[1], code: m[2] } : undefined;
        });
        const watchArgs = printed.cmd.split(' ').slice(1);
        const w = pty.spawn(process.execPath, [BIN, ...watchArgs], { env, cwd: s.ws, cols: 120, rows: 40 });
        let screen = '';
        w.onData((d) => (screen += d));
        const watchExit = new Promise<number>((r) => w.onExit(({ exitCode }) => r(exitCode)));
        await until('the pairing prompt', () => (/pairing code for/.test(screen) ? true : undefined));
        for (const ch of printed.code) {
          w.write(ch);
          await sleep(10);
        }
        w.write('\r');
        await until('the request in watch', () => (/Approval needed/.test(screen) ? true : undefined)).catch(
          (e: Error) => {
            throw new Error(`${e.message}\n${JSON.stringify(screen.slice(-3000))}\n${runErr}`);
          },
        );
        // Keys right after the dialog shows are ignored (arming delay): press until it is taken.
        let code: number | null | undefined;
        void exited.then((c) => (code = c));
        for (let i = 0; i < 60 && code === undefined; i++) {
          w.write('d');
          await sleep(500);
        }
        await exited;
        w.write('q');
        await Promise.race([watchExit, sleep(5000)]);
        w.kill();
        // The shell gate refuses the whole script: the agent (bash) exits 126.
        expect(code).toBe(126);
        expect(runOut).not.toMatch(/rc=\d/);
        expect(runOut).toContain('refused (watch)');
        expect(existsSync(path.join(victim, 'keep.txt'))).toBe(true);
        const recs = readFileSync(audit, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { decision: string; approver: string });
        expect(recs.at(-1)).toMatchObject({ decision: 'deny', approver: 'watch' });
      } finally {
        runP.kill('SIGKILL');
      }
    },
    90_000,
  );
});
