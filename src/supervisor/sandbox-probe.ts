/**
 * Whether the OS sandbox can start here: bwrap found on PATH and one throw-away sandbox run
 * with the namespaces the profile needs (synchronously for `agentfw doctor`, in the
 * background while a session loads). Fail closed: the sandbox is on by default, and a
 * session never runs the agent unsandboxed in its place.
 */
import { spawn, spawnSync } from 'node:child_process';
import { AgentfwError } from '../errors.js';
import { SANDBOX_ID_FOR_ROOT } from './sandbox.js';
import { which } from './shimdir.js';

/** E_SANDBOX_UNAVAILABLE with `why`, and the fix. */
function unavailable(why: string): AgentfwError {
  // fail closed: the sandbox is on by default; never run the agent unsandboxed instead
  return new AgentfwError(
    'E_SANDBOX_UNAVAILABLE',
    `the OS sandbox (on by default) cannot start: ${why}. The agent was not started.`,
    'install bubblewrap (`apt-get install -y bubblewrap`) and make sure user namespaces are enabled ' +
      '(`sysctl kernel.unprivileged_userns_clone=1`, `user.max_user_namespaces` > 0, no AppArmor userns ' +
      'restriction), then run `bwrap --unshare-user --unshare-pid --ro-bind / / true` to check; ' +
      'or pass --no-sandbox to run without it (agentfw then says what that gives up)',
  );
}

/** bwrap and the arguments of a minimal test sandbox (`true` in a user+pid namespace, caps dropped). */
function probeCommand(pathVar: string, hostUid: number): { bwrap: string; args: string[] } {
  const bwrap = which('bwrap', pathVar);
  if (!bwrap) throw unavailable('`bwrap` is not on PATH');
  const ids =
    hostUid === 0 ? ['--uid', String(SANDBOX_ID_FOR_ROOT), '--gid', String(SANDBOX_ID_FOR_ROOT)] : [];
  const args = ['--unshare-user', ...ids, '--unshare-pid', '--cap-drop', 'ALL', '--ro-bind', '/', '/'];
  return { bwrap, args: [...args, '--proc', '/proc', '--', 'true'] };
}

/** How long a test sandbox may take to start and exit. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Finds bwrap on `pathVar` and starts one throw-away sandbox with the namespaces the
 * profile needs. Returns bwrap's absolute path; throws E_SANDBOX_UNAVAILABLE otherwise.
 */
export function probeSandbox(pathVar: string, hostUid: number): string {
  const { bwrap, args } = probeCommand(pathVar, hostUid);
  const r = spawnSync(bwrap, args, {
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.error || r.status !== 0) {
    const msg = (r.error?.message ?? r.stderr ?? '').trim().split('\n')[0] || `exit ${r.status}`;
    throw unavailable(`a test sandbox failed (${msg})`);
  }
  return bwrap;
}

/**
 * `probeSandbox` without blocking: the test sandbox runs while the session loads its
 * secrets and rules. Rejects with the same E_SANDBOX_UNAVAILABLE errors; the caller awaits
 * it before anything depends on the sandbox (fail closed: no answer = no session).
 */
export function probeSandboxAsync(pathVar: string, hostUid: number): Promise<string> {
  let cmd: { bwrap: string; args: string[] };
  try {
    cmd = probeCommand(pathVar, hostUid);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    const p = spawn(cmd.bwrap, cmd.args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: PROBE_TIMEOUT_MS });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString('utf8').slice(0, 2000)));
    p.on('error', (e) => reject(unavailable(`a test sandbox failed (${e.message})`)));
    p.on('close', (code, signal) => {
      if (code === 0) return resolve(cmd.bwrap);
      const msg = err.trim().split('\n')[0] || (signal ? `killed by ${signal}` : `exit ${code}`);
      reject(unavailable(`a test sandbox failed (${msg})`));
    });
  });
}
