/**
 * Host-side helpers of the analysis worker pool (worker.ts): where the child's entry file
 * is, and how a decision made in a child is masked with the host's masker.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Decision } from './types.js';
import { maskStrings } from './analyze.js';
import { PACKAGE_ROOT } from '../package-root.js';

/**
 * The child's entry file: next to this module once built; when this module runs from the
 * TypeScript sources (the tests), the built copy in dist/ (`npm run build`). When this runs
 * from the CommonJS bundle (dist/bundle/main.cjs), the worker's CommonJS bundle of the same
 * build, through bin/worker.mjs (V8's code cache, bin/bundle-loader.mjs).
 */
export function workerEntry(): string {
  if (import.meta.url.endsWith('.cjs')) {
    const runner = path.join(PACKAGE_ROOT, 'bin', 'worker.mjs');
    const bundle = fileURLToPath(new URL('./worker-entry.cjs', import.meta.url));
    if (existsSync(runner) && existsSync(bundle)) return runner;
  }
  const here = fileURLToPath(new URL('./worker-entry.js', import.meta.url));
  if (existsSync(here)) return here;
  return here.replace(
    `${path.sep}src${path.sep}engine${path.sep}`,
    `${path.sep}dist${path.sep}engine${path.sep}`,
  );
}

export function lastLine(s: string): string {
  const lines = s.trim().split('\n');
  return lines.slice(-2).join(' ').slice(0, 300);
}

/**
 * Applies the host's masker to every string of a decision made in a child (the child
 * masks with the pattern masker only; the host's also knows the session's secret values).
 */
export function maskDecision(d: Decision, mask: (s: string) => string): Decision {
  return maskStrings(d, mask);
}
