// Runs the CommonJS bundle of the CLI (dist/bundle/main.cjs, scripts/bundle.mjs) with V8's
// code cache (dist/bundle/main.cjs.cache, scripts/code-cache.mjs): the functions a session's
// start runs come compiled from the cache instead of being parsed and compiled at each
// start. Node 20 has no code cache for ES modules, hence this one CommonJS file.
//
// The cache is as trusted as dist/ itself (it is written there by the build). It is used
// only when its first 32 bytes are the SHA-256 of the bundle's exact bytes; V8 then checks
// its own version and flags and rejects a cache that does not fit (the source is then
// compiled as if there were no cache). A missing, stale or rejected cache only costs time.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Length of the cache file's header: the SHA-256 of the bundle it was made from. */
const HASH_BYTES = 32;

/**
 * Loads `file` (a CommonJS bundle) and returns its exports. `writeCache`: after the
 * process's work, write a fresh code cache for it there (the build does this once).
 * Returns also whether a cache was used (for the build's own check).
 */
export function loadBundle(file, { writeCache } = {}) {
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest();
  let cachedData;
  if (!writeCache) {
    try {
      const c = readFileSync(`${file}.cache`);
      // A cache made from other bytes is never handed to V8 (its own check is by length).
      if (c.length > HASH_BYTES && digest.equals(c.subarray(0, HASH_BYTES)))
        cachedData = c.subarray(HASH_BYTES);
    } catch {
      // no cache: compile from the source
    }
  }
  // The same wrapper text as CommonJS modules get, plus the dynamic import() the bundle's
  // few imports of ES-only packages and Node built-ins go through (a vm.Script has none).
  // An ASCII file (the build makes it one) is read as one-byte text, several ms faster than UTF-8.
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname, __agentfwImport) {${text}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(
    mod.exports,
    createRequire(file),
    mod,
    file,
    path.dirname(file),
    (specifier) => import(specifier),
  );
  if (writeCache)
    process.once('exit', () => {
      const tmp = `${writeCache}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([digest, script.createCachedData()]));
      renameSync(tmp, writeCache);
    });
  return { exports: mod.exports, cached: cachedData !== undefined && !script.cachedDataRejected };
}
