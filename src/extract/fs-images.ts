/**
 * Tools that rewrite a data file in place: `qemu-img create|convert|resize` (a disk image
 * made over whatever the path held: an existing VM disk is lost) and Redis's file checkers
 * with `--fix` (`redis-check-aof --fix FILE` truncates the append-only file at its first bad
 * record: every write after it is lost). The file is formatted (`qemu-img create`, `convert`'s
 * output, `resize --shrink`) or truncated (`--fix`); where it lies decides (a new image in the
 * workspace is nobody's data). Reading verbs (`info`, `check` without `-r`, `compare`, `map`)
 * and the checkers without `--fix` change nothing (no fact).
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import type { FsHandler } from './fs-fact.js';
import { fsFact } from './fs-fact.js';
import { target, targetOf } from './fs-paths.js';

/** qemu-img's options (before or after the verb) that take a value. */
const QEMU_VALUED = /^(-f|-F|-O|-o|-b|-B|-l|-S|-t|-T|-r|-m|--object|--output)$/;

/**
 * The image an option string names (`--image-opts driver=qcow2,file.filename=/p`: its
 * `filename` key, at any depth; `,,` is a comma inside a value). fail closed: one that names
 * no file (an NBD or iSCSI export, a value the shell fills in) is a target not known.
 */
function imageOptsTarget(cmd: NormalizedCommand, index: number, ctx: AnalyzeContext): FsTarget {
  const raw = cmd.argv[index] ?? '';
  const pairs = raw.replace(/,,/g, '\0').split(',');
  const file = pairs
    .map((p) => /^(?:[\w-]+\.)*filename=(.*)$/s.exec(p)?.[1])
    .find((v) => v !== undefined)
    ?.replace(/\0/g, ',');
  if (file === undefined || cmd.dynamicArgs.includes(index))
    return { raw, path: '', class: 'unknown', glob: false };
  return targetOf(file, cmd, ctx);
}

/**
 * qemu-img: the image path it writes. `create [opts] FILE [SIZE]` and `resize [--shrink] FILE
 * SIZE` write the first operand (`resize` only loses data with `--shrink` or a `-SIZE`);
 * `convert … IN… OUT` the last; `check -r`, `amend`, `rebase`, `commit`, `snapshot -d|-a`
 * change the image named. Empty list: a verb that only reads. With `--image-opts` the images
 * named are option strings (`driver=qcow2,file.filename=PATH`), and so is `convert`'s output
 * with `--target-image-opts`.
 */
export const qemuImg: FsHandler = (cmd, ctx) => {
  const argv = cmd.argv;
  const ops: number[] = [];
  const opts: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    // `-10G`: a size that shrinks, an operand
    if (a.startsWith('-') && a !== '-' && !/^-\d/.test(a)) {
      opts.push(a);
      if (QEMU_VALUED.test(a)) i++;
    } else ops.push(i);
  }
  const verb = argv[ops[0]] ?? '';
  const rest = ops.slice(1);
  let idx: number[] = [];
  if (verb === 'create') idx = rest.slice(0, 1);
  else if (verb === 'convert') idx = rest.slice(-1);
  else if (verb === 'resize') {
    const size = argv[rest[1]] ?? '';
    if (opts.includes('--shrink') || size.startsWith('-')) idx = rest.slice(0, 1);
  } else if (verb === 'check') {
    if (opts.some((o) => o === '-r' || o.startsWith('-r'))) idx = rest.slice(0, 1);
  } else if (verb === 'snapshot') {
    if (opts.some((o) => /^-[da]$/.test(o))) idx = rest.slice(-1);
  } else if (/^(amend|rebase|commit)$/.test(verb)) idx = rest.slice(-1);
  // the output of convert is an option string only with --target-image-opts
  const last = rest[rest.length - 1];
  const optsString = (i: number) =>
    verb === 'convert' && i === last ? opts.includes('--target-image-opts') : opts.includes('--image-opts');
  return fsFact(
    cmd,
    'format',
    idx.map((i) => (optsString(i) ? imageOptsTarget(cmd, i, ctx) : target(cmd, i, ctx))),
    false,
    true,
  );
};

/** `redis-check-aof --fix FILE`, `redis-check-rdb --fix FILE`: the file is truncated; without `--fix` it is only read. */
export const redisCheck: FsHandler = (cmd, ctx) => {
  if (!cmd.argv.includes('--fix')) return [];
  const idx = cmd.argv.map((_, i) => i).filter((i) => i > 0 && !cmd.argv[i].startsWith('-'));
  return fsFact(
    cmd,
    'truncate',
    idx.map((i) => target(cmd, i, ctx)),
    false,
    true,
  );
};

/** Program → reader of the data file it rewrites in place (disk images, database files); a program not listed is not this module's. */
export const IMAGE_FILE_HANDLERS: Record<string, FsHandler> = {
  'qemu-img': qemuImg,
  'redis-check-aof': redisCheck,
  'redis-check-rdb': redisCheck,
};
