/**
 * The supervisor's side of the exec gate (sandbox/exec-gate.c): where the helper is, how
 * the agent is launched under it, and what text the engine analyses for one exec request.
 *
 * An exec request carries the real argv and the file the kernel was asked to run. The
 * analysed command names the program by what the file IS, not by argv[0] (which the caller
 * chooses): the dynamic loader is peeled (`ld-linux… /usr/bin/rm -rf ~` is rm), a symlink
 * or hard link to an installed program is that program, and a renamed copy of a gated
 * program (same size and bytes as curl) is that program. A script (`#!`) is named by its
 * absolute path, so the engine reads and judges its content; any other file the session
 * made is named by its path (visible in the audit; the proxy and filesystem layers hold it).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { quote } from 'shell-quote';
import type { GateRequest } from '../protocol.js';
import { PACKAGE_ROOT } from '../shim/client-path.js';
import { SHELLS, TOOLS } from '../shim/programs.js';
import { pathLookup } from '../../supervisor/shimdir.js';

/** Absolute path of the built helper, or '' when it was not built (no C compiler). */
export function findExecGate(root = PACKAGE_ROOT): string {
  const p = path.join(root, 'build', 'agentfw-exec-gate');
  return existsSync(p) ? p : '';
}

export const EXEC_GATE_MISSING =
  "agentfw: WARNING the exec gate build/agentfw-exec-gate was not built (no C compiler at install), so programs exec'd outside the shims (by absolute path, from scripts, hooks) are not judged.\n" +
  'Fix: install a C compiler (e.g. `apt-get install gcc`), then run `npm run build:shim` in the agentfw folder.';

export interface ExecGateLaunch {
  helper: string;
  /** Broker socket (gate.sock). */
  socket: string;
  /** The supervisor's pid: the helper refuses a broker socket served by any other process. */
  supervisorPid: number;
  /** Session shim dir and gate client: execs of the shims are passed (they ask themselves). */
  shimDir: string;
  client: string;
  /** How long the helper waits for one answer, ms. */
  waitMs: number;
  /** Clear ECHO and ONLCR on the agent's terminal before it starts (no-TTY sessions). */
  rawTty: boolean;
  /** How many execs to pass unjudged: 1 = PROGRAM; 2 = bwrap and the agent command it starts; 3 = bwrap, the network bridge, the agent command (nothing of the agent runs before them). */
  pass: 1 | 2 | 3;
}

/** The helper's argv up to and including `--`; PROGRAM ARGS follow. */
export function execGateArgs(o: ExecGateLaunch): string[] {
  const a = ['--sock', o.socket, '--supervisor-pid', String(o.supervisorPid)];
  a.push('--shim-dir', o.shimDir, '--client', o.client, '--wait-ms', String(o.waitMs));
  if (o.rawTty) a.push('--raw-tty');
  if (o.pass > 1) a.push('--pass', String(o.pass));
  return [...a, '--'];
}

/** Folders of installed programs: a file resolving here is the program it is named after. */
const SYSTEM_DIRS = ['/usr/', '/bin/', '/sbin/', '/lib/', '/lib64/', '/snap/', '/nix/store/'];
const LOADER = /^(ld-linux[\w.-]*\.so(\.\d+)*|ld\.so(\.\d+)*|ld-musl[\w.-]*\.so(\.\d+)*)$/;
/** Options of the glibc dynamic loader that take a value. */
const LOADER_VALUE_OPTS = new Set(['--library-path', '--inhibit-rpath', '--audit', '--preload', '--argv0']);

interface Known {
  name: string;
  file: string;
  dev: number;
  ino: number;
  size: number;
  hash?: string;
}

function hashOf(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

function head(file: string, n: number): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const b = Buffer.alloc(n);
    return b.subarray(0, readSync(fd, b, 0, n, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Recognises the gated programs (tools and shells on the user's PATH) by file identity or bytes. */
export class ProgramIdentity {
  private known?: Known[];
  constructor(private readonly realPath: string) {}

  private list(): Known[] {
    if (this.known) return this.known;
    const out: Known[] = [];
    const found = pathLookup(this.realPath);
    for (const name of [...SHELLS, ...TOOLS]) {
      const file = found(name);
      if (!file) continue;
      try {
        const st = statSync(file);
        out.push({ name, file, dev: st.dev, ino: st.ino, size: st.size });
      } catch {
        /* vanished */
      }
    }
    return (this.known = out);
  }

  /** Where the gated program `name` (a tool or shell) is installed on the user's PATH; undefined when it is not. */
  fileOf(name: string): string | undefined {
    return this.list().find((k) => k.name === name)?.file;
  }

  /** The gated program `file` is (same inode, or same size and bytes); undefined when none. */
  nameOf(file: string): string | undefined {
    let st;
    try {
      st = statSync(file);
    } catch {
      return undefined;
    }
    if (!st.isFile()) return undefined;
    const same = this.list().find((k) => k.dev === st.dev && k.ino === st.ino);
    if (same) return same.name;
    const bySize = this.list().filter((k) => k.size === st.size);
    if (!bySize.length) return undefined;
    const h = hashOf(file);
    for (const k of bySize) {
      k.hash ??= hashOf(k.file);
      if (h && k.hash === h) return k.name;
    }
    return undefined;
  }
}

/** Where the process sees `p`: through /proc/<pid>/root (its mount namespace, e.g. the sandbox's /tmp). */
function inProcess(pid: number, p: string): string {
  const root = `/proc/${pid}/root`;
  return existsSync(root) ? root + p : p;
}

/** Strips the dynamic loader and its options: `ld.so [opts] PROG ARGS` → `PROG ARGS`. */
export function peelLoader(argv: string[]): string[] {
  let i = 1;
  while (i < argv.length && argv[i].startsWith('--')) i += LOADER_VALUE_OPTS.has(argv[i]) ? 2 : 1;
  return argv.slice(i);
}

/** What execText found out about the naming, for the caller. */
export interface ExecNaming {
  /**
   * The text is a function of the exec's absolute path (an installed program's folder,
   * named by that path), argv and working directory alone: no loader peeled, no link
   * followed, no file read. False = it also depends on what some file is or holds.
   */
  fixed: boolean;
}

/**
 * The command text the engine analyses for an exec request (I/O: stats and reads the file
 * in the process's own view). `path` empty = argv[0]. `naming`: filled in when given.
 */
export function execText(req: GateRequest, ids: ProgramIdentity, naming?: ExecNaming): string {
  let argv = req.argv;
  let file = req.path || argv[0];
  const cwd = req.cwd || '/';
  const abs = (p: string) => path.resolve(cwd, p);
  const real = (p: string) => {
    try {
      // The C library's realpath: one call, where Node's own walks the path an lstat per component.
      const r = realpathSync.native(inProcess(req.pid, abs(p)));
      const root = `/proc/${req.pid}/root`;
      return r.startsWith(root + '/') ? r.slice(root.length) : r;
    } catch {
      return abs(p);
    }
  };
  let target = real(file);
  for (let hops = 0; hops < 4 && LOADER.test(path.basename(target)); hops++) {
    argv = peelLoader(argv);
    // fail closed: a loader with nothing to run is judged as the loader's own words
    if (!argv.length) return quote(req.argv);
    file = argv[0];
    target = real(file);
  }
  const given = abs(file);
  const inside = inProcess(req.pid, target);
  let program: string;
  // Installed programs (also through a link into /usr) are named by their installed path,
  // which the engine reads as the tool itself; elsewhere a script is named by its path (the
  // engine reads and judges its content) and a binary by the gated program it is a copy of.
  if (SYSTEM_DIRS.some((d) => given.startsWith(d))) {
    program = given;
    if (naming) naming.fixed = argv === req.argv && path.isAbsolute(req.path ?? '');
  } else if (SYSTEM_DIRS.some((d) => target.startsWith(d))) program = target;
  else if (head(inside, 2).toString('latin1') === '#!') program = given;
  else program = ids.nameOf(inside) ?? given;
  return quote([program, ...argv.slice(1)]);
}
