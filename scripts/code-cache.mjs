#!/usr/bin/env node
// Makes V8's code cache for the CommonJS bundle of the CLI (dist/bundle/main.cjs.cache, read
// by bin/bundle-loader.mjs): runs one headless session of `true` through the bundle, in a
// temporary home, workspace and cache folder, and writes what V8 compiled by then. A cache
// made after a real start holds the functions a start runs (one made right after loading
// holds little more than the top level). Without a usable cache, sessions start as before,
// only slower: a failure here is a note, never a failed build.
//
//   node scripts/code-cache.mjs            make the cache
//   (internal) node scripts/code-cache.mjs --session CACHE_FILE -- ARGS...
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'bundle', 'main.cjs');
const cacheFile = `${bundle}.cache`;

if (process.argv[2] === '--session') {
  const { loadBundle } = await import(path.join(root, 'bin', 'bundle-loader.mjs'));
  const { exports } = loadBundle(bundle, { writeCache: process.argv[3] });
  process.exitCode = await exports.main(process.argv.slice(5));
} else {
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
        { cwd: ws, env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000, encoding: 'utf8' },
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
