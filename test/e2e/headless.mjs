// The argv and environment of a headless `agentfw run` session of the tests, in plain
// JavaScript so that both the e2e tests (through run-helpers.ts) and scripts/faults.mjs
// (run by Node without TypeScript) build their sessions the same way. Types: headless.d.mts.
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
