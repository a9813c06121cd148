/**
 * `maskText`: session-free masking by patterns only (formats and key-name context).
 * Small on purpose (no scan, config or secretlint): the engine loads it for evidence
 * strings and `agentfw check` output.
 */
import { patternScanner } from './detect.js';
import { maskWith } from './masker.js';

/** Bytes of `s` (UTF-8) as a latin1 string, one char per byte. */
export const toBytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
/** Inverse of toBytes. */
export const fromBytes = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');

/**
 * Results for short texts, which repeat a lot (rule messages, agent messages, evidence of
 * common commands). Kept in this process's memory only; cleared when full.
 */
const memo = new Map<string, string>();
const MEMO_MAX = 2048;
const MEMO_TEXT_MAX = 512;
const NON_ASCII = /[^\x00-\x7f]/;

/** Replace every detected secret in `text` with `agentfw:masked:NAME`. */
export function maskText(text: string): string {
  if (!text) return text;
  const known = memo.get(text);
  if (known !== undefined) return known;
  // ASCII text is already one char per byte: no conversion needed.
  const out = NON_ASCII.test(text)
    ? fromBytes(maskWith(patternScanner(), toBytes(text)))
    : maskWith(patternScanner(), text);
  if (text.length <= MEMO_TEXT_MAX) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, out);
  }
  return out;
}
