#!/usr/bin/env node
// Installs the four real agent CLIs (Claude Code, Gemini CLI, Codex, opencode) that
// `npm run test:agents` drives, at the exact versions pinned by the agent-exec harness.
//
// The harness folder is read-only, so its package.json + package-lock.json are copied
// into a writable cache directory and installed there with `npm ci` (or `npm install`
// with the same exact pins when the lock file is out of date):
//   AGENTFW_AGENTS_DIR   where the agents go (default: $HOME/.cache/agentfw-agents)
//   AGENTFW_HARNESS_DIR  where the harness lives (default: ../shared/harness next to the repo)
//
// Idempotent: when the installed lock file already equals the harness lock file and every
// agent binary is present, nothing is downloaded. Exit 0 also when the install fails: the
// agent tests then skip the agents whose binary is missing and say why. Exit 2 only when
// the harness itself cannot be found (nothing to install from).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** ../shared/harness next to the checkout, or next to the main checkout for a git worktree. */
function defaultHarness() {
  const here = path.join(repoRoot, '..', 'shared', 'harness');
  if (existsSync(here)) return here;
  const r = spawnSync('git', ['-C', repoRoot, 'rev-parse', '--path-format=absolute', '--git-common-dir'], {
    encoding: 'utf8',
  });
  const common = r.status === 0 ? r.stdout.trim() : '';
  const main = common ? path.join(path.dirname(common), '..', 'shared', 'harness') : '';
  return main && existsSync(main) ? main : here;
}
const harnessDir = path.resolve(process.env.AGENTFW_HARNESS_DIR || defaultHarness());
const agentsDir = path.resolve(
  process.env.AGENTFW_AGENTS_DIR || path.join(os.homedir(), '.cache', 'agentfw-agents'),
);
/** Binaries the tests run, relative to node_modules/.bin. */
const BINARIES = ['claude', 'gemini', 'codex', 'opencode'];

function say(msg) {
  process.stdout.write(`[agents-setup] ${msg}\n`);
}

function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const srcManifest = path.join(harnessDir, 'package.json');
const srcLock = path.join(harnessDir, 'package-lock.json');
if (!existsSync(srcManifest) || !existsSync(srcLock)) {
  process.stderr.write(
    `agentfw: E_AGENTS_HARNESS_MISSING no package.json/package-lock.json in ${harnessDir}\n` +
      'Fix: set AGENTFW_HARNESS_DIR to the agent-exec harness folder.\n',
  );
  process.exit(2);
}

mkdirSync(agentsDir, { recursive: true });
const dstManifest = path.join(agentsDir, 'package.json');
const dstLock = path.join(agentsDir, 'package-lock.json');
/** Copy of the lock file that was last installed successfully; empty when none. */
const stampFile = path.join(agentsDir, '.installed-lock.json');
const wantedLock = readFileSync(srcLock, 'utf8');
const missing = () => BINARIES.filter((b) => !existsSync(path.join(agentsDir, 'node_modules', '.bin', b)));

if (readOrEmpty(stampFile) === wantedLock && missing().length === 0) {
  say(`agents already installed in ${agentsDir} (${BINARIES.join(', ')})`);
  process.exit(0);
}

say(`installing the pinned agent CLIs into ${agentsDir}`);
copyFileSync(srcManifest, dstManifest);
copyFileSync(srcLock, dstLock);
const pins = JSON.parse(readFileSync(srcManifest, 'utf8')).dependencies ?? {};
for (const [name, version] of Object.entries(pins)) say(`  ${name}@${version}`);
function npm(args) {
  const res = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=http'], {
    cwd: agentsDir,
    stdio: 'inherit',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return res.status ?? 1;
}
say('running npm ci (this downloads a few hundred MB the first time; progress follows)');
let status = npm(['ci']);
if (status !== 0) {
  // The harness lock file can lag behind optional platform packages that the registry
  // added later; `npm ci` then refuses. The top-level pins are exact versions, so
  // `npm install` installs the same agent versions and only fills the gaps.
  say(`npm ci exited ${status}; retrying with npm install (same exact pins)`);
  copyFileSync(srcLock, dstLock);
  status = npm(['install']);
}
const absent = missing();
if (status !== 0 || absent.length > 0) {
  say(`npm exited ${status}; binaries missing: ${absent.join(', ') || 'none'}`);
  say('the agent tests will skip the agents whose binary is missing and print why');
  process.exit(0);
}
writeFileSync(stampFile, wantedLock);
say(`done: ${BINARIES.map((b) => path.join(agentsDir, 'node_modules', '.bin', b)).join(' ')}`);
