/**
 * Masking what an analysis reports: every string of its facts, and the summary of each
 * command (its words, program and wrappers), through the secret masker, before they reach
 * JSON output, the TUI and the audit log.
 */
import { quote } from 'shell-quote';
import type { CommandSummary, Decision, NormalizedCommand } from './types.js';

/**
 * Every string inside `value` (a plain JSON-like value: facts, a decision) through `mask`.
 * One masker pass over the JSON text decides whether anything needs replacing, so the
 * common case costs one call and returns `value` itself.
 */
export function maskStrings<T>(value: T, mask: (s: string) => string): T {
  const json = JSON.stringify(value);
  if (mask(json) === json) return value;
  const deep = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(deep);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]));
    return v;
  };
  return deep(value) as T;
}

/**
 * Facts carry raw values (headers, bodies, arguments) that reach JSON output, the TUI
 * and the audit log: mask every string in them.
 */
export function maskFacts(facts: Decision['facts'], mask: (s: string) => string): Decision['facts'] {
  return facts.length ? maskStrings(facts, mask) : facts;
}

/** What a decision says of one command, masked. */
export function summarize(c: NormalizedCommand, mask: (s: string) => string): CommandSummary {
  return {
    // Mask each word before quoting: quoting (`password\=…`) would hide key-value pairs from the masker.
    text: mask(quote(c.argv.map(mask))),
    // A program name can be decoded or expanded text (`echo B64 | base64 -d | sh`): mask it too.
    program: mask(c.program),
    wrappers: c.wrappers.map(mask),
    cwd: c.cwd,
    dynamic: c.dynamic,
    remote: c.remote,
  };
}
