import type { AnalysisIssue, AnalyzeContext, NormalizedCommand, ParsedScript } from '../engine/types.js';

// Placeholder signature; the real normalizer replaces this.
export function normalize(
  _parsed: ParsedScript,
  _ctx: AnalyzeContext,
): { commands: NormalizedCommand[]; issues: AnalysisIssue[] } {
  return { commands: [], issues: [{ code: 'E_NORMALIZE_UNAVAILABLE', message: 'normalizer not built yet' }] };
}
