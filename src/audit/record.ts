/**
 * One line of the audit log (JSONL). Every record is chained to the one before by
 * `prev`, the sha256 of the previous line's exact text; the first record's `prev` is
 * sha256 of the empty string. Editing, removing or reordering a line breaks the chain.
 */
import { createHash } from 'node:crypto';
import type { Layer } from '../approval/types.js';
import type { Verdict } from '../engine/types.js';

export interface AuditRecord {
  /** ISO-8601 time the decision was made. */
  ts: string;
  /** Which gate saw the command; `session` = a record about the session itself (it was ended, the log was reopened). */
  layer: Layer | 'session';
  /** Directory the command ran in. Empty = unknown. */
  cwd: string;
  /** The command text with secrets masked (long texts are cut, with a note of the size). */
  command: string;
  /** Final decision after approval: allow or deny (`ask` never appears; it is settled first). */
  decision: Exclude<Verdict, 'ask'>;
  /** The engine's verdict before approval: allow, ask or deny. */
  verdict: Verdict;
  /** Rule ids that matched (`pack/id`). Empty = none matched. */
  rules: string[];
  /** Who decided: `policy` (engine or --on-ask), `tui`, `watch`, `external:<name>`. */
  approver: string;
  /** One sentence: why. Secrets masked. */
  reason: string;
  /** True when an earlier approval of the same command settled this ask (nobody was asked again). Absent = asked, or not an ask. */
  reused?: boolean;
  /** Rule packs the decision was made with (`name@version`). Absent = not recorded (older logs). */
  packs?: string[];
  /** Session id of the `agentfw run` that wrote the record. */
  session: string;
  /** sha256 (hex) of the previous line's text; sha256("") for the first record. */
  prev: string;
  /** Id of the audit key that signed the record (src/audit/key.ts). Absent = unsigned (older logs). */
  kid?: string;
  /** HMAC-SHA256 (hex) with the audit key of the line up to this field. Absent = unsigned. */
  mac?: string;
}

export const GENESIS = sha256('');

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Longest command text kept in a record, in characters. */
export const MAX_COMMAND_CHARS = 16 * 1024;

export function clipCommand(text: string): string {
  if (text.length <= MAX_COMMAND_CHARS) return text;
  // Keep both ends: agents wrap the model's command in a long preamble (Codex: ~38 KB),
  // so the part a human needs is often at the end.
  const half = Math.floor(MAX_COMMAND_CHARS / 2);
  return `${text.slice(0, half)} … (${text.length - 2 * half} characters cut; ${text.length} in all) … ${text.slice(-half)}`;
}
