import type { AnalyzeContext, Fact, NormalizedCommand } from '../engine/types.js';

/** Facts without the `command` index; the registry fills that in. */
export type DraftFact = Fact extends infer F ? (F extends Fact ? Omit<F, 'command'> : never) : never;

/**
 * An extractor turns one normalized command into typed facts. It is pure: any file it
 * needs (a `-d @body.json` payload) comes through `ctx.readFile`.
 *
 * @param cmd   the command to inspect
 * @param ctx   analysis context (cwd, workspace, home, readFile)
 * @param all   every command of the script, in order (to look at pipes and neighbours)
 * @returns facts found; empty when the command is none of this extractor's business
 */
export type Extractor = (
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
) => DraftFact[];
