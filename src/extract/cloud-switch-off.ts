/**
 * Cloud updates that switch their subject off (see switchedOff), read after the tool's own
 * reader: the draft is kept unless the options say the update turns the subject off.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionPairs, type CloudDraft } from './cloud-argv.js';

/**
 * An update that switches its subject off (`aws guardduty update-detector --no-enable`,
 * `gcloud logging sinks update --disabled`, `aws macie2 update-macie-session --status PAUSED`,
 * `az security setting update --enabled false`) or a plan that downgrades it to the free tier
 * with no protection (`az security pricing create --tier free`): read as the verb
 * `disable-by-update`.
 */
const SWITCH_OFF =
  /^(--no-enabled?|--disabled?|--enabled?=(false|no|0)|--no-enable-logging|--no-logging|--no-auto-enable)$/i;
/** Options whose value switches the subject off, as [option, value] (`--tier free`, `--status paused`). */
const OFF_VALUES: [RegExp, RegExp][] = [
  [/^--enabled?$/, /^(false|no|0|off)$/i],
  [/^--(control-)?status$/, /^(paused|disabled)$/i],
  [/^--auto-provision$/, /^off$/i],
  [/^--tier$/, /^free$/i],
  // GuardDuty's protection plans: `--features '[{"Name":"…","Status":"DISABLED"}]'`, `--data-sources S3Logs={Enable=false}`
  [/^--(features|data-sources)$/, /"?Status"?\s*[:=]\s*"?DISABLED\b|"?Enable"?\s*[:=]\s*false\b/i],
];
export function switchedOff(d: CloudDraft, cmd: NormalizedCommand): CloudDraft {
  const off = optionPairs(cmd.argv).some(([o, v]) => OFF_VALUES.some(([ro, rv]) => ro.test(o) && rv.test(v)));
  if (!off && !cmd.argv.some((a) => SWITCH_OFF.test(a))) return d;
  // The update verb among the first words (`gcloud logging sinks update NAME`), as the
  // fact of a command that is not destructive names only the first two; a pricing plan
  // is set by `create` (az security pricing create).
  const pos = cmd.argv
    .slice(1)
    .filter(
      (a, i) =>
        !a.startsWith('-') &&
        !(
          off &&
          /^--(enabled?|(control-)?status|tier|auto-provision|features|data-sources)$/.test(cmd.argv[i] ?? '')
        ),
    )
    .slice(0, 5);
  const at = pos.findIndex(
    (w, i) => /^(update|modify|set|put|patch)(-|$)/.test(w) || (w === 'create' && pos[i - 1] === 'pricing'),
  );
  if (at < 0) return d;
  return {
    ...d,
    service: pos.slice(0, at).join(' '),
    verb: 'disable-by-update',
    resource: pos[at + 1] ?? '',
  };
}
