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
import type { TriggerFinder } from './native-scan.js';

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

/** What the addon offers; a function it lacks (an older build) is absent. */
export interface NativeFinders {
  /** The position filter alone. */
  candidates: CandidateFinder;
  /** The trigger search (literals, families' filters, vector pre-filter): src/secrets/native-scan.ts. */
  triggers?: TriggerFinder;
  /** The vector path this CPU takes: `avx2`, `ssse3` or `scalar`. */
  simd?: () => string;
}

interface Loaded {
  finder: CandidateFinder | null;
  why: string;
  /** The whole addon, or null with `finder`. */
  native?: NativeFinders | null;
}

let loaded: Loaded | undefined;

/** The native finder, or null (then the JS loop runs); loaded once per process. */
export function nativeFinder(): CandidateFinder | null {
  return load().finder;
}

/** Every function of the addon, or null (then the JS loop runs). */
export function nativeFinders(): NativeFinders | null {
  return load().native ?? null;
}

/** Which path the pattern scanner takes, for benches and `doctor`: `native (simd)` or `js (reason)`. */
export function triggerFinderStatus(): string {
  const l = load();
  if (!l.finder) return `js (${l.why})`;
  const simd = l.native?.triggers && l.native.simd ? ` ${l.native.simd()}` : '';
  return `native${simd}`;
}

function load(): Loaded {
  return (loaded ??= loadFinder(ADDON_PATH));
}

/** Loads the addon at `file`; finder null (and why) when it is missing or does not load. */
export function loadFinder(file: string): Loaded {
  try {
    const mod = createRequire(import.meta.url)(file) as Record<string, unknown>;
    if (typeof mod.candidates !== 'function') return { finder: null, why: 'the addon has no candidates()' };
    const native: NativeFinders = { candidates: mod.candidates as CandidateFinder };
    if (typeof mod.triggers === 'function') native.triggers = mod.triggers as TriggerFinder;
    if (typeof mod.simd === 'function') native.simd = mod.simd as () => string;
    return { finder: native.candidates, why: '', native };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { finder: null, why: code === 'MODULE_NOT_FOUND' ? 'addon not built' : 'addon failed to load' };
  }
}
