/**
 * A host's way back after a failure taken away: the Windows Recovery Environment disabled
 * (`reagentc /disable`), automatic repair at boot switched off (`bcdedit /set {default}
 * recoveryenabled no`, `bootstatuspolicy ignoreallfailures`), a boot entry deleted from the
 * store (`bcdedit /delete {id}`), and a firmware boot entry or the boot order deleted
 * (`efibootmgr -b N -B`, `--delete-bootnum`, `-O|--delete-bootorder`). The machine may not
 * start again, or not repair itself when it does not. Listing (`reagentc /info`, `bcdedit
 * /enum`, `efibootmgr -v`), re-enabling, reordering (`efibootmgr -o`) and adding entries make no
 * finding. Each finding is [verb `recovery-off` or `boot-entry-deleted`, the words].
 */
import type { Finding } from './word-facts.js';

/** bcdedit's words that say "no". */
const NO = /^(no|off|false|0)$/i;

/** What `name ARGS` (`name`: the program case-folded, `.exe` dropped) takes away; empty = none. */
export function recoveryOff(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`.trim();
  const lower = args.map((a) => a.toLowerCase());
  switch (name) {
    case 'reagentc':
      return lower.some((a) => a === '/disable' || a === '-disable') ? [['recovery-off', said]] : [];
    case 'bcdedit': {
      const at = (w: string) => lower.indexOf(w);
      if (at('/set') >= 0) {
        const r = at('recoveryenabled');
        if (r >= 0 && NO.test(lower[r + 1] ?? '')) return [['recovery-off', said]];
        const b = at('bootstatuspolicy');
        if (b >= 0 && /^ignore(all|shutdown|boot)failures$/.test(lower[b + 1] ?? ''))
          return [['recovery-off', said]];
      }
      return at('/delete') >= 0 ? [['boot-entry-deleted', said]] : [];
    }
    case 'efibootmgr':
      // `-B`, `--delete-bootnum`; `-O`, `--delete-bootorder` (alone or among other flags: `-qB`,
      // `-Bb 3`); letters after one that takes a value (`-b0001`) are that value
      return args.some((a) => /^--delete-boot(num|order)$/.test(a) || shortDelete(a))
        ? [['boot-entry-deleted', said]]
        : [];
    default:
      return [];
  }
}

/** efibootmgr's short options that take a value (`-b NUM`, `-o ORDER`, `-t SECONDS`, …). */
const EFI_VALUED = 'bdeilLopt';

/** A group of efibootmgr's short flags holding `-B` or `-O` before any value. */
function shortDelete(a: string): boolean {
  if (!/^-[a-zA-Z]+$/.test(a)) return false;
  for (const c of a.slice(1)) {
    if (c === 'B' || c === 'O') return true;
    if (EFI_VALUED.includes(c)) return false;
  }
  return false;
}
