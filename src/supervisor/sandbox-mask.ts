/**
 * Masked copies of the workspace files that hold secrets, for the sandbox: each copy has
 * every known and detected secret replaced by its `agentfw:masked:NAME` placeholder and
 * is bound read-only over the original inside the sandbox, so the agent's own file tools
 * (and any process, even one run by absolute path) read the placeholder.
 */
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import type { SecretSet } from '../secrets/types.js';

/**
 * Files outside the workspace scan that often hold credentials (the scan skips VCS folders).
 * Relative to the workspace; a copy is made only when masking changes the text.
 */
export const EXTRA_CANDIDATES = ['.git/config'];

/** The files the secrets layer's workspace scan found secrets in (relative); empty when it did not scan. */
export function filesWithSecrets(secrets: SecretSet): string[] {
  const scan = (secrets as { scan?: { files_with_secrets?: unknown } }).scan;
  const files = scan?.files_with_secrets;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}

function maskBytes(secrets: SecretSet, bytes: Buffer): Buffer {
  const m = secrets.streamMasker();
  return Buffer.concat([m.push(bytes), m.flush()]);
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
): { source: string; target: string }[] {
  const out: { source: string; target: string }[] = [];
  const seen = new Set<string>();
  const listed = filesWithSecrets(secrets);
  const candidates = [
    ...listed.map((f) => ({ rel: f, always: true })),
    ...EXTRA_CANDIDATES.map((f) => ({ rel: f, always: false })),
  ];
  for (const { rel, always } of candidates) {
    const target = path.resolve(workspace, rel);
    if (seen.has(target) || !inside(target, workspace)) continue;
    seen.add(target);
    let bytes: Buffer;
    try {
      if (!lstatSync(target).isFile()) continue;
      bytes = readFileSync(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      // fail closed: a secret file we cannot copy would be seen unmasked in the sandbox
      throw new AgentfwError(
        'E_SANDBOX_MASK',
        `cannot make a masked copy of ${rel}: ${(err as NodeJS.ErrnoException).code ?? 'read error'}`,
        'make the file readable by the user running agentfw, or move it out of the workspace',
      );
    }
    const masked = maskBytes(secrets, bytes);
    if (!always && masked.equals(bytes)) continue;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const source = path.join(dir, `${out.length}`);
    writeFileSync(source, masked, { mode: 0o444 });
    out.push({ source, target });
  }
  return out;
}
