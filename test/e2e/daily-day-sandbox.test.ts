/**
 * The scripted "day of work" (test/e2e/daily-day.test.ts) in the default sandbox, where the
 * exec gate judges every exec: ~50 ordinary commands, plus python tools reached through
 * version-manager shims (a faithful pyenv copy in HOME: `python3`, `pip`, `python3 -m pip`,
 * a versioned `python3.0`), run the way coding agents run them (each through `$SHELL -c`)
 * in one real headless session; a real external approver counts every dialog. Target: zero.
 * Then destructive commands, each in its own session: exactly one dialog each.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { writeCountingApprover } from './count-asks.js';
import { installFakePyenv } from './fake-pyenv.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP)
  console.log('daily-day-sandbox e2e skipped: bwrap is not installed (apt-get install -y bubblewrap)');
const HAS_PIP = spawnSync('/usr/bin/python3', ['-m', 'pip', '--version']).status === 0;

let s: Scratch;
let api: FakeApi;
let approver: string;
let agent: string;
let shims: string;

beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await startFakeApi();
  shims = installFakePyenv(path.join(s.home, '.pyenv'), '/usr/bin/python3', { pip: HAS_PIP });
  approver = writeCountingApprover(s);
  // The agent: each command through $SHELL -c, like a coding agent's shell tool. It and its
  // files live in the workspace (the sandbox shows nothing else of the test's tmp folder),
  // in a folder git ignores.
  mkdirSync(path.join(s.ws, '.day'));
  writeFileSync(path.join(s.ws, '.day', '.gitignore'), '*\n');
  agent = path.join(s.ws, '.day', 'day-agent.mjs');
  writeFileSync(
    agent,
    `import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
const [, , cmdsFile, out] = process.argv;
const cmds = JSON.parse(readFileSync(cmdsFile, 'utf8'));
const res = cmds.map((c) => {
  const r = spawnSync(process.env.SHELL, ['-c', c], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { cmd: c, code: r.status, err: (r.stderr || '').slice(0, 400) };
});
writeFileSync(out, JSON.stringify(res));
`,
  );
  const w = (f: string, t: string) => {
    mkdirSync(path.dirname(path.join(s.ws, f)), { recursive: true });
    writeFileSync(path.join(s.ws, f), t);
  };
  w('README.md', '# shop\nTODO: docs\n');
  w('package.json', '{"name":"shop","version":"1.0.0","scripts":{"test":"node test.js"}}\n');
  w('src/app.js', 'console.log("app"); // TODO\n');
  w('test.js', 'console.log("ok");\n');
  w('scripts/build.sh', '#!/bin/bash\nset -e\nmkdir -p build\necho built > build/out.txt\n');
  chmodSync(path.join(s.ws, 'scripts/build.sh'), 0o755);
});
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

let n = 0;
async function session(cmds: string[]) {
  const log = path.join(s.root, `asks-${++n}.jsonl`);
  writeFileSync(log, '');
  const cmdsFile = path.join(s.ws, '.day', `cmds-${n}.json`);
  const out = path.join(s.ws, '.day', `out-${n}.json`);
  writeFileSync(cmdsFile, JSON.stringify(cmds));
  const env = cliEnv(s, {
    // This machine's own version managers (if any) live under the real HOME, not the test's: leave them out.
    PATH: [
      shims,
      ...(process.env.PATH ?? '').split(':').filter((p) => !/\/\.(pyenv|rbenv|nodenv|asdf)\//.test(p + '/')),
    ].join(':'),
    ASK_LOG: log,
    ASK_VERDICT: 'allow',
    GIT_AUTHOR_NAME: 'dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
  });
  const r = await cli(['run', '--headless', '--approver', approver, '--', 'node', agent, cmdsFile, out], {
    env,
    cwd: s.ws,
    timeoutMs: 300_000,
  });
  expect(r.code, r.stderr).toBe(0);
  const asks = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { layer: string; command: string });
  const results = JSON.parse(readFileSync(out, 'utf8')) as { cmd: string; code: number; err: string }[];
  return { asks, results };
}

const DAY = () => [
  'git init -q',
  'git add -A',
  'git commit -qm "initial"',
  'git status --short',
  'git log --oneline -5',
  'git checkout -q -b feature/docs',
  'ls -la',
  'cat README.md',
  'head -n 3 package.json',
  'tail -n 1 src/app.js',
  'wc -l src/app.js test.js',
  'grep -rn TODO src README.md',
  "find . -name '*.js' -not -path './.git/*'",
  'mkdir -p docs',
  "echo '# Docs' > docs/index.md",
  "printf 'line\\n' >> docs/index.md",
  'cp README.md docs/README.copy.md',
  'mv docs/README.copy.md docs/intro.md',
  'touch docs/.keep',
  'sed -n 1,2p docs/index.md',
  "sed -i 's/TODO: docs/Docs: see docs\\//' README.md",
  'git diff --stat',
  'git add docs README.md',
  'git commit -qm "docs"',
  'git checkout -q -',
  'git merge -q feature/docs',
  'git branch -d feature/docs',
  'node -e "console.log(1 + 1)"',
  'node test.js',
  'npm --version',
  "python3 -c 'print(40 + 2)'",
  'python3 -m json.tool package.json',
  './scripts/build.sh',
  'bash scripts/build.sh',
  'cat build/out.txt',
  'rm -rf build',
  'rm -f docs/.keep',
  'tar czf /tmp/shop-docs.tgz docs && rm /tmp/shop-docs.tgz',
  'sort package.json | uniq | wc -l',
  'ls src | xargs -I{} echo file: {}',
  'for f in src/*.js; do echo "$f"; done',
  'export FOO=bar; echo "$FOO"',
  'date +%Y',
  'env | grep -c PATH',
  'diff README.md docs/intro.md || true',
  `curl -s ${api.url}/health -o /dev/null || true`,
  'git stash list',
  'git show --stat HEAD',
  'chmod +x scripts/build.sh',
  'du -sh src',
  'which git node',
];

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
