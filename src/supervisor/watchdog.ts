/**
 * The session's integrity watchdog: the gate only works while its runtime directory, shim
 * links, gate script, sockets and client binary are in place. Removing any of them (a tmp
 * cleaner, logind removing XDG_RUNTIME_DIR, a rebuild, the agent itself) would let PATH fall
 * through to the real programs and bash skip a missing BASH_ENV, silently. The watchdog
 * notices (inotify through fs.watch, plus a periodic lstat/hash check as a backstop) and
 * reports the first breach once; the session then ends the agent (src/supervisor/session.ts).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync, watch, type FSWatcher, type Stats } from 'node:fs';

/** One path the gate depends on. */
export interface Guarded {
  /** Absolute path. */
  path: string;
  /** What the human is told it is ("the shim directory"). */
  what: string;
  /** `dir` / `socket` / `file` (content hashed) / `link` (target compared). */
  kind: 'dir' | 'socket' | 'file' | 'link';
}

interface Snapshot {
  dev: number;
  ino: number;
  /** file: size, mtime and ctime, to skip re-hashing when unchanged. */
  stamp: string;
  /** file: sha256 of the content; link: the target; otherwise empty. */
  content: string;
}

export interface Watchdog {
  /** Checks every guarded path now; returns the breach (also reported once) or undefined. */
  check(): string | undefined;
  /** Stops watching. Idempotent. */
  stop(): void;
}

const stampOf = (st: Stats) => `${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

function snapshot(g: Guarded, prev?: Snapshot): Snapshot {
  const st = lstatSync(g.path);
  const ok =
    (g.kind === 'dir' && st.isDirectory()) ||
    (g.kind === 'socket' && st.isSocket()) ||
    (g.kind === 'file' && st.isFile()) ||
    (g.kind === 'link' && st.isSymbolicLink());
  if (!ok) throw new Error('replaced by something else');
  const stamp = g.kind === 'file' ? stampOf(st) : '';
  let content = '';
  if (g.kind === 'link') content = readlinkSync(g.path);
  else if (g.kind === 'file')
    content =
      prev && prev.stamp === stamp && prev.ino === st.ino
        ? prev.content
        : createHash('sha256').update(readFileSync(g.path)).digest('hex');
  return { dev: st.dev, ino: st.ino, stamp, content };
}

/**
 * Takes a snapshot of `items` now and watches them. `onBreach` is called at most once,
 * with one sentence saying what changed. `intervalMs` (default 250) is the backstop period.
 */
export function startWatchdog(o: {
  items: Guarded[];
  onBreach: (why: string) => void;
  intervalMs?: number;
}): Watchdog {
  const base = new Map<Guarded, Snapshot>();
  for (const g of o.items) base.set(g, snapshot(g));
  let breached: string | undefined;
  let stopped = false;
  const watchers: FSWatcher[] = [];

  const check = (): string | undefined => {
    if (breached || stopped) return breached;
    for (const [g, was] of base) {
      let why: string | undefined;
      try {
        const now = snapshot(g, was);
        if (now.dev !== was.dev || now.ino !== was.ino) why = 'was replaced';
        else if (now.content !== was.content) why = g.kind === 'link' ? 'points elsewhere' : 'was modified';
        else base.set(g, now);
      } catch (err) {
        why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'was deleted' : (err as Error).message;
      }
      if (why) {
        breached = `${g.what} (${g.path}) ${why}`;
        stop();
        o.onBreach(breached);
        return breached;
      }
    }
    return undefined;
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    for (const w of watchers) w.close();
  };

  const timer = setInterval(check, o.intervalMs ?? 250);
  timer.unref();
  // The events of one burst (a folder written file by file, as at a session's start) are
  // checked once, on the next turn of the event loop: each check reads every item.
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      check();
    });
  };
  for (const g of o.items) {
    if (g.kind !== 'dir') continue;
    try {
      const w = watch(g.path, { persistent: false }, soon);
      w.on('error', soon);
      watchers.push(w);
    } catch {
      /* the periodic check still covers it */
    }
  }
  return { check, stop };
}
