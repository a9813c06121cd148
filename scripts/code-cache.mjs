#!/usr/bin/env node
// Makes V8's code cache for the CommonJS bundle of the CLI (dist/bundle/main.cjs.cache, read
// by bin/bundle-loader.mjs): runs one headless session of `true` through the bundle, in a
// temporary home, workspace and cache folder, and writes what V8 compiled by then. A cache
// made after a real start holds the functions a start runs (one made right after loading
// holds little more than the top level). Without a usable cache, sessions start as before,
// only slower: a failure here is a note, never a failed build.
//
// The analysis worker's bundle (dist/bundle/worker-entry.cjs.cache, read through
// bin/worker.mjs) gets its own, from one worker loaded and asked one command.
//
//   node scripts/code-cache.mjs            make both caches
//   (internal) node scripts/code-cache.mjs --session CACHE_FILE -- ARGS...
//   (internal) node scripts/code-cache.mjs --worker CACHE_FILE     (forked, with the worker's IPC channel)
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'bundle', 'main.cjs');
const cacheFile = `${bundle}.cache`;

const workerBundle = path.join(root, 'dist', 'bundle', 'worker-entry.cjs');
const workerCache = `${workerBundle}.cache`;

if (process.argv[2] === '--session') {
  const { loadBundle } = await import(path.join(root, 'bin', 'bundle-loader.mjs'));
  const { exports } = loadBundle(bundle, { writeCache: process.argv[3] });
  process.exitCode = await exports.main(process.argv.slice(5));
} else if (process.argv[2] === '--worker') {
  // An analysis worker (forked below): it exits when the channel closes, writing the cache.
  const { loadBundle } = await import(path.join(root, 'bin', 'bundle-loader.mjs'));
  loadBundle(workerBundle, { writeCache: process.argv[3] });
} else {
  await workerCodeCache();
  rmSync(cacheFile, { force: true });
  if (!existsSync(bundle)) process.exit(0); // no CommonJS bundle (scripts/bundle.mjs said why)
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-code-cache-'));
  try {
    const ws = path.join(tmp, 'ws');
    mkdirSync(ws);
    mkdirSync(path.join(tmp, 'home'));
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: path.join(tmp, 'home'),
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
      LANG: 'C.UTF-8',
    };
    const session = (mode) =>
      spawnSync(
        process.execPath,
        [
          fileURLToPath(import.meta.url),
          '--session',
          cacheFile,
          '--',
          'run',
          '--headless',
          ...mode,
          '--',
          'true',
        ],
        { cwd: ws, env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000, encoding: 'utf8' },
      );
    // The default mode (the sandbox) runs the most of a start; where it cannot run (no
    // user namespaces in a build container), a session without it still covers most.
    // Twice: the first fills the example cache, so the second (whose cache is kept) holds
    // what an ordinary start runs.
    const mode = session([]).status === 0 ? [] : ['--no-sandbox'];
    if (mode.length) session(mode);
    const r = session(mode);
    if (r.status !== 0 || !existsSync(cacheFile)) {
      rmSync(cacheFile, { force: true });
      process.stderr.write(
        `agentfw: note: no code cache for dist/bundle/main.cjs (a trial session failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}); sessions start slower\n`,
      );
    } else process.stderr.write('agentfw: wrote the code cache dist/bundle/main.cjs.cache\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The worker's cache: one worker loaded as a session's pool loads it, asked one command,
 * left to finish its warm-up, then let go (it exits when its channel closes).
 */
async function workerCodeCache() {
  rmSync(workerCache, { force: true });
  if (!existsSync(workerBundle)) return;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-code-cache-'));
  const spec = { rulesetPaths: [], workspace: tmp };
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tmp,
    LANG: 'C.UTF-8',
    AGENTFW_WORKER_SPEC: JSON.stringify(spec),
  };
  const child = fork(fileURLToPath(import.meta.url), ['--worker', workerCache], {
    cwd: tmp,
    env,
    execArgv: [],
    serialization: 'json',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const ok = await new Promise((resolve) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(false)), 30_000);
    child.on('exit', (code) => (clearTimeout(timer), resolve(code === 0)));
    child.on('message', (m) => {
      if (m && m.ready) child.send({ id: 1, script: 'ls -la | grep x', cwd: tmp, workspace: tmp });
      else if (m && m.id === 1) setTimeout(() => child.disconnect(), 1000);
    });
  });
  rmSync(tmp, { recursive: true, force: true });
  if (!ok || !existsSync(workerCache)) {
    rmSync(workerCache, { force: true });
    process.stderr.write(
      `agentfw: note: no code cache for dist/bundle/worker-entry.cjs (${stderr.trim().split('\n').pop() || 'the trial worker failed'}); workers load slower\n`,
    );
  } else process.stderr.write('agentfw: wrote the code cache dist/bundle/worker-entry.cjs.cache\n');
}
