/**
 * "This process may do this next" records of the approval memory (src/supervisor/approved.ts):
 * after an allowed request, the one exec that carries it out is not judged again.
 */
import path from 'node:path';
import { HAS_PROC, aliveOnce, inTreeOnce, unchangedSince } from './proc-tree.js';
import { isClient, type ClientId } from './peer-check.js';

/** One exec a process may do next without being judged again (NextExecs.allow). */
interface NextExec {
  pid: number;
  /** The program's name (or path) and its exact arguments. */
  argv: string[];
  approver: string;
  /** Expiry, epoch ms. */
  until: number;
  /** When set: the exec'd file must be unchanged since this time (epoch ms), not written during the session. */
  since?: number;
  /**
   * When set: the exec must come from a process that still runs this gate client (the
   * client, or the child it forked to relay the output), i.e. the client's own exec of the
   * program it asked about; once that process runs the program, the record covers nothing.
   */
  client?: ClientId;
}

/** Same program name, up to a version suffix (`python3` runs `python3.11`; a versions/ link `python3.0` → `python3.11`). */
function sameTool(a: string, b: string): boolean {
  const bare = (n: string) => path.basename(n).replace(/[\d.]+$/, '');
  return bare(a) !== '' && bare(a) === bare(b);
}

export class NextExecs {
  private next: NextExec[] = [];

  /**
   * "This process may do this next": after an allowed request (a tool-gate shim about to
   * exec its program, or a shim or wrapper judged as the real tool), the one exec that
   * carries it out is not judged again. It must come from `pid` or a process it started,
   * within `ttlMs`, run a program named like `argv[0]` with exactly `argv[1..]`; it is used
   * up by the first exec it covers. Ends with the process.
   */
  allow(
    pid: number,
    argv: string[],
    approver: string,
    ttlMs = 10_000,
    since?: number,
    client?: ClientId,
  ): void {
    const now = Date.now();
    this.next = this.next.filter((e) => e.until > now).slice(-1000);
    this.next.push({
      pid,
      argv,
      approver,
      until: now + ttlMs,
      ...(since !== undefined ? { since } : {}),
      ...(client ? { client } : {}),
    });
  }

  /**
   * Consumes and returns the approver of the record that covers exec `req`, whose analysed
   * command is `text` (src/gates/exec/exec-gate.ts execText: the file it runs, named by what
   * it is): a renamed rm placed on PATH as `curl` is not covered. Undefined = none.
   */
  take(
    req: { pid: number; ppid?: number; argv: string[]; path?: string; cwd?: string },
    text: string,
  ): string | undefined {
    const now = Date.now();
    const first = text.split(' ')[0].replace(/^'|'$/g, '');
    if (!sameTool(first, req.argv[0] ?? '')) return undefined;
    const file = path.resolve(req.cwd || '/', req.path || req.argv[0] || '');
    // Records whose shim's exec was passed by the exec gate's own record (exec-next.ts) stay
    // here until they expire: most are of processes already gone, so the tree is read once.
    const inTree = inTreeOnce(req.pid);
    const i = this.next.findIndex(
      (e) =>
        // What costs nothing first; the /proc reads only for a record that names this exec.
        e.until > now &&
        e.argv.length === req.argv.length &&
        e.argv.every((a, k) => k === 0 || a === req.argv[k]) &&
        sameTool(e.argv[0], req.argv[0]) &&
        (e.pid === req.pid || e.pid === req.ppid || (HAS_PROC && inTree(e.pid))) &&
        (e.since === undefined || unchangedSince(req.pid, file, e.since)) &&
        (e.client === undefined || isClient(req.pid, e.client)),
    );
    if (i < 0) return undefined;
    const [e] = this.next.splice(i, 1);
    return e.approver;
  }

  /** How many records are held. */
  get size(): number {
    return this.next.length;
  }

  /**
   * Drops records that expired by `now` or whose process is gone (`live`: whether a pid
   * runs; pass one from aliveOnce when pruning more than this, default a fresh one).
   */
  prune(now: number, live: (pid: number) => boolean = aliveOnce()): void {
    this.next = this.next.filter((e) => e.until > now && (!HAS_PROC || live(e.pid)));
  }
}
