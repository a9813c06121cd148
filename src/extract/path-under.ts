/** Path containment for absolute, normalized paths (fs-paths.ts, container-paths.ts). */

/** True when `p` is `dir` or below it. */
export function isUnder(p: string, dir: string): boolean {
  if (dir === '/') return true;
  return p === dir || p.startsWith(dir + '/');
}
