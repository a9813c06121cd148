/**
 * `agentfw demo` — replays the volumeDelete incident on this machine, with no network:
 * a fake Railway-like GraphQL API on loopback, a workspace whose unrelated config file
 * holds a token, and a scripted agent that finds it and runs `curl … volumeDelete`
 * through its shell, gated by agentfw (headless, --on-ask deny).
 *
 * First the same agent runs WITHOUT agentfw against a fresh copy of the API (the
 * volume is deleted: that is the incident), then WITH agentfw (held).
 *
 * Exit 0 only when the API received no destructive mutation with agentfw; 1 otherwise.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createPolicyApprover } from '../approval/policy.js';
import type { ApprovalRequest, Approver } from '../approval/types.js';
import { scriptedDialog } from '../tui/demo-frame.js';
import { readAuditFile } from '../audit/verify.js';
import { loadEngine } from '../engine/analyze.js';
import { startFakeApi } from '../supervisor/demo-api.js';
import { createDemoWorkspace } from '../supervisor/demo-agent.js';
import { startGate } from '../supervisor/gate.js';
import { loadSecretSet } from '../supervisor/secrets-seam.js';
import { parseArgs } from './args.js';

const DESTRUCTIVE = /(delete|remove|destroy|drop|purge|wipe)/i;

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['help', 'keep', 'json', 'tty'] });
  if (a.flags.help) {
    process.stdout.write(
      'usage: agentfw demo [--keep] [--json] [--tty]\n\nReplays the volumeDelete incident against a local fake API: first without agentfw, then with it.\n  --keep   keep the temp workspace and audit log\n  --json   print one JSON object with both runs\n  --tty    also draw the approval dialog a human would see (default when stdout is a terminal)\nexit: 0 = blocked, nothing deleted; 1 = the API received a destructive mutation\n',
    );
    return 0;
  }
  const json = a.flags.json === true;
  const out = json ? (_s = '') => undefined : (s = '') => void process.stdout.write(s + '\n');
  const api = await startFakeApi();
  const demo = createDemoWorkspace();
  const auditPath = `${demo.root}/audit.jsonl`;
  const { set: secrets } = await loadSecretSet(process.env, demo.ws);
  const engine = await loadEngine({ mask: (t) => secrets.mask(t) });
  const deny = createPolicyApprover('deny');
  /** The first request a human would have been asked about (drawn with --tty). */
  let asked: ApprovalRequest | undefined;
  const policy: Approver[] = [
    {
      name: deny.name,
      decide: (req, signal) => {
        asked ??= req;
        return deny.decide(req, signal);
      },
    },
  ];
  const gate = await startGate({
    engine,
    secrets,
    auditPath,
    approvers: () => policy,
    approvalTimeoutMs: 10_000,
    headless: () => true,
    onAsk: 'deny',
    workspace: demo.ws,
  });
  try {
    out('agentfw demo: replaying the volumeDelete incident on this machine (no network).');
    out();
    // Control: the same agent, same token, no agentfw, against its own fresh API.
    const bare = await startFakeApi();
    let bareDeleted: string[] = [];
    try {
      out('WITHOUT agentfw: the same scripted agent, straight on the machine:');
      await runAgent(demo.agent, [bare.url, demo.volumeId], demo.ws, plainEnv(), (l) =>
        out(`   agent │ ${secrets.mask(l)}`),
      );
      bareDeleted = bare
        .mutations()
        .filter((m) => m.fields.some((f) => DESTRUCTIVE.test(f)))
        .flatMap((m) => m.fields);
      out(
        bareDeleted.length
          ? `   → the API received ${bareDeleted.join(', ')}: volume ${demo.volumeId} is gone, nobody was asked.`
          : '   → (the unprotected run did not reach the API on this machine)',
      );
    } finally {
      await bare.close();
    }
    out();
    out('WITH agentfw:');
    out(`1. A fake Railway-like GraphQL API listens on ${api.url}/graphql/v2 and records every mutation.`);
    out(
      `2. A workspace whose unrelated config file holds a root-scoped token: ${demo.ws}/config/domains.json`,
    );
    out(
      '3. A scripted agent runs under agentfw (headless, --on-ask deny); each step goes through its $SHELL:',
    );
    out();
    const code = await runAgent(demo.agent, [api.url, demo.volumeId], demo.ws, gate.agentEnv, (l) =>
      out(`   agent │ ${secrets.mask(l)}`),
    );
    out();
    out('4. What agentfw decided (from the audit log; secrets masked):');
    for (const r of readAuditFile(auditPath)) {
      out(
        `   ${r.decision.padEnd(5)} ${r.layer.padEnd(5)} ${r.rules.length ? `[${r.rules.join(', ')}] ` : ''}${r.command.slice(0, 160)}`,
      );
    }
    const destructive = api.mutations().filter((m) => m.fields.some((f) => DESTRUCTIVE.test(f)));
    if (json) {
      const decisions = readAuditFile(auditPath).map((r) => ({
        layer: r.layer,
        decision: r.decision,
        rules: r.rules,
        command: r.command.slice(0, 300),
      }));
      process.stdout.write(
        JSON.stringify({
          ok: destructive.length === 0,
          volume: demo.volumeId,
          without_agentfw: { destructive_mutations: bareDeleted },
          with_agentfw: {
            destructive_mutations: destructive.flatMap((m) => m.fields),
            agent_exit: code,
            decisions,
          },
        }) + '\n',
      );
      return destructive.length ? 1 : 0;
    }
    out();
    out(`5. The API received ${api.mutations().length} mutation(s), ${destructive.length} destructive.`);
    if (destructive.length === 0) {
      out(
        `   Blocked: the agent's curl was refused (agent exit ${code}); volume ${demo.volumeId} still exists.`,
      );
      out('   In a real session the TUI would have asked a human to type the volume id to approve.');
      if (asked && (a.flags.tty === true || process.stdout.isTTY)) {
        const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
        const d = scriptedDialog(asked, { width: Math.min(process.stdout.columns || 80, 90), colour });
        out();
        out("6. The approval dialog of a real session (the TUI's own dialog code, drawn here; a scripted");
        out('   human presses a and types the volume id — in this demo the run above stays denied):');
        for (const f of d.frames) for (const l of f) out(`   ${l}`);
        out(`   → the dialog settles: ${d.result}`);
      }
      return 0;
    }
    out(`   NOT blocked: the API received ${destructive.map((m) => m.fields.join(',')).join('; ')}.`);
    return 1;
  } finally {
    await gate.close();
    await api.close();
    if (a.flags.keep) out(`(kept ${demo.root})`);
    else rmSync(demo.root, { recursive: true, force: true });
  }
}

/** The environment without any agentfw variables (the unprotected control run). */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('AGENTFW_') && k !== 'BASH_ENV') env[k] = v;
  return env;
}

/** Runs the scripted agent; each output line goes to `line`; resolves with its exit code. */
function runAgent(
  agent: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  line: (l: string) => void,
): Promise<number> {
  return new Promise<number>((resolve) => {
    const p = spawn(process.execPath, [agent, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        line(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('close', (c) => resolve(c ?? 1));
  });
}
