/**
 * Where the agent tests find things: the repo's agentfw launcher, the installed agent
 * CLIs (scripts/agents-setup.mjs) and the agent-exec harness's mock model server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (the folder holding package.json). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `bin/agentfw`, the launcher the user runs; AGENTFW_BIN tests another build. */
export const AGENTFW_BIN = path.resolve(process.env.AGENTFW_BIN || path.join(REPO_ROOT, 'bin', 'agentfw'));

/**
 * `../shared/harness` next to the checkout; for a git worktree that lives elsewhere, next to
 * the main checkout (the parent of the common git dir).
 */
function defaultHarness(): string {
  const here = path.join(REPO_ROOT, '..', 'shared', 'harness');
  if (existsSync(here)) return here;
  const r = spawnSync('git', ['-C', REPO_ROOT, 'rev-parse', '--path-format=absolute', '--git-common-dir'], {
    encoding: 'utf8',
  });
  const common = r.status === 0 ? r.stdout.trim() : '';
  const main = common ? path.join(path.dirname(common), '..', 'shared', 'harness') : '';
  return main && existsSync(main) ? main : here;
}

/** The agent-exec harness (read-only); overridable with AGENTFW_HARNESS_DIR. */
export const HARNESS_DIR = path.resolve(process.env.AGENTFW_HARNESS_DIR || defaultHarness());

/** The mock model server, run in place from the harness. */
export const MOCK_LLM = path.join(HARNESS_DIR, 'mock-llm.mjs');

/** Where scripts/agents-setup.mjs installed the agent CLIs. */
export const AGENTS_DIR = path.resolve(
  process.env.AGENTFW_AGENTS_DIR || path.join(os.homedir(), '.cache', 'agentfw-agents'),
);

/**
 * Parent of the per-run directories. Not under /tmp (Codex refuses to create its PATH
 * helper aliases under a temp dir, and files there count as scratch space to the
 * firewall) and not inside a git repository.
 */
export const RUNS_DIR = path.resolve(process.env.AGENTFW_AGENTS_RUNS || path.join(AGENTS_DIR, 'runs'));

/** The installed binary of an agent CLI, or undefined when it is not installed. */
export function agentBinary(name: string): string | undefined {
  const bin = path.join(AGENTS_DIR, 'node_modules', '.bin', name);
  return existsSync(bin) ? bin : undefined;
}
