/**
 * The scripted "day of work" shared by test/e2e/daily-day.test.ts (--no-sandbox) and
 * daily-day-sandbox.test.ts (the default sandbox): a small git project, ~50 ordinary
 * commands, and an agent that runs each through `$SHELL -c` as coding agents do, in one
 * real headless session whose external approver (countingApprover) counts every dialog.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Scratch } from '../gates/shim/gate-helpers.js';
import { auditRecords, cli, cliEnv, type Ask } from './run-helpers.js';

/** Writes the agent into `dir`; returns its path. It writes one {cmd, code, err} per command. */
export function writeDayAgent(dir: string): string {
  const agent = path.join(dir, 'day-agent.mjs');
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
  return agent;
}

/** The project the day works on (not yet in git: the day's first commands make the repository). */
export function writeShop(ws: string): void {
  const w = (f: string, t: string) => {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    writeFileSync(path.join(ws, f), t);
  };
  w('README.md', '# shop\nTODO: docs\n');
  w('package.json', '{"name":"shop","version":"1.0.0","scripts":{"test":"node test.js"}}\n');
  w('src/app.js', 'console.log("app"); // TODO\n');
  w('test.js', 'console.log("ok");\n');
  w('scripts/build.sh', '#!/bin/bash\nset -e\nmkdir -p build\necho built > build/out.txt\n');
  chmodSync(path.join(ws, 'scripts/build.sh'), 0o755);
}

/** ~50 ordinary commands of a day's work; `apiUrl`: the fake API a health check reaches. */
export const dayCommands = (apiUrl: string): string[] => [
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
  `curl -s ${apiUrl}/health -o /dev/null || true`,
  'git stash list',
  'git show --stat HEAD',
  'chmod +x scripts/build.sh',
  'du -sh src',
  'which git node',
];

export interface DaySession {
  s: Scratch;
  /** The fake pyenv's shims folder, first on PATH. */
  shims: string;
  /** countingApprover(s); every dialog is allowed (with the typed value where one is asked). */
  approver: string;
  /** writeDayAgent's file; its command and result files go in the same folder. */
  agent: string;
  /** Extra `agentfw run` flags (e.g. --no-sandbox). Empty = the defaults. */
  flags: string[];
}

let n = 0;
/** One session running `cmds`: the dialogs it asked, and each command's exit code. */
export async function daySession(
  d: DaySession,
  cmds: string[],
): Promise<{ asks: Ask[]; results: { cmd: string; code: number; err: string }[] }> {
  const { s } = d;
  const log = path.join(s.root, `asks-${++n}.jsonl`);
  writeFileSync(log, '');
  const dir = path.dirname(d.agent);
  const cmdsFile = path.join(dir, `cmds-${n}.json`);
  const out = path.join(dir, `out-${n}.json`);
  writeFileSync(cmdsFile, JSON.stringify(cmds));
  const env = cliEnv(s, {
    // This machine's own version managers (if any) live under the real HOME, not the test's: leave them out.
    PATH: [
      d.shims,
      ...(process.env.PATH ?? '').split(':').filter((p) => !/\/\.(pyenv|rbenv|nodenv|asdf)\//.test(p + '/')),
    ].join(':'),
    ASK_LOG: log,
    ASK_VERDICT: 'allow',
    GIT_AUTHOR_NAME: 'dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
  });
  const r = await cli(
    ['run', '--headless', ...d.flags, '--approver', d.approver, '--', 'node', d.agent, cmdsFile, out],
    { env, cwd: s.ws, timeoutMs: 300_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  const results = JSON.parse(readFileSync(out, 'utf8')) as { cmd: string; code: number; err: string }[];
  return { asks: auditRecords<Ask>(log), results };
}
