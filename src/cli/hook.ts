/**
 * `agentfw hook install|uninstall AGENT [--project DIR]` wires agentfw into an agent's own
 * pre-tool hook (src/gates/hook/install.ts); `agentfw hook daemon` is the per-user decision
 * daemon the hook client starts on first use (src/gates/hook/daemon.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AgentfwError, usageError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { AGENTS, isHookAgent, type HookAgent } from '../gates/hook/agents.js';
import { installHook, uninstallHook } from '../gates/hook/install.js';
import { parseArgs } from './args.js';

const HELP = `usage: agentfw hook install AGENT [--project DIR]
       agentfw hook uninstall AGENT [--project DIR]
       agentfw hook daemon

AGENT: ${AGENTS.join(', ')}
Wires agentfw into the agent's own pre-tool hook (user settings, or the project's with
--project), for people who do not wrap the agent with \`agentfw run\`. Each shell command
the agent runs is decided by a per-user daemon (same engine, rules and audit log) through
a small C client; refusals use the agent's own format.
`;

/** Builds the C hook client into ~/.agentfw/bin; returns its path. */
export function buildHookClient(home = os.homedir()): string {
  const dir = path.join(home, '.agentfw', 'bin');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const out = path.join(dir, 'agentfw-hook');
  const tmp = `${out}.tmp-${process.pid}`;
  const r = spawnSync(
    process.env.CC || 'cc',
    ['-O2', '-Wall', '-o', tmp, path.join(PACKAGE_ROOT, 'src', 'gates', 'hook', 'agentfw-hook.c')],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0 || r.error) {
    rmSync(tmp, { force: true });
    throw new AgentfwError(
      'E_HOOK_CLIENT',
      `cannot build the hook client (${r.error?.message ?? r.stderr.trim().split('\n')[0] ?? 'cc failed'})`,
      'install a C compiler (Debian: apt-get install gcc) and run `agentfw hook install` again; a Node client per call would be too slow',
    );
  }
  chmodSync(tmp, 0o755);
  renameSync(tmp, out);
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['help'], options: ['project'] });
  const [sub, name] = a.rest;
  if (a.flags.help || !sub) {
    process.stdout.write(HELP);
    return a.flags.help ? 0 : 2;
  }
  if (sub === 'daemon') {
    const { runDaemon } = await import('../gates/hook/run-daemon.js');
    return runDaemon();
  }
  if (sub !== 'install' && sub !== 'uninstall')
    throw usageError(`unknown hook command "${sub}"`, 'use install, uninstall or daemon');
  if (!name || !isHookAgent(name))
    throw usageError(
      `no hook support for "${name ?? ''}"`,
      `supported: ${AGENTS.join(', ')}. For any other agent, wrap it instead: agentfw run -- AGENT`,
    );
  const agent: HookAgent = name;
  const project = a.options.project !== undefined;
  const base = project ? path.resolve(a.options.project ?? '.') : os.homedir();
  if (sub === 'uninstall') {
    const file = uninstallHook(agent, { base, project });
    process.stdout.write(
      file ? `agentfw hook removed from ${file}\n` : `no agentfw hook was installed for ${agent}\n`,
    );
    return 0;
  }
  // Load the rules once now: a ruleset that does not load (or an unsigned pack under the
  // org's signature requirement) is reported here rather than as a refusal of every call,
  // and the examples' recorded pass is cached, so the daemon's first start skips them.
  const { loadEngine } = await import('../engine/analyze.js');
  const { packSourceDefaults } = await import('../rules/sources.js');
  await loadEngine({ packSources: packSourceDefaults(process.env) });
  const client = buildHookClient();
  const file = installHook(agent, {
    base,
    project,
    client: [client],
    agentfw: path.join(PACKAGE_ROOT, 'bin', 'agentfw'),
  });
  process.stdout.write(
    `agentfw hook installed for ${agent} in ${file}\n` +
      `Every shell command ${agent} runs is now decided by agentfw (audit: ~/.agentfw/audit.jsonl).\n` +
      "An ask goes to the human of a running `agentfw run` session (its TUI or `agentfw watch`), else to the approval webhook when configured, else to the agent's own prompt where it has one, else it is refused.\n",
  );
  return 0;
}
