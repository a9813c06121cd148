/** Short evidence text for a command, shared by the fs, git and shell extractors. */
import { quote } from 'shell-quote';
import type { NormalizedCommand } from '../engine/types.js';

/** Longest evidence string kept; longer text is cut with an ellipsis. */
export const MAX_EVIDENCE = 200;

/** Cuts text to MAX_EVIDENCE characters. */
export function clip(text: string, max = MAX_EVIDENCE): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The command as a shell-quoted line (`rm -rf /`), prefixed by its carriers when peeled. */
export function evidenceOf(cmd: NormalizedCommand, args: string[] = cmd.argv): string {
  const line = quote(args);
  return clip(cmd.wrappers.length ? `${cmd.wrappers.join(' → ')} → ${line}` : line);
}
