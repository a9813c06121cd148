/**
 * The relay's direct path (src/supervisor/relay-direct.ts, RELAY 2) with the real C gate
 * client, a real gate and real pipes: where the client's fd is a pipe the relay reads the
 * program's pipe and writes the masked bytes itself; where it is a socket the masked
 * bytes still come back in frames. Output is masked either way, `| head -1` still ends
 * the program by SIGPIPE, a background job's later output is still masked, a relay that
 * dies mid-stream lets no unmasked byte through, only the session's client may hand
 * its pipes over, and under the sandbox (client pid mapped to the host's) the relay still
 * writes the client's pipe itself.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  rmSync,
  openSync,
  closeSync,
  fstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  writeFileSync,
  constants,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PACKAGE_ROOT } from '../../src/gates/shim/client-path.js';
import type { Gate } from '../../src/supervisor/gate.js';
import { createSecretSet } from '../../src/secrets/index.js';
import { DirectStream, READ_SIZE } from '../../src/supervisor/relay-direct.js';
import { run, until, type Scratch } from '../gates/shim/gate-helpers.js';
import { MASKED, relayToken, useRelayGate } from '../gates/shim/relay-fixture.js';
import { BIN, cliEnv, ensureBuilt, headlessArgs } from '../e2e/run-helpers.js';

/** An opaque token, known to the session only through the workspace scan of `.env`. */
const { TOKEN, ENV_FILE } = relayToken(7117);

let s: Scratch;
let gate: Gate;
let bash: string;
useRelayGate(ENV_FILE, (t) => ({ s, gate, bash } = t));

/** Runs `script` in dash with $1 = the gated bash: its pipes (`|`) are real pipes. */
const dash = (script: string, env: Record<string, string> = gate.agentEnv) =>
  run('/bin/dash', ['-c', script, 'sh', bash], { env, cwd: s.ws, timeoutMs: 20_000 });

const counts = () => ({
  taken: gate.relay?.taken ?? 0,
  direct: gate.relay?.direct ?? 0,
  back: gate.relay?.back ?? 0,
});

describe('output to a pipe: the relay reads and writes it itself', () => {
  it.each([
    // [name, script, streams the relay read, of those the ones it wrote itself]
    // (the test's own stdout/stderr are socketpairs: a stream left there is read, not written)
    // (a stream that ended without a byte by the time output waits is not offered: stderr
    // here, when the program has already exited then; hence 1 or 2)
    ['stdout to a pipe', '"$1" -c "cat .env" | cat', [1, 2], 1],
    ['stderr to a pipe', '{ "$1" -c "cat .env >&2" 2>&1 >/dev/null; } | cat', 1, 1],
    ['stdout and stderr to one pipe', '"$1" -c "cat .env; cat .env >&2" 2>&1 | cat', 2, 2],
    [
      'stdout and stderr to two pipes',
      '{ "$1" -c "cat .env; cat .env >&2" | sed "s/^/out:/"; } 2>&1 | cat',
      2,
      2,
    ],
  ])('%s: masked, on the direct path', async (_n, script, taken, direct) => {
    const before = counts();
    const r = await dash(script);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(MASKED);
    expect((r.stdout + r.stderr).includes(TOKEN)).toBe(false);
    const after = counts();
    const [least, most] = Array.isArray(taken) ? taken : [taken, taken];
    expect(after.taken - before.taken).toBeGreaterThanOrEqual(least);
    expect(after.taken - before.taken).toBeLessThanOrEqual(most);
    expect(after.direct - before.direct).toBe(direct);
  });

  it('each stream arrives byte for byte (two pipes, each read by its own reader)', async () => {
    const before = counts();
    const r = await dash(
      '{ "$1" -c "seq 1 200000; seq 1 30000 >&2" | md5sum > out.md5; } 2>&1 | md5sum > err.md5; cat out.md5 err.md5',
    );
    const want = await run('/bin/dash', ['-c', 'seq 1 200000 | md5sum; seq 1 30000 | md5sum'], {
      env: { PATH: '/usr/bin:/bin' },
      cwd: s.ws,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(want.stdout);
    expect(counts().direct - before.direct).toBe(2);
  });

  it('`| head -1` ends the program by SIGPIPE (status 141), as without agentfw', async () => {
    const before = counts();
    const r = await dash('{ "$1" -c "yes"; echo "rc=$?" >&2; } | head -1');
    expect(r.stdout).toBe('y\n');
    expect(r.stderr).toContain('rc=141');
    expect(counts().direct - before.direct).toBe(1);
    // Control: the same pipeline without agentfw.
    const bare = await run('/bin/dash', ['-c', '{ /bin/bash -c "yes"; echo "rc=$?" >&2; } | head -1'], {
      env: { PATH: '/usr/bin:/bin' },
      cwd: s.ws,
    });
    expect(bare.stderr).toContain('rc=141');
  });

  it('a background job writing after the program exited is still masked', async () => {
    const flag = path.join(s.ws, 'client-gone');
    const before = counts();
    // The client exits with the program; the job writes later, through the relay alone.
    const r = await dash(
      `{ "$1" -c '(sleep 1; [ -e ${flag} ] && echo after-exit; cat .env) & echo started'; touch ${flag}; } | cat`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('started');
    expect(r.stdout).toContain('after-exit');
    expect(r.stdout).toContain(MASKED);
    expect(r.stdout.includes(TOKEN)).toBe(false);
    expect(counts().direct - before.direct).toBe(1);
  });
});

describe("output to a socket: the relay writes the masked bytes to the client's return pipe", () => {
  it('masked, read by the relay, written to the return pipes (not to the socket, which it cannot open)', async () => {
    const before = counts();
    // Node gives its children socketpairs for stdout and stderr.
    const r = await run(bash, ['-c', 'cat .env; cat .env >&2; exit 3'], { env: gate.agentEnv, cwd: s.ws });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(`API_TOKEN=${MASKED}\nLOG_LEVEL=debug\n`);
    expect(r.stderr).toContain(MASKED);
    expect((r.stdout + r.stderr).includes(TOKEN)).toBe(false);
    const after = counts();
    expect(after.taken - before.taken).toBe(2);
    expect(after.direct - before.direct).toBe(0);
    expect(after.back - before.back).toBe(2);
  });

  it('a background job writing after the program exited is still masked (socket destination)', async () => {
    const before = counts();
    const p = spawn(bash, ['-c', '(sleep 1; echo after-exit; cat .env) & echo started'], {
      env: gate.agentEnv,
      cwd: s.ws,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    const exited = new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
    const closed = new Promise<void>((r) => p.on('close', () => r()));
    // The client exits with the program; the job's output still arrives, masked.
    expect(await exited).toBe(0);
    await closed;
    expect(out).toContain('started');
    expect(out).toContain('after-exit');
    expect(out).toContain(MASKED);
    expect(out.includes(TOKEN)).toBe(false);
    expect(counts().back - before.back).toBe(2);
  });

  it('a reader that goes away stops the program (socket destination)', async () => {
    const p = spawn(bash, ['-c', 'yes'], {
      env: gate.agentEnv,
      cwd: s.ws,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let got = 0;
    p.stdout.on('data', (d: Buffer) => {
      got += d.length;
      if (got > 100_000) p.stdout.destroy();
    });
    const sig = await new Promise((r) => p.on('close', (_c, sg) => r(sg)));
    expect(sig).toBe('SIGPIPE');
  });
});

describe('read buffers are reused only once their masked bytes are written', () => {
  // 6 MB with the token every ~100 KB (so most masked pieces are views of the read buffer,
  // not copies): many 256 KiB reads, while a slow reader keeps writes pending (the relay
  // reads on up to 1 MiB ahead). A buffer reused too early would put the next read's raw
  // bytes (the token unmasked) or wrong bytes on the wire: this fails when the buffer goes
  // back to the spares before its write is done.
  const BIG = Array.from({ length: 120_000 }, (_, i) =>
    i % 3001 === 5 ? `${i} ${TOKEN}\n` : `${i} GET /api/v1/items/${i} status=200\n`,
  ).join('');
  const WANT = createHash('sha256').update(BIG.replaceAll(TOKEN, MASKED)).digest('hex');
  /** Reads `src` pausing 2 ms after each chunk; prints the SHA-256 of all it read. */
  const slow = (src: string) => `const h = require('crypto').createHash('sha256');
    ${src}.on('data', (d) => { h.update(d); ${src}.pause(); setTimeout(() => ${src}.resume(), 2); });
    ${src}.on('end', () => console.log(h.digest('hex')));`;

  it.each([
    ['a pipe the relay writes itself', true],
    ["a socket (through the client's return pipe)", false],
  ])('%s: the output is the masked text byte for byte', async (_n, pipe) => {
    writeFileSync(path.join(s.ws, 'big.txt'), BIG);
    const before = counts();
    const r = pipe
      ? await dash(
          `"$1" -c "cat big.txt" | ${JSON.stringify(process.execPath)} -e "${slow('process.stdin')}"`,
        )
      : await run(
          process.execPath,
          [
            '-e',
            `const c = require('child_process').spawn(process.argv[1], ['-c', 'cat big.txt'], { stdio: ['ignore', 'pipe', 'inherit'] });
            ${slow('c.stdout')}`,
            bash,
          ],
          { env: gate.agentEnv, cwd: s.ws, timeoutMs: 60_000 },
        );
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(WANT);
    // stdout was taken (and, to a pipe, written by the relay itself)
    expect(counts().taken - before.taken).toBeGreaterThanOrEqual(1);
    expect(counts().direct - before.direct).toBe(pipe ? 1 : 0);
    expect(counts().back - before.back).toBeGreaterThanOrEqual(pipe ? 0 : 1);
  });

  it('three commands at once share the read buffers: two arrive byte for byte while a third is cut off by its reader', async () => {
    // The spare buffers are shared by every stream of the relay: a buffer given back early
    // by one stream (or by the stream its reader cut off, whose pending writes fail) would
    // show in another's bytes.
    writeFileSync(path.join(s.ws, 'big.txt'), BIG);
    const before = counts();
    const [a, b, c] = await Promise.all([
      dash(`"$1" -c "cat big.txt" | ${JSON.stringify(process.execPath)} -e "${slow('process.stdin')}"`),
      dash(
        `"$1" -c "cat big.txt; cat big.txt" | ${JSON.stringify(process.execPath)} -e "${slow('process.stdin')}"`,
      ),
      dash('{ "$1" -c "cat big.txt; exec yes"; echo "rc=$?" >&2; } | head -c 3000000 | wc -c'),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout.trim()).toBe(WANT);
    const twice = createHash('sha256')
      .update((BIG + BIG).replaceAll(TOKEN, MASKED))
      .digest('hex');
    expect(b.code).toBe(0);
    expect(b.stdout.trim()).toBe(twice);
    expect(c.stdout.trim()).toBe('3000000');
    expect(c.stderr).toContain('rc=141');
    expect(counts().direct - before.direct).toBe(3);
  });
});

describe('quiet commands and read buffers', () => {
  it.each([
    ['stdout and stderr to one pipe', '"$1" -c true 2>&1 | cat'],
    ['stdout to a pipe, stderr to the test (a socket)', '"$1" -c "mkdir -p made" | cat'],
    ['a script of quiet commands', '"$1" -c "true; mkdir -p made; bash -c true" 2>&1 | cat'],
  ])('%s: a command that prints nothing never reaches the relay', async (_n, script) => {
    const served = gate.relay?.served ?? 0;
    const before = counts();
    const r = await dash(script);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(gate.relay?.served ?? 0).toBe(served);
    expect(counts()).toEqual(before);
  });

  // A stream's first read buffer is made when it starts; a command that prints little
  // leaves most of it unfilled. It goes back to the shared spares when the stream ends, so
  // a run of such commands makes no new 256 KiB buffer after the first (each one was
  // external memory to V8, and a full collection every few dozen relayed commands).
  it('ten short commands with stdout and stderr on pipes make at most two read buffers', async () => {
    const alloc = vi.spyOn(Buffer, 'allocUnsafeSlow');
    try {
      const before = counts();
      for (let i = 0; i < 10; i++) {
        const r = await dash('"$1" -c "echo x" 2>&1 | cat');
        expect(r).toMatchObject({ code: 0, stdout: 'x\n' });
      }
      // every command's stdout was taken by the relay (the path under test); stderr, quiet,
      // too when it had not ended yet by the time the output waited
      expect(counts().taken - before.taken).toBeGreaterThanOrEqual(10);
      expect(counts().taken - before.taken).toBeLessThanOrEqual(20);
      const reads = alloc.mock.calls.filter(([n]) => n === READ_SIZE).length;
      expect(reads).toBeLessThanOrEqual(2);
    } finally {
      alloc.mockRestore();
    }
  });
});

describe('fail closed', () => {
  /** A relay with the test's secret in a process of its own, which the test can kill. */
  const relayProcess = (sock: string) => {
    const code = `
      import { createSecretSet } from ${JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'secrets', 'index.js'))};
      import { startRelay } from ${JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'supervisor', 'relay.js'))};
      import { clientId } from ${JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'supervisor', 'peer-check.js'))};
      const secrets = await createSecretSet({ env: { API_TOKEN: process.env.T }, config: {} });
      const relay = await startRelay(process.env.S, secrets, { client: clientId(process.env.C) });
      setInterval(() => process.stdout.write('taken ' + relay.taken + ' direct ' + relay.direct + '\\n'), 20);`;
    return spawn(process.execPath, ['--input-type=module', '-e', code], {
      env: { ...process.env, T: TOKEN, S: sock, C: gate.shims.client },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  };

  it.skipIf(!existsSync(path.join(PACKAGE_ROOT, 'dist', 'supervisor', 'relay-direct.js')))(
    'the relay killed mid-stream: no unmasked byte reaches the pipe, the program gets SIGPIPE',
    async () => {
      const sock = path.join(s.root, 'own-relay.sock');
      const out = path.join(s.root, 'out.txt');
      const relay = relayProcess(sock);
      let said = '';
      relay.stdout.on('data', (d) => (said += d));
      try {
        await until(() => said.includes('taken'), 10_000);
        const env = { ...gate.agentEnv, AGENTFW_RELAY_SOCK: sock };
        const job = dash(
          // echo is a builtin: bash itself writes, and dies of SIGPIPE
          `{ "$1" -c 'v=$(cat .env); while :; do echo "$v"; done'; echo "rc=$?" >&2; } | cat > ${out}`,
          env,
        );
        await until(() => existsSync(out) && readFileSync(out, 'utf8').includes(MASKED), 10_000);
        // The relay prints its counters every 20 ms: wait for a line printed after it took
        // the pipes (a loaded machine can delay the print past the first masked bytes).
        const last = () => said.trimEnd().split('\n').pop();
        await until(() => last() === 'taken 2 direct 1', 10_000).catch(() => undefined);
        expect(last()).toBe('taken 2 direct 1'); // stderr is the test's socket
        relay.kill('SIGKILL');
        const r = await job;
        expect(r.stderr).toContain('rc=141');
        const text = readFileSync(out, 'utf8');
        expect(text).toContain(MASKED);
        expect(text.includes(TOKEN)).toBe(false);
      } finally {
        relay.kill('SIGKILL');
      }
      // Control: the same loop without agentfw puts the value on the pipe.
      const bare = await run('/bin/dash', ['-c', `cat .env | cat > ${out}`], {
        env: { PATH: '/usr/bin:/bin' },
        cwd: s.ws,
      });
      expect(bare.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain(TOKEN);
    },
  );

  it('a process that is not the session client cannot hand over a pipe', async () => {
    // A bash (not the gate client) holding a pipe's read end as fd 5.
    const holder = spawn('/bin/bash', ['-c', 'exec 5< <(sleep 20); echo $$; read -r _'], {
      env: { PATH: '/usr/bin:/bin' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    try {
      const pid = Number(await new Promise<string>((r) => holder.stdout.once('data', (d) => r(String(d)))));
      // Control: the fd is a pipe that can be opened through /proc.
      const fd = openSync(`/proc/${pid}/fd/5`, constants.O_RDONLY | constants.O_NONBLOCK);
      expect(fstatSync(fd).isFIFO()).toBe(true);
      closeSync(fd);
      const before = counts();
      const answer = await new Promise<string>((resolve) => {
        const c = net.connect(gate.relay?.socketPath ?? '');
        let got = '';
        c.on('connect', () => c.write(`RELAY 2 0 ${pid} 5 -\n`));
        c.on('data', (d) => {
          got += d;
          if (got.includes('\n')) {
            c.destroy();
            resolve(got);
          }
        });
      });
      expect(answer).toBe('OK 0\n');
      expect(counts()).toEqual(before);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;

/** The processes under `pid` (not itself), from /proc. */
function descendants(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length && out.length < 1000) {
    const p = queue.shift() as number;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tids) {
      try {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8')
          .split(' ')
          .filter(Boolean)
          .map(Number);
        out.push(...kids);
        queue.push(...kids);
      } catch {
        /* gone */
      }
    }
  }
  return out;
}

const link = (p: string) => {
  try {
    return readlinkSync(p);
  } catch {
    return '';
  }
};

describe.skipIf(!HAS_BWRAP)('under the sandbox (the client pid is a sandbox pid)', () => {
  it("the supervisor writes to the client's pipe itself, and the output is masked", async () => {
    ensureBuilt();
    const session = spawn(
      process.execPath,
      [BIN, ...headlessArgs(['/bin/sh', '-c', 'bash -c "cat .env; sleep 3" | cat'], { sandbox: true })],
      { env: cliEnv(s), cwd: s.ws, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    session.stdout.on('data', (d) => (out += d));
    const ended = new Promise<number | null>((r) => session.on('close', (c) => r(c)));
    let exited = false;
    void ended.then(() => (exited = true));
    /** Whether the supervisor holds the pipe that is the gate client's fd 1. */
    const supervisorHoldsClientPipe = () => {
      const mine = new Set(
        readdirSync(`/proc/${session.pid}/fd`).map((f) => link(`/proc/${session.pid}/fd/${f}`)),
      );
      return descendants(session.pid as number).some((p) => {
        const fd1 = link(`/proc/${p}/fd/1`);
        return link(`/proc/${p}/exe`).includes('agentfw-shim') && fd1.startsWith('pipe:') && mine.has(fd1);
      });
    };
    await until(() => out.includes('LOG_LEVEL') || exited, 30_000);
    const held = supervisorHoldsClientPipe();
    expect(await ended).toBe(0);
    expect(out).toContain(MASKED);
    expect(out.includes(TOKEN)).toBe(false);
    expect(held).toBe(true);
  });
});

describe('a taken stream with no pipe to write to: masked bytes go out as frames', () => {
  // The fallback when the client offered no return pipe (it could not make one): the relay
  // reads the program's pipe and hands the masked bytes to the connection in frames.
  it('frames carry the masked bytes in order, then the stream is reported drained', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-framed-'));
    try {
      const fifo = path.join(dir, 'out.fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const src = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const secrets = await createSecretSet({ env: { SERVICE_TOKEN: TOKEN }, config: {} });
      const frames: Buffer[] = [];
      const done = new Promise<number>((resolve) => {
        new DirectStream(1, { src, key: 'test' }, secrets.streamMasker(), {
          frame: (_id, data, written) => {
            frames.push(Buffer.concat(data));
            written?.();
            return true;
          },
          done: resolve,
        });
      });
      const text = Array.from({ length: 40_000 }, (_, i) =>
        i % 997 === 3 ? `t=${TOKEN}\n` : `line ${i}\n`,
      ).join('');
      const w = await run('/bin/dash', ['-c', `cat > ${fifo}`], {
        input: text,
        env: { PATH: '/usr/bin:/bin' },
        cwd: dir,
      });
      expect(w.code).toBe(0);
      expect(await done).toBe(1);
      const got = Buffer.concat(frames).toString();
      expect(got.includes(TOKEN)).toBe(false);
      expect(got).toBe(text.replaceAll(TOKEN, 'agentfw:masked:SERVICE_TOKEN'));
      // Control: the same bytes without the relay hold the value.
      expect(text.includes(TOKEN)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
