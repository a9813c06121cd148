/**
 * Hook mode: an `ask` reaches the TUI of a running `agentfw run` (real CLI in tmux, the
 * real TUI). The hook daemon forwards the ask of a real C hook client to that session; the
 * human answers in the TUI dialog (typed confirmation for allow, `d` for deny), and the
 * client prints Claude Code's allow/deny. The session's own agent is not involved.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listSessions } from '../../../src/approval/watch-find.js';
import { loadEngine, type Engine } from '../../../src/engine/analyze.js';
import { startHookDaemon } from '../../../src/gates/hook/daemon.js';
import { askRunningSession } from '../../../src/gates/hook/session-ask.js';
import {
  BIN,
  VOLUME_DELETE,
  auditRecords,
  buildHookClient,
  hookDaemonDir,
  runHookClient,
} from '../../e2e/run-helpers.js';
import { hasTmux, tmuxDriver } from '../../e2e/tmux.js';

const ROOT = path.resolve(path.dirname(BIN), '..');
const ready =
  hasTmux() &&
  existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')) &&
  existsSync(path.join(ROOT, 'dist', 'tui', 'index.js'));

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-hooktui-'));
let client: string;
const t = tmuxDriver(30_000);
const { tmux, waitScreen, type, typeInput } = t;
let engine: Engine;
let n = 0;

beforeAll(async () => {
  if (!ready) return;
  client = buildHookClient(dir);
  engine = await loadEngine({ exampleCacheDir: '' });
  t.startServer();
});
afterEach(() => t.endSession());
afterAll(() => {
  if (ready) t.stopServer();
  rmSync(dir, { recursive: true, force: true });
});

/** A TUI session whose agent only waits; returns its runtime root once the TUI is up. */
async function startSession(): Promise<string> {
  const d = path.join(dir, `s${++n}`);
  const rt = path.join(d, 'rt');
  mkdirSync(path.join(d, 'home'), { recursive: true });
  t.session = `agentfw-hooktui-${process.pid}-${n}`;
  const cmd = `HOME=${d}/home AGENTFW_RUNTIME_DIR=${rt} ${BIN} run --audit ${d}/session-audit.jsonl -- bash -c 'echo agent: ready; sleep 120'`;
  tmux('new-session', '-d', '-s', t.session, '-x', '160', '-y', '48', '-c', d, cmd);
  await waitScreen(/agent: ready/);
  expect(listSessions([rt])).toHaveLength(1);
  return rt;
}

describe.skipIf(!ready)('hook mode ask → the TUI of a running session', () => {
  it.each([
    ['allow with the typed value', 'allow'],
    ['deny', 'deny'],
  ] as const)(
    '%s',
    async (_n, answer) => {
      const rt = await startSession();
      const { dir: d, sock, auditFile, audit } = hookDaemonDir(dir);
      const daemon = await startHookDaemon({
        socketPath: sock,
        engine,
        mask: (x) => x,
        audit,
        askSession: (a, signal) => askRunningSession(a, signal, [rt]),
        approvalTimeoutMs: 60_000,
        idleMs: 0,
      });
      try {
        const call = runHookClient(
          client,
          'claude-code',
          JSON.stringify({
            session_id: 's1',
            cwd: d,
            hook_event_name: 'PreToolUse',
            tool_name: 'Bash',
            tool_input: { command: VOLUME_DELETE, description: 'harmless' },
          }),
          sock,
        );
        const screen = await waitScreen(/\[a\] allow once/);
        expect(screen).toContain('volumeDelete');
        if (answer === 'allow') {
          await type('a');
          await waitScreen(/To allow, type 3f1c9a/);
          await typeInput('3f1c9a');
          tmux('send-keys', '-t', t.session, 'Enter');
        } else await type('d');
        const r = await call;
        expect(r.code, r.err).toBe(0);
        const out = JSON.parse(r.out) as { hookSpecificOutput: { permissionDecision: string } };
        expect(out.hookSpecificOutput.permissionDecision).toBe(answer);
      } finally {
        await daemon.close();
        audit.close();
      }
      const rec = auditRecords(auditFile).pop()!;
      expect(rec.decision).toBe(answer);
      expect(rec.approver).toMatch(/^session:[^/]+\/tui$/);
    },
    90_000,
  );
});
