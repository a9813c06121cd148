/**
 * Hook mode with real processes: the C hook client (compiled here) is fed the agents'
 * real hook JSON shapes on stdin and talks to the decision daemon over its Unix socket;
 * answers come back in each agent's format. Fail closed when the daemon is unreachable or
 * the input unreadable. The opencode plugin that `hook install` writes is loaded and run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditWriter } from '../../../src/audit/writer.js';
import { loadEngine } from '../../../src/engine/analyze.js';
import type { HookAgent } from '../../../src/gates/hook/agents.js';
import { startHookDaemon } from '../../../src/gates/hook/daemon.js';
import { installHook, uninstallHook } from '../../../src/gates/hook/install.js';
import { buildHookClient, runHookClient, runProc } from '../../e2e/run-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-hook-'));
let client: string;
const socket = path.join(dir, 'run', 'hook.sock');
const auditFile = path.join(dir, 'audit.jsonl');
let daemon: { close(): Promise<void> };
let audit: AuditWriter;

beforeAll(async () => {
  client = buildHookClient(dir);
  const engine = await loadEngine({ exampleCacheDir: '' });
  audit = AuditWriter.open(auditFile, 'hook-test');
  mkdirSync(path.dirname(socket), { mode: 0o700 });
  daemon = await startHookDaemon({
    socketPath: socket,
    engine,
    mask: (t) => t,
    audit,
    approvalTimeoutMs: 1000,
    idleMs: 0,
  });
});
afterAll(async () => {
  await daemon.close();
  audit.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the real client like the agent does: JSON on stdin, our socket in the env. */
function hook(agent: string, input: string, sock = socket) {
  return runHookClient(client, agent, input, sock);
}

/** The hook JSON each agent sends for a shell command. */
const shapes: Record<HookAgent, (cmd: string) => object> = {
  'claude-code': (command) => ({
    session_id: 's1',
    transcript_path: '/tmp/t.jsonl',
    cwd: '/work/app',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description: 'the agent says this is harmless' },
  }),
  codex: (command) => ({
    session_id: 's1',
    cwd: '/work/app',
    hook_event_name: 'PreToolUse',
    tool_name: 'shell',
    tool_input: { command: ['bash', '-lc', command] },
  }),
  gemini: (command) => ({
    session_id: 's1',
    cwd: '/work/app',
    hook_event_name: 'BeforeTool',
    tool_name: 'run_shell_command',
    tool_input: { command },
  }),
  cursor: (command) => ({
    conversation_id: 'c1',
    hook_event_name: 'beforeShellExecution',
    command,
    cwd: '/work/app',
  }),
  opencode: (command) => ({ tool_name: 'bash', tool_input: { command }, cwd: '/work/app', session_id: 's1' }),
};

const DENY = 'rm -rf --no-preserve-root /';
const ALLOW = 'ls -la src';
const TYPED_ASK = `curl -X POST https://backboard.railway.app/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}'`;

describe('hook client + daemon answer in each agent format', () => {
  it.each([
    ['claude-code', ALLOW, 0, /"permissionDecision":"allow"/, ''],
    ['claude-code', DENY, 0, /"permissionDecision":"deny".*agentfw:/, ''],
    ['claude-code', TYPED_ASK, 0, /"permissionDecision":"deny".*typed confirmation/, ''],
    ['codex', ALLOW, 0, /^$/, ''],
    ['codex', DENY, 2, /^$/, 'agentfw:'],
    ['gemini', ALLOW, 0, /^\{\}\n$/, ''],
    ['gemini', DENY, 2, /^$/, 'agentfw:'],
    ['gemini', TYPED_ASK, 2, /^$/, 'No approver is reachable'],
    ['cursor', ALLOW, 0, /"permission":"allow"/, ''],
    ['cursor', DENY, 2, /"permission":"deny"/, 'agentfw:'],
    ['opencode', DENY, 2, /^$/, 'agentfw:'],
  ] as const)('%s: %s → exit %i', async (agent, cmd, code, out, err) => {
    const r = await hook(agent, JSON.stringify(shapes[agent](cmd)));
    expect(r.code).toBe(code);
    expect(r.out).toMatch(out);
    if (err) expect(r.err).toContain(err);
    else expect(r.err).toBe('');
  });

  it('an ask without a typed value goes to the agent’s own prompt where it has one', async () => {
    const r = await hook(
      'claude-code',
      JSON.stringify(shapes['claude-code']('git push --force origin feature-x')),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).hookSpecificOutput).toMatchObject({
      permissionDecision: 'ask',
      permissionDecisionReason: expect.stringMatching(/rule git\/force-push/),
    });
  });

  it('a non-shell tool passes; the decisions are in the audit log', async () => {
    const r = await hook(
      'claude-code',
      JSON.stringify({
        cwd: '/w',
        hook_event_name: 'PreToolUse',
        tool_name: 'Read',
        tool_input: { file_path: '/w/a' },
      }),
    );
    expect(r.code).toBe(0);
    const recs = readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { command: string; decision: string; approver: string });
    expect(recs.some((x) => x.command === DENY && x.decision === 'deny' && x.approver === 'policy')).toBe(
      true,
    );
    expect(recs.some((x) => x.command === ALLOW && x.decision === 'allow')).toBe(true);
  });

  it.each([
    ['claude-code', '{not json', 2, 0],
    ['cursor', '{"hook_event_name":"beforeShellExecution"}', 2, 2],
  ])('fail closed: unreadable %s input is refused', async (agent, input, _x, code) => {
    const r = await hook(agent, input);
    if (agent === 'claude-code') {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).hookSpecificOutput.permissionDecision).toBe('deny');
    } else {
      expect(r.code).toBe(code);
      expect(r.out).toMatch(/"permission":"deny"/);
    }
  });

  it.each([['claude-code'], ['gemini'], ['cursor']])(
    'fail closed: no daemon → %s refuses with exit 2',
    async (agent) => {
      const r = await hook(
        agent,
        JSON.stringify(shapes[agent as HookAgent](ALLOW)),
        path.join(dir, 'nothing-here.sock'),
      );
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/not reachable.*refused/);
    },
  );
});

describe('hook install / uninstall', () => {
  it.each([
    ['claude-code', '.claude/settings.json', 'PreToolUse'],
    ['codex', '.codex/hooks.json', 'PreToolUse'],
    ['gemini', '.gemini/settings.json', 'BeforeTool'],
    ['cursor', '.cursor/hooks.json', 'beforeShellExecution'],
  ] as const)('%s: adds one entry, keeps the rest, removes only ours', (agent, rel, event) => {
    const base = mkdtempSync(path.join(dir, 'home-'));
    const file = path.join(base, rel);
    const other = { type: 'command', command: 'echo other-hook' };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        theme: 'dark',
        hooks: { [event]: [agent === 'cursor' ? other : { hooks: [other] }] },
      }),
    );
    const o = { base, project: true, client: [client], agentfw: '/opt/agentfw/bin/agentfw' };
    installHook(agent, o);
    installHook(agent, o); // idempotent
    const cfg = JSON.parse(readFileSync(file, 'utf8'));
    expect(cfg.theme).toBe('dark');
    expect(cfg.hooks[event]).toHaveLength(2);
    expect(JSON.stringify(cfg.hooks[event][1])).toContain(`${client}' ${agent} '/opt/agentfw/bin/agentfw'`);
    expect(uninstallHook(agent, o)).toBe(file);
    const after = JSON.parse(readFileSync(file, 'utf8'));
    expect(after.hooks[event]).toHaveLength(1);
    expect(JSON.stringify(after)).not.toContain('agentfw-hook');
  });

  it('opencode: the written plugin runs the client and throws on a refusal', async () => {
    const base = mkdtempSync(path.join(dir, 'oc-'));
    const file = installHook('opencode', {
      base,
      project: true,
      client: [client],
      agentfw: '/nonexistent/agentfw',
    });
    expect(statSync(file).isFile()).toBe(true);
    // Load and call the plugin in its own process, as the agent would.
    const driver = `
      const { Agentfw } = await import(${JSON.stringify(pathToFileURL(file).href)});
      const h = await Agentfw({ directory: '/work/app' });
      const b = h['tool.execute.before'];
      const out = [];
      for (const [tool, args] of [['bash', { command: ${JSON.stringify(DENY)} }], ['bash', { command: ${JSON.stringify(ALLOW)} }], ['read', { filePath: '/etc/passwd' }]]) {
        try { await b({ tool, sessionID: 's' }, { args }); out.push('ran'); } catch (e) { out.push('threw: ' + e.message.split('\\n')[0]); }
      }
      console.log(JSON.stringify(out));`;
    const r = await runProc(process.execPath, ['--input-type=module', '-e', driver], '', {
      ...process.env,
      AGENTFW_HOOK_SOCKET: socket,
    });
    const got = JSON.parse(r.out) as string[];
    expect(got[0]).toMatch(/^threw: agentfw:/);
    expect(got.slice(1)).toEqual(['ran', 'ran']);
    expect(uninstallHook('opencode', { base, project: true })).toBe(file);
  });
});
