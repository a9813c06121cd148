/**
 * Masked copies of the workspace files that hold secrets, for the sandbox: each copy has
 * every known and detected secret replaced by its `agentfw:masked:NAME` placeholder and
 * is bound read-only over the original inside the sandbox, so the agent's own file tools
 * (and any process, even one run by absolute path) read the placeholder.
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import { detectSecrets } from '../secrets/detect.js';
import type { SecretSet } from '../secrets/types.js';
import { gitDirsOf } from './git-dirs.js';
import { NO_MASKED_COPIES, type MaskedCopyCache } from './sandbox-mask-cache.js';

/**
 * Files outside the workspace scan that often hold credentials (the scan skips VCS
 * folders): the repository's git config (a token in a remote URL), which for a linked
 * worktree lives in the main repository, outside the workspace, and the worktree's own
 * config. Absolute; a copy is made only when masking changes the text.
 */
export function extraCandidates(workspace: string): string[] {
  const d = gitDirsOf(workspace);
  return d ? [...new Set([path.join(d.common, 'config'), path.join(d.gitDir, 'config.worktree')])] : [];
}

/** The files the secrets layer's workspace scan found secrets in (relative); empty when it did not scan. */
export function filesWithSecrets(secrets: SecretSet): string[] {
  const scan = (secrets as { scan?: { files_with_secrets?: unknown } }).scan;
  const files = scan?.files_with_secrets;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}

function maskBytes(secrets: SecretSet, bytes: Buffer): Buffer {
  const m = secrets.streamMasker();
  const masked = Buffer.concat([m.push(bytes), m.flush()]);
  // Binary files keep the plain masking; text files get their code back (keepCode).
  if (isUtf8(bytes)) return Buffer.from(keepCode(bytes.toString('utf8'), masked.toString('utf8')), 'utf8');
  return masked;
}

const MARK = 'agentfw:masked:';
/**
 * Lines longer than this keep their masked form as it is: minified or generated code,
 * where a search for the alignment costs a scan of the whole line per step (seconds at a
 * session's start for a workspace with a few bundled libraries).
 */
export const MAX_ALIGN_LINE = 4096;
const NAME_CHAR = /[A-Za-z0-9_.-]/;

/**
 * True when a masked span is code, not a value: an `API_KEY=get_secret("db")` line in a
 * source file made the detector take `get_secret(` for a value, and masking it broke the
 * file. Code = a name or dotted name that starts a call or subscript (optionally with
 * simple literal arguments), holding nothing any secret format matches.
 */
export function looksLikeCode(v: string): boolean {
  const call = /^[A-Za-z_][\w.]*\s*(\(|\[|\(\s*\)|\(\s*(['"])[\w./-]*\2\s*\)|\[\s*(['"])[\w./-]*\3\s*\])$/;
  return call.test(v) && detectSecrets(v).length === 0;
}

/**
 * Aligns one masked line with its original: each `agentfw:masked:NAME` in `m` replaced
 * some text of `o` (a name may run into the letters after it, so every split is tried,
 * within `budget` steps). Returns the line with code put back, or undefined when no
 * alignment is found.
 */
function align(o: string, oi: number, m: string, mi: number, budget: { steps: number }): string | undefined {
  if (--budget.steps < 0) return undefined;
  const idx = m.indexOf(MARK, mi);
  if (idx < 0) return o.slice(oi) === m.slice(mi) ? m.slice(mi) : undefined;
  const lit = m.slice(mi, idx);
  if (!o.startsWith(lit, oi)) return undefined;
  const vs = oi + lit.length;
  const nameStart = idx + MARK.length;
  let maxEnd = nameStart;
  while (maxEnd < m.length && NAME_CHAR.test(m[maxEnd])) maxEnd++;
  // Shortest name first: a name that ran into the letters after it is split off again.
  for (let e = nameStart + 1; e <= maxEnd; e++) {
    // Where the value may end: where the masked line's next character is found again (or
    // the line's end when nothing follows); each such place costs a step of the budget.
    const next = e < m.length ? m[e] : undefined;
    for (
      let ve = next === undefined ? o.length : o.indexOf(next, vs + 1);
      ve > vs;
      ve = next === undefined ? -1 : o.indexOf(next, ve + 1)
    ) {
      const rest = align(o, ve, m, e, budget);
      if (rest === undefined) {
        if (budget.steps < 0) return undefined;
        continue;
      }
      const value = o.slice(vs, ve);
      return lit + (looksLikeCode(value) ? value : m.slice(idx, e)) + rest;
    }
  }
  return undefined;
}

/**
 * Puts code back where masking replaced it (values stay masked), line by line. Fail
 * closed: whenever no alignment is found, the masked line is kept as it is.
 */
export function keepCode(original: string, masked: string): string {
  const ol = original.split('\n');
  const ml = masked.split('\n');
  if (ol.length !== ml.length) return masked;
  return ml
    .map((m, i) =>
      // fail closed: a line too long to align (minified or generated code) keeps its masks
      ol[i] === m || ol[i].length > MAX_ALIGN_LINE ? m : (align(ol[i], 0, m, 0, { steps: 10_000 }) ?? m),
    )
    .join('\n');
}

function inside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Writes one masked copy per file into `dir` (created, mode 0700) and returns the binds.
 * Skips files that are gone or are no longer regular files (symlinks are never followed:
 * a bind over a symlink would mount over its target). Throws E_SANDBOX_MASK when a file
 * exists but cannot be copied.
 */
export function maskedCopies(
  workspace: string,
  secrets: SecretSet,
  dir: string,
  /** Masked copies of earlier sessions (sandbox-mask-cache.ts); default none. */
  cache: MaskedCopyCache = NO_MASKED_COPIES,
): { source: string; target: string }[] {
  const out: { source: string; target: string }[] = [];
  const seen = new Set<string>();
  const listed = filesWithSecrets(secrets);
  const candidates = [
    ...listed.map((f) => ({ rel: f, always: true, target: path.resolve(workspace, f) })),
    ...extraCandidates(workspace).map((f) => ({ rel: f, always: false, target: f })),
  ];
  for (const { rel, always, target } of candidates) {
    if (seen.has(target) || (always && !inside(target, workspace))) continue;
    seen.add(target);
    let bytes: Buffer;
    try {
      if (!lstatSync(target).isFile()) continue;
      bytes = readFileSync(target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // gone, or a path through a file (a listed file whose folder was replaced by a file)
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      // fail closed: a secret file we cannot copy would be seen unmasked in the sandbox
      throw new AgentfwError(
        'E_SANDBOX_MASK',
        `cannot make a masked copy of ${rel}: ${(err as NodeJS.ErrnoException).code ?? 'read error'}`,
        'make the file readable by the user running agentfw, or move it out of the workspace',
      );
    }
    let masked = cache.get(rel, bytes);
    if (!masked) {
      masked = maskBytes(secrets, bytes);
      cache.put(rel, bytes, masked);
    }
    if (!always && masked.equals(bytes)) continue;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const source = path.join(dir, `${out.length}`);
    writeFileSync(source, masked, { mode: 0o444 });
    out.push({ source, target });
  }
  cache.save();
  return out;
}
