/**
 * The MASK relay of the C gate client against a real gate (broker, engine, relay,
 * secrets from a workspace scan), with real processes and a real PTY: output is masked
 * across chunk boundaries, exit codes and signals come back, files and stdin are
 * untouched, a closed reader stops the command, terminals stay terminals (size and
 * resizes included), and a missing or broken relay never shows output unmasked.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pty from 'node-pty';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/gates/shim/client-path.js';
import type { Gate } from '../../../src/supervisor/gate.js';
import { run, until, type Scratch } from './gate-helpers.js';
import { MASKED, relayToken, useRelayGate } from './relay-fixture.js';

/** An opaque token, known to the session only through the workspace scan of `.env`. */
const { TOKEN, ENV_FILE } = relayToken(4242);

let s: Scratch;
let gate: Gate;
let bash: string;
useRelayGate(ENV_FILE, (t) => ({ s, gate, bash } = t));

const sh = (script: string, o: { input?: string; env?: Record<string, string> } = {}) =>
  run(bash, ['-c', script], { env: { ...gate.agentEnv, ...o.env }, cwd: s.ws, input: o.input });

describe('relayed output is masked', () => {
  it.each([
    ['a file read', 'cat .env', 'stdout'],
    ['stderr', 'cat .env >&2', 'stderr'],
    [
      'a value split across two writes with a pause',
      'v=$(sed -n "s/^API_TOKEN=//p" .env); printf %s "${v:0:9}"; sleep 0.3; printf "%s\\n" "${v:9}"',
      'stdout',
    ],
    [
      'a value cut into single bytes',
      'v=$(sed -n "s/^API_TOKEN=//p" .env); for ((i=0;i<${#v};i++)); do printf %s "${v:i:1}"; done; echo',
      'stdout',
    ],
    ['a nested gated shell (relayed twice)', 'bash -c "cat .env"', 'stdout'],
    [
      'a tool shim inside the script',
      'git --no-pager -c core.quotepath=off log -1 2>/dev/null; cat .env',
      'stdout',
    ],
  ])('%s', async (_name, script, stream) => {
    const r = await sh(script);
    const out = stream === 'stdout' ? r.stdout : r.stderr;
    expect(r.code).toBe(0);
    expect(out).toContain(MASKED);
    expect(out.includes(TOKEN)).toBe(false);
    expect((r.stdout + r.stderr).includes(TOKEN)).toBe(false);
  });

  it('the placeholder is not masked again, and each relayed command is one connection', async () => {
    const before = gate.relay?.served ?? 0;
    const r = await sh('bash -c "cat .env"');
    expect(r.stdout).toBe(`API_TOKEN=${MASKED}\nLOG_LEVEL=debug\n`);
    expect((gate.relay?.served ?? 0) - before).toBe(2);
  });

  it('output that starts late, after a quiet start, is masked too (the relay is reached then)', async () => {
    const before = gate.relay?.served ?? 0;
    const r = await sh('sleep 0.3; cat .env');
    expect(r.stdout).toBe(`API_TOKEN=${MASKED}\nLOG_LEVEL=debug\n`);
    expect((gate.relay?.served ?? 0) - before).toBe(1);
  });

  it('stdin reaches the program unchanged; what it prints is masked', async () => {
    const r = await sh('cat; echo " <- read"', { input: `in:${TOKEN}` });
    expect(r.stdout).toBe(`in:${MASKED} <- read\n`);
  });

  it('output redirected to a file is not rewritten (bytes copied exactly)', async () => {
    const r = await sh('cat .env > copy.env');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(s.ws, 'copy.env'), 'utf8') === ENV_FILE).toBe(true);
    rmSync(path.join(s.ws, 'copy.env'));
  });
});

describe('the relayed command behaves like the program itself', () => {
  it.each([
    ['exit 7', 7, null],
    ['echo out; echo err >&2; exit 0', 0, null],
    ['kill -TERM $$', null, 'SIGTERM'],
    ['kill -KILL $$', null, 'SIGKILL'],
  ])('%s → code %s signal %s', async (script, code, signal) => {
    const r = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const p = spawn(bash, ['-c', script], { env: gate.agentEnv, cwd: s.ws, stdio: 'ignore' });
      p.on('close', (c, sig) => resolve({ code: c, signal: sig }));
    });
    expect(r).toEqual({ code, signal });
  });

  it('a relayed bash is told its own pid as the one the shim checked: its gate script stands down (one question, not two)', async () => {
    const before = gate.broker.served;
    const r = await sh('echo "gated=${AGENTFW_GATED_PID-unset}"');
    expect(r).toMatchObject({ code: 0, stdout: 'gated=unset\n' });
    expect(gate.broker.served - before).toBe(1);
  });

  it('a signal sent to the shim reaches the program', async () => {
    const p = spawn(bash, ['-c', 'echo started; exec sleep 30'], {
      env: gate.agentEnv,
      cwd: s.ws,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    await until(() => out.includes('started'));
    const t0 = Date.now();
    p.kill('SIGTERM');
    const sig = await new Promise((r) => p.on('close', (_c, sg) => r(sg)));
    expect(sig).toBe('SIGTERM');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('exits with the program even when a background job still holds its output', async () => {
    const pidFile = path.join(s.ws, 'bg.pid');
    const p = spawn(bash, ['-c', `sleep 30 & echo $! > ${pidFile}; echo started; wait; echo not-reached`], {
      env: gate.agentEnv,
      cwd: s.ws,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    try {
      await until(() => out.includes('started'));
      const t0 = Date.now();
      p.kill('SIGTERM'); // bash dies; its background sleep keeps the pipe open
      const sig = await new Promise((r) => p.on('exit', (_c, sg) => r(sg)));
      expect(sig).toBe('SIGTERM');
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(out).not.toContain('not-reached');
    } finally {
      const bg = Number(readFileSync(pidFile, 'utf8'));
      if (bg > 0) process.kill(bg, 'SIGKILL');
    }
  });

  it('a reader that goes away stops the program (`bash -c yes | head -1`)', async () => {
    const r = await run('/bin/dash', ['-c', '"$1" -c yes | head -1', 'sh', bash], {
      env: gate.agentEnv,
      cwd: s.ws,
      timeoutMs: 10_000,
    });
    expect(r.stdout).toBe('y\n');
    expect(r.code).toBe(0);
  });

  it('a persistent bash over a pipe is relayed as a whole and answers while stdin stays open', async () => {
    const p = spawn(bash, [], { env: gate.agentEnv, cwd: s.ws, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stdin.write('cat .env\n');
    await until(() => out.includes('LOG_LEVEL'));
    expect(out).toContain(MASKED);
    p.stdin.write('echo two-$((1+1))\n');
    await until(() => out.includes('two-2'));
    p.stdin.end();
    await new Promise((r) => p.on('close', r));
    expect(out.includes(TOKEN)).toBe(false);
  });
});

describe('terminals stay terminals', () => {
  const onPty = (script: string, act?: (t: pty.IPty, out: () => string) => Promise<void>) =>
    new Promise<{ code: number; out: string }>((resolve, reject) => {
      const t = pty.spawn(bash, ['-c', script], { env: gate.agentEnv, cwd: s.ws, cols: 100, rows: 30 });
      let out = '';
      t.onData((d) => (out += d));
      const timer = setTimeout(() => {
        t.kill('SIGKILL');
        reject(new Error('timed out on the PTY'));
      }, 15_000);
      t.onExit(({ exitCode }) => {
        clearTimeout(timer);
        resolve({ code: exitCode, out });
      });
      act?.(t, () => out).catch(reject);
    });

  it('isatty, the window size and masking on a PTY', async () => {
    const r = await onPty('[ -t 1 ] && echo tty1; [ -t 2 ] && echo tty2; stty size <&1; cat .env');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tty1');
    expect(r.out).toContain('tty2');
    expect(r.out).toContain('30 100');
    expect(r.out).toContain(MASKED);
    expect(r.out.includes(TOKEN)).toBe(false);
  });

  it('a resize reaches the program, and a prompt shows before input is typed', async () => {
    const r = await onPty('printf "Name: "; read -r x; echo "got-$x"; stty size <&1', async (t, out) => {
      await until(() => out().includes('Name: '));
      t.resize(132, 40);
      await new Promise((res) => setTimeout(res, 200));
      t.write('abc\r');
    });
    expect(r.out).toContain('got-abc');
    expect(r.out).toContain('40 132');
  });
});

describe('fail closed', () => {
  it('an unreachable relay refuses the command before it runs', async () => {
    const flag = path.join(s.ws, 'ran-unrelayed');
    const r = await sh(`touch ${flag}; cat .env`, {
      env: { AGENTFW_RELAY_SOCK: path.join(s.root, 'no-such-relay.sock') },
    });
    expect(r.code).toBe(126);
    expect(r.stderr).toContain('cannot be masked');
    expect(r.stderr).toContain('Do not retry or work around this; ask the user.');
    expect(existsSync(flag)).toBe(false);
    expect(r.stdout.includes(TOKEN)).toBe(false);
  });

  it.each([
    ['closes every connection at once', (c: net.Socket) => c.destroy()],
    ['never answers the hello', (c: net.Socket) => c.resume()],
  ])(
    'a relay that %s when the first output waits: the output is withheld, the command still ends',
    async (_name, onConnection) => {
      // The relay is reached only once there is output (pipes only): the program already runs.
      const sock = path.join(s.root, `late-relay-${Date.now()}.sock`);
      const server = net.createServer(onConnection);
      await new Promise<void>((r) => server.listen(sock, r));
      try {
        const done = path.join(s.ws, `finished-${Date.now()}`);
        const r = await sh(`cat .env; touch ${done}; echo after`, { env: { AGENTFW_RELAY_SOCK: sock } });
        expect(r.stderr).toContain('output is withheld');
        expect(r.stderr).toContain('Do not retry or work around this; ask the user.');
        expect(r.stdout).toBe('');
        expect((r.stdout + r.stderr).includes(TOKEN)).toBe(false);
        // The exit status is the program's: SIGPIPE at a write after our read end closed, or
        // its own when it had written everything before (as when the relay breaks mid-stream).
        const quiet = await sh(`touch ${done}`, { env: { AGENTFW_RELAY_SOCK: sock } });
        expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
        expect(existsSync(done)).toBe(true);
      } finally {
        await new Promise((r) => server.close(r));
      }
    },
    30_000,
  );

  it('a relay that breaks mid-stream withholds the rest and the command is still reaped', async () => {
    const sock = path.join(s.root, 'broken-relay.sock');
    const server = net.createServer((c) => {
      let said = false;
      c.on('data', () => {
        if (!said) {
          said = true;
          c.write('OK\n');
          return;
        }
        c.destroy(); // first frame of output: the relay dies
      });
    });
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      const done = path.join(s.ws, 'finished');
      const r = await sh(`cat .env; sleep 0.2; cat .env; echo second; touch ${done}`, {
        env: { AGENTFW_RELAY_SOCK: sock },
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('output relay stopped');
      expect(r.stdout).not.toContain('second');
      expect(r.stdout.includes(TOKEN)).toBe(false);
      expect(existsSync(done)).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('Node fallback client', () => {
  const fallback = path.join(PACKAGE_ROOT, 'dist', 'gates', 'shim', 'fallback-client.js');
  it.skipIf(!existsSync(fallback))('relays through the masker too, and keeps the exit code', async () => {
    const dir = mkdtempSync(path.join(s.root, 'fb-'));
    const wrapper = path.join(dir, 'agentfw-shim');
    writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${fallback}' "$0" "$@"\n`);
    chmodSync(wrapper, 0o755);
    symlinkSync(wrapper, path.join(dir, 'bash'));
    const env = {
      ...gate.agentEnv,
      PATH: `${dir}:${gate.agentEnv.AGENTFW_REAL_PATH}`,
      AGENTFW_SHIM_DIR: dir,
    };
    const r = await run(path.join(dir, 'bash'), ['-c', 'cat .env; cat .env >&2; exit 5'], { env, cwd: s.ws });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe(`API_TOKEN=${MASKED}\nLOG_LEVEL=debug\n`);
    expect(r.stderr).toContain(MASKED);
    expect((r.stdout + r.stderr).includes(TOKEN)).toBe(false);
    const closed = await run(path.join(dir, 'bash'), ['-c', 'cat .env'], {
      env: { ...env, AGENTFW_RELAY_SOCK: path.join(s.root, 'none.sock') },
      cwd: s.ws,
    });
    expect(closed.code).toBe(126);
    expect(closed.stdout.includes(TOKEN)).toBe(false);
  });
});
