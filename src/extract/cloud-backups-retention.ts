/**
 * A backup tool's retention cut to (almost) nothing, so its next maintenance deletes every
 * older snapshot: Kopia's `kopia policy set [--global|PATH] --keep-latest N --keep-hourly N
 * --keep-daily N --keep-weekly N --keep-monthly N --keep-annual N`, when every count given
 * is at most 1 and either at least two are given or `--keep-latest 0` (nothing kept). Read as a
 * CloudFact of service `backups`, verb `delete`, `all` (the backups-deleted rule). A count
 * not known statically (`$N`) counts as cut (fail closed); `inherit` keeps the parent's. A
 * policy that keeps more (`--keep-daily 14 --keep-hourly 0`, `--keep-latest 0 --keep-daily
 * 30`), one bucket alone set to 0
 * (`--keep-hourly 0`: the others are inherited), showing and listing find nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft } from './cloud-backups.js';

/** Kopia's retention options (`--keep-daily 0`, `--keep-daily=0`). */
const KEEP = /^--keep-(latest|hourly|daily|weekly|monthly|annual)$/;

/** The retention counts a `kopia policy set` gives, by bucket (`inherit` left out). */
function counts(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const [o, attached] = args[i].split('=', 2);
    const m = KEEP.exec(o);
    if (!m) continue;
    const v = attached ?? args[++i] ?? '';
    if (v !== 'inherit') out.set(m[1], v);
  }
  return out;
}

/** The word after `policy set` that names the policy's path (`--global` is none); '' = none. */
function target(rest: string[]): string {
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('-')) return a;
    // `--keep-daily 7`, `--compression zstd`: the next word is the value (`--global` takes none)
    if (!a.includes('=') && a !== '--global' && !a.startsWith('--no-') && a.startsWith('--')) i++;
  }
  return '';
}

/** The retention cut `cmd` makes (see the header); undefined = none. */
export function readRetentionCut(cmd: NormalizedCommand): CloudDraft | undefined {
  if (cmd.program !== 'kopia') return undefined;
  const args = cmd.argv.slice(1);
  // `policy set`, after any global options and their values (`--config-file /x`)
  const at = args.findIndex((a, i) => a === 'policy' && args[i + 1] === 'set');
  if (at < 0) return undefined;
  const rest = args.slice(at + 2);
  const given = counts(rest);
  const small = (v: string) => /^[01]$/.test(v) || v.startsWith('$');
  // every count given keeps at most one, and either two are given or the latest is none
  const cut =
    given.size > 0 &&
    [...given.values()].every(small) &&
    (given.size >= 2 || /^(0|\$.*)$/.test(given.get('latest') ?? '-'));
  if (!cut) return undefined;
  const where = rest.includes('--global') ? 'global policy' : target(rest) || 'policy';
  return draft(
    cmd,
    'delete',
    `${where}: snapshots beyond ${given.get('latest') ?? 'none'} (retention cut)`,
    true,
  );
}
