import type { Limits, ParsedScript } from '../engine/types.js';

// Placeholder signature; the real parser (tree-sitter-bash) replaces this.
export function parseScript(source: string, _limits: Limits): ParsedScript {
  return { source, root: null, issues: [{ code: 'E_PARSE_UNAVAILABLE', message: 'parser not built yet' }] };
}
