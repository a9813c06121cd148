/**
 * The scripted "day of work" (test/e2e/daily-day.test.ts) in the default sandbox, where the
 * exec gate judges every exec: ~50 ordinary commands, plus python tools reached through
 * version-manager shims (a faithful pyenv copy in HOME: `python3`, `pip`, `python3 -m pip`,
 * a versioned `python3.0`), run the way coding agents run them (each through `$SHELL -c`)
 * in one real headless session; a real external approver counts every dialog. Target: zero.
 * Then destructive commands, each in its own session: exactly one dialog each.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { dayCommands, daySession, writeDayAgent, writeShop, type DaySession } from './day-of-work.js';
import { installFakePyenv } from './fake-pyenv.js';
import { countingApprover, ensureBuilt } from './run-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP)
  console.log('daily-day-sandbox e2e skipped: bwrap is not installed (apt-get install -y bubblewrap)');
const HAS_PIP = spawnSync('/usr/bin/python3', ['-m', 'pip', '--version']).status === 0;

let s: Scratch;
let api: FakeApi;
let day: DaySession;

beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await startFakeApi();
  // The agent and its files live in the workspace (the sandbox shows nothing else of the
  // test's tmp folder), in a folder git ignores.
  mkdirSync(path.join(s.ws, '.day'));
  writeFileSync(path.join(s.ws, '.day', '.gitignore'), '*\n');
  day = {
    s,
    shims: installFakePyenv(path.join(s.home, '.pyenv'), '/usr/bin/python3', { pip: HAS_PIP }),
    approver: countingApprover(s),
    agent: writeDayAgent(path.join(s.ws, '.day')),
    flags: [],
  };
  writeShop(s.ws);
});
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

const session = (cmds: string[]) => daySession(day, cmds);
const DAY = () => dayCommands(api.url);

/** Python tools through the pyenv copy's shims that agentfw has no tool shim for (the exec gate judges them). */
const PY_TOOLS = HAS_PIP
  ? [
      'pip --version',
      'python3 -m pip --version',
      'pip list --disable-pip-version-check',
      "python3.0 -c 'print(1)'",
    ]
  : [];

const DESTRUCTIVE: [string, () => string][] = [
  ['rm -rf outside the workspace', () => 'rm -rf ~/old-notes'],
  [
    'GraphQL volumeDelete',
    () =>
      `curl -s -X POST ${api.url}/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-9\\") }"}'`,
  ],
  ['git push --force', () => 'git push --force origin HEAD:main || true'],
  [
    'python rmtree of a home folder',
    () => `python3 -c 'import shutil, os; shutil.rmtree(os.path.expanduser("~/py-old"))'`,
  ],
  [
    'the same through a versioned python shim',
    () => `python3.0 -c 'import shutil, os; shutil.rmtree(os.path.expanduser("~/py-old"))'`,
  ],
  ['kubectl delete namespace', () => 'kubectl delete namespace prod || true'],
  ['aws s3 rb --force', () => 'aws s3 rb s3://prod-backups --force || true'],
];

describe.skipIf(!HAS_BWRAP)('a day of work through agentfw run, default sandbox', () => {
  it('~50 ordinary commands and python tools through shims: no dialog at all, and they all ran', async () => {
    const cmds = [...DAY(), ...PY_TOOLS];
    expect(cmds.length).toBeGreaterThanOrEqual(50);
    const { asks, results } = await session(cmds);
    expect(asks.map((a) => a.command)).toEqual([]);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
  }, 300_000);

  it.each(DESTRUCTIVE.filter(([name]) => HAS_PIP || !name.includes('versioned')))(
    '%s: exactly one dialog, and it is not refused',
    async (_name, cmd) => {
      const { asks, results } = await session([cmd()]);
      expect({ asks: asks.length, shown: asks[0]?.command.slice(0, 300) }).toEqual({
        asks: 1,
        shown: expect.any(String),
      });
      expect(results[0].code).not.toBe(126);
    },
    300_000,
  );
});
