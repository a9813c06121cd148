/**
 * Runs one real agent CLI, headless and offline, in a fresh run directory: optionally
 * wrapped by `agentfw run --headless --audit <run>/audit.jsonl --`, with the mock model
 * telling it to run one shell command.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import path from 'node:path';
import { AGENTS, type AgentName, type RunDirs } from './agents.js';
import { startMock, type MockLogEntry } from './mock.js';
import { AGENTFW_BIN, RUNS_DIR, agentBinary } from './paths.js';
import { readExecs, straceArgs, type ExecCall } from './trace.js';

/** One audit record as `agentfw run` writes it (DESIGN.md §4); other fields are kept. */
export interface AuditRecord {
  layer?: string;
  cwd?: string;
  /** The command or script the gate saw, secrets masked. */
  command?: string;
  decision?: string;
  /** Rule ids (pack/id) that decided; empty for a plain allow. */
  rules?: unknown;
  approver?: string;
  [key: string]: unknown;
}

export interface AgentRun {
  agent: AgentName;
  /** The run directory (kept for inspection when a test fails). */
  dir: string;
  dirs: RunDirs & { outside: string };
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Parsed audit log; empty when the run was not wrapped or nothing was written. */
  audit: AuditRecord[];
  /** Problem reading the audit log (a line that is not JSON); empty when none. */
  auditError: string;
  /** The mock model's log. */
  mock: MockLogEntry[];
  /** The mock server's exit code when the agent finished; null = it was still serving. */
  mockExit: number | null;
  /** Programs the agent's process tree exec'd; empty unless the run was traced. */
  execs: ExecCall[];
  /** The command line that started the run (agentfw's, or the agent's for a control run). */
  argv: string[];
}

export interface RunOptions {
  agent: AgentName;
  /** The shell command the mock model asks the agent to run. */
  command: (dirs: RunDirs & { outside: string }) => string;
  /** Wrap the agent with `agentfw run --headless --audit …`. */
  wrap: boolean;
  /** Extra environment for the agent (and agentfw). */
  env?: Record<string, string>;
  /** Kill the run after this long. */
  timeoutMs?: number;
  /** Run the agent under strace (inside agentfw) and record every execve. */
  trace?: boolean;
  /** Rewrites the agent's arguments (e.g. AgentSpec.ownSandbox); absent = as prepared. */
  args?: (args: string[]) => string[];
  /** Extra arguments the mock puts in its tool call (how the model asks for a PTY, a shell …). */
  toolArgs?: Record<string, unknown>;
}

/** Base PATH for the agent: the system dirs plus the dir holding this node. */
function basePath(): string {
  const dirs = [
    path.dirname(process.execPath),
    '/usr/local/sbin',
    '/usr/local/bin',
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
    '/bin',
  ];
  return [...new Set(dirs)].join(':');
}

/** The environment a user's terminal would give the agent, nothing inherited by accident. */
function baseEnv(dirs: RunDirs): Record<string, string> {
  const user = process.env.USER || 'root';
  return {
    HOME: dirs.home,
    USER: user,
    LOGNAME: user,
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    // as when launched from an interactive shell; bash reads BASH_ENV only with SHLVL >= 1
    // when its stdin is a socket
    SHLVL: '1',
    PATH: basePath(),
    TMPDIR: '/tmp',
    SHELL: '/bin/bash',
  };
}

function makeDirs(agent: AgentName): { dir: string; dirs: RunDirs & { outside: string } } {
  mkdirSync(RUNS_DIR, { recursive: true });
  const dir = mkdtempSync(path.join(RUNS_DIR, `${agent}.`));
  // Laid out like a user's machine: the project and a sibling folder both under HOME.
  const home = path.join(dir, 'home');
  const dirs = { home, work: path.join(home, 'project'), outside: path.join(home, 'other-project') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const git = (...args: string[]) =>
    spawnSync('git', ['-C', dirs.work, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {
      stdio: 'ignore',
    });
  git('init', '-q');
  git('commit', '-q', '--allow-empty', '-m', 'init');
  return { dir, dirs };
}

/** Pids of processes left behind by a run: their HOME is the run's home, or their argv names the run dir. */
function leftovers(dir: string, home: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (cmdline.includes(dir + '/') || environ.includes(`HOME=${home}`)) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

function readAudit(file: string): { audit: AuditRecord[]; auditError: string } {
  if (!existsSync(file)) return { audit: [], auditError: '' };
  const audit: AuditRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      audit.push(JSON.parse(line) as AuditRecord);
    } catch {
      return { audit, auditError: `audit line is not JSON: ${line.slice(0, 200)}` };
    }
  }
  return { audit, auditError: '' };
}

export const PROMPT_PREFIX = 'Run exactly this shell command with your shell tool and then reply DONE: ';

export async function runAgent(opts: RunOptions): Promise<AgentRun> {
  const spec = AGENTS[opts.agent];
  const bin = agentBinary(spec.bin);
  if (!bin) throw new Error(`${spec.title} is not installed; run node scripts/agents-setup.mjs`);
  const { dir, dirs } = makeDirs(opts.agent);
  const command = opts.command(dirs);
  const mock = await startMock(command, dir, opts.toolArgs);
  const auditFile = path.join(dir, 'audit.jsonl');
  try {
    const launch = spec.prepare(dirs, mock.baseUrl, PROMPT_PREFIX + command);
    const env = { ...baseEnv(dirs), ...launch.env, ...opts.env };
    // strace runs inside the sandbox (it is the agent command there): its log goes to a
    // folder made writable for it, the rest of the run dir stays read-only.
    const traceDir = path.join(dir, 'trace');
    const traceFile = path.join(traceDir, 'exec.trace');
    if (opts.trace) mkdirSync(traceDir);
    const args = opts.args ? opts.args(launch.args) : launch.args;
    const agentArgv = [...(opts.trace ? straceArgs(traceFile) : []), bin, ...args];
    // The default `agentfw run`: OS sandbox, network only through the egress proxy, exec gate.
    const argv = opts.wrap
      ? [
          AGENTFW_BIN,
          'run',
          '--headless',
          '--audit',
          auditFile,
          ...(opts.trace ? ['--sandbox-rw', traceDir] : []),
          '--',
          ...agentArgv,
        ]
      : agentArgv;
    writeFileSync(path.join(dir, 'agent.cmd'), JSON.stringify({ argv, env }, null, 1));
    const child = spawn(argv[0], argv.slice(1), {
      cwd: dirs.work,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    let timedOut = false;
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // the group is gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 5000).unref();
    }, opts.timeoutMs ?? 120_000);
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    clearTimeout(timer);
    killGroup('SIGKILL');
    for (const pid of leftovers(dir, dirs.home)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    writeFileSync(path.join(dir, 'agent.out'), stdout);
    writeFileSync(path.join(dir, 'agent.err'), stderr);
    return {
      agent: opts.agent,
      dir,
      dirs,
      code,
      timedOut,
      stdout,
      stderr,
      ...readAudit(auditFile),
      mock: mock.log(),
      mockExit: mock.exitCode(),
      execs: readExecs(traceFile),
      argv,
    };
  } finally {
    await mock.stop();
  }
}

/**
 * `agentfw log --verify` on the run's audit log: exit code and output. Run as the same user
 * as the session (its HOME), whose audit key signed the records (src/audit/key.ts).
 */
export function verifyAudit(run: AgentRun): { code: number | null; output: string } {
  const res = spawnSync(AGENTFW_BIN, ['log', '--verify', '--audit', path.join(run.dir, 'audit.jsonl')], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, HOME: run.dirs.home },
  });
  return { code: res.status, output: `${res.stdout}${res.stderr}` };
}

/**
 * Deletes a run directory (call it for passing runs; failing runs stay for inspection).
 * AGENTFW_AGENTS_KEEP=1 keeps every run.
 */
export function removeRun(run: AgentRun): void {
  if (process.env.AGENTFW_AGENTS_KEEP === '1') return;
  rmSync(run.dir, { recursive: true, force: true });
}

/** A few lines that explain a run when an assertion fails (no secrets: the keys are dummies). */
export function explain(run: AgentRun): string {
  const tail = (s: string) => s.slice(-1500);
  const modes = run.mock.filter((m) => m.mode).map((m) => m.mode);
  const audit = run.audit.map(
    (r) => `${r.layer} ${r.decision} ${JSON.stringify(r.rules)} ${String(r.command).slice(0, 160)}`,
  );
  return [
    `run dir: ${run.dir}`,
    `exit: ${run.code}${run.timedOut ? ' (timed out)' : ''}`,
    `mock replies: ${modes.join(', ') || 'none'} (requests: ${run.mock.filter((m) => m.req).length}; server ${run.mockExit === null ? 'still up' : `exited ${run.mockExit}`})`,
    `audit (${run.audit.length}): ${run.auditError}`,
    ...audit.map((a) => '  ' + a),
    `stderr tail:\n${tail(run.stderr)}`,
    `stdout tail:\n${tail(run.stdout)}`,
  ].join('\n');
}
