/**
 * `agentfw doctor [-- AGENT…]` — proves, on this machine, which ways of starting a
 * command are intercepted: it runs real probes in a temp session (a harmless GraphQL
 * volumeDelete sent to a loopback probe API) and prints covered / not covered with why,
 * what is out of scope, and what each named agent needs.
 *
 * Exit 0 when every path agentfw claims to cover is covered; 1 otherwise.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FALLBACK_WARNING } from '../gates/shim/client-path.js';
import { startFakeApi } from '../supervisor/demo-api.js';
import { runProbes } from '../supervisor/doctor-probes.js';
import { startProbeGate } from '../supervisor/probe-gate.js';
import { EXEC_GATE_MISSING, findExecGate } from '../gates/exec/exec-gate.js';
import { findShimKeeper } from '../gates/shim/shim-keep.js';
import { NO_SANDBOX_GIVES_UP, probeSandbox } from '../supervisor/sandbox.js';
import { findNetBridge } from '../supervisor/sandbox-net.js';
import { which } from '../supervisor/shimdir.js';
import { parseArgs } from './args.js';
import { unwrappedAgents } from './doctor-agents.js';

/** What each known agent needs, from measuring how it starts commands. */
const AGENTS: Record<string, string> = {
  claude:
    'Claude Code runs `$SHELL -c` when SHELL names bash or zsh; CLAUDE_CODE_SHELL overrides it. agentfw sets both to the bash shim. Its snapshot turns find/grep into its own binary (read-only search; not gated).',
  codex:
    'Codex ignores SHELL and PATH shims: it runs /bin/bash -c (or -lc) by absolute path, with a login PATH. Covered by the BASH_ENV gate, which needs SHLVL ≥ 1 in its environment (agentfw sets it).',
  gemini:
    'Gemini CLI looks `bash` up on PATH: the bash shim. Its helpers run through /bin/sh (not gated at the shell level).',
  opencode:
    'opencode runs `$SHELL -c` (any shell but fish/nu): the bash shim. A `shell` key in opencode.json overrides SHELL; leave it unset.',
};

function timeIt(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const p = spawn(file, args, { env, stdio: 'ignore' });
    p.on('close', () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
  });
}

async function p50(file: string, args: string[], env: NodeJS.ProcessEnv, n = 15): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await timeIt(file, args, env));
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['help', 'json'] });
  if (a.flags.help) {
    process.stdout.write(
      'usage: agentfw doctor [--json] [-- AGENT...]\n\nProbes which ways of running a command agentfw intercepts on this machine.\n  --json   print one JSON object (client, probes, agents, ok)\nexit: 0 = every claimed path is covered; 1 = a gap\n',
    );
    return 0;
  }
  const json = a.flags.json === true;
  const out = json ? (_s = '') => undefined : (s = '') => void process.stdout.write(s + '\n');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-doctor-'));
  const api = await startFakeApi();
  const gate = await startProbeGate(tmp);
  try {
    out(
      'agentfw doctor: probing interception on this machine with a harmless GraphQL volumeDelete to a loopback probe API.',
    );
    if (gate.client.kind === 'node-fallback') out(FALLBACK_WARNING);
    const bare = await p50('/bin/bash', ['-c', 'true'], { PATH: process.env.PATH });
    const gated = await p50('bash', ['-c', 'true'], gate.agentEnv);
    out(
      `gate client: ${gate.client.kind === 'native' ? 'compiled C' : 'Node fallback'} (${gate.client.path}); bash -c true: ${bare.toFixed(1)} ms bare, ${gated.toFixed(1)} ms gated (p50)`,
    );
    out(
      `shims: ${gate.shims.shells.join(' ')} + ${gate.shims.tools.length} tools (${gate.shims.tools.slice(0, 12).join(' ')} …)`,
    );
    out();
    const results = await runProbes(gate, api, tmp);
    const w = Math.max(...results.map((r) => r.probe.name.length)) + 2;
    out(`${'path'.padEnd(w)}${'result'.padEnd(13)}why`);
    for (const r of results) out(`${r.probe.name.padEnd(w)}${r.status.padEnd(13)}${r.detail}`);
    // The egress proxy (src/gates/proxy/): what a script's own HTTP client sends.
    const { probeProxy } = await import('../gates/proxy/probe.js');
    const { loadEngine } = await import('../engine/analyze.js');
    const { fallbackSecretSet } = await import('../supervisor/secrets-seam.js');
    for (const p of await probeProxy(await loadEngine(), fallbackSecretSet({}), api))
      out(
        `${`egress proxy: ${p.client}`.padEnd(w)}${(p.covered ? 'covered' : 'not covered').padEnd(13)}${p.detail}`,
      );
    out(
      '  (in the sandbox, the default, the proxy is the only way out: a program that ignores HTTP(S)_PROXY gets no route; with --no-sandbox it is advisory and such a program talks to the network directly)',
    );
    out();
    out('OS layers of `agentfw run` (the probes above run without them):');
    const eg = findExecGate();
    out(
      eg
        ? `  exec gate: built (${eg}); every exec in the agent's tree is judged, also by absolute path`
        : `  exec gate: NOT built; ${EXEC_GATE_MISSING.split('\n')[1] ?? ''}`,
    );
    const keeper = findShimKeeper();
    out(
      keeper
        ? `  shim keeper: built (${keeper}); exact repeats of a command allowed by policy are recorded and allowed without the supervisor's round trip`
        : '  shim keeper: NOT built; every command through a shim makes the round trip to the supervisor (slower, same decisions; run `npm run build:shim`, needs a C compiler)',
    );
    let sandboxLine: string;
    try {
      sandboxLine = `  sandbox: available (${probeSandbox(process.env.PATH ?? '', process.getuid?.() ?? 0)}), on by default`;
    } catch (err) {
      sandboxLine = `  sandbox: NOT available: agentfw run will refuse to start (${(err as Error).message.split('.')[0]}); install bubblewrap or pass --no-sandbox`;
    }
    out(sandboxLine);
    const nb = findNetBridge();
    out(
      nb
        ? `  network: in the sandbox only through the egress proxy (bridge ${nb}); loopback inside is the agent's own`
        : '  network: the bridge build/agentfw-net-bridge is NOT built: agentfw run will refuse to start the sandbox (run `npm run build:shim`, needs a C compiler)',
    );
    out(`  --no-sandbox gives up: ${NO_SANDBOX_GIVES_UP}`);
    out('Not covered even so:');
    out(
      "  - the agent's own in-process tools: file reads/writes it makes itself (the sandbox limits what they reach), and its requests to passthrough hosts (its model API), which the proxy tunnels unread",
    );
    out('  - interactive zsh/sh sessions (refused with a reason; interactive bash is gated per command)');
    out(
      '  - a process that deliberately unsets BASH_ENV/PATH or talks to the real binaries: the shims stop a reckless agent, not a hostile one',
    );
    for (const agent of a.rest) {
      const key = path.basename(agent).toLowerCase();
      const found = which(agent, process.env.PATH ?? '');
      out();
      out(`${agent}: ${found ? `found at ${found}` : 'not found on PATH'}`);
      out(
        `  ${AGENTS[key] ?? 'unknown agent: run it under `agentfw run` and check `agentfw log` shows its commands.'}`,
      );
    }
    const gaps = results.filter((r) => r.probe.claimed && r.status === 'not covered');
    const unwrapped = unwrappedAgents();
    if (unwrapped.length) {
      out();
      out('Agents running WITHOUT agentfw right now (their commands are not checked):');
      for (const u of unwrapped)
        out(
          `  pid ${u.pid}: ${u.agent}   (start it as \`agentfw run -- ${u.agent}\`, or run \`agentfw init\`)`,
        );
    }
    if (json) {
      process.stdout.write(
        JSON.stringify({
          ok: gaps.length === 0,
          client: { kind: gate.client.kind, path: gate.client.path, bash_true_ms: { bare, gated } },
          probes: results.map((r) => ({
            path: r.probe.name,
            status: r.status,
            claimed: r.probe.claimed,
            why: r.detail,
          })),
          agents: a.rest.map((agent) => ({ agent, found: which(agent, process.env.PATH ?? '') ?? null })),
          running_without_agentfw: unwrapped,
        }) + '\n',
      );
      return gaps.length ? 1 : 0;
    }
    out();
    out(
      gaps.length
        ? `FAIL: ${gaps.length} path(s) agentfw should cover are not covered here.`
        : 'OK: every path agentfw claims to cover is covered here.',
    );
    return gaps.length ? 1 : 0;
  } finally {
    await gate.close();
    await api.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
