/**
 * Hook mode: an `ask` reaches the human of a running `agentfw run` session. A real headless
 * session (`agentfw run --approver CMD -- sleep`) runs as its own process; the hook daemon
 * forwards the ask over that session's watch socket; the session's approver (a real
 * command) allows or denies; the real C hook client prints the agent's allow/deny.
 * Control: with no session running, the same ask takes today's fallback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSessions } from '../../../src/approval/watch-find.js';
import { loadEngine, type Engine } from '../../../src/engine/analyze.js';
import { startHookDaemon } from '../../../src/gates/hook/daemon.js';
import { askRunningSession } from '../../../src/gates/hook/session-ask.js';
import {
  BIN,
  VOLUME_DELETE,
  auditRecords,
  buildHookClient,
  ensureBuilt,
  headlessArgs,
  hookDaemonDir,
  runHookClient,
} from '../../e2e/run-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-hooksess-'));
let client: string;
const rt = path.join(dir, 'rt');
const empty = path.join(dir, 'no-sessions');
const approverLog = path.join(dir, 'approver.log');
const modeFile = path.join(dir, 'mode');
let engine: Engine;
let session: ChildProcess;
let sessionErr = '';

/** The session's approver: logs each request, answers with the verdict in `mode`, typing the confirmation value. */
const APPROVER = `#!/usr/bin/env node
const fs = require('fs');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const req = JSON.parse(input.split('\\n')[0]);
  fs.appendFileSync(${JSON.stringify(approverLog)}, JSON.stringify(req) + '\\n');
  const verdict = fs.readFileSync(${JSON.stringify(modeFile)}, 'utf8').trim();
  process.stdout.write(JSON.stringify({ verdict, confirm: req.confirm, message: verdict === 'deny' ? 'not now' : undefined }) + '\\n');
});
`;

beforeAll(async () => {
  ensureBuilt();
  client = buildHookClient(dir);
  engine = await loadEngine({ exampleCacheDir: '' });
  mkdirSync(empty, { mode: 0o700 });
  const home = path.join(dir, 'home');
  mkdirSync(home);
  const approver = path.join(dir, 'approver.cjs');
  writeFileSync(approver, APPROVER);
  chmodSync(approver, 0o755);
  session = spawn(
    process.execPath,
    [BIN, ...headlessArgs(['sleep', '120'], { flags: ['--approver', approver] })],
    {
      cwd: dir,
      env: { ...process.env, HOME: home, AGENTFW_RUNTIME_DIR: rt },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  session.stderr!.on('data', (d: Buffer) => (sessionErr += d.toString()));
  // Bounded wait for the session's watch socket (not a speed assertion: up to 60 s).
  // The socket appears before the session's approvers are attached; the note naming the
  // approver is printed once they are.
  for (let i = 0; i < 600 && (listSessions([rt]).length === 0 || !/asks go to/.test(sessionErr)); i++) {
    if (session.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(listSessions([rt]), sessionErr).toHaveLength(1);
  expect(sessionErr).toMatch(/asks go to/);
}, 90_000);

afterAll(async () => {
  if (session.exitCode === null) {
    const gone = new Promise((r) => session.once('exit', r));
    session.kill('SIGTERM');
    await gone;
  }
  rmSync(dir, { recursive: true, force: true });
});

const FORCE_PUSH = 'git push --force origin feature-x';
const claude = (command: string) =>
  JSON.stringify({
    session_id: 's1',
    cwd: dir,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description: 'the agent says this is harmless' },
  });
const codex = (command: string) =>
  JSON.stringify({
    session_id: 's1',
    cwd: dir,
    hook_event_name: 'PreToolUse',
    tool_name: 'shell',
    tool_input: { command: ['bash', '-lc', command] },
  });

describe('hook mode ask → the human of a running session', () => {
  it.each([
    // name, session roots, approver's answer, agent, input, command, expected exit, expected decision
    [
      'session approver allows (typed value travels)',
      'session',
      'allow',
      'claude-code',
      claude,
      VOLUME_DELETE,
      0,
      'allow',
    ],
    ['session approver denies', 'session', 'deny', 'claude-code', claude, FORCE_PUSH, 0, 'deny'],
    ['session approver allows, codex format', 'session', 'allow', 'codex', codex, FORCE_PUSH, 0, 'allow'],
    ['session approver denies, codex format', 'session', 'deny', 'codex', codex, FORCE_PUSH, 2, 'deny'],
    [
      'control: no session → the agent’s own prompt',
      'none',
      'allow',
      'claude-code',
      claude,
      FORCE_PUSH,
      0,
      'ask',
    ],
    [
      'control: no session, typed value needed → deny',
      'none',
      'allow',
      'claude-code',
      claude,
      VOLUME_DELETE,
      0,
      'deny',
    ],
  ] as const)(
    '%s',
    async (_n, where, mode, agent, shape, command, exit, expected) => {
      writeFileSync(modeFile, mode);
      rmSync(approverLog, { force: true });
      const { sock, auditFile, audit } = hookDaemonDir(dir);
      const roots = where === 'session' ? [rt] : [empty];
      const daemon = await startHookDaemon({
        socketPath: sock,
        engine,
        mask: (t) => t,
        audit,
        askSession: (ask, signal) => askRunningSession(ask, signal, roots),
        approvalTimeoutMs: 30_000,
        idleMs: 0,
      });
      let r;
      try {
        r = await runHookClient(client, agent, shape(command), sock);
      } finally {
        await daemon.close();
        audit.close();
      }
      expect(r.code, r.err).toBe(exit);
      if (agent === 'claude-code') {
        const out = JSON.parse(r.out) as { hookSpecificOutput: { permissionDecision: string } };
        expect(out.hookSpecificOutput.permissionDecision).toBe(expected);
      } else if (expected === 'deny') expect(r.err).toMatch(/not now/);
      const rec = auditRecords(auditFile).pop()!;
      expect(rec.verdict).toBe('ask');
      if (where === 'session') {
        // The session's approver saw the real command, rendered by the session's own engine.
        const seen = readFileSync(approverLog, 'utf8').trim().split('\n');
        expect(seen).toHaveLength(1);
        const req = JSON.parse(seen[0]) as { command: string; decision: { findings: { rule: string }[] } };
        expect(req.command).toBe(command);
        expect(req.decision.findings.length).toBeGreaterThan(0);
        expect(rec.decision).toBe(expected);
        expect(rec.approver).toMatch(/^session:[^/]+\/external:approver/);
      } else {
        expect(() => readFileSync(approverLog)).toThrow();
        expect(rec.approver).toBe(expected === 'ask' ? 'agent-prompt:claude-code' : 'policy');
      }
    },
    60_000,
  );
});
