/**
 * A scripted "day of work" through one real headless session: an agent runs ~50 ordinary
 * commands the way coding agents do (each through `$SHELL -c`) in a git workspace, and a
 * real external approver counts every dialog. Target: zero. Then destructive commands,
 * each in its own session, approved (with the typed value where one is asked): exactly one
 * dialog each, and the command then really runs (no second question on the way).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { dayCommands, daySession, writeDayAgent, writeShop, type DaySession } from './day-of-work.js';
import { installFakePyenv } from './fake-pyenv.js';
import { countingApprover, ensureBuilt } from './run-helpers.js';

let s: Scratch;
let api: FakeApi;
let day: DaySession;

beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await startFakeApi();
  day = {
    s,
    // python3 through a version-manager shim, as on most developer machines (a faithful pyenv copy).
    shims: installFakePyenv(path.join(s.home, '.pyenv')),
    approver: countingApprover(s),
    agent: writeDayAgent(s.root),
    flags: ['--no-sandbox'],
  };
  writeShop(s.ws);
});
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

const session = (cmds: string[]) => daySession(day, cmds);
const DAY = () => dayCommands(api.url);

const DESTRUCTIVE: [string, () => string, () => boolean][] = [
  [
    'rm -rf outside the workspace',
    () => `mkdir -p ~/old-notes && true; rm -rf ~/old-notes`,
    () => !existsSync(path.join(s.home, 'old-notes')),
  ],
  [
    'GraphQL volumeDelete',
    () =>
      `curl -s -X POST ${api.url}/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-9\\") }"}'`,
    () => api.mutations().some((m) => m.fields.includes('volumeDelete')),
  ],
  ['git push --force', () => 'git push --force origin HEAD:main || true', () => true],
  [
    'python rmtree of a home folder',
    () => `python3 -c 'import shutil, os; shutil.rmtree(os.path.expanduser("~/py-old"))'`,
    () => !existsSync(path.join(s.home, 'py-old')),
  ],
  ['terraform destroy', () => 'terraform destroy -auto-approve || true', () => true],
  ['kubectl delete namespace', () => 'kubectl delete namespace prod || true', () => true],
  ['aws s3 rb --force', () => 'aws s3 rb s3://prod-backups --force || true', () => true],
];

describe('a day of work through agentfw run', () => {
  it('~50 ordinary commands: no dialog at all, and they all ran', async () => {
    const cmds = DAY();
    expect(cmds.length).toBeGreaterThanOrEqual(50);
    const { asks, results } = await session(cmds);
    expect(asks.map((a) => a.command)).toEqual([]);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
  }, 300_000);

  it.each(DESTRUCTIVE)(
    '%s: exactly one dialog, then it runs',
    async (_name, cmd, ran) => {
      mkdirSync(path.join(s.home, 'py-old'), { recursive: true });
      const { asks, results } = await session([cmd()]);
      expect({ asks: asks.length, shown: asks[0]?.command.slice(0, 300) }).toEqual({
        asks: 1,
        shown: expect.any(String),
      });
      expect(results[0].code).not.toBe(126);
      expect(ran()).toBe(true);
    },
    300_000,
  );
});
