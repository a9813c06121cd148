/**
 * A stand-in for `agentfw run` around the real TUI, for the tmux tests:
 *
 *   node harness.mjs run --dir DIR [--timeout-ms N] -- SCRIPT   a scripted agent in a real PTY (node-pty),
 *       the real TUI (createTui), the real watch server, the broker's real approver race
 *       (settle from src/approval/queue.ts), and a small gate socket: `$GATE [--confirm V] -- CMD`
 *       asks for approval of CMD and runs it only when allowed (exit 126 otherwise).
 *       Every gate request is an `ask` (the scenario under test is the approval, not the rules);
 *       when dist/ holds a built engine its analysis fills the dialog. Each settled request
 *       appends {command, decision, approver, scope} to DIR/audit.jsonl.
 *   node harness.mjs watch [--socket PATH | --session ID]      the `agentfw watch` command.
 */
import { appendFileSync, chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pty from 'node-pty';
import { settle } from '../../src/approval/queue.js';
import type { ApprovalRequest, DecisionEvent } from '../../src/approval/types.js';
import { startWatchServer } from '../../src/approval/watch-server.js';
import type { Decision } from '../../src/engine/types.js';
import { run as watchRun } from '../../src/cli/watch.js';
import { createTui } from '../../src/tui/index.js';

const GATE_CLIENT = `
import net from 'node:net';
import { spawnSync } from 'node:child_process';
const a = process.argv.slice(2);
let confirm;
if (a[0] === '--confirm') { confirm = a[1]; a.splice(0, 2); }
if (a[0] === '--') a.shift();
const command = a.join(' ');
const s = net.connect(process.env.HARNESS_GATE);
let buf = '';
s.on('connect', () => s.write(JSON.stringify({ command, cwd: process.cwd(), confirm }) + '\\n'));
s.on('data', (d) => (buf += d));
s.on('end', () => {
  const r = JSON.parse(buf || '{"allow":false,"message":"no answer"}');
  if (!r.allow) { process.stderr.write('agentfw: refused: ' + r.message + '\\n'); process.exit(126); }
  process.exit(spawnSync('/bin/bash', ['-c', command], { stdio: 'inherit' }).status ?? 1);
});
s.on('error', () => { process.stderr.write('agentfw: gate unreachable, refused\\n'); process.exit(126); });
`;

async function loadAnalyzer(root: string): Promise<(cmd: string, cwd: string) => Decision | undefined> {
  try {
    const mod = await import(path.join(root, 'dist', 'engine', 'analyze.js'));
    const engine = await mod.loadEngine({ mask: (s: string) => s });
    return (cmd, cwd) => engine.analyze(cmd, mod.makeContext({ cwd }));
  } catch {
    return () => undefined;
  }
}

function fallbackDecision(command: string, cwd: string): Decision {
  return {
    decision: 'ask',
    reason: 'harness: the engine is not built; approval scenario',
    findings: [],
    commands: [
      { text: command, program: command.split(' ')[0], wrappers: [], cwd, dynamic: false, remote: false },
    ],
    facts: [],
    issues: [],
    ms: 0,
  };
}

async function runHarness(argv: string[]): Promise<void> {
  const get = (k: string) => (argv.indexOf(k) >= 0 ? argv[argv.indexOf(k) + 1] : undefined);
  const dir = path.resolve(get('--dir') ?? '.');
  const timeoutMs = Number(get('--timeout-ms') ?? 300_000);
  const script = argv.slice(argv.indexOf('--') + 1);
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
  const rt = path.join(dir, 'run');
  mkdirSync(rt, { recursive: true, mode: 0o700 });
  chmodSync(rt, 0o700);
  writeFileSync(path.join(dir, 'gate.mjs'), GATE_CLIENT);
  const analyze = await loadAnalyzer(root);

  const subs = new Set<(ev: DecisionEvent) => void>();
  const onDecision = (cb: (ev: DecisionEvent) => void) => {
    subs.add(cb);
    return () => subs.delete(cb);
  };
  const emit = (ev: DecisionEvent) => subs.forEach((cb) => cb(ev));
  const info = {
    id: 'harness',
    packs: ['harness@0'],
    auditPath: path.join(dir, 'audit.jsonl'),
    watchSocket: path.join(rt, 'watch.sock'),
  };
  // The TUI's timer (with its countdown) denies first; the watch server's and the race's timeouts are backstops.
  // Same value the supervisor passes: the watch server adds its own backstop margin.
  const watch = await startWatchServer({
    socketPath: info.watchSocket,
    info,
    onDecision,
    approvalTimeoutMs: timeoutMs,
  });

  const approvers: import('../../src/approval/types.js').Approver[] = [];
  let nextId = 1;
  const gate = net.createServer((sock) => {
    let buf = '';
    sock.on('data', async (d) => {
      buf += d;
      if (!buf.includes('\n')) return;
      const { command, cwd, confirm } = JSON.parse(buf) as { command: string; cwd: string; confirm?: string };
      const decision = analyze(command, cwd) ?? fallbackDecision(command, cwd);
      const req: ApprovalRequest = {
        id: nextId++,
        ts: new Date().toISOString(),
        layer: 'shell',
        cwd,
        command,
        decision: { ...decision, decision: 'ask' },
        ...(confirm ? { confirm } : {}),
      };
      const rules = decision.findings.map((f) => f.rule);
      emit({
        id: req.id,
        ts: req.ts,
        layer: 'shell',
        cwd,
        command,
        verdict: 'ask',
        rules,
        approver: 'policy',
        reason: decision.reason,
      });
      const r = await settle(req, { approvers, timeoutMs: timeoutMs + 1000 });
      appendFileSync(
        info.auditPath,
        JSON.stringify({
          ts: new Date().toISOString(),
          id: req.id,
          command,
          decision: r.verdict,
          approver: r.approver,
          scope: r.scope,
          message: r.message ?? '',
        }) + '\n',
      );
      emit({
        id: req.id,
        ts: new Date().toISOString(),
        layer: 'shell',
        cwd,
        command,
        verdict: r.verdict,
        rules,
        approver: r.approver,
        reason: r.message ?? '',
      });
      sock.end(
        JSON.stringify({
          allow: r.verdict === 'allow',
          message: r.message ?? `denied by ${r.approver}. Do not retry or work around this; ask the user.`,
        }) + '\n',
      );
    });
  });
  rmSync(path.join(rt, 'gate.sock'), { force: true });
  await new Promise<void>((r) => gate.listen(path.join(rt, 'gate.sock'), () => r()));
  chmodSync(path.join(rt, 'gate.sock'), 0o600);

  const child = pty.spawn('/bin/bash', script, {
    name: 'xterm-256color',
    cols: 80,
    rows: 24,
    cwd: dir,
    env: {
      ...process.env,
      GATE: `node ${path.join(dir, 'gate.mjs')}`,
      HARNESS_GATE: path.join(rt, 'gate.sock'),
      DIR: dir,
    },
  });
  const exitCbs: Array<(c: number) => void> = [];
  const terminal = {
    onData: (cb: (s: string) => void) => {
      const d = child.onData(cb);
      return () => d.dispose();
    },
    write: (d: string) => child.write(d),
    resize: (c: number, r: number) => child.resize(Math.max(1, c), Math.max(1, r)),
    onExit: (cb: (c: number) => void) => exitCbs.push(cb),
    cols: 80,
    rows: 24,
  };
  const ui = createTui({ approvalTimeoutMs: timeoutMs, watch });
  approvers.push(ui.start({ terminal, info, onDecision }), watch.approver);

  child.onExit(({ exitCode }) => {
    exitCbs.forEach((cb) => cb(exitCode));
    setTimeout(async () => {
      ui.stop();
      gate.close();
      await watch.close();
      writeFileSync(path.join(dir, 'agent-exit'), String(exitCode));
      process.exit(exitCode);
    }, 500);
  });
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'watch')
  process.exitCode = await watchRun(rest).catch((e) => {
    process.stderr.write(String(e?.format?.() ?? e) + '\n');
    return 1;
  });
else await runHarness(rest);
