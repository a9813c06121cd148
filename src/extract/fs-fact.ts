/**
 * The fs fact every filesystem reader builds (fs-commands.ts, fs-volumes.ts, fs.ts), and the
 * shape of a per-program reader.
 */
import type { AnalyzeContext, FsFact, FsTarget, NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { evidenceOf } from './fs-evidence.js';
import { classesOf } from './fs-paths.js';

/** An fs fact before the engine numbers its command. */
export type FsDraft = Omit<FsFact, 'command'>;

/** A per-program reader: the facts one command implies. */
export type FsHandler = (cmd: NormalizedCommand, ctx: AnalyzeContext) => DraftFact[];

/** Builds one fs fact; returns [] when there is no target. */
export function fsFact(
  cmd: NormalizedCommand,
  op: FsFact['op'],
  targets: FsTarget[],
  recursive = false,
  force = false,
): FsDraft[] {
  if (targets.length === 0) return [];
  return [
    { kind: 'fs', op, recursive, force, targets, classes: classesOf(targets), evidence: evidenceOf(cmd) },
  ];
}
