/**
 * Tuning the policy without forking a pack, through the real CLI (`agentfw check` exit
 * codes: 0 allow, 10 ask, 20 deny): config tiers found without flags (org via
 * AGENTFW_ORG_CONFIG, user in ~/.config/agentfw, project in <workspace>/.agentfw), allow
 * rules quieting built-in asks, org rules that user and project cannot weaken, disables
 * with a reason that reaches the verdict's reason (and so the audit), and a project file
 * that only counts once a human trusted it with `agentfw trust`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt } from './run-helpers.js';

beforeAll(() => ensureBuilt());

interface Dirs {
  root: string;
  home: string;
  ws: string;
  org: string;
  user: string;
  project: string;
}
let d: Dirs;
function fresh(): Dirs {
  const root = mkdtempSync(path.join(os.tmpdir(), 'afw-pol-'));
  const home = path.join(root, 'home');
  // The workspace is in HOME: its sibling is outside the workspace (not a temp folder).
  const ws = path.join(home, 'ws');
  mkdirSync(ws, { recursive: true });
  return {
    root,
    home,
    ws,
    org: path.join(root, 'org'),
    user: path.join(home, '.config', 'agentfw'),
    project: path.join(ws, '.agentfw'),
  };
}
afterEach(() => rmSync(d.root, { recursive: true, force: true }));

/** Outside the workspace: the built-in filesystem pack asks. */
const CMD = 'rm -rf ../sibling/build';

const pack = (name: string, decision: string) => `pack: ${name}
version: 1.0.0
rules:
  - id: sibling-build
    title: the sibling build folder is scratch
    severity: low
    decision: ${decision}
    match:
      kind: fs
      op: delete
      targets.path: { regex: "/sibling/build$" }
    message: "{targets.path} is a scratch folder"
    examples:
      match:
        - rm -rf ../sibling/build
      not_match:
        - rm -rf ../sibling/src
`;

function put(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

const env = () => {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'XDG_CONFIG_HOME') e[k] = v;
  return { ...e, HOME: d.home, AGENTFW_ORG_CONFIG: d.org };
};
const check = (cmd = CMD) => cli(['check', '--json', '--', cmd], { env: env(), cwd: d.ws });
const agentfw = (...args: string[]) => cli(args, { env: env(), cwd: d.ws });

describe('config tiers', () => {
  it.each<[string, () => void, number, RegExp?]>([
    ['no config: the built-in pack asks', () => undefined, 10],
    [
      'a user allow quiets the built-in ask',
      () => put(d.user, { 'rules/mine.yaml': pack('mine', 'allow') }),
      0,
      /quieted by mine\/sibling-build/,
    ],
    [
      'an org ask is not quieted by a user allow',
      () => {
        put(d.org, { 'rules/org.yaml': pack('org', 'ask') });
        put(d.user, { 'rules/mine.yaml': pack('mine', 'allow') });
      },
      10,
    ],
    ['an org allow quiets the built-in ask', () => put(d.org, { 'rules/org.yaml': pack('org', 'allow') }), 0],
    [
      'a user disable of a built-in rule, with its reason in the verdict',
      () =>
        put(d.user, {
          'config.yaml':
            'disable:\n  - id: filesystem/delete-outside-workspace\n    reason: sibling checkouts are scratch here\n',
        }),
      0,
      /sibling checkouts are scratch here/,
    ],
    [
      'a user disable cannot switch off an org rule',
      () => {
        put(d.org, { 'rules/org.yaml': pack('org', 'ask') });
        put(d.user, {
          'config.yaml':
            'disable:\n  - id: org/sibling-build\n    reason: no\n  - id: filesystem\n    reason: whole pack\n',
        });
      },
      10,
    ],
    [
      'an untrusted project allow does nothing',
      () => put(d.project, { 'rules/p.yaml': pack('proj', 'allow') }),
      10,
    ],
    [
      'a project ask applies without trust (only stricter)',
      () => put(d.project, { 'rules/p.yaml': pack('proj', 'deny') }),
      20,
    ],
  ])('%s', async (_n, setup, code, reason) => {
    d = fresh();
    setup();
    const r = await check();
    expect({ code: r.code, err: r.stderr }).toEqual({ code, err: '' });
    if (reason) expect((JSON.parse(r.stdout) as { reason: string }).reason).toMatch(reason);
  });

  it('a deny is never quieted by an allow', async () => {
    d = fresh();
    put(d.user, {
      'rules/mine.yaml': pack('mine', 'allow')
        .replace('"/sibling/build$"', '"."')
        .replace('rm -rf ../sibling/src', 'echo hi'),
    });
    expect((await check('rm -rf ~')).code).toBe(20);
  });

  it('a project allow counts only while it is exactly what a human trusted', async () => {
    d = fresh();
    put(d.project, { 'rules/p.yaml': pack('proj', 'allow') });
    expect((await check()).code).toBe(10);
    const t = await agentfw('trust');
    expect(t.code).toBe(0);
    expect((await check()).code).toBe(0);
    // The agent edits the project file: trust is gone.
    put(d.project, { 'rules/p.yaml': pack('proj', 'allow').replace('scratch folder', 'scratch folder!') });
    expect((await check()).code).toBe(10);
    const list = await agentfw('rules', 'list');
    expect(list.stdout).toMatch(/project: .*\.agentfw .*NOT TRUSTED/);
  });

  it('rules list says what was loaded from where', async () => {
    d = fresh();
    put(d.org, { 'rules/org.yaml': pack('org', 'ask') });
    put(d.user, {
      'rules/mine.yaml': pack('mine', 'allow'),
      'config.yaml': 'disable:\n  - id: git/force-push\n    reason: feature branches\n',
    });
    const r = await agentfw('rules', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`org: ${d.org} (packs org)`);
    expect(r.stdout).toContain(`user: ${d.user} (packs mine, 1 disable(s))`);
    expect(r.stdout).toMatch(/mine@1\.0\.0 +\(1 rules, user\)/);
  });
});
