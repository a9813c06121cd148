/**
 * The native position filter of the pattern scanner (src/secrets/native/trigger-finder.c,
 * built into build/agentfw-triggers.node by scripts/build-shim.mjs). It finds the same
 * positions as the scanner's JS loop, several times faster; every decision after that
 * (literals, families, vetting, holds) stays in JS.
 *
 * This is a speed fallback, not a security one: when the addon is missing or does not
 * load, the scanner runs its JS loop, which gives byte-identical output (test/secrets/
 * trigger-finder.test.ts compares the two).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** Writes the candidate positions of `bytes` into `out`; returns how many, or -1 on bad arguments. */
export type CandidateFinder = (
  bytes: Uint8Array,
  pairIndex: Uint16Array,
  third: Uint8Array,
  pairBits: Uint8Array,
  out: Int32Array,
) => number;

/** Where the addon is looked for: build/ at the package root. */
export const ADDON_PATH = path.join(PACKAGE_ROOT, 'build', 'agentfw-triggers.node');

let loaded: { finder: CandidateFinder | null; why: string } | undefined;

/** The native finder, or null (then the JS loop runs); loaded once per process. */
export function nativeFinder(): CandidateFinder | null {
  return load().finder;
}

/** Which path the pattern scanner takes, for benches and `doctor`: `native` or `js (reason)`. */
export function triggerFinderStatus(): string {
  const l = load();
  return l.finder ? 'native' : `js (${l.why})`;
}

function load(): { finder: CandidateFinder | null; why: string } {
  return (loaded ??= loadFinder(ADDON_PATH));
}

/** Loads the addon at `file`; finder null (and why) when it is missing or does not load. */
export function loadFinder(file: string): { finder: CandidateFinder | null; why: string } {
  try {
    const mod = createRequire(import.meta.url)(file) as { candidates?: unknown };
    return typeof mod.candidates === 'function'
      ? { finder: mod.candidates as CandidateFinder, why: '' }
      : { finder: null, why: 'the addon has no candidates()' };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { finder: null, why: code === 'MODULE_NOT_FOUND' ? 'addon not built' : 'addon failed to load' };
  }
}
