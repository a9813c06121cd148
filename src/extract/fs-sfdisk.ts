/**
 * Whether a run of sfdisk only reads. sfdisk's command options (`-l`, `-d`, `--delete`, `-A`,
 * `--part-type`, …) each set the one action it runs, and the last one given wins
 * (`sfdisk -l -r /dev/sdb` reorders the table). `-V` is the action only when no other is given;
 * `-h` and `-v` print and quit before any action; `-n`/`--no-act` runs everything but the write.
 * Options are read as getopt does: short ones clustered (`-lr`), long ones by any unique prefix
 * (`--del`), with their values skipped. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';

/** Short actions → their action, as LONG's (`-A` is `--activate`, `-c` the old `--id`). */
const SHORT_ACTS: Record<string, string> = {
  A: 'partno',
  d: 'read',
  J: 'read',
  g: 'read',
  G: 'read',
  l: 'read',
  F: 'read',
  s: 'read',
  T: 'read',
  r: 'write',
  c: 'value',
};

/**
 * Long options → their action (`read`, `write`; `partno`: reads only with no partition number
 * after the device; `value`: reads only with no value after the partition number), or `quit`
 * (prints and exits), `noact`, `verify`, `valued` (takes the next word), `flag` (no action).
 */
const LONG: Record<string, string> = {
  activate: 'partno',
  append: 'flag',
  backup: 'flag',
  'backup-file': 'valued',
  'backup-pt-sectors': 'read',
  bytes: 'flag',
  'change-id': 'value',
  color: 'flag',
  delete: 'write',
  'disk-id': 'partno',
  dump: 'read',
  force: 'flag',
  help: 'quit',
  id: 'value',
  json: 'read',
  label: 'valued',
  'label-nested': 'valued',
  list: 'read',
  'list-free': 'read',
  'list-types': 'read',
  lock: 'flag',
  'move-data': 'flag',
  'move-use-fsync': 'flag',
  'no-act': 'noact',
  'no-reread': 'flag',
  'no-tell-kernel': 'flag',
  output: 'valued',
  'part-attrs': 'value',
  'part-label': 'value',
  'part-type': 'value',
  'part-uuid': 'value',
  partno: 'valued',
  'print-id': 'read',
  quiet: 'flag',
  relocate: 'write',
  reorder: 'write',
  'sector-size': 'valued',
  'show-geometry': 'read',
  'show-pt-geometry': 'read',
  'show-size': 'read',
  unit: 'valued',
  verify: 'verify',
  version: 'quit',
  wipe: 'valued',
  'wipe-partitions': 'valued',
};

/** Short options whose value is the rest of the word or the next word (`-N 2`, `-X gpt`). */
const SHORT_VALUED = new Set(['N', 'X', 'Y', 'O', 'w', 'W', 'o', 'u']);

/** The long option a `--name` word names (exact, else a unique prefix); undefined = none or ambiguous. */
function longOption(name: string): string | undefined {
  if (Object.hasOwn(LONG, name)) return name;
  const hits = Object.keys(LONG).filter((k) => k.startsWith(name));
  return hits.length === 1 ? hits[0] : undefined;
}

/** True when this sfdisk run changes nothing on disk (see the header); unknown options or words known only at run time: false. */
export function sfdiskReads(cmd: NormalizedCommand): boolean {
  if (cmd.dynamicArgs.length) return false;
  const args = cmd.argv.slice(1);
  let act = '';
  let verify = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const name = longOption(a.slice(2).replace(/=.*$/s, ''));
      const kind = name ? LONG[name] : undefined;
      if (!kind) return false; // an option not known: fail closed
      if (kind === 'quit') return true;
      if (kind === 'noact') return true;
      if (kind === 'verify') verify = true;
      else if (kind === 'valued') i += a.includes('=') ? 0 : 1;
      else if (kind !== 'flag') act = kind;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'h' || c === 'v' || c === 'n') return true;
      if (SHORT_VALUED.has(c)) {
        if (j === a.length - 1) i++;
        break;
      }
      if (c === 'V') verify = true;
      else if (Object.hasOwn(SHORT_ACTS, c)) act = SHORT_ACTS[c];
      else if (!/[afqb]/.test(c)) return false; // (append, force, quiet, backup: no action)
    }
  }
  if (!act) return verify;
  // operands: the device, then partition numbers, then a value
  if (act === 'partno') return operands.length <= 1;
  if (act === 'value') return operands.length <= 2;
  return act === 'read';
}
