/**
 * mtools, which edit FAT file systems inside disk images or on floppy drives without mounting
 * them: `mdel` and `mdeltree` delete files and folder trees in it, `mformat` makes a new file
 * system over it (everything on it lost), `mcopy -o|-D o` overwrites files in it. What they
 * change is the image named by `-i IMAGE` (`-iIMAGE`), read as the fs target so that where it
 * lies decides (an image in the workspace is the project's own); without `-i`, a drive letter
 * (`a:`, `b:`) is the floppy device it maps to by default (`/dev/fd0`, `/dev/fd1`), and any
 * other drive is read as unknown (fail closed: mtools.conf may map it to any disk). Listing and
 * copying out (`mdir`, `mtype`, `mcopy` from the image) change nothing (no fact).
 */
import type { FsTarget } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { targetOf } from './fs-paths.js';

/** The options of these tools that take the next word as their value. */
const VALUED = /^-(i|t|h|s|n|c|l|S|L|M|N|r|d|H|T|f|D|X|m|R|B|k)$/;

/** The image or device the command changes; undefined = none named. */
function medium(
  argv: string[],
  drive: string | undefined,
  cmd: Parameters<FsHandler>[0],
  ctx: Parameters<FsHandler>[1],
): FsTarget | undefined {
  const i = argv.findIndex((a, k) => k > 0 && /^-i/.test(a));
  if (i > 0) {
    const raw = argv[i] === '-i' ? (argv[i + 1] ?? '') : argv[i].slice(2);
    const at = argv[i] === '-i' ? i + 1 : i;
    return targetOf(raw, cmd, ctx, cmd.dynamicArgs.includes(at));
  }
  if (drive === undefined) return undefined;
  const letter = drive.toLowerCase();
  if (letter === 'a' || letter === 'b') return targetOf(letter === 'a' ? '/dev/fd0' : '/dev/fd1', cmd, ctx);
  // fail closed: the drive may be mapped to any disk or image
  return { raw: `${drive}:`, path: '', class: 'unknown', glob: false };
}

/** The drive letter of the first mtools path operand (`a:/DATA`, `::/RECORDS` → ''), skipping option values. */
function driveOf(argv: string[]): string | undefined {
  for (let k = 1; k < argv.length; k++) {
    if (VALUED.test(argv[k])) {
      k++;
      continue;
    }
    const m = /^([A-Za-z]?):/.exec(argv[k]);
    if (m && !argv[k].startsWith('-')) return m[1] || undefined;
  }
  return undefined;
}

const mtool =
  (op: 'delete' | 'format' | 'overwrite', recursive: boolean): FsHandler =>
  (cmd, ctx): DraftFact[] => {
    const t = medium(cmd.argv, driveOf(cmd.argv), cmd, ctx);
    return t ? fsFact(cmd, op, [t], recursive, true) : [];
  };

/** `mcopy -o` / `-D o|O`: a name clash overwrites what the image holds; copying out of it writes elsewhere. */
const mcopy: FsHandler = (cmd, ctx) => {
  const a = cmd.argv;
  const overwrite = a.some((w, k) => w === '-o' || (a[k - 1] === '-D' && /^[oO]$/.test(w)));
  const operands = a.slice(1).filter((w, k) => !w.startsWith('-') && !VALUED.test(a[k]));
  // the last operand is the destination: only a copy into the image or drive changes it
  const into = /^[A-Za-z]?:/.test(operands[operands.length - 1] ?? '');
  return overwrite && into ? mtool('overwrite', false)(cmd, ctx) : [];
};

/** mtools program → reader of the image or drive it changes (mcopy only when it overwrites in the image); listing tools are not listed. */
export const MTOOLS_HANDLERS: Record<string, FsHandler> = {
  mdel: mtool('delete', false),
  mdeltree: mtool('delete', true),
  mformat: mtool('format', false),
  mcopy,
};
