/**
 * Reading payloads that a command refers to instead of spelling out: `@file`, `@-`,
 * `--post-file`, `< file`. The only I/O goes through ctx.readFile.
 */
import path from 'node:path';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { hostFileOf } from './container-paths.js';

/** A payload as far as it can be known statically. */
export interface Payload {
  /** The text; undefined when it cannot be known. */
  text?: string;
  /** True when the payload exists but its content is not known (unreadable file, unknown stdin). */
  unknown: boolean;
  /** Absolute path of the file read; empty for inline or stdin payloads. */
  file: string;
  /** True when the payload is the command's standard input. */
  stdin: boolean;
}

/** Resolves a path argument the way the program would: `~/` = home, relative = the command's cwd. */
export function resolvePath(p: string, cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  // In a new container: the host file behind a mount, '' for the container's own (unreadable here).
  const inContainer = hostFileOf(p, cmd);
  if (inContainer !== undefined) return inContainer;
  if (p === '~') return ctx.home;
  if (p.startsWith('~/')) return path.join(ctx.home, p.slice(2));
  return path.resolve(cmd.cwd || ctx.cwd, p);
}

/** The command's standard input as a payload. */
export function readStdin(cmd: NormalizedCommand, ctx: AnalyzeContext): Payload {
  const s = cmd.stdin;
  if (!s) return { unknown: true, file: '', stdin: true }; // fail closed: inherited stdin is unknown
  if (s.text !== undefined) return { text: s.text, unknown: false, file: '', stdin: true };
  if (s.kind === 'file' && s.path) {
    const text = ctx.readFile?.(s.path);
    return { text, unknown: text === undefined, file: s.path, stdin: true };
  }
  return { unknown: true, file: '', stdin: true };
}

/**
 * The text of an absolute path as the command would find it: what the script wrote there
 * earlier, else the disk (ctx.readFile). Undefined when not known.
 */
export function readFileOf(file: string, cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  const written = cmd.files && Object.hasOwn(cmd.files, file) ? cmd.files[file] : undefined;
  // fail closed: a file the script wrote with content not known statically is unknown, not the disk's
  if (written === null) return undefined;
  return written ?? ctx.readFile?.(file);
}

/**
 * A request file (siege's URL file, an artillery script, vegeta's targets: argv[`index`],
 * resolved to `file`) whose requests cannot be known here: named by a value known only at
 * run time, or written by the script with content not known statically (`gen > urls.txt`).
 * A file merely absent here is the project's own (the tool fails without it): not judged.
 */
export function requestFileUnknown(index: number, file: string, cmd: NormalizedCommand): boolean {
  return (
    cmd.dynamicArgs.includes(index) ||
    (!!cmd.files && Object.hasOwn(cmd.files, file) && cmd.files[file] === null)
  );
}

/** Reads `name` (`-` = stdin) as a payload file. */
export function readPayloadFile(name: string, cmd: NormalizedCommand, ctx: AnalyzeContext): Payload {
  if (name === '-') return readStdin(cmd, ctx);
  const file = resolvePath(name, cmd, ctx);
  const text = readFileOf(file, cmd, ctx);
  // fail closed: an unreadable payload file is an unknown body, never an empty one.
  return { text, unknown: text === undefined, file, stdin: false };
}

/**
 * Files the script wrote inside folder `dir` (absolute), deepest levels included: path →
 * content (null = written, content not known). Empty = none (a folder cannot be listed here).
 */
export function writtenUnder(dir: string, cmd: NormalizedCommand): [string, string | null][] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return Object.entries(cmd.files ?? {}).filter(([f]) => f.startsWith(prefix));
}

/** One file a collection runner reads (runnerFiles). */
export interface RunnerFile {
  file: string;
  /** Its text; undefined = not readable here (or written with content not known). */
  text?: string;
  /** The script wrote it before this command. */
  written: boolean;
  /** Written with content not known statically: fail closed, its requests are unknown (never the disk's). */
  unknown: boolean;
}

/**
 * The files a collection runner (bru, inso) reads at `target`: those the script wrote
 * under it that `keep` accepts, else `target` itself.
 */
export function runnerFiles(
  target: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  keep: (file: string) => boolean,
): RunnerFile[] {
  const inside = writtenUnder(target, cmd).filter(([f]) => keep(f));
  const files: [string, string | null | undefined][] = inside.length
    ? inside
    : [[target, readFileOf(target, cmd, ctx)]];
  return files.map(([file, t]) => {
    const written = cmd.files !== undefined && Object.hasOwn(cmd.files, file);
    const text = t ?? undefined;
    return { file, text, written, unknown: written && text === undefined };
  });
}
