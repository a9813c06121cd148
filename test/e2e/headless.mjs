// The argv and environment of a headless `agentfw run` session of the tests, in plain
// JavaScript so that both the e2e tests (through run-helpers.ts) and scripts/faults.mjs
// (run by Node without TypeScript) build their sessions the same way. Types: headless.d.mts.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** The argv of `agentfw run --headless [--sandbox|--no-sandbox] [--audit FILE] FLAGS -- COMMAND`. */
export function headlessArgs(command, o = {}) {
  const sandbox = o.sandbox === undefined ? [] : [o.sandbox ? '--sandbox' : '--no-sandbox'];
  const audit = o.audit ? ['--audit', o.audit] : [];
  return ['run', '--headless', ...sandbox, ...audit, ...(o.flags ?? []), '--', ...command];
}

/** This process's environment with HOME = `dirs.home` and the runtime dir under `dirs.root`, then `extra`. */
export function sessionEnv(dirs, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return { ...env, HOME: dirs.home, AGENTFW_RUNTIME_DIR: path.join(dirs.root, 'rt'), ...extra };
}

/** The system trust store the egress proxy copies into each session's CA bundle (SYSTEM_BUNDLE of src/gates/proxy/ca.ts; this file is plain JavaScript and cannot import it). */
const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * A file size limit (`ulimit -f`, KiB) above every file a session writes besides its audit
 * log: the egress proxy's CA bundle (the system's trust store) and the gate client copied
 * into the runtime folder from `root`/build (statically linked where libc allows). Under it,
 * the audit log is the first file to hit the limit. Call after the build.
 */
export function sessionFileLimitKb(root) {
  const size = (f) => (existsSync(f) ? statSync(f).size : 0);
  const largest = Math.max(size(SYSTEM_BUNDLE), size(path.join(root, 'build', 'agentfw-shim')));
  return Math.max(200, Math.ceil(largest / 1024) + 64);
}
