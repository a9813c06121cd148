/**
 * Filesystem facts: deletes, moves, overwrites, formats, permission changes and output
 * redirections, with every target resolved (cwd, ~, workspace) and classified.
 */
import type { FsTarget } from '../engine/types.js';
import type { DraftFact, Extractor } from './extractor.js';
import { fsFact, handlerFor } from './fs-commands.js';
import { isHarmlessWrite, classifyPath, classifyRemote, targetOf } from './fs-paths.js';

/** `find ROOT… -delete` when the normalizer did not already turn it into `rm -rf ROOT`. */
const findDelete: Extractor = (cmd, ctx, all) => {
  if (!cmd.argv.includes('-delete')) return [];
  if (all.some((c) => c.wrappers.some((w) => w.startsWith('find')))) return [];
  const roots: number[] = [];
  let start = 1;
  while (/^-(H|L|P|O\d*)$/.test(cmd.argv[start] ?? '')) start++;
  for (let i = start; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a.startsWith('-') || a === '(' || a === '!') break;
    roots.push(i);
  }
  const targets: FsTarget[] = roots.length
    ? roots.map((i) => targetOf(cmd.argv[i], cmd, ctx, cmd.dynamicArgs.includes(i)))
    : [targetOf('.', cmd, ctx)];
  return fsFact(cmd, 'delete', targets, true, true);
};

/** Output redirections (`> /etc/passwd`, `> /dev/sda`). */
const redirections: Extractor = (cmd, ctx) => {
  const targets: FsTarget[] = cmd.writes
    .filter((w) => !isHarmlessWrite(w))
    .map((w) => {
      if (cmd.remote) {
        const r = classifyRemote(w);
        return { raw: w, path: r.path, class: r.class, glob: false };
      }
      return { raw: w, path: w, class: w === '' ? 'unknown' : classifyPath(w, ctx), glob: false };
    });
  return fsFact(cmd, 'overwrite', targets, false, true);
};

export const extractFs: Extractor = (cmd, ctx, all) => {
  const out: DraftFact[] = [];
  const handler = handlerFor(cmd.program);
  if (handler) out.push(...handler(cmd, ctx));
  if (cmd.program === 'find') out.push(...findDelete(cmd, ctx, all));
  out.push(...redirections(cmd, ctx, all));
  return out;
};
