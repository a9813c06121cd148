/**
 * What the pattern detector (detect.ts) reports: the secrets found in a text and how far it
 * has decided. Shared by the maskers (masker.ts, known.ts).
 */

/** One secret found in a text: `[start, end)` is the value to replace. */
export interface Hit {
  start: number;
  end: number;
  /** NAME in `agentfw:masked:NAME`: the key name for context matches, else the format id. */
  name: string;
  /** The pattern id that found it (`github-token`, `named-env`, …). */
  pattern: string;
}

/** Result of scanning a buffer. */
export interface ScanResult {
  /** Every hit whose value starts at or after `from` (may overlap; the caller merges). */
  hits: Hit[];
  /**
   * Earliest index ≥ from at which a secret value may have begun but is not decided yet
   * (it needs more input); `s.length` when nothing is pending or when `final`.
   */
  hold: number;
}
