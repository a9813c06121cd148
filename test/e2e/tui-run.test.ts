/**
 * The TUI under the real `agentfw run` (bin/agentfw → dist/, built by `npm test`): a
 * scripted agent posts a GraphQL volumeDelete to a closed local port; the engine asks
 * with typed confirmation; the test answers in tmux and checks the agent's side (curl ran:
 * exit 7 connection refused; refused: exit 126) and the audit (approver `tui`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'agentfw');
const ready = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return (
      existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')) &&
      existsSync(path.join(ROOT, 'dist', 'tui', 'index.js'))
    );
  } catch {
    return false;
  }
})();

let dir: string;
let session = '';
let n = 0;
/** A tmux server of our own (not the user's), kept alive by an idle session for the whole file. */
const SERVER = path.join(os.tmpdir(), `agentfw-tmux-${process.pid}.sock`);
const tmux = (...args: string[]) => execFileSync('tmux', ['-S', SERVER, ...args], { encoding: 'utf8' });
const capture = () => tmux('capture-pane', '-p', '-t', session);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitScreen(re: RegExp, _target?: string, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  let screen = '';
  while (Date.now() < end) {
    screen = capture();
    if (re.test(screen)) return screen;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${re} on the screen:\n${screen}`);
}

async function type(keys: string, _target?: string): Promise<void> {
  for (const k of keys) {
    tmux('send-keys', '-t', session, '-l', '--', k);
    await sleep(60);
  }
}

/**
 * Type into the dialog's input one key at a time and wait until the screen echoes each
 * one, so keys are never delivered in one chunk (which the dialog treats as a paste),
 * even on a loaded machine.
 */
async function typeInput(value: string, target?: string): Promise<void> {
  for (let i = 0; i < value.length; i++) {
    await type(value[i], target);
    await waitScreen(
      new RegExp(`> ${value.slice(0, i + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_`),
      target,
    );
  }
}

const AGENT = `echo "agent: ready"
curl -sS --max-time 3 -X POST http://127.0.0.1:9/graphql -H "Authorization: Bearer $API_TOKEN" -d '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}'
echo "agent: curl exit $?"
sleep 60
`;

async function start(): Promise<string> {
  const d = path.join(dir, `r${++n}`);
  mkdirSync(path.join(d, 'ws'), { recursive: true });
  writeFileSync(path.join(d, 'agent.sh'), AGENT);
  session = `agentfw-run-${process.pid}-${n}`;
  const cmd = `API_TOKEN=tok_test_0123456789abcdef ${BIN} run --audit ${d}/audit.jsonl -- bash ${d}/agent.sh; echo "run-exit $?"; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '48', '-c', path.join(d, 'ws'), cmd);
  return d;
}

const audit = (d: string) =>
  readFileSync(path.join(d, 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { decision: string; approver: string; rules: string[] });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-tui-run-'));
  if (ready) tmux('new-session', '-d', '-s', 'anchor', 'sleep 600');
});
afterEach(() => {
  if (session) {
    try {
      tmux('kill-session', '-t', session);
    } catch {
      /* gone */
    }
  }
  session = '';
});
afterAll(() => {
  if (ready) {
    tmux('kill-server');
    rmSync(SERVER, { force: true });
  }
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
    tmux('send-keys', '-t', session, 'Enter');
    await waitScreen(/does not match/);
    await typeInput('3f1c9a');
    tmux('send-keys', '-t', session, 'Enter');
    await waitScreen(/agent: curl exit 7/);
    const records = audit(d);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.decision === 'allow' && r.approver === 'tui')).toBe(true);
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
    expect(audit(d)).toEqual([expect.objectContaining({ decision: 'deny', approver: 'tui' })]);
  });
});
