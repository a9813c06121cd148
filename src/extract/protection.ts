/**
 * What keeps data recoverable, switched off: backups or their retention set to zero (or one
 * day, `--retention-days 1`, `-RetentionDays 1`), point-
 * in-time recovery or soft delete turned off, deletion or termination protection removed,
 * bucket versioning suspended, a lifecycle rule that expires every object (or every old
 * version), a backup plan that deletes its backups within a day, a Kubernetes volume set to
 * be deleted with its claim. Nothing is lost at once, but the next mistake (or the next
 * night) is unrecoverable. Read by what the words say, for any program, into a CloudFact
 * whose verb is `remove-protection` (`unread-policy`: a lifecycle document that cannot be
 * read).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { wordExtractor, wordFact, type Finding } from './word-facts.js';
import { policyText, TEXT_TOOLS } from './exposure.js';

/** Options that switch a protection off by their name alone (`--no-deletion-protection[-enabled]`, `--no-backup`, `--clear-soft-delete`). */
const OFF_FLAGS =
  /^--no-[\w-]*(deletion-protection|termination-protection|disable-api-termination|backup|point-in-time-recovery|versioning|retain|soft-delete)[\w-]*$|^--clear-soft-delete$/;
/**
 * Options that set a protection by their value (`--enable-delete-retention false`: Azure
 * storage's soft delete of blobs, containers or file shares; `--soft-delete-feature-state
 * Disable`: a Recovery Services vault's).
 */
const PROTECTION_OPT =
  /^--(deletion-protection(-enabled)?|termination-protection|enable-backup|backup|versioning|enable-(container-)?delete-retention|enable-versioning|enable-restore-policy|enable-soft-delete|enable-purge-protection|soft-delete(-feature)?-state)$/;
/** Retention options, any case (`--backup-retention-period`, `-RetentionDays`): a value of 0 keeps nothing. */
const RETENTION_OPT = /retention|retain|soft-delete-duration|keep-(days|count)|backup-retention/i;
/**
 * Retention options counted in days (`--retention-days`, `-RetentionDays`, `--keep-days`,
 * RDS's `--backup-retention-period`): a single day is the least a service accepts, what a
 * mistake found tomorrow can no longer be undone from.
 */
const RETENTION_DAYS = /days|backup-retention-period/i;
/** A retention value that keeps nothing: 0 (`0`, `0d`), or an ISO 8601 duration of zero (`P0W`, `PT0S`). */
const NO_RETENTION = /^(0+[a-z]*|PT?0+[A-Z])$/i;
/** True when option `o` set to `v` keeps (almost) nothing: zero, or one day of a days count. */
const retentionGone = (o: string, v: string) =>
  RETENTION_OPT.test(o) && (NO_RETENTION.test(v) || (RETENTION_DAYS.test(o) && /^0*1$/.test(v)));
/** Words (a shorthand or a JSON document) that switch a protection off. */
const OFF_WORDS =
  /PointInTimeRecoveryEnabled["']?\s*[=:]\s*["']?false|"?Status"?\s*[=:]\s*"?Suspended|"?DeletionProtection(Enabled)?"?\s*[=:]\s*"?false|persistentVolumeReclaimPolicy"?\s*[:=]\s*"?Delete/i;
/** Options whose value is a lifecycle document. */
const LIFECYCLE_OPT = /^--(lifecycle-configuration|lifecycle|backup-plan|policy)$/;

/** A lifecycle document that expires every object (a rule with no filter) or deletes backups within a day. */
function expiresEverything(doc: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(doc);
  } catch {
    return false;
  }
  const rules =
    (json as { Rules?: unknown[]; rule?: unknown[] }).Rules ?? (json as { rule?: unknown[] }).rule ?? [];
  return (Array.isArray(rules) ? rules : []).some((r) => {
    const rule = r as Record<string, unknown>;
    const text = JSON.stringify(rule);
    // AWS Backup: the recovery points go within a day
    const after = /"DeleteAfterDays"\s*:\s*(\d+)/.exec(text);
    if (after && Number(after[1]) <= 1) return true;
    // S3 / GCS: expiry with no filter, or an empty prefix, is every object
    const expires = /"(Expiration|NoncurrentVersionExpiration)"|"type"\s*:\s*"Delete"/.test(text);
    if (!expires || rule.Status === 'Disabled') return false;
    const filter = (rule.Filter ?? rule.condition ?? {}) as Record<string, unknown>;
    const prefix = rule.Prefix ?? filter.Prefix;
    const narrowed =
      Object.keys(filter).some((k) => k !== 'Prefix' && k !== 'age' && k !== 'isLive') ||
      (typeof prefix === 'string' && prefix !== '');
    return !narrowed;
  });
}

/** What protection `cmd` switches off, as [kind, the words that say so]; empty = none. */
export function protectionsOff(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  if (TEXT_TOOLS.has(cmd.program)) return [];
  const found: Finding[] = [];
  const args = cmd.argv.slice(1);
  for (const a of args) {
    if (OFF_FLAGS.test(a)) found.push(['remove-protection', a]);
    else if (OFF_WORDS.test(a)) found.push(['remove-protection', a.length > 60 ? `${a.slice(0, 57)}…` : a]);
  }
  // PowerShell's `-Param:value` carries its value after a colon
  const colonPairs = args.flatMap((a): [string, string][] => {
    const m = /^(-[A-Za-z]\w*):(.+)$/.exec(a);
    return m ? [[m[1], m[2]]] : [];
  });
  for (const [o, v] of [...optionPairs(cmd.argv), ...colonPairs]) {
    if (PROTECTION_OPT.test(o) && /^(false|off|disabled?|no|0)$/i.test(v))
      found.push(['remove-protection', `${o} ${v}`]);
    if (retentionGone(o, v)) found.push(['remove-protection', `${o} ${v}`]);
    if (LIFECYCLE_OPT.test(o)) {
      const doc = policyText(v, cmd, ctx);
      // fail closed: a lifecycle document that cannot be read may expire everything
      if (doc === undefined && o !== '--policy') found.push(['unread-policy', `${o} ${v}`]);
      else if (doc !== undefined && expiresEverything(doc))
        found.push(['remove-protection', `${o} (expires everything)`]);
    }
  }
  // `gsutil versioning set off gs://b`
  if (cmd.program === 'gsutil' && args.join(' ').includes('versioning set off'))
    found.push(['remove-protection', 'versioning set off']);
  return found;
}

export const extractProtection = wordExtractor(protectionsOff, (cmd, verb, said) =>
  wordFact(cmd, 'protection', verb, said),
);
