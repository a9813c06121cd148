/**
 * The TUI under the real `agentfw run` (bin/agentfw → dist/, built by `npm test`): a
 * scripted agent posts a GraphQL volumeDelete to a closed local port; the engine asks
 * with typed confirmation; the test answers in tmux and checks the agent's side (curl ran:
 * exit 7 connection refused; refused: exit 126) and the audit (approver `tui`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasTmux, tmuxDriver } from './tmux.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'agentfw');
const ready =
  hasTmux() &&
  existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')) &&
  existsSync(path.join(ROOT, 'dist', 'tui', 'index.js'));

let dir: string;
let n = 0;
const t = tmuxDriver(20_000);
const { tmux, waitScreen, type, typeInput } = t;

const AGENT = `echo "agent: ready"
curl -sS --max-time 3 -X POST http://127.0.0.1:9/graphql -H "Authorization: Bearer $API_TOKEN" -d '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}'
echo "agent: curl exit $?"
sleep 60
`;

async function start(): Promise<string> {
  const d = path.join(dir, `r${++n}`);
  mkdirSync(path.join(d, 'ws'), { recursive: true });
  // In the workspace: the sandbox (on by default) shows the agent only the workspace of /tmp.
  writeFileSync(path.join(d, 'ws', 'agent.sh'), AGENT);
  t.session = `agentfw-run-${process.pid}-${n}`;
  const cmd = `API_TOKEN=tok_test_0123456789abcdef ${BIN} run --audit ${d}/audit.jsonl -- bash ${d}/ws/agent.sh; echo "run-exit $?"; sleep 60`;
  tmux('new-session', '-d', '-s', t.session, '-x', '160', '-y', '48', '-c', path.join(d, 'ws'), cmd);
  return d;
}

const audit = (d: string) =>
  readFileSync(path.join(d, 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { layer: string; decision: string; approver: string; rules: string[] });
/** The records of commands: every session starts with a `session` record naming the agent command. */
const commands = (d: string) => {
  const all = audit(d);
  expect(all[0]).toMatchObject({ layer: 'session', decision: 'allow' });
  return all.filter((r) => r.layer !== 'session');
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-tui-run-'));
  if (ready) t.startServer();
});
afterEach(() => t.endSession());
afterAll(() => {
  if (ready) t.stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ready)('TUI under agentfw run', () => {
  it('typed confirmation: wrong value refused, right value runs the command; audit says tui', async () => {
    const d = await start();
    const screen = await waitScreen(/\[a\] allow once/);
    expect(screen).toContain('GraphQL mutation volumeDelete(volumeId: "3f1c9a")');
    expect(screen).not.toContain('tok_test_0123456789abcdef');
    await type('a');
    await waitScreen(/To allow, type 3f1c9a/);
    await typeInput('3f1c9b');
    tmux('send-keys', '-t', t.session, 'Enter');
    await waitScreen(/does not match/);
    await typeInput('3f1c9a');
    tmux('send-keys', '-t', t.session, 'Enter');
    // Approved once at the shell gate, the request is not asked again at the egress proxy,
    // which forwards it: nothing listens on port 9, so the proxy answers 502 (curl exits 0).
    await waitScreen(/upstream 127\.0\.0\.1: ECONNREFUSED[\s\S]*agent: curl exit 0/);
    const records = commands(d);
    expect(records.length).toBeGreaterThan(0);
    // The asked commands (the script, then its curl) carry the rule and were settled by the
    // human; the rest are execs the exec gate allowed by policy (`sleep 60`).
    const asked = records.filter((r) => r.rules.length > 0);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.decision === 'allow' && r.approver === 'tui')).toBe(true);
    expect(records.filter((r) => !r.rules.length).every((r) => r.decision === 'allow')).toBe(true);
    expect(readFileSync(path.join(d, 'audit.jsonl'), 'utf8')).not.toContain('tok_test_0123456789abcdef');
  });

  it('deny: the command does not run and the audit says tui', async () => {
    const d = await start();
    await waitScreen(/\[a\] allow once/);
    await type('d');
    // The whole script is held at the shell gate, so a deny refuses it: the agent exits 126
    // and the TUI closes (its text is gone with the alternate screen).
    const screen = await waitScreen(/run-exit \d+/);
    expect(screen).toContain('run-exit 126');
    expect(screen).not.toContain('agent: curl exit');
    expect(commands(d)).toEqual([expect.objectContaining({ decision: 'deny', approver: 'tui' })]);
  });
});
