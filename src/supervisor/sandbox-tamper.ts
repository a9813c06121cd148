/**
 * Without the sandbox the agent runs as the supervisor's own uid, so the session's runtime
 * dir cannot be made unwritable to it. Instead the gate files are made read-only (a speed
 * bump: chmod) and watched: a change to the shims, the gate script or the sockets after
 * start marks the session tampered, and the broker refuses every later request (the exec
 * gate's own check of the socket owner refuses execs if gate.sock itself is replaced).
 */
import { chmodSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Entries of the runtime dir whose change means tampering. */
export const WATCHED = ['gate.sock', 'gate.bash', 'relay.sock', 'bin'];

export interface TamperWatch {
  /** What changed first; empty = nothing. */
  readonly what: string;
  close(): void;
}

/** Makes the shim dir and gate script read-only and watches them; `onTamper` runs once. */
export function watchTamper(
  runtimeDir: string,
  shimDir: string,
  onTamper: (what: string) => void,
): TamperWatch {
  let what = '';
  const hit = (w: string) => {
    if (what) return;
    what = w;
    onTamper(w);
  };
  try {
    chmodSync(path.join(runtimeDir, 'gate.bash'), 0o444);
    chmodSync(shimDir, 0o555);
  } catch {
    /* best effort: the watch below still detects changes */
  }
  const watchers: FSWatcher[] = [];
  try {
    watchers.push(
      watch(runtimeDir, (_ev, f) => {
        if (f && WATCHED.includes(String(f))) hit(String(f));
      }),
    );
    watchers.push(watch(shimDir, (_ev, f) => hit(`bin/${f ?? ''}`)));
  } catch {
    /* fs.watch unavailable: only the permissions and the exec gate's socket check remain */
  }
  return {
    get what() {
      return what;
    },
    close() {
      for (const w of watchers) w.close();
      try {
        chmodSync(shimDir, 0o700);
      } catch {
        /* already gone */
      }
    },
  };
}
