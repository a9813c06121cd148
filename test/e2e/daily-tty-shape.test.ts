/**
 * "Always allow this shape" on a real terminal: the real `agentfw run` (default sandbox) in
 * tmux, HOME in a scratch dir. The agent force-pushes a feature branch to a local bare repo;
 * the human presses `r`, sees the rule (and where it goes) before anything is written,
 * presses `y`; the rule lands in ~/.config/agentfw/rules/allowed-shapes.yaml, compiles through
 * the real loader, and the push really lands. Then new sessions with a counting approver:
 * the same shape (another branch, same remote) asks zero times and lands; a different shape
 * (another remote) still asks once. Control: the same command in a HOME without the rule
 * asks once, so the zero above is the rule's doing.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRulesetText } from '../../src/rules/load.js';
import { BIN, cli, ensureBuilt } from './run-helpers.js';
import { hasTmux, tmuxDriver } from './tmux.js';

const ready = hasTmux();
if (!ready)
  console.log('always-allow-shape tty e2e skipped: tmux is not installed (apt-get install -y tmux)');

const t = tmuxDriver(60_000);
let dir: string;
let approver: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'dev',
      GIT_AUTHOR_EMAIL: 'd@e.x',
      GIT_COMMITTER_NAME: 'dev',
      GIT_COMMITTER_EMAIL: 'd@e.x',
    },
  });

/** A workspace in git with branches feature-x and feature-y, and two bare remotes inside it (the sandbox lets the agent write only there). */
function workspace(name: string): string {
  const ws = path.join(dir, name);
  mkdirSync(ws, { recursive: true });
  git(ws, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(ws, 'README.md'), '# app\n');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'init');
  git(ws, 'branch', 'feature-x');
  git(ws, 'branch', 'feature-y');
  for (const r of ['origin', 'backup']) {
    git(ws, 'init', '-q', '--bare', `.remotes/${r}.git`);
    git(ws, 'remote', 'add', r, `.remotes/${r}.git`);
  }
  return ws;
}

const branchesOf = (ws: string, remote: string) =>
  git(path.join(ws, '.remotes', `${remote}.git`), 'branch', '--format=%(refname:short)')
    .split('\n')
    .filter(Boolean);

const rulesFile = (home: string) => path.join(home, '.config', 'agentfw', 'rules', 'allowed-shapes.yaml');

function envFor(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.XDG_CONFIG_HOME;
  return { ...env, HOME: home, AGENTFW_RUNTIME_DIR: path.join(dir, 'rt'), ...extra };
}

let n = 0;
/** A new headless session with the counting approver (allows); returns its dialogs and the agent's output. */
async function headless(home: string, ws: string, cmd: string) {
  const log = path.join(dir, `asks-${++n}.jsonl`);
  writeFileSync(log, '');
  const r = await cli(
    [
      'run',
      '--headless',
      '--audit',
      path.join(dir, `audit-${n}.jsonl`),
      '--approver',
      approver,
      '--',
      'bash',
      '-c',
      cmd,
    ],
    { env: envFor(home, { ASK_LOG: log }), cwd: ws, timeoutMs: 120_000 },
  );
  const asks = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { command: string }).command);
  return { code: r.code, asks, stdout: r.stdout };
}

async function check(home: string, ws: string, cmd: string): Promise<string> {
  const r = await cli(['check', '--json', '--', cmd], { env: envFor(home), cwd: ws });
  return (JSON.parse(r.stdout) as { decision: string }).decision;
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-tty-shape-'));
  approver = path.join(dir, 'approver.mjs');
  writeFileSync(
    approver,
    `#!/usr/bin/env node
import { appendFileSync, readFileSync } from 'node:fs';
const req = JSON.parse(readFileSync(0, 'utf8').split('\\n')[0]);
appendFileSync(process.env.ASK_LOG, JSON.stringify({ command: req.command }) + '\\n');
console.log(JSON.stringify({ verdict: 'allow', ...(req.confirm !== undefined ? { confirm: req.confirm } : {}) }));
`,
  );
  chmodSync(approver, 0o755);
  if (ready) t.startServer();
});
afterAll(() => {
  if (ready) {
    t.endSession();
    t.stopServer();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ready)('always allow this shape, on a real terminal', () => {
  it('r shows the rule, y writes it and the push runs; new sessions: same shape asks 0, another shape asks 1', async () => {
    const home = path.join(dir, 'home');
    mkdirSync(home);
    const ws = workspace('ws');
    writeFileSync(
      path.join(ws, 'agent.sh'),
      'echo "agent: ready"\ngit push --force origin feature-x\necho "agent: push exit $?"\nsleep 60\n',
    );
    t.session = `agentfw-shape-${process.pid}`;
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const cmd = `env -u XDG_CONFIG_HOME HOME=${q(home)} AGENTFW_RUNTIME_DIR=${q(path.join(dir, 'rt'))} ${q(process.execPath)} ${q(BIN)} run --audit ${q(path.join(dir, 'tty-audit.jsonl'))} -- bash agent.sh; echo "run-exit $?"; sleep 60`;
    t.tmux('new-session', '-d', '-s', t.session, '-x', '160', '-y', '50', '-c', ws, cmd);

    await t.waitScreen(/\[r\] always allow this shape/);
    await t.type('r');
    const shown = await t.waitScreen(/Always allow this shape[\s\S]*force-push/);
    // Shown before it is written, with where it goes.
    expect(shown).toContain('allowed-shapes.yaml');
    expect(existsSync(rulesFile(home))).toBe(false);
    await t.type('y');
    await t.waitScreen(/agent: push exit 0/);
    expect(branchesOf(ws, 'origin')).toEqual(['feature-x']);

    // The file compiles through the real loader: one allow rule for this shape.
    const text = readFileSync(rulesFile(home), 'utf8');
    const { ruleset, problems } = compileRulesetText(text, rulesFile(home));
    expect(problems).toEqual([]);
    expect(ruleset?.rules.map((r) => r.rule.decision)).toEqual(['allow']);
    expect(ruleset?.rules[0].rule.match).toMatchObject({
      kind: 'git',
      action: 'force-push',
      remote: 'origin',
    });
    t.endSession();

    // What the loader of a new session makes of it.
    expect(await check(home, ws, 'git push --force origin feature-y')).toBe('allow');
    expect(await check(home, ws, 'git push --force backup feature-x')).toBe('ask');

    const same = await headless(home, ws, 'git push --force origin feature-y');
    expect(same).toMatchObject({ code: 0, asks: [] });
    expect(branchesOf(ws, 'origin').sort()).toEqual(['feature-x', 'feature-y']);

    const other = await headless(home, ws, 'git push --force backup feature-x');
    expect(other).toMatchObject({ code: 0, asks: ['git push --force backup feature-x'] });
    expect(branchesOf(ws, 'backup')).toEqual(['feature-x']);
  }, 240_000);

  it('control: without the rule, the same command asks', async () => {
    const home = path.join(dir, 'home-plain');
    mkdirSync(home);
    const ws = workspace('ws-plain');
    expect(await check(home, ws, 'git push --force origin feature-y')).toBe('ask');
    const r = await headless(home, ws, 'git push --force origin feature-y');
    expect(r).toMatchObject({ code: 0, asks: ['git push --force origin feature-y'] });
    expect(branchesOf(ws, 'origin')).toEqual(['feature-y']);
  }, 120_000);
});
