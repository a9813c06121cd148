/**
 * The session's private runtime directory (mode 0700, see runtimeRoot): the broker
 * socket, the watch socket, the shim directory and the gate script live here.
 * Removed when the session ends.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmdirSync,
  rmSync,
  unlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AgentfwError } from '../errors.js';

export interface RuntimeDir {
  /** Session id: also the directory's name suffix. */
  id: string;
  /** Absolute real path of the directory. */
  dir: string;
  /** Broker socket path. */
  socket: string;
  /** Watch socket path (`agentfw watch`). */
  watchSocket: string;
  /** Shim directory (first on the agent's PATH). */
  shimDir: string;
  /**
   * Second shim directory, next to the runtime dir (`<root>/.<id>.guard`), right after the
   * shim dir on PATH: when the runtime dir vanishes, PATH finds these shims (which refuse,
   * the socket being gone) instead of falling through to the real programs.
   */
  guardDir: string;
  /** Removes the directory and everything in it. Idempotent. */
  remove(): void;
}

/**
 * The folder holding one runtime dir per session; `agentfw watch` looks in the same places
 * (src/approval/watch-find.ts): $AGENTFW_RUNTIME_DIR, $XDG_RUNTIME_DIR/agentfw, or
 * <tmp>/agentfw-<uid>. It must be a real directory owned by us with mode 0700.
 */
export function runtimeRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENTFW_RUNTIME_DIR) return path.resolve(env.AGENTFW_RUNTIME_DIR);
  if (env.XDG_RUNTIME_DIR && path.isAbsolute(env.XDG_RUNTIME_DIR) && existsSync(env.XDG_RUNTIME_DIR))
    return path.join(env.XDG_RUNTIME_DIR, 'agentfw');
  return path.join(os.tmpdir(), `agentfw-${process.getuid?.() ?? 0}`);
}

function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  const uid = process.getuid?.();
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o077) !== 0) {
    // fail closed: a shared or foreign directory could let others reach the sockets
    throw new Error(`${dir} is not a private directory owned by you (mode ${(st.mode & 0o777).toString(8)})`);
  }
}

export function createRuntimeDir(env: NodeJS.ProcessEnv = process.env): RuntimeDir {
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const root = runtimeRoot(env);
  let dir = path.join(root, id);
  try {
    privateDir(root);
    mkdirSync(dir, { mode: 0o700 });
    chmodSync(dir, 0o700);
    dir = realpathSync(dir);
    // Socket paths are limited to ~107 bytes.
    if (Buffer.byteLength(path.join(dir, 'watch.sock')) > 100)
      throw new Error('the path is too long for a Unix socket');
  } catch (err) {
    if (existsSync(dir) && dir.startsWith(root)) rmSync(dir, { recursive: true, force: true });
    throw new AgentfwError(
      'E_RUNTIME_DIR',
      `cannot create the private runtime directory ${dir}: ${(err as Error).message}`,
      'set AGENTFW_RUNTIME_DIR (or XDG_RUNTIME_DIR) to a short directory that only you can access (chmod 700)',
    );
  }
  const shimDir = path.join(dir, 'bin');
  mkdirSync(shimDir, { mode: 0o700 });
  let removed = false;
  return {
    id,
    dir,
    socket: path.join(dir, 'gate.sock'),
    watchSocket: path.join(dir, 'watch.sock'),
    shimDir,
    guardDir: path.join(path.dirname(dir), `.${id}.guard`),
    remove() {
      if (removed) return;
      removed = true;
      removeTree(dir);
      removeTree(path.join(path.dirname(dir), `.${id}.guard`));
    },
  };
}

/**
 * Removes a session folder (a few hundred links, sockets and small files): each folder is
 * listed once with its entry types and each entry unlinked, instead of a stat and a failing
 * rmdir per entry. Anything unexpected (a folder made read-only, an entry that changed
 * type) is left to rmSync, which handles every case.
 */
function removeTree(dir: string, depth = 0): void {
  try {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth < 8) removeTree(p, depth + 1);
      else unlinkSync(p);
    }
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}
