/**
 * `agentfw run --sandbox` as real processes under bubblewrap (CI installs it; without bwrap
 * the file is skipped with a printed reason). A scripted agent (node, run by absolute path,
 * so its own reads and the programs it runs by absolute path bypass every gate) tries to
 * read planted secrets, write outside the workspace, reach the supervisor and unmount the
 * masked copies; the host is then checked. Planted values are only checked with
 * `.includes()`; failures name labels, never values.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { BIN, cliEnv, cliPty, ensureBuilt, headless, headlessArgs, nodeAgent } from './run-helpers.js';
import { leaks, plantWorkspace, type PlantedWorkspace } from './secrets-workspace.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const AGENT = path.join(HERE, 'sandbox-agent.mjs');
const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP) console.log('sandbox e2e skipped: bwrap is not installed (apt-get install -y bubblewrap)');

interface Step {
  name: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

let s: Scratch;
let planted: PlantedWorkspace;
let api: FakeApi;
beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  planted = plantWorkspace(s.ws);
  mkdirSync(path.join(s.home, 'other'));
  writeFileSync(path.join(s.home, 'other', 'keep.txt'), 'keep\n');
  api = await startFakeApi();
});
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

/** Runs the scripted agent under `agentfw run --sandbox --headless`; the supervisor's pid goes to a file the agent reads. */
function runAgent(): Promise<{
  code: number | null;
  steps: Step[];
  stdout: string;
  stderr: string;
  pid: number;
}> {
  const pidFile = path.join(s.ws, 'supervisor.pid');
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...headlessArgs(nodeAgent(AGENT, pidFile), { sandbox: true })], {
      env: cliEnv(s, planted.env),
      cwd: s.ws,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    writeFileSync(pidFile, String(p.pid));
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.stdin.end();
    const t = setTimeout(() => p.kill('SIGKILL'), 90_000);
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(t);
      const line = stdout.split('\n').find((l) => l.startsWith('[{'));
      resolve({ code, steps: line ? (JSON.parse(line) as Step[]) : [], stdout, stderr, pid: p.pid ?? 0 });
    });
  });
}

describe.skipIf(!HAS_BWRAP)('agentfw run --sandbox', () => {
  let r: Awaited<ReturnType<typeof runAgent>>;
  const step = (name: string): Step => {
    const found = r.steps.find((x) => x.name === name);
    if (!found) throw new Error(`step ${name} missing; agentfw stderr:\n${leaksSafe(r.stderr)}`);
    return found;
  };
  const leaksSafe = (t: string) =>
    leaks(t, planted.values).length ? '(output withheld: holds a secret)' : t;

  beforeAll(async () => {
    r = await runAgent();
  }, 120_000);

  it('the agent runs and exits 0; no planted secret reaches anything it saw or agentfw printed', () => {
    expect({ code: r.code, steps: r.steps.length > 0, stderr: leaksSafe(r.stderr) }).toMatchObject({
      code: 0,
      steps: true,
    });
    expect(leaks(r.stdout + r.stderr, planted.values)).toEqual([]);
    expect(r.stderr).toMatch(
      /sandbox: read-only root, writable .*, [1-9]\d* secret file\(s\) and credential store\(s\) masked, network: only through the egress proxy \(127\.0\.0\.1:\d+\)/,
    );
  });

  it.each([
    ['own-read .env', /agentfw:masked:/],
    ['own-read config/domains.json', /agentfw:masked:/],
    ['own-read deploy/id_rsa', /agentfw:masked:/],
    ['cat by absolute path', /STRIPE_SECRET_KEY=agentfw:masked:/],
    ['python by absolute path', /RAILWAY_TOKEN=agentfw:masked:/],
    ['own-read .env after umount', /OPENAI_API_KEY=agentfw:masked:/],
  ])('%s sees only the masked copy', (name, placeholder) => {
    const st = step(name);
    expect(st.code).toBe(0);
    expect(leaks(st.stdout + st.stderr, planted.values)).toEqual([]);
    expect(st.stdout).toMatch(placeholder);
  });

  it.each(['umount', 'umount -l', 'touch /etc', 'touch ~', 'id'])('%s: refused by the kernel', (name) => {
    const st = step(name);
    if (name === 'id') {
      // as root on the host, the agent is not root inside
      expect(st.stdout.trim()).not.toBe('0');
      return;
    }
    expect(st.code).not.toBe(0);
  });

  it('a nested user namespace cannot unmount the masked copy either', () => {
    const st = step('nested userns umount');
    expect(leaks(st.stdout + st.stderr, planted.values)).toEqual([]);
    expect(st.stdout).toContain('agentfw:masked:');
  });

  it('nothing outside the workspace changed on the host', () => {
    expect(existsSync('/etc/agentfw-sandbox-probe')).toBe(false);
    expect(readFileSync(path.join(s.home, 'other', 'keep.txt'), 'utf8')).toBe('keep\n');
    expect(existsSync(path.join(s.home, 'agentfw-sandbox-probe'))).toBe(false);
    // the agent's /tmp was private: its write succeeded there and never reached the host's
    expect(step('write /tmp').code).toBe(0);
    expect(existsSync('/tmp/agentfw-sandbox-probe')).toBe(false);
  });

  it('the real secret files on the host are untouched', () => {
    const env = readFileSync(path.join(s.ws, '.env'), 'utf8');
    expect(env).not.toContain('agentfw:masked:');
    expect(leaks(env, planted.values).length).toBeGreaterThan(0);
  });

  it('the supervisor is invisible: no such pid, no environ, no agentfw process listed', () => {
    expect(r.pid).toBeGreaterThan(0);
    expect(step('read supervisor environ')).toMatchObject({ code: 1, stderr: 'ENOENT' });
    expect(step('signal supervisor')).toMatchObject({ code: 1, stderr: 'ESRCH' });
    const listed = step('pids visible').stdout;
    expect(listed).not.toContain(BIN);
    expect(listed).not.toMatch(new RegExp(`^${r.pid} `, 'm'));
    // the agent's parent is the sandbox's init; its environment holds placeholders only
    expect(leaks(step('parent environ').stdout, planted.values)).toEqual([]);
  });

  it('the gates still work inside: benign command runs, destructive one exits 126 with the message', () => {
    expect(step('benign gated')).toMatchObject({ code: 0 });
    expect(step('benign gated').stdout).toContain('benign-42');
    expect(readFileSync(path.join(s.ws, 'marker'), 'utf8')).toBe('ok\n');
    const bad = step('destructive gated');
    expect(bad.code).toBe(126);
    expect(bad.stderr).toContain('Do not retry or work around this; ask the user.');
    expect(step('gated cat .env').stdout).toContain('agentfw:masked:');
    expect(readFileSync(path.join(s.ws, 'written-by-agent'), 'utf8')).toBe('yes\n');
  });
});

describe.skipIf(!HAS_BWRAP)('agentfw run --sandbox: sessions', () => {
  it('an approved script is not asked again at the tool level; a separate curl is', async () => {
    const counter = path.join(s.root, 'asked.txt');
    const approver = path.join(s.root, 'count-approver.sh');
    writeFileSync(
      approver,
      `#!/bin/sh\ncat >/dev/null\necho x >> '${counter}'\necho '{"verdict":"allow","confirm":"vol-s"}'\n`,
      { mode: 0o755 },
    );
    writeFileSync(
      path.join(s.ws, 'body.json'),
      '{"query":"mutation { volumeDelete(volumeId: \\"vol-s\\") }"}',
    );
    const curl = `curl -s -X POST ${api.url}/graphql/v2 -d @body.json`;
    const before = api.mutations().length;
    const o = { sandbox: true, flags: ['--approver', approver] };
    const once = await headless(s, ['bash', '-c', curl], o);
    expect(once.code).toBe(0);
    expect(api.mutations().length).toBe(before + 1);
    // once for the script; curl's own exec inside it was covered by that approval
    expect(readFileSync(counter, 'utf8')).toBe('x\n');
    // an ungated dash runs the approved script, then the same curl outside that script's tree
    const script = `bash -c "${curl}" && ${curl}`;
    const twice = await headless(s, ['/bin/dash', '-c', script], o);
    expect(twice.code).toBe(0);
    expect(api.mutations().length).toBe(before + 3);
    expect(readFileSync(counter, 'utf8')).toBe('x\nx\nx\n');
  });

  it('keeps the terminal a terminal and passes SIGTERM to the agent', async () => {
    const ran = await cliPty(
      headlessArgs(
        ['bash', '-c', 'test -t 0 && test -t 1 && echo tty-ok; stty size; cat .env | head -1; exit 5'],
        {
          sandbox: true,
        },
      ),
      { env: cliEnv(s), cwd: s.ws },
    );
    expect(ran.code).toBe(5);
    expect(ran.output).toContain('tty-ok');
    expect(ran.output).toContain('40 120');
    expect(ran.output).toContain('RAILWAY_TOKEN=agentfw:masked:');
    expect(leaks(ran.output, planted.values)).toEqual([]);

    const p = spawn(
      process.execPath,
      [
        BIN,
        ...headlessArgs(
          [
            process.execPath,
            '-e',
            "process.on('SIGTERM',()=>{console.log('got-term');process.exit(7)});console.log('ready');setInterval(()=>{},1000)",
          ],
          { sandbox: true },
        ),
      ],
      { env: cliEnv(s), cwd: s.ws, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => {
      const t = setInterval(() => {
        if (out.includes('ready')) {
          clearInterval(t);
          p.kill('SIGTERM');
        }
      }, 20);
      p.on('close', (c) => {
        clearInterval(t);
        resolve(c);
      });
    });
    expect(out).toContain('got-term');
    expect(code).toBe(7);
  });
});

describe('agentfw run --sandbox without a working bwrap', () => {
  it.each([
    ['bwrap missing', (dir: string) => dir],
    [
      'bwrap fails (user namespaces off)',
      (dir: string) => {
        writeFileSync(
          path.join(dir, 'bwrap'),
          '#!/bin/sh\necho "bwrap: No permissions to create new namespace" >&2\nexit 1\n',
          {
            mode: 0o755,
          },
        );
        return dir;
      },
    ],
  ])(
    '%s: by default (no flag) refuses with E_SANDBOX_UNAVAILABLE and never starts the agent; --no-sandbox runs it and says so',
    async (_name, setup) => {
      const dir = path.join(s.root, `nobwrap-${Math.random().toString(36).slice(2)}`);
      mkdirSync(dir);
      const pathVar = setup(dir);
      const ran = path.join(s.root, `agent-ran-${path.basename(dir)}`);
      const r = await headless(s, ['/usr/bin/touch', ran], { env: { PATH: pathVar } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('E_SANDBOX_UNAVAILABLE');
      expect(r.stderr).toContain('Fix: install bubblewrap (`apt-get install -y bubblewrap`)');
      expect(r.stderr).toContain('or pass --no-sandbox');
      expect(existsSync(ran)).toBe(false);
      // control: the same session with --no-sandbox starts the agent, prints what it gives up and audits it
      const audit = path.join(dir, 'audit.jsonl');
      const off = await headless(s, ['/usr/bin/touch', ran], {
        sandbox: false,
        audit,
        env: { PATH: pathVar },
      });
      expect(off.code).toBe(0);
      expect(existsSync(ran)).toBe(true);
      expect(off.stderr).toContain('agentfw: --no-sandbox: the agent can read every file');
      expect(readFileSync(audit, 'utf8')).toContain('session started without the OS sandbox (--no-sandbox)');
    },
  );
});
