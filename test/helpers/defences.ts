/**
 * The defence extractors' tests' view of a script: every defence fact extractDefences finds
 * in it (through the parser and normalizer, so `sudo`, `pwsh -c` and history assignments
 * arrive as they would), each as `verb: evidence`.
 */
import { extractDefences } from '../../src/extract/defences.js';
import type { Fact } from '../../src/engine/types.js';
import { filesContext, normalizeIn } from './normalize.js';

const ctx = filesContext({});

/** `verb: evidence` of each defence fact of `script`, in command order ('' for a fact that is not a cloud fact); [] = none. */
export function defenceFacts(script: string): string[] {
  const cmds = normalizeIn(ctx, script).commands;
  return cmds.flatMap((c) =>
    (extractDefences(c, ctx, cmds) as Fact[]).map((f) =>
      f.kind === 'cloud' ? `${f.verb}: ${f.evidence}` : '',
    ),
  );
}
