/**
 * Windows' System32 programs write their verbs as options: `schtasks /DELETE /TN Backup /F`,
 * `schtasks /Change /TN X /DISABLE`, `certutil -delstore Root HASH`, `bcdedit /deletevalue
 * {default} safeboot`, `net user bob /delete`. cloud-generic.ts reads each such word as an
 * option (case-folded, one `-`), and the option's name as a verb when it destroys what the
 * command names (the verbs of cloud-generic-verbs.ts, and the `del…` verbs of these tools:
 * `-delstore`, `-delkey`, `-delreg`) or switches it off (`/disable`). Read-only verbs
 * (`schtasks /Query`, `certutil -store`, `bcdedit /enum`) name nothing. Pure.
 */
import { COMPOUND, DESTROY, JOINED, VERB_FIRST } from './cloud-generic-verbs.js';

/** A `/NAME` or `-NAME` word, optionally with a value (`/maxsize=401MB`, `/tn:Backup`). */
const OPTION = /^[/-]([a-z?][\w?-]*)([:=].*)?$/i;

/**
 * A word of a System32 program as the option it is (`/DELETE` → `-delete`, `-delStore` →
 * `-delstore`, `/maxsize=401MB` → `-maxsize=401MB`); undefined = a positional word (a name, a
 * path with more than one component, `{default}`).
 */
export function windowsOption(word: string): string | undefined {
  const m = OPTION.exec(word);
  return m ? `-${m[1].toLowerCase()}${m[2] ?? ''}` : undefined;
}

/** These tools' own deleting verbs: `del` joined to what goes (`-delstore`, `-delkey`, `-delreg`, `-delrow`); not `/delay`. */
const DEL_JOINED = /^del(?!ay$)[a-z]{2,12}$/;
/** Options that switch the named thing off (`schtasks /change /tn TASK /disable`). */
const SWITCH_OFF = /^disabled?$/;

/**
 * The verb a System32 program's option (as {@link windowsOption} gives it) names when it
 * destroys or switches off what the command names; undefined = none.
 */
export function windowsOptionVerb(option: string): string | undefined {
  const name = option.replace(/^-/, '').replace(/[:=].*$/, '');
  if ([DESTROY, COMPOUND, VERB_FIRST, JOINED, DEL_JOINED].some((re) => re.test(name))) return name;
  return SWITCH_OFF.test(name) ? 'disable' : undefined;
}
