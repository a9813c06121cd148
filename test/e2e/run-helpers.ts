/**
 * Helpers for end-to-end tests of the `agentfw` CLI and its hook client: run them as real
 * processes, either with pipes (no TTY) or under a real PTY, with HOME and the runtime dir
 * in a scratch folder. The set-ups the tests share: a headless session around a command or a
 * scripted Node agent, an external approver that counts the dialogs it is shown, the C hook
 * client against a hook daemon's socket, and reading an audit log back.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pty from 'node-pty';
import { afterAll, beforeAll } from 'vitest';
import { AuditWriter } from '../../src/audit/writer.js';
import { PACKAGE_ROOT } from '../../src/gates/shim/client-path.js';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { ensureClient, run, scratch, type Ran, type Scratch } from '../gates/shim/gate-helpers.js';
import {
  headlessArgs,
  sessionEnv,
  sessionFileLimitKb as fileLimitKb,
  type HeadlessFlags,
} from './headless.mjs';

export { headlessArgs };

export const BIN = path.join(PACKAGE_ROOT, 'bin', 'agentfw');

/** A file size limit (`ulimit -f`, KiB) above every file a session writes besides its audit log. */
export const sessionFileLimitKb = (): number => fileLimitKb(PACKAGE_ROOT);

/** The CLI runs from dist/: `npm test` builds it first. */
export function ensureBuilt(): void {
  ensureClient();
  if (!existsSync(path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the e2e tests');
}

/**
 * For the calling test file: the CLI built, a loopback fake API (src/supervisor/demo-api.ts)
 * and a scratch folder, made before its first test (`ready` gets both) and closed and
 * removed after its last, also when a step failed.
 */
export function useApiScratch(ready: (t: { api: FakeApi; s: Scratch }) => void): void {
  let api: FakeApi | undefined;
  let s: Scratch | undefined;
  beforeAll(async () => {
    ensureBuilt();
    api = await startFakeApi();
    s = scratch();
    ready({ api, s });
  });
  afterAll(async () => {
    await api?.close();
    s?.cleanup();
  });
}

/** This process's environment with the scratch's HOME and runtime dir, then `extra`. */
export function cliEnv(s: Scratch, extra: Record<string, string> = {}): Record<string, string> {
  return sessionEnv(s, extra);
}

/** cliEnv(s) without any `*_proxy` variable: for control runs that must reach loopback directly. */
export function cliEnvNoProxy(s: Scratch): Record<string, string> {
  return Object.fromEntries(Object.entries(cliEnv(s)).filter(([k]) => !/_proxy$/i.test(k)));
}

export type CliResult = Ran;

/** `agentfw ARGS` with pipes: no TTY, so `run` is headless. */
export function cli(
  args: string[],
  o: { env: Record<string, string>; cwd: string; input?: string; timeoutMs?: number },
): Promise<CliResult> {
  return run(process.execPath, [BIN, ...args], { ...o, timeoutMs: o.timeoutMs ?? 60_000 });
}

/** `agentfw ARGS` on a real PTY (output is the terminal's: stdout and stderr together). */
export function cliPty(
  args: string[],
  o: { env: Record<string, string>; cwd: string; timeoutMs?: number },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const p = pty.spawn(process.execPath, [BIN, ...args], { env: o.env, cwd: o.cwd, cols: 120, rows: 40 });
    let output = '';
    p.onData((d) => (output += d));
    const t = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`agentfw ${args.join(' ')} timed out on a PTY\n${output}`));
    }, o.timeoutMs ?? 60_000);
    p.onExit(({ exitCode }) => {
      clearTimeout(t);
      resolve({ code: exitCode, output });
    });
  });
}

/** How a headless session of the tests is started: its flags (see headlessArgs) and process. */
export interface SessionOptions extends HeadlessFlags {
  /** Variables set over cliEnv(s). Undefined = none. */
  env?: Record<string, string>;
  /** Working directory; undefined = the scratch workspace. */
  cwd?: string;
  /** Kill after this long (cli's default when undefined). */
  timeoutMs?: number;
}

/** `agentfw run --headless … -- COMMAND` with pipes, in the scratch's workspace and environment. */
export function headless(s: Scratch, command: string[], o: SessionOptions = {}): Promise<CliResult> {
  return cli(headlessArgs(command, o), { env: cliEnv(s, o.env), cwd: o.cwd ?? s.ws, timeoutMs: o.timeoutMs });
}

/** The command of a scripted Node agent: `node FILE ARGS`. */
export function nodeAgent(file: string, ...args: string[]): string[] {
  return [process.execPath, file, ...args];
}

let agents = 0;
/** Writes a scripted agent's source under the scratch root; returns its path. */
export function writeAgent(s: Scratch, source: string, name = `agent-${++agents}.mjs`): string {
  const f = path.join(s.root, name);
  writeFileSync(f, source);
  return f;
}

/** The records of an audit log, in order; empty when the log does not exist. */
export function auditRecords<T = Record<string, string>>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** One dialog an external approver was shown. */
export interface Ask {
  layer: string;
  command: string;
}

/**
 * Writes an external approver (`--approver FILE`) under the scratch root: it appends the
 * layer and command of each request to $ASK_LOG and answers $ASK_VERDICT, typing the
 * confirmation value when one is asked for. Returns its path.
 */
export function countingApprover(s: Scratch): string {
  const f = path.join(s.root, 'approver.mjs');
  writeFileSync(
    f,
    `#!/usr/bin/env node
import { appendFileSync, readFileSync } from 'node:fs';
const req = JSON.parse(readFileSync(0, 'utf8').split('\\n')[0]);
appendFileSync(process.env.ASK_LOG, JSON.stringify({ layer: req.layer, command: req.command }) + '\\n');
const typed = req.confirm !== undefined ? { confirm: req.confirm } : {};
console.log(JSON.stringify({ verdict: process.env.ASK_VERDICT, ...typed }));
`,
  );
  chmodSync(f, 0o755);
  return f;
}

let asked = 0;
/**
 * `agentfw run --headless [--no-sandbox] --audit FILE --approver APPROVER -- bash -c CMD`
 * (APPROVER from countingApprover, answering `verdict`) in the scratch workspace; returns the
 * result, the dialogs it was shown and the audit file (in the scratch folder, whatever HOME is).
 */
export async function askedRun(
  s: Scratch,
  approver: string,
  cmd: string,
  o: {
    verdict: 'allow' | 'deny';
    env?: Record<string, string>;
    /** Default false: --no-sandbox. */
    sandbox?: boolean;
    /** Default 60 s. */
    timeoutMs?: number;
  },
): Promise<CliResult & { asks: Ask[]; audit: string }> {
  const log = path.join(s.root, `asks-${++asked}.jsonl`);
  const audit = path.join(s.root, `asked-audit-${asked}.jsonl`);
  writeFileSync(log, '');
  const r = await headless(s, ['bash', '-c', cmd], {
    sandbox: o.sandbox ?? false,
    audit,
    flags: ['--approver', approver],
    env: { ASK_LOG: log, ASK_VERDICT: o.verdict, ...o.env },
    timeoutMs: o.timeoutMs,
  });
  return { ...r, asks: auditRecords<Ask>(log), audit };
}

/** Compiles the C hook client (src/gates/hook/agentfw-hook.c) into `dir`; returns its path. */
export function buildHookClient(dir: string): string {
  const client = path.join(dir, 'agentfw-hook');
  const src = path.join(PACKAGE_ROOT, 'src', 'gates', 'hook', 'agentfw-hook.c');
  const cc = spawnSync('cc', ['-O2', '-Wall', '-o', client, src], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`could not build the hook client:\n${cc.stderr}`);
  return client;
}

/** Runs a real process with `input` on stdin (async: a daemon may answer from this same process). */
export function runProc(
  file: string,
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const c = spawn(file, args, { env });
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    c.on('close', (code) => resolve({ code, out, err }));
    c.stdin.end(input);
  });
}

/** The hook client run as `agent`'s pre-tool hook: `input` on stdin, the daemon at `sock`. */
export function runHookClient(client: string, agent: string, input: string, sock: string) {
  return runProc(client, [agent], input, { ...process.env, AGENTFW_HOOK_SOCKET: sock });
}

/** A fresh folder under `dir` for one hook daemon: the folder, its socket path (folder made, 0700) and audit log. */
export function hookDaemonDir(dir: string): {
  dir: string;
  sock: string;
  auditFile: string;
  audit: AuditWriter;
} {
  const d = mkdtempSync(path.join(dir, 'd-'));
  const sock = path.join(d, 'run', 'hook.sock');
  mkdirSync(path.dirname(sock), { mode: 0o700 });
  const auditFile = path.join(d, 'audit.jsonl');
  return { dir: d, sock, auditFile, audit: AuditWriter.open(auditFile, 'hook') };
}

/** The incident's call as a shell command: the GraphQL mutation deleting a volume. */
export const VOLUME_DELETE = `curl -X POST https://backboard.railway.app/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}'`;
