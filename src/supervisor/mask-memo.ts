/**
 * `memoMask`: the session's secret set with `mask` remembered per text. (Allow verdicts are
 * remembered by the analysis pool: src/engine/verdict-cache.ts.)
 */
import type { SecretSet } from '../secrets/types.js';

/** How many masked texts are kept; the oldest goes first. */
const MEMO_SIZE = 4096;

/** Longest text whose masked form is remembered, in characters. */
const MEMO_MAX_TEXT = 4096;

/**
 * `secrets` with `mask` remembered per text (the session's secret set is fixed once the
 * session starts, and masking is a pure function of the text): each gated command's text
 * and reason are masked for its audit record, ≈0.1 ms each time for the same `cc` or `sed`.
 * Everything else is the secret set's own.
 */
export function memoMask(secrets: SecretSet, size = MEMO_SIZE): SecretSet {
  const memo = new Map<string, string>();
  const s = Object.create(secrets) as SecretSet;
  s.mask = (text: string): string => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const masked = secrets.mask(text);
    if (text.length <= MEMO_MAX_TEXT) {
      if (memo.size >= size) memo.delete(memo.keys().next().value as string);
      memo.set(text, masked);
    }
    return masked;
  };
  return s;
}
