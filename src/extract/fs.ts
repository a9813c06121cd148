/**
 * Filesystem facts: deletes, moves, overwrites, formats, permission changes and output
 * redirections, with every target resolved (cwd, ~, workspace) and classified.
 */
import { FD_EXEC, FD_VALUE } from '../normalize/fd-options.js';
import { posix } from 'node:path';
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { isUnder } from './path-under.js';
import type { DraftFact, Extractor } from './extractor.js';
import { handlerFor } from './fs-commands.js';
import { sideEffectHandler } from './fs-side-effects.js';
import { runnerCommand } from './runner-command.js';
import { fsFact } from './fs-fact.js';
import { newUnitWrites } from './fs-units.js';
import { selectsGitDirs } from './fs-found.js';
import { belowRoots, sparesPath } from './fs-find-root.js';
import {
  isHarmlessWrite,
  classesOf,
  classifyPath,
  classifyRemote,
  containerTarget,
  targetOf,
} from './fs-paths.js';

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
      if (cmd.container) return containerTarget(w, cmd, ctx);
      // fail closed: the normalizer keeps the source text of a target it could not expand.
      if (!w.startsWith('/') || /\$|`/.test(w)) return { raw: w, path: '', class: 'unknown', glob: false };
      return { raw: w, path: w, class: classifyPath(w, ctx), glob: false };
    });
  return fsFact(cmd, 'overwrite', targets, false, true);
};

/** The find command that produced `cmd` (the nearest `find` before it, or `cmd` itself); undefined = none. */
function findFor(cmd: NormalizedCommand, all: NormalizedCommand[]): NormalizedCommand | undefined {
  if (cmd.program === 'find') return cmd;
  if (!cmd.wrappers.some((w) => /^find\b/.test(w))) return undefined;
  for (let i = all.indexOf(cmd) - 1; i >= 0; i--) if (all[i].program === 'find') return all[i];
  return undefined;
}

/** Tests that make `find … -delete` selective (`-name '*.pyc'`, `-empty`, `-mtime +7`). */
const SELECTIVE =
  /^-(i?name|i?path|i?wholename|i?regex|newer\w*|[acm]time|[acm]min|size|empty|user|group|perm|links)$/;

/**
 * True when the find command that produced `cmd` (the nearest `find` before it, or `cmd`
 * itself) only deletes entries passing a selective test. A bare `-name '*'` is not selective.
 */
function selectiveFind(cmd: NormalizedCommand, all: NormalizedCommand[]): boolean {
  if (cmd.wrappers.some((w) => /^fd\b/.test(w))) {
    const at = all.indexOf(cmd);
    for (let i = at - 1; i >= 0; i--)
      if (all[i].program === 'fd' || all[i].program === 'fdfind') return selectiveFd(all[i]);
    return false;
  }
  const find = findFor(cmd, all);
  if (!find) return false;
  return find.argv.some((a, i) => {
    if (!SELECTIVE.test(a)) return false;
    const v = find.argv[i + 1] ?? '';
    return a === '-empty' || (!find.dynamicArgs.includes(i + 1) && !/^\*+$/.test(v));
  });
}

/** fd's options that select by something other than the name pattern (`-e tmp`, `--changed-before 7d`). */
const FD_SELECTIVE = /^(-e|--extension|-S|--size|--changed-within|--changed-before|-o|--owner)(=|$)/;
/** True when `fd` only finds entries passing a selective test: a name pattern (not one matching everything) or a filter option. */
function selectiveFd(fd: NormalizedCommand): boolean {
  const a = fd.argv.slice(1);
  if (a.some((w) => FD_SELECTIVE.test(w))) return true;
  const x = a.findIndex((w) => FD_EXEC.test(w));
  for (let i = 0; i < (x < 0 ? a.length : x); i++) {
    if (FD_VALUE.has(a[i])) i++;
    else if (!a[i].startsWith('-'))
      return !fd.dynamicArgs.includes(i + 1) && !/^(\.|\^|\.\*|\.\+|)$/.test(a[i]);
  }
  return false;
}

/**
 * True when `root` (a find root, resolved) holds the workspace below it and the find's tests
 * leave out the workspace and each of its parents below the root (fs-find-root.ts).
 */
function sparesWorkspace(find: NormalizedCommand, root: FsTarget, ctx: AnalyzeContext): boolean {
  if (find.remote || find.container || root.path === '') return false;
  const ws = posix.normalize(ctx.workspace);
  if (ws === root.path || !isUnder(ws, root.path)) return false;
  return sparesPath(find, root.raw, posix.relative(root.path, ws));
}

/**
 * The context of `ctx` with no workspace on this machine: what a find selects below a parent
 * of the workspace, when its tests spare the workspace's line, is classified as it would be
 * were the workspace elsewhere (`/tmp/*` temp content, not the parent of the project), so the
 * verdict does not depend on where the workspace lives.
 */
function apart(ctx: AnalyzeContext): AnalyzeContext {
  // '' is no absolute path: nothing is under it and it is under nothing but `/`
  return { ...ctx, workspace: '' };
}

/**
 * A selective find below the workspace root deletes matching files, not the project: the
 * root target is then content of the workspace. Other classes (.git, home, root) stay.
 */
function narrowFind(
  drafts: DraftFact[],
  cmd: NormalizedCommand,
  all: NormalizedCommand[],
  ctx: AnalyzeContext,
): DraftFact[] {
  if (!drafts.some((f) => f.kind === 'fs' && f.op === 'delete')) return drafts;
  const find = findFor(cmd, all);
  // a root the find's tests rule out is not acted on itself: what is below it is (fs-find-root.ts)
  const below = find ? belowRoots(find) : new Map<string, string>();
  const facts = below.size
    ? drafts.map((f) => {
        if (f.kind !== 'fs' || f.op !== 'delete') return f;
        const targets = f.targets.map((t) => {
          const word = below.get(t.raw);
          if (word === undefined || t.class === 'unknown') return t;
          return targetOf(word, cmd, find && sparesWorkspace(find, t, ctx) ? apart(ctx) : ctx);
        });
        return { ...f, targets, classes: classesOf(targets) };
      })
    : drafts;
  // `find . -name .git -exec rm -rf {} +`: what it finds in the project are repositories' histories.
  const gitDirs = find !== undefined && selectsGitDirs(find);
  if (!gitDirs && !selectiveFind(cmd, all)) return facts;
  const inside = new Set(['workspace-root', 'inside-workspace']);
  return facts.map((f) => {
    if (f.kind !== 'fs' || f.op !== 'delete') return f;
    const targets = f.targets.map((t) =>
      gitDirs && inside.has(t.class)
        ? { ...t, raw: `${t.raw} (its .git directories)`, class: 'workspace-vcs' as const }
        : t.class === 'workspace-root'
          ? { ...t, class: 'inside-workspace' as const }
          : t,
    );
    return { ...f, targets, classes: classesOf(targets) };
  });
}

export const extractFs: Extractor = (cmd, ctx, all) => {
  const out: DraftFact[] = [];
  const handler = handlerFor(cmd.program) ?? sideEffectHandler(cmd.program);
  if (handler) out.push(...narrowFind(handler(cmd, ctx), cmd, all, ctx));
  else {
    // A tool run by a package runner (`npx rimraf ~`) or by shx (`npx shx rm -rf ~`).
    let tool = runnerCommand(cmd);
    if (tool.program === 'shx') tool = shifted(tool);
    const viaRunner =
      tool !== cmd ? (handlerFor(tool.program) ?? sideEffectHandler(tool.program)) : undefined;
    if (viaRunner) out.push(...viaRunner(tool, ctx));
  }
  if (cmd.program === 'find') out.push(...narrowFind(findDelete(cmd, ctx, all), cmd, all, ctx));
  out.push(...redirections(cmd, ctx, all));
  // a new systemd unit is judged by what it runs (fs-units.ts)
  return newUnitWrites(out, cmd, ctx);
};

/** `shx CMD ARGS` as `CMD ARGS` (shx runs ShellJS's versions of the Unix commands). */
function shifted(cmd: NormalizedCommand): NormalizedCommand {
  const argv = cmd.argv.slice(1);
  return {
    ...cmd,
    program: argv[0] ?? '',
    argv,
    dynamicArgs: cmd.dynamicArgs.map((i) => i - 1).filter((i) => i >= 0),
  };
}
