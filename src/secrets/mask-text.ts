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

/** Replace every detected secret in `text` with `agentfw:masked:NAME`. */
export function maskText(text: string): string {
  if (!text) return text;
  return fromBytes(maskWith(patternScanner(), toBytes(text)));
}
