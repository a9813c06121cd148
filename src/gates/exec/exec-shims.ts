/**
 * Version-manager shims and build wrappers seen by the exec gate. An exec of a shim
 * (pyenv, rbenv, nodenv, jenv, asdf, sdkman candidates, Homebrew/Nix wrappers; recognised
 * by what the script does, src/normalize/version-shims.ts), of a `./gradlew`/`./mvnw`
 * that predates the session, or of a link to a multiplexing manager binary (mise, volta)
 * is judged as "the real tool with these arguments", once. What the manager then runs to
 * carry that command out is covered by the approval memory (src/supervisor/approved.ts):
 * its own pre-session scripts for this process tree, and the real tool's exec once.
 *
 * A shim or wrapper written or changed during the session (inode change time at or after
 * the session start) is not recognised here: it is judged by its content like any script.
 * Files are read and stat'ed as the exec'ing process sees them (/proc/PID/root).
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GateRequest } from '../protocol.js';
import {
  isInstalledPath,
  managerRoot,
  scriptFileOf,
  unwrapBuildWrapper,
  unwrapShim,
} from '../../normalize/version-shims.js';

/** What an exec of a shim or wrapper means. */
export interface ExecShim {
  /** The real command: the tool's name, then its arguments. Never empty. */
  argv: string[];
  /** Folder of the manager's own scripts, trusted for this process tree; undefined = none. */
  managerRoot?: string;
  /** Absolute path of the shim or wrapper file (as the process names it). */
  file: string;
  /**
   * The exec that starts the script's interpreter when its first line is `#!/usr/bin/env
   * NAME` (env execs NAME on the file as given): part of this same command. Absent = none.
   */
  interpreter?: string[];
}

export interface ExecShimContext {
  home: string;
  workspace: string;
  /** Session start (epoch ms): files changed at or after it are not trusted as shims. */
  since: number;
}

/** Largest shim or wrapper read (build wrappers are a few KB; larger = judged as a script). */
const MAX_BYTES = 64 * 1024;
const SHELL_NAMES = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh']);
/** Manager binaries that pick the tool by the name they were started as (argv[0] / link name). */
const MULTIPLEXERS = new Set(['mise', 'rtx', 'volta-shim']);

/** `p` as process `pid` sees it (its mount namespace: the sandbox's view). */
function seen(pid: number, p: string): string {
  return pid > 0 ? `/proc/${pid}/root${p}` : p;
}

/** The file's text and inode change time, read through one descriptor; undefined = unreadable or too big. */
function readSmall(file: string): { text: string; ctimeMs: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    const b = Buffer.alloc(st.size);
    const n = readSync(fd, b, 0, st.size, 0);
    return { text: b.subarray(0, n).toString('utf8'), ctimeMs: st.ctimeMs };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The script file and its arguments an exec runs: `#!` file ARGS, or `bash [OPTS] FILE ARGS`. */
function scriptOf(req: GateRequest): { file: string; args: string[] } | undefined {
  const cwd = req.cwd || '/';
  const file = path.resolve(cwd, req.path || req.argv[0] || '');
  if (SHELL_NAMES.has(path.basename(file))) {
    const f = scriptFileOf(req.argv);
    return f && { file: path.resolve(cwd, f.file), args: f.args };
  }
  return { file, args: req.argv.slice(1) };
}

/** `NAME FILE ARGS…`, what env runs for a `#!/usr/bin/env NAME` file exec'd directly; undefined when the exec is a shell on the file already. */
function scriptExec(req: GateRequest, name: string): string[] | undefined {
  const file = req.path || req.argv[0] || '';
  if (SHELL_NAMES.has(path.basename(file))) return undefined;
  return [name, file, ...req.argv.slice(1)];
}

/** A link to a multiplexing manager binary (`~/.local/share/mise/shims/node` → mise): the tool is the link's name. */
function multiplexed(req: GateRequest, o: ExecShimContext): ExecShim | undefined {
  const file = path.resolve(req.cwd || '/', req.path || req.argv[0] || '');
  const name = path.basename(file);
  try {
    if (!lstatSync(seen(req.pid, file)).isSymbolicLink()) return undefined;
    const root = seen(req.pid, '');
    let target = realpathSync(seen(req.pid, file));
    if (root && target.startsWith(root + '/')) target = target.slice(root.length);
    const manager = path.basename(target);
    if (!MULTIPLEXERS.has(manager) || manager === name) return undefined;
    // fail closed: a link made during the session, or outside installed folders, is what it points at
    if (!(lstatSync(seen(req.pid, file)).ctimeMs < o.since)) return undefined;
    if (!isInstalledPath(file, o.home, o.workspace) || !isInstalledPath(target, o.home, o.workspace))
      return undefined;
    return { argv: [name, ...req.argv.slice(1)], file };
  } catch {
    return undefined;
  }
}

/**
 * What an exec request means when it runs a recognised shim or wrapper that predates the
 * session; undefined = not one (judge the exec as it is).
 */
export function execShimOf(req: GateRequest, o: ExecShimContext): ExecShim | undefined {
  if (req.layer !== 'exec') return undefined;
  const m = multiplexed(req, o);
  if (m) return m;
  const s = scriptOf(req);
  if (!s) return undefined;
  const f = readSmall(seen(req.pid, s.file));
  // fail closed: a shim written or changed during the session is judged by its content
  if (!f || !f.text.startsWith('#!') || !(f.ctimeMs < o.since)) return undefined;
  const env = /^#!\s*\/usr\/bin\/env\s+([\w.-]+)\s*\n/.exec(f.text)?.[1];
  // The interpreter env starts is exec'd on the file as the kernel got it (only for `#!` execs).
  const interpreter = env ? scriptExec(req, env) : undefined;
  const extra = interpreter ? { interpreter } : {};
  const installed = (p: string) => isInstalledPath(p, o.home, o.workspace);
  const t = unwrapShim(f.text, s.file, s.args, installed);
  if (t) {
    const root = managerRoot(t.execPath, o.home, o.workspace);
    return { argv: t.argv, file: s.file, ...(root ? { managerRoot: root } : {}), ...extra };
  }
  const b = unwrapBuildWrapper(f.text, s.args);
  const view = (p: string) => seen(req.pid, p);
  if (b && wrapperPredates(view(s.file), b.companions, o.since, o.home, o.workspace))
    return { argv: b.argv, file: s.file, ...extra };
  return undefined;
}

/**
 * Is a build wrapper (`./gradlew`, `./mvnw`) the project's own, not one written during the
 * session? An installed tool's file (~/.sdkman, /opt, …) is; a workspace file only when
 * it and every companion (wrapper jar, properties) last changed before `sinceMs`. The
 * inode change time is used: any write, rename or new link sets it, and no process can
 * set it back. fail closed: a missing or unreadable file = not the project's own.
 */
export function wrapperPredates(
  file: string,
  companions: string[],
  sinceMs: number,
  home: string,
  workspace: string,
): boolean {
  if (isInstalledPath(file, home, workspace)) return true;
  const dir = path.dirname(file);
  for (const f of [file, ...companions.map((c) => path.resolve(dir, c))]) {
    try {
      if (!(statSync(f).ctimeMs < sinceMs)) return false;
    } catch {
      return false;
    }
  }
  return true;
}
