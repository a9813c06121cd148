/**
 * flock(2) for the audit log's lock, from the Node-API addon src/audit/native/flock.c
 * (built into build/agentfw-flock.node by scripts/build-shim.mjs).
 *
 * A speed path, not a security one: without the addon src/audit/lock.ts takes the lock
 * file of earlier builds, and each protocol checks for the other (lock.ts says how).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** What the addon offers. */
export interface Flock {
  /** flock(fd, op): 0, or the errno (`EWOULDBLOCK` when `LOCK_NB` and another holds it). */
  flock(fd: number, op: number): number;
  LOCK_EX: number;
  LOCK_NB: number;
  LOCK_UN: number;
  EWOULDBLOCK: number;
}

/** Where the addon is looked for: build/ at the package root. */
export const FLOCK_ADDON = path.join(PACKAGE_ROOT, 'build', 'agentfw-flock.node');

let loaded: Flock | null | undefined;

/** The addon, or null when it is missing or does not load (loaded once per process). */
export function nativeFlock(): Flock | null {
  if (loaded === undefined) loaded = loadFlock(FLOCK_ADDON);
  return loaded;
}

/** Loads the addon at `file`; null when it is missing, does not load or lacks a part. */
export function loadFlock(file: string): Flock | null {
  try {
    const m = createRequire(import.meta.url)(file) as Partial<Flock>;
    const ok =
      typeof m.flock === 'function' &&
      [m.LOCK_EX, m.LOCK_NB, m.LOCK_UN, m.EWOULDBLOCK].every((v) => typeof v === 'number');
    return ok ? (m as Flock) : null;
  } catch {
    return null;
  }
}
