/**
 * Remembers what a human approved, so the same thing is not asked twice: when a shell
 * script is approved, the tool-level execs (and nested `bash -c`) that match the
 * normalized commands of that script are allowed without asking again.
 *
 * Only the supervisor's own records count; nothing the agent's environment claims does.
 * A once-approval covers only processes of the approved command's own process tree (the
 * shim's pid is kept by the shell it execs), checked through /proc; where /proc is not
 * available, a short time window is used instead. A session approval covers the same
 * commands for the rest of the session.
 *
 * A line of a persistent bash (the per-line DEBUG-trap gate) is checked by a client run in
 * a `$(…)` subshell that is gone by the time the line runs; the line's programs are
 * children of that shell. So a once-approval of a line is anchored on the shell running
 * it, covers only tool-gate execs (never a later line, which is asked again), and each
 * approved command is used up by the first exec it covers.
 */
import path from 'node:path';
import type { NormalizedCommand } from '../engine/types.js';
import { scriptFileOf } from '../normalize/version-shims.js';
import { HAS_PROC, aliveOnce, argvOf, inTree, inTreeOnce, ownScript, parentOf } from './proc-tree.js';
import type { ClientId } from './peer-check.js';
import { NextExecs } from './next-exec.js';

export { wrapperPredates } from '../gates/exec/exec-shims.js';

/** One approved command: program basename and argv[1..]; null = a word that was dynamic (any value). */
interface Key {
  program: string;
  args: (string | null)[];
}

interface Entry {
  keys: Key[];
  /** Pid of the approved process tree's root; undefined for session scope. */
  pid?: number;
  /** Fallback expiry (epoch ms) when /proc is unavailable; undefined = none. */
  until?: number;
  approver: string;
  /** A once-approval of one line of a persistent shell: keys are used up, shell requests not covered. */
  line?: boolean;
}

/** The script file a shell request runs (`bash [OPTIONS] FILE …`), absolute; undefined for `-c`. */
function scriptFile(argv: string[], cwd: string): string | undefined {
  const f = scriptFileOf(argv);
  return f && path.resolve(cwd, f.file);
}

/** The argv the per-line gate sends (`agentfw-shim --line TEXT`). */
export function isLineRequest(req: { layer: string; argv: string[] }): boolean {
  return req.layer === 'shell' && req.argv.length === 2 && req.argv[1] === '(command line)';
}

/** Normalizes a script into its commands (parse + normalize); injected so tests and the engine agree. */
export type CommandsOf = (script: string, cwd: string) => NormalizedCommand[];

/**
 * `wildcards`: a word that was dynamic in the approved script matches any value. Only
 * for a once-approval, inside the approved script's own process tree (its `$VAR` expands
 * to what the human saw it come from). A session approval is the exact normalized
 * command, never a pattern: `rm -rf "$BUILD"` approved for the session must not cover a
 * later `rm -rf ~/projects`.
 */
function keyOf(c: NormalizedCommand, wildcards: boolean): Key | undefined {
  if (!c.program || c.remote) return undefined;
  const dyn = new Set(wildcards ? c.dynamicArgs : []);
  return { program: c.program, args: c.argv.slice(1).map((a, i) => (dyn.has(i + 1) ? null : a)) };
}

function matches(k: Key, program: string, args: string[]): boolean {
  if (k.program !== program || k.args.length !== args.length) return false;
  return k.args.every((a, i) => a === null || a === args[i]);
}

/** A version manager's own folder, trusted for the process tree of one allowed shim run. */
interface ManagerScope {
  root: string;
  pid: number;
  /** Session start (epoch ms): only scripts under `root` unchanged since then are the manager's own. */
  since: number;
  approver: string;
  /** The judged command of the shim run (masked), for the audit. Empty = not given. */
  command: string;
  /** Internal scripts allowed under this run so far. */
  passed: number;
}

/** A manager run that ended after passing more than one internal script. */
export interface EndedManagerRun {
  root: string;
  approver: string;
  command: string;
  passed: number;
}

export class ApprovedMemory {
  private entries: Entry[] = [];
  private managers: ManagerScope[] = [];
  /** "This process may do this next" records (allowNext), each used up by one exec. */
  private readonly next = new NextExecs();
  /** Processes that used up a line approval's command at the tool gate (pid → approver): their own requests through the proxy are that approval's. Pruned when they exit. */
  private lineExecs = new Map<number, string>();
  private ended: EndedManagerRun[] = [];
  constructor(private readonly commandsOf: CommandsOf) {}

  /**
   * A shim run by process `pid` was allowed: the manager's own scripts under `root`
   * (`pyenv-exec`, `pyenv-version-name`, …) that this process tree runs next are part of
   * that decision, not new commands. Ends with the process (fail closed: without /proc, never).
   */
  trustManager(root: string, pid: number, approver: string, command = '', since = 0): void {
    if (!HAS_PROC) return;
    const r = root.endsWith('/') ? root : root + '/';
    this.managers.push({ root: r, pid, since, approver, command, passed: 0 });
  }

  /** The trusted manager run whose own script `file` (absolute, as process `pid` sees it) is; undefined = none. */
  private managerOf(file: string | undefined, pid: number): ManagerScope | undefined {
    if (!file) return undefined;
    return this.managers.find(
      (x) => file.startsWith(x.root) && inTree(pid, x.pid) && ownScript(pid, file, x.since),
    );
  }

  /** "This process may do this next" (see NextExecs.allow). */
  allowNext(
    pid: number,
    argv: string[],
    approver: string,
    ttlMs = 10_000,
    since?: number,
    client?: ClientId,
  ): void {
    this.next.allow(pid, argv, approver, ttlMs, since, client);
  }

  /** Consumes and returns the approver of the record that covers exec `req` (see NextExecs.take). */
  takeNext(
    req: { pid: number; ppid?: number; argv: string[]; path?: string; cwd?: string },
    text: string,
  ): string | undefined {
    return this.next.take(req, text);
  }

  /**
   * An allowed shell request that runs one of a trusted manager run's own scripts: counts
   * it. `n` = 1 for the first (recorded, saying later ones are summarised), more for the
   * rest (not recorded one by one; see drainEnded). Undefined = not such a script.
   */
  countInternal(req: {
    layer: string;
    argv: string[];
    cwd: string;
    pid: number;
  }): { n: number; root: string; command: string } | undefined {
    if (req.layer !== 'shell') return undefined;
    const m = this.managerOf(scriptFile(req.argv, req.cwd), req.pid);
    if (!m) return undefined;
    m.passed++;
    return { n: m.passed, root: m.root, command: m.command };
  }

  /**
   * Manager runs that ended having passed internal scripts without records of their own;
   * each once. `all` (the session is ending): every such run, ended or not.
   */
  drainEnded(all = false): EndedManagerRun[] {
    this.prune();
    if (all) {
      for (const m of this.managers)
        if (m.passed > 1)
          this.ended.push({ root: m.root, approver: m.approver, command: m.command, passed: m.passed });
      this.managers = [];
    }
    const out = this.ended;
    this.ended = [];
    return out;
  }

  /** Records an approval of `script` (the text the human saw) run by process `pid`. */
  remember(
    script: string,
    cwd: string,
    o: { pid: number; approver: string; scope: 'once' | 'session'; line?: boolean },
  ): void {
    const keys = this.commandsOf(script, cwd)
      .map((c) => keyOf(c, o.scope === 'once'))
      .filter((k): k is Key => Boolean(k));
    if (!keys.length) return;
    const line = o.scope === 'once' && o.line === true;
    // The line's shell is the parent of the subshell that ran the client.
    // fail closed: without /proc the anchor stays the (short-lived) subshell, so nothing extra is covered.
    const pid = line ? (parentOf(o.pid) ?? o.pid) : o.pid;
    // A new line of that shell: what was approved for its previous line is over.
    if (line) this.entries = this.entries.filter((e) => !(e.line && e.pid === pid));
    this.entries.push({
      keys,
      approver: o.approver,
      pid: o.scope === 'session' ? undefined : pid,
      until: o.scope === 'once' && !HAS_PROC ? Date.now() + 60_000 : undefined,
      ...(line ? { line } : {}),
    });
  }

  /**
   * The approver of an earlier approval that covers this request, or undefined.
   * Tool layer: `argv` must match one approved command. Shell layer: every command of
   * `script` must match commands of one approval.
   */
  coveredBy(req: {
    layer: 'shell' | 'tool';
    argv: string[];
    script?: string;
    cwd: string;
    pid: number;
    ppid?: number;
    /** Exec gate: the file being exec'd (its own scripts of a trusted manager are covered). Absent = a shell's script file. */
    execFile?: string;
  }): string | undefined {
    this.prune();
    if (req.layer === 'shell') {
      const file = req.execFile ? path.resolve(req.cwd, req.execFile) : scriptFile(req.argv, req.cwd);
      const m = this.managerOf(file, req.pid);
      if (m) return m.approver;
    }
    const wanted: { program: string; args: string[] }[] =
      req.layer === 'tool'
        ? [{ program: path.basename(req.argv[0] ?? ''), args: req.argv.slice(1) }]
        : this.commandsOf(req.script ?? '', req.cwd).map((c) => ({
            program: c.program,
            args: c.argv.slice(1),
          }));
    if (!wanted.length || wanted.some((w) => !w.program)) return undefined;
    // The request's process chains, each read once for all entries (a gone entry costs a stat).
    const underPid = inTreeOnce(req.pid);
    const underParent = req.ppid ? inTreeOnce(req.ppid) : () => false;
    for (const e of this.entries) {
      if (e.line && req.layer !== 'tool') continue;
      if (e.pid !== undefined && HAS_PROC && !underPid(e.pid) && !underParent(e.pid)) continue;
      if (!wanted.every((w) => e.keys.some((k) => matches(k, w.program, w.args)))) continue;
      if (e.line) {
        // used up: one approved command covers one exec
        const i = e.keys.findIndex((k) => matches(k, wanted[0].program, wanted[0].args));
        e.keys.splice(i, 1);
        if (!e.keys.length) this.entries = this.entries.filter((x) => x !== e);
        this.lineExecs.set(req.pid, e.approver);
      }
      return e.approver;
    }
    return undefined;
  }

  /**
   * Egress proxy: the approver of a once-approval that `pid` belongs to, or undefined.
   * `pid` or one of its ancestors must be a process of the approved command itself: its
   * argv matches one approved command, and it lies in the approved process tree. A
   * session approval never covers network requests (it names commands, not a tree).
   */
  coversProcess(pid: number): string | undefined {
    if (!HAS_PROC || pid <= 1) return undefined;
    this.prune();
    const chain: number[] = [];
    for (let p: number | undefined = pid, i = 0; p && p > 1 && i < 32; i++, p = parentOf(p)) chain.push(p);
    for (const p of chain) {
      const by = this.lineExecs.get(p);
      if (by) return by;
    }
    for (const e of this.entries) {
      if (e.pid === undefined) continue;
      for (const p of chain) {
        if (!inTree(p, e.pid)) break;
        const argv = argvOf(p);
        if (!argv.length) continue;
        const program = path.basename(argv[0]);
        if (e.keys.some((k) => matches(k, program, argv.slice(1)))) return e.approver;
      }
    }
    return undefined;
  }

  /**
   * Drops what ended: records of processes that are gone, expired ones. Runs before each
   * decision; every pid is looked up once per prune (a long-lived shell's per-line requests
   * leave up to 1000 next-exec records of one pid).
   */
  private prune(): void {
    const now = Date.now();
    const live = aliveOnce();
    for (const m of this.managers)
      if (m.passed > 1 && !live(m.pid))
        this.ended.push({ root: m.root, approver: m.approver, command: m.command, passed: m.passed });
    this.managers = this.managers.filter((m) => live(m.pid));
    for (const p of this.lineExecs.keys()) if (!live(p)) this.lineExecs.delete(p);
    this.next.prune(now, live);
    this.entries = this.entries.filter(
      (e) => (e.until === undefined || e.until > now) && (e.pid === undefined || !HAS_PROC || live(e.pid)),
    );
  }
}
