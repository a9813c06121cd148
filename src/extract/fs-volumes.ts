/**
 * Volume managers and virtual machine storage: commands that destroy a volume, a pool, a
 * dataset or its snapshots on this machine (`zfs destroy`, `zfs rollback`, `zpool destroy`,
 * `lvremove`, `vgremove`, `pvremove`, `btrfs subvolume delete`, `mdadm --zero-superblock`
 * or `--create`, `virsh vol-delete`, `virsh undefine --remove-all-storage`). Each is read as
 * a format of what it names (fs fact, op `format`): a path is classified as any path (a
 * /dev path is a device, refused like a wipe; a folder inside the workspace is the
 * workspace's), and a volume name, which is no file, is storage of class `unknown` (asked).
 * What only lists, creates, snapshots or dry-runs gives nothing.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { target } from './fs-paths.js';

type Handler = (cmd: NormalizedCommand, ctx: AnalyzeContext) => DraftFact[];
type Fact = (
  cmd: NormalizedCommand,
  op: 'format',
  targets: FsTarget[],
  recursive?: boolean,
  force?: boolean,
) => DraftFact[];

/** Options that take the next word as their value: mdadm's and virsh's (the others' here take none). */
const MDADM_VALUES = new Set([
  '--level',
  '-l',
  '--raid-devices',
  '-n',
  '--metadata',
  '-e',
  '--config',
  '-c',
  '--chunk',
]);
const VIRSH_VALUES = new Set(['--pool', '--connect', '-c', '--domain', '--vol', '--algorithm']);
const NO_VALUES = new Set<string>();

/** Indexes of the operands of `cmd` after argv index `from` (options and their values skipped). */
function operands(cmd: NormalizedCommand, from: number, values = NO_VALUES): number[] {
  const out: number[] = [];
  for (let i = from; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a === '--') {
      for (let j = i + 1; j < cmd.argv.length; j++) out.push(j);
      break;
    }
    if (a.startsWith('-')) {
      if (values.has(a)) i++;
      continue;
    }
    out.push(i);
  }
  return out;
}

/** A path operand is classified as any path; a name (no `/` at its start, not `./`) is storage, not a file. */
function volumeTarget(cmd: NormalizedCommand, i: number, ctx: AnalyzeContext): FsTarget {
  const raw = cmd.argv[i];
  if (/^(\/|\.\.?\/|~)/.test(raw) || cmd.dynamicArgs.includes(i)) return target(cmd, i, ctx);
  return { raw, path: raw, class: 'unknown', glob: false };
}

/** The first subcommand word after the options (`zfs -v destroy` → index of destroy); -1 = none. */
function subAt(cmd: NormalizedCommand, from = 1, values = NO_VALUES): number {
  for (let i = from; i < cmd.argv.length; i++) {
    if (!cmd.argv[i].startsWith('-')) return i;
    if (values.has(cmd.argv[i])) i++;
  }
  return -1;
}

const has = (cmd: NormalizedCommand, re: RegExp) => cmd.argv.slice(1).some((a) => re.test(a));

/** Builds the handlers with the fs fact builder of fs-commands.ts (passed in: no import cycle). */
export function volumeHandlers(fsFact: Fact): Record<string, Handler> {
  const named = (cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[], recursive: boolean) =>
    fsFact(
      cmd,
      'format',
      idx.map((i) => volumeTarget(cmd, i, ctx)),
      recursive,
      true,
    );
  /** `tool VERB NAME…` for the verbs in `verbs`; `dry`: options that make it a dry run. */
  const verbOf =
    (verbs: RegExp, dry?: RegExp, group?: RegExp): Handler =>
    (cmd, ctx) => {
      let at = subAt(cmd);
      if (group) {
        if (at < 0 || !group.test(cmd.argv[at])) return [];
        at = subAt(cmd, at + 1);
      }
      if (at < 0 || !verbs.test(cmd.argv[at]) || (dry && has(cmd, dry))) return [];
      return named(cmd, ctx, operands(cmd, at + 1), has(cmd, /^-[a-zA-Z]*[rR][a-zA-Z]*$/));
    };
  /** The program is the verb (`lvremove VG/LV`). */
  const programVerb: Handler = (cmd, ctx) => named(cmd, ctx, operands(cmd, 1), false);
  return {
    // -n: dry run (nothing destroyed).
    zfs: verbOf(/^(destroy|rollback)$/, /^-[a-zA-Z]*n[a-zA-Z]*$/),
    zpool: verbOf(/^(destroy|labelclear)$/),
    lvremove: programVerb,
    vgremove: programVerb,
    pvremove: programVerb,
    btrfs: verbOf(/^(delete|del|de|d)$/, undefined, /^(subvolume|subvol|sub|su)$/),
    mdadm: (cmd, ctx) => {
      if (!has(cmd, /^(--zero-superblock|--create|-C)$/)) return [];
      return named(cmd, ctx, operands(cmd, 1, MDADM_VALUES), false);
    },
    virsh: (cmd, ctx) => {
      // `virsh -c URI SUB`: the connection URI is no subcommand.
      const at = subAt(cmd, 1, VIRSH_VALUES);
      if (at < 0) return [];
      const sub = cmd.argv[at];
      const storage = has(cmd, /^--(remove-all-storage|storage|wipe-storage)(=.*)?$/);
      if (!/^(vol-delete|vol-wipe|pool-delete)$/.test(sub) && !(sub === 'undefine' && storage)) return [];
      const ops = operands(cmd, at + 1, VIRSH_VALUES);
      return named(cmd, ctx, ops.length ? ops.slice(0, 1) : [], false);
    },
  };
}
