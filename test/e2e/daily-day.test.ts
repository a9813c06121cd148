/**
 * A scripted "day of work" through one real headless session: an agent runs ~50 ordinary
 * commands the way coding agents do (each through `$SHELL -c`) in a git workspace, and a
 * real external approver counts every dialog. Target: zero. Then destructive commands,
 * each in its own session, approved (with the typed value where one is asked): exactly one
 * dialog each, and the command then really runs (no second question on the way).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { installFakePyenv } from './fake-pyenv.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

let s: Scratch;
let api: FakeApi;
let approver: string;
let agent: string;
let shims: string;

beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await startFakeApi();
  // python3 through a version-manager shim, as on most developer machines (a faithful pyenv copy).
  shims = installFakePyenv(path.join(s.home, '.pyenv'));
  approver = path.join(s.root, 'approver.mjs');
  writeFileSync(
    approver,
    `#!/usr/bin/env node
import { appendFileSync, readFileSync } from 'node:fs';
const req = JSON.parse(readFileSync(0, 'utf8').split('\\n')[0]);
appendFileSync(process.env.ASK_LOG, JSON.stringify({ layer: req.layer, command: req.command }) + '\\n');
console.log(JSON.stringify({ verdict: 'allow', ...(req.confirm !== undefined ? { confirm: req.confirm } : {}) }));
`,
  );
  chmodSync(approver, 0o755);
  // The agent: each command through $SHELL -c, like a coding agent's shell tool.
  agent = path.join(s.root, 'day-agent.mjs');
  writeFileSync(
    agent,
    `import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
const [, , cmdsFile, out] = process.argv;
const cmds = JSON.parse(readFileSync(cmdsFile, 'utf8'));
const res = cmds.map((c) => {
  const r = spawnSync(process.env.SHELL, ['-c', c], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { cmd: c, code: r.status };
});
writeFileSync(out, JSON.stringify(res));
`,
  );
  // A small project in git.
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
  const cmdsFile = path.join(s.root, `cmds-${n}.json`);
  const out = path.join(s.root, `out-${n}.json`);
  writeFileSync(cmdsFile, JSON.stringify(cmds));
  const env = cliEnv(s, {
    // This machine's own version managers (if any) live under the real HOME, not the test's: leave them out.
    PATH: [
      shims,
      ...(process.env.PATH ?? '').split(':').filter((p) => !/\/\.(pyenv|rbenv|nodenv|asdf)\//.test(p + '/')),
    ].join(':'),
    ASK_LOG: log,
    GIT_AUTHOR_NAME: 'dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
  });
  const r = await cli(
    ['run', '--headless', '--no-sandbox', '--approver', approver, '--', 'node', agent, cmdsFile, out],
    {
      env,
      cwd: s.ws,
      timeoutMs: 300_000,
    },
  );
  expect(r.code).toBe(0);
  const asks = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { layer: string; command: string });
  const results = JSON.parse(readFileSync(out, 'utf8')) as { cmd: string; code: number }[];
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
