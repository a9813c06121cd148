/**
 * The words of a host administration command and the fact drafted from them, shared by the
 * readers of cloud-host.ts and its sub-families (firewall, services, disruption).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** The words after the program: options and positional words, in order. */
export function split(cmd: NormalizedCommand): { opts: string[]; pos: string[] } {
  const opts: string[] = [];
  const pos: string[] = [];
  for (const a of cmd.argv.slice(1)) (a.startsWith('-') ? opts : pos).push(a);
  return { opts, pos };
}

/** The fact of `cmd`, its program as the tool; `all` = everything of its kind (every rule, every process); always forced (these tools do not prompt). */
export function draft(
  cmd: NormalizedCommand,
  service: string,
  verb: string,
  resource: string,
  all = false,
): CloudDraft {
  return { tool: cmd.program, service, verb, resource, all, force: true };
}
