/**
 * Helpers for end-to-end tests of the `agentfw` CLI: run it as a real process, either
 * with pipes (no TTY) or under a real PTY, with HOME and the runtime dir in a scratch folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pty from 'node-pty';
import { PACKAGE_ROOT } from '../../src/shim/client-path.js';
import { ensureClient, run, type Ran, type Scratch } from '../shim/gate-helpers.js';

export const BIN = path.join(PACKAGE_ROOT, 'bin', 'agentfw');

/** The CLI runs from dist/: `npm test` builds it first. */
export function ensureBuilt(): void {
  ensureClient();
  if (!existsSync(path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the e2e tests');
}

export function cliEnv(s: Scratch, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return { ...env, HOME: s.home, AGENTFW_RUNTIME_DIR: path.join(s.root, 'rt'), ...extra };
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
