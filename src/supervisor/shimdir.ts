/**
 * Fills the shim directory: one symlink to the gate client per shell and risky program
 * that exists on the user's real PATH, plus the bash gate script (BASH_ENV / rcfile).
 */
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gateScript } from '../gates/shim/gate-script.js';
import { SHELLS, TOOLS } from '../gates/shim/programs.js';

export interface ShimSet {
  /** Directory holding the symlinks. */
  dir: string;
  /** Absolute path of the bash gate script. */
  gateScript: string;
  /** Names of the shells shimmed (present on the real PATH). */
  shells: string[];
  /** Names of the tools shimmed (present on the real PATH). */
  tools: string[];
  /**
   * The session's own copy of the gate client (`<dir>/.client/agentfw-shim`): every link
   * points at it, so rebuilding or removing build/agentfw-shim mid-session changes nothing.
   */
  client: string;
}

/**
 * Absolute path of `name` on `pathVar`, skipping `skipDir`; undefined when absent.
 * `listed`: a folder's names (null = not listable), so a folder without `name` is skipped
 * without a stat (pathLookup); absent = a stat per folder.
 */
export function which(
  name: string,
  pathVar: string,
  skipDir?: string,
  listed?: (dir: string) => Set<string> | null,
): string | undefined {
  for (const d of pathVar.split(':')) {
    const dir = d || '.';
    if (skipDir && path.resolve(dir) === path.resolve(skipDir)) continue;
    if (listed?.(dir)?.has(name) === false) continue;
    const p = path.join(dir, name);
    try {
      if (!statSync(p, { throwIfNoEntry: false })?.isFile()) continue;
      accessSync(p, constants.X_OK);
      return path.resolve(p);
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/**
 * `which` for many names on one PATH (the shim set: ~90 names × every PATH folder): each
 * folder is listed once and only the names it holds are checked, instead of a failing
 * stat per name and folder. Same answer as {@link which}: the first folder where the name
 * is an executable regular file. A folder that cannot be listed is checked name by name.
 */
export function pathLookup(pathVar: string): (name: string) => string | undefined {
  const listings = new Map<string, Set<string> | null>();
  const listed = (dir: string): Set<string> | null => {
    let l = listings.get(dir);
    if (l === undefined) {
      try {
        l = new Set(readdirSync(dir));
      } catch {
        l = null; // not listable (or absent): fall back to a stat per name
      }
      listings.set(dir, l);
    }
    return l;
  };
  return (name) => which(name, pathVar, undefined, listed);
}

export function prepareShims(opts: {
  shimDir: string;
  runtimeDir: string;
  client: string;
  realPath: string;
}): ShimSet {
  const shells: string[] = [];
  const tools: string[] = [];
  // The client keeps its name (it dispatches on argv[0] == agentfw-shim) in a hidden folder.
  const clientDir = path.join(opts.shimDir, '.client');
  mkdirSync(clientDir, { mode: 0o700 });
  const client = path.join(clientDir, 'agentfw-shim');
  copyFileSync(opts.client, client);
  chmodSync(client, 0o755); // the runtime dir itself is 0700
  const found = pathLookup(opts.realPath);
  for (const name of SHELLS) {
    // bash is always shimmed: SHELL and CLAUDE_CODE_SHELL point at it.
    if (name !== 'bash' && !found(name)) continue;
    symlinkSync(client, path.join(opts.shimDir, name));
    shells.push(name);
  }
  for (const name of TOOLS) {
    if (!found(name)) continue;
    symlinkSync(client, path.join(opts.shimDir, name));
    tools.push(name);
  }
  const gate = path.join(opts.runtimeDir, 'gate.bash');
  writeFileSync(gate, gateScript(), { mode: 0o600 });
  return { dir: opts.shimDir, gateScript: gate, shells, tools, client };
}

/**
 * Fills the guard directory (RuntimeDir.guardDir): a hard link to the session's client
 * (same inode, so the client never mistakes these shims for the real program) and one
 * symlink per shimmed name. Returns false, creating nothing, when a hard link is not
 * possible (another filesystem); the watchdog alone then covers a vanished runtime dir.
 */
export function prepareGuard(guardDir: string, shims: ShimSet): boolean {
  const clientDir = path.join(guardDir, '.client');
  mkdirSync(clientDir, { recursive: true, mode: 0o700 });
  const client = path.join(clientDir, 'agentfw-shim');
  try {
    linkSync(shims.client, client);
  } catch {
    return false;
  }
  for (const name of [...shims.shells, ...shims.tools]) symlinkSync(client, path.join(guardDir, name));
  return true;
}

/**
 * Makes the gate script and the shim directory read-only: a speed bump for sessions
 * without the sandbox, where the agent runs as the supervisor's own uid (any change that
 * gets through ends the session: the integrity watchdog, src/supervisor/watchdog.ts).
 * Best effort. Returns the undo, which makes the shim dir writable again so it can be removed.
 */
export function makeShimsReadOnly(shims: ShimSet): () => void {
  try {
    chmodSync(shims.gateScript, 0o444);
    chmodSync(shims.dir, 0o555);
  } catch {
    /* best effort: the watchdog still sees any change */
  }
  return () => {
    try {
      chmodSync(shims.dir, 0o700);
    } catch {
      /* already gone */
    }
  };
}
