/**
 * Compressors and archivers that replace or remove the files they are given:
 * - gzip, bzip2, xz, lzip, compress … (and their decompressors) replace each FILE by
 *   FILE.gz (or the reverse) unless told to keep it (`-k`, `-c`, `-t`, `-l`); with `-r` whole
 *   directories are converted: read as a move of the named files (`gzip -r /etc` leaves no
 *   readable config). zstd, lz4 and brotli keep the input unless `--rm` (brotli: `-j`);
 * - `zip -m` / `--move`, `7z a -sdel`, `rar m` / `rar a -df`: the files put in the archive are
 *   deleted afterwards (read as a move into the archive).
 * Reads argv only.
 */
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { operandTargets } from './fs-commands.js';

/** Short options that take a value, per compressor family. */
const VALUE_LETTERS: Record<string, string> = { gzip: 'Sbp', xz: 'TFCM', zstd: 'oTDL', brotli: 'oqwS' };

/** Programs that replace their input by default, with their option family. */
const REPLACING: Record<string, string> = {
  gzip: 'gzip',
  gunzip: 'gzip',
  pigz: 'gzip',
  unpigz: 'gzip',
  bzip2: 'gzip',
  bunzip2: 'gzip',
  pbzip2: 'gzip',
  lbzip2: 'gzip',
  xz: 'xz',
  unxz: 'xz',
  lzma: 'xz',
  unlzma: 'xz',
  lzip: 'gzip',
  plzip: 'gzip',
  compress: 'gzip',
  uncompress: 'gzip',
};

/** Programs that keep their input unless told to remove it. */
const KEEPING: Record<string, string> = { zstd: 'zstd', unzstd: 'zstd', lz4: 'zstd', brotli: 'brotli' };

const compressor: FsHandler = (cmd, ctx) => {
  const family = REPLACING[cmd.program] ?? KEEPING[cmd.program];
  const o = parseOptions(cmd.argv, 1, { shortWithValue: VALUE_LETTERS[family] ?? '' });
  const keeps = hasAny(o, 'c', 'k', 't', 'l', 'stdout', 'to-stdout', 'keep', 'test', 'list');
  const removes = Object.hasOwn(REPLACING, cmd.program) || hasAny(o, 'rm', 'j');
  if (keeps || !removes) return [];
  return fsFact(
    cmd,
    'move',
    operandTargets(cmd, ctx, o.operands),
    hasAny(o, 'r', 'recursive'),
    hasAny(o, 'f'),
  );
};

/** zip ARCHIVE FILE… with -m/--move: the files are deleted once archived. */
const zip: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'PbntxiOZs',
    longWithValue: [
      'password',
      'temp-path',
      'suffixes',
      'exclude',
      'include',
      'output-file',
      'compression-method',
    ],
  });
  if (!hasAny(o, 'm', 'move')) return [];
  return fsFact(
    cmd,
    'move',
    operandTargets(cmd, ctx, o.operands.slice(1)),
    hasAny(o, 'r', 'recursive'),
    true,
  );
};

/** 7z a ARCHIVE FILE… -sdel: the files are deleted once archived. */
const sevenZip: FsHandler = (cmd, ctx) => {
  if (!cmd.argv.includes('-sdel')) return [];
  const words = cmd.argv.map((_, i) => i).filter((i) => i > 0 && !cmd.argv[i].startsWith('-'));
  return words.length >= 3 ? fsFact(cmd, 'move', operandTargets(cmd, ctx, words.slice(2)), true, true) : [];
};

/** rar m ARCHIVE FILE… (or `rar a -df`): the files are deleted once archived. */
const rar: FsHandler = (cmd, ctx) => {
  const words = cmd.argv.map((_, i) => i).filter((i) => i > 0 && !cmd.argv[i].startsWith('-'));
  const verb = cmd.argv[words[0]] ?? '';
  const moves = verb === 'm' || verb === 'mf' || (verb === 'a' && cmd.argv.includes('-df'));
  return moves && words.length >= 3
    ? fsFact(cmd, 'move', operandTargets(cmd, ctx, words.slice(2)), true, true)
    : [];
};

/** Program → reader of the files it replaces or removes (compressors, archivers); a program not listed is not this module's. */
export const ARCHIVER_HANDLERS: Record<string, FsHandler> = {
  ...Object.fromEntries([...Object.keys(REPLACING), ...Object.keys(KEEPING)].map((p) => [p, compressor])),
  zip,
  '7z': sevenZip,
  '7za': sevenZip,
  '7zz': sevenZip,
  rar,
};
