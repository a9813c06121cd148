/**
 * Veritas NetBackup's administration commands (`/usr/openv/netbackup/bin/admincmd/…`, read by
 * their name as a bare program is) that delete backups or stop them being taken:
 * - `bpexpdate -d 0 …` expires the images it selects now (`-backupid ID`, `-m MEDIA` every
 *   image on that media, `-client C`/`-policy P` theirs); the catalog forgets them and the
 *   media is reused. A date (`-d 12/31/2027`, `-d infinity`) only moves their expiry,
 *   `-deassignempty` frees only empty media, `-recalculate` follows the policy's retention.
 * - `bpimage -delete …` (catalog images deleted), and `nbdelete`
 *   (image fragments deleted from disk storage).
 * - `bpplinfo POLICY -modify|-set … -inactive`: the policy stops taking backups (verb
 *   `disable`); `bppldelete POLICY`, `bpplsched POLICY -delete|-deleteall …`, `bpplclients
 *   POLICY -delete CLIENT…` and `nbstl NAME -delete` remove a policy, its schedules, its
 *   clients or a storage lifecycle policy, so the backups they made are no longer taken.
 * - `bpdbjobs -cancel|-cancel_all|-kill_all …`: running backup jobs stopped (`disable`).
 * Read as CloudFacts of service `backups` (rulesets/protection.yaml asks); listings
 * (`bpplinfo P -L`, `bpimagelist`, `bpdbjobs -summary`) make none here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft } from './cloud-backups.js';

/** The value of NetBackup's `-opt VALUE`; undefined = absent. */
function value(args: string[], opt: string): string | undefined {
  const i = args.indexOf(opt);
  return i < 0 ? undefined : (args[i + 1] ?? '');
}

/** The first operand (the policy name of bpplinfo, bppldelete, bpplsched, bpplclients). */
const firstOperand = (args: string[]) => args.find((a) => !a.startsWith('-')) ?? '';

/** What `bpexpdate` selects, as words for the fact (`backupid X`, `media M`, `client C`). */
function selected(args: string[]): string {
  const sel = [
    ['-backupid', 'backup'],
    ['-m', 'media'],
    ['-client', 'client'],
    ['-policy', 'policy'],
  ]
    .map(([o, w]) => (value(args, o) !== undefined ? `${w} ${value(args, o)}` : ''))
    .filter(Boolean);
  return sel.join(' ') || 'images';
}

/** `bpexpdate -d 0 …`: the images are expired now (deleted from the catalog). */
function bpexpdate(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const when = value(args, '-d');
  if (when !== '0') return undefined;
  const what = selected(args);
  // a media id, a client or a policy selects every image of it
  return draft(cmd, 'delete', `${what} (expire now)`, what !== 'images' && !args.includes('-backupid'));
}

/** `bpimage -delete …`: catalog images deleted. */
function bpimage(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (!args.includes('-delete')) return undefined;
  return draft(cmd, 'delete', selected(args), false);
}

/** `nbdelete -allvolumes|-dt TYPE …`: image fragments deleted from disk storage. */
function nbdelete(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args.includes('-list') || args.includes('-help')) return undefined;
  return draft(cmd, 'delete', 'image fragments on disk storage', args.includes('-allvolumes'));
}

/** `bpplinfo POLICY -modify|-set … -inactive`: the policy stops taking backups. */
function bpplinfo(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (!args.includes('-inactive') || !args.some((a) => a === '-modify' || a === '-set')) return undefined;
  return draft(cmd, 'disable', `policy ${firstOperand(args)}`, false);
}

/** `bppldelete POLICY`. */
function bppldelete(cmd: NormalizedCommand): CloudDraft | undefined {
  return draft(cmd, 'disable', `policy ${firstOperand(cmd.argv.slice(1))} deleted`, false);
}

/** `bpplsched POLICY -delete SCHED…|-deleteall`, `bpplclients POLICY -delete CLIENT…`. */
function policyPart(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const all = args.includes('-deleteall');
  if (!all && !args.includes('-delete')) return undefined;
  const part = cmd.program === 'bpplsched' ? 'schedules' : 'clients';
  const names = all ? 'all' : args.slice(args.indexOf('-delete') + 1).filter((a) => !a.startsWith('-'));
  return draft(cmd, 'disable', `policy ${firstOperand(args)} ${part} ${[names].flat().join(' ')}`, all);
}

/** `nbstl NAME -delete`: a storage lifecycle policy removed. */
function nbstl(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  return args.includes('-delete')
    ? draft(cmd, 'disable', `lifecycle ${firstOperand(args)} deleted`, false)
    : undefined;
}

/** `bpdbjobs -cancel JOBID|-cancel_all|-kill_all`. */
function bpdbjobs(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const at = args.findIndex((a) => /^-(cancel|cancel_all|kill_all)$/.test(a));
  if (at < 0) return undefined;
  const all = args[at] !== '-cancel';
  return draft(
    cmd,
    'disable',
    all ? 'every running backup job' : `backup job ${args[at + 1] ?? ''}`.trim(),
    all,
  );
}

/** Programs this module reads, by name. */
export const NETBACKUP_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  bpexpdate,
  bpimage,
  nbdelete,
  bpplinfo,
  bppldelete,
  bpplsched: policyPart,
  bpplclients: policyPart,
  nbstl,
  bpdbjobs,
};
