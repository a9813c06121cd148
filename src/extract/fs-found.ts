/**
 * What xargs appends when its input is `find DIR…`: paths below those start directories.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { targetOf } from './fs-paths.js';

/**
 * The names xargs appends when its input is `find DIR…` (no -L/-follow): paths below those
 * start directories, so their class is the start's (a workspace dir gives workspace files).
 * Undefined when the input is anything else.
 */
export function foundUnder(cmd: NormalizedCommand, ctx: AnalyzeContext): FsTarget[] | undefined {
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  if (!from || from.program !== 'find' || from.dynamic) return undefined;
  const args = from.argv.slice(1);
  if (args.some((a) => a === '-L' || a === '-follow' || a === '-H')) return undefined;
  const starts: string[] = [];
  for (const a of args) {
    if (a === '-P') continue;
    if (a.startsWith('-') || a === '(' || a === '!' || a === ',') break;
    starts.push(a);
  }
  if (!starts.length) starts.push('.');
  const out = starts.map((s) => targetOf(s, from, ctx));
  // With a test that selects names (-name, -type, -mtime…), what is found is some files below
  // the start; with none, it is everything there, the start included.
  const selective = args.some((a) =>
    /^-(i?name|i?path|i?wholename|i?regex|type|x?type|newer\w*|[acm](time|min)|size|empty|user|group|perm|links|inum)$/.test(
      a,
    ),
  );
  return out.map((t) => ({
    raw: `(found under ${t.raw})`,
    path: t.path,
    class: selective && t.class === 'workspace-root' ? 'inside-workspace' : t.class,
    glob: false,
  }));
}
