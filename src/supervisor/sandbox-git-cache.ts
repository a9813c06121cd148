/**
 * Which blobs of a workspace's git object store held a secret and which did not,
 * remembered between sessions, so a session's start reads and masks only the blobs it has
 * not seen before (src/supervisor/sandbox-git.ts). A blob's id is the hash of its content,
 * so "blob X held (no) secret" stays true as long as masking is the same: the record is bound to the
 * fingerprint of the session's secret set (its known values and secrets config) and to
 * the build (the detectors), and signed with a key derived from the audit key, which the
 * sandbox hides from the agent. Another secret set, another build, a bad signature or any
 * doubt about the file means every blob is read again (fail closed: a verdict is used
 * only under an exact match).
 *
 * File: `<cache dir>/git-clean-<hash of the workspace path>`: one header line (JSON:
 * version, fingerprint, count, mac), then one blob id per line, `!` before the id of a
 * blob that held a secret. Blob ids reveal nothing about a secret. A record that cannot
 * be written only costs time.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAuditKey } from '../audit/key.js';
import { defaultCacheDir, engineBuildIdentity } from '../engine/example-cache.js';
import type { SecretSet } from '../secrets/types.js';

const VERSION = 1;
/** Records kept in the cache folder (one per workspace); the oldest go first. */
const KEEP = 32;
/** A record larger than this is not read (≈ 1.5 million blobs). */
const MAX_BYTES = 64 * 1024 * 1024;

export interface CleanBlobs {
  /** Whether blob `oid`, read under the same fingerprint, held a secret; undefined = not known. */
  holds(oid: string): boolean | undefined;
  /** Writes the record: the blobs remembered plus those just read (`clean`: held none; `secret`: held one). */
  save(clean: string[], secret: string[]): void;
}

/** Nothing is remembered (no cache folder, no key, no fingerprint). */
export const NO_CLEAN_BLOBS: CleanBlobs = { holds: () => undefined, save: () => undefined };

function recordPath(dir: string, workspace: string): string {
  return path.join(dir, `git-clean-${createHash('sha256').update(workspace).digest('hex').slice(0, 32)}`);
}

function mac(key: Buffer, fingerprint: string, ids: string): string {
  return createHmac('sha256', key)
    .update(`agentfw-git-clean\0${VERSION}\0${fingerprint}\0`)
    .update(ids)
    .digest('hex');
}

/**
 * Opens the record of `workspace` (absolute, real path) for `fingerprint` (the secret
 * set's, combined with the build's by the caller), signed with `key`.
 */
export function openCleanBlobs(dir: string, workspace: string, fingerprint: string, key: Buffer): CleanBlobs {
  const file = recordPath(dir, workspace);
  /** Blob id → held a secret. */
  const known = new Map<string, boolean>();
  try {
    if (statSync(file).size <= MAX_BYTES) {
      const text = readFileSync(file, 'latin1');
      const nl = text.indexOf('\n');
      const head = JSON.parse(text.slice(0, nl)) as { v?: unknown; fp?: unknown; n?: unknown; mac?: unknown };
      const ids = text.slice(nl + 1);
      // fail closed: a record is used only whole, for this fingerprint, with a valid signature
      if (head.v === VERSION && head.fp === fingerprint && head.mac === mac(key, fingerprint, ids)) {
        const list = ids ? ids.split('\n') : [];
        if (list.length === head.n && list.every((id) => /^!?[0-9a-f]{40,64}$/.test(id)))
          for (const id of list) known.set(id.replace(/^!/, ''), id.startsWith('!'));
      }
    }
  } catch {
    /* no record, or not a readable one: every blob is read */
  }
  return {
    holds: (oid) => known.get(oid),
    save(clean, secret) {
      const before = known.size;
      for (const id of clean) known.set(id, false);
      for (const id of secret) known.set(id, true);
      if (known.size === before) return;
      const ids = [...known].map(([id, held]) => (held ? `!${id}` : id)).join('\n');
      const text = JSON.stringify({
        v: VERSION,
        fp: fingerprint,
        n: known.size,
        mac: mac(key, fingerprint, ids),
      });
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(tmp, `${text}\n${ids}`, { mode: 0o600 });
        renameSync(tmp, file);
        prune(dir, file);
      } catch {
        try {
          rmSync(tmp, { force: true });
        } catch {
          /* nothing was written */
        }
      }
    },
  };
}

/** Keeps the KEEP most recent records (best effort). */
function prune(dir: string, keep: string): void {
  const records = readdirSync(dir)
    .filter((f) => /^git-clean-[0-9a-f]{32}$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => f !== keep)
    .map((f) => ({ f, t: statSync(f).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of records.slice(KEEP - 1)) rmSync(f, { force: true });
}

/**
 * The record for `workspace` under this session's secret set and build, signed with a key
 * derived from the audit key (src/audit/key.ts). Nothing is remembered without a cache
 * folder, an audit key or a secret set that has a fingerprint.
 */
export function cleanBlobsFor(
  workspace: string,
  secrets: SecretSet,
  env: NodeJS.ProcessEnv = process.env,
): CleanBlobs {
  const dir = defaultCacheDir(env);
  if (!dir || !secrets.fingerprint) return NO_CLEAN_BLOBS;
  let audit;
  try {
    audit = loadAuditKey(env, true);
  } catch {
    return NO_CLEAN_BLOBS;
  }
  if (!audit) return NO_CLEAN_BLOBS;
  const key = createHmac('sha256', audit.key).update('agentfw-git-clean-key').digest();
  const fingerprint = createHash('sha256')
    .update(`${secrets.fingerprint(key)}\0${engineBuildIdentity(dir)}`)
    .digest('hex');
  return openCleanBlobs(dir, workspace, fingerprint, key);
}
