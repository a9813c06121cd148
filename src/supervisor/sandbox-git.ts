/**
 * Secrets inside the workspace's git objects (a token committed once and removed since is
 * still in history: `git show HEAD~3:config.json`, `git log -p`). At sandbox start every
 * blob of the object store (up to a byte budget) is checked with the secrets layer; the
 * object files that hold one are hidden inside the sandbox (bound over by /dev/null): a
 * loose object file, or the whole pack (and its index) that contains the blob.
 *
 * What that costs, honestly: git commands that need a hidden object fail inside the
 * sandbox ("object file is empty", "missing object"). A pack usually holds most of the
 * history, so after `git gc` a single committed secret hides the whole packed history.
 * The human can rewrite the secret out of history (and rotate it), or pass --no-sandbox.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SecretSet } from '../secrets/types.js';
import { NO_CLEAN_BLOBS, type CleanBlobs } from './sandbox-git-cache.js';
import { gitDirsOf } from './git-dirs.js';

/** Blobs larger than this are not read (binary assets, not configs). */
const MAX_BLOB = 2 * 1024 * 1024;
/** Total bytes of blobs read at start; beyond it the scan stops and says so. */
export const GIT_SCAN_BUDGET = 64 * 1024 * 1024;

export interface GitScan {
  /** Object files (absolute) to hide: loose objects, packs and their indexes. Empty = none. */
  hide: string[];
  /** Number of blobs that held a secret. */
  secretBlobs: number;
  /** True when the budget ran out before every blob was read. */
  truncated: boolean;
}

const git = (ws: string, args: string[], input?: Buffer) =>
  spawnSync('git', ['-C', ws, ...args], { input, maxBuffer: GIT_SCAN_BUDGET * 2, timeout: 30_000 });

/** The object store of `ws`'s repository; '' when there is none. */
function objectsDir(ws: string): string {
  // A linked worktree's objects are in the main repository's git dir (git-dirs.ts).
  const dirs = gitDirsOf(ws);
  const objects = dirs ? path.join(dirs.common, 'objects') : '';
  return objects && existsSync(objects) && statSync(objects).isDirectory() ? objects : '';
}

/** A blob of the object store: its id and size in bytes. */
export interface BlobEntry {
  oid: string;
  size: number;
}

const LIST = ['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype) %(objectsize)'];

const blobsOf = (out: Buffer): BlobEntry[] =>
  out
    .toString('utf8')
    .split('\n')
    .map((l) => l.split(' '))
    .filter((p) => p[1] === 'blob')
    .map((p) => ({ oid: p[0], size: Number(p[2]) }));

/** Blob ids (with sizes) of the whole object store, reachable or not. */
function blobs(ws: string): BlobEntry[] {
  const r = git(ws, LIST);
  return r.status === 0 ? blobsOf(r.stdout) : [];
}

/**
 * `blobs` listed by a git process that runs beside the caller's other start-up work (a
 * session starts it first and hands the result to gitSecretObjects). Undefined when git
 * failed: the scan then lists the blobs itself, as before.
 */
export function listBlobsEarly(ws: string): Promise<BlobEntry[] | undefined> {
  // No repository (most scratch folders): no git process (spawning one costs this process a fork).
  if (!objectsDir(ws)) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    execFile(
      'git',
      ['-C', ws, ...LIST],
      { encoding: 'buffer', maxBuffer: GIT_SCAN_BUDGET * 2, timeout: 30_000 },
      (err, stdout) => resolve(err ? undefined : blobsOf(stdout)),
    ),
  );
}

/** True when masking changes `bytes` (masked as bytes: no text is made of a blob without a secret). */
function holdsSecret(secrets: SecretSet, bytes: Buffer): boolean {
  const m = secrets.streamMasker();
  const head = m.push(bytes);
  const tail = m.flush();
  return (
    head.length + tail.length !== bytes.length ||
    !head.equals(bytes.subarray(0, head.length)) ||
    !tail.equals(bytes.subarray(head.length))
  );
}

/** Oids whose content holds a secret (known value or detected format). */
function secretOids(ws: string, list: { oid: string; size: number }[], secrets: SecretSet): string[] {
  const out: string[] = [];
  if (!list.length) return out;
  const r = git(ws, ['cat-file', '--batch'], Buffer.from(list.map((b) => b.oid).join('\n') + '\n'));
  if (r.status !== 0) return out;
  const buf = r.stdout;
  let off = 0;
  while (off < buf.length) {
    const nl = buf.indexOf(0x0a, off);
    if (nl < 0) break;
    const [oid, , size] = buf.subarray(off, nl).toString('utf8').split(' ');
    const n = Number(size);
    if (!Number.isFinite(n)) break;
    if (holdsSecret(secrets, buf.subarray(nl + 1, nl + 1 + n))) out.push(oid);
    off = nl + 1 + n + 1;
  }
  return out;
}

/** Scans the object store of `workspace`'s repository; nothing to hide when there is none. */
export function gitSecretObjects(
  workspace: string,
  secrets: SecretSet,
  budget = GIT_SCAN_BUDGET,
  cache: CleanBlobs = NO_CLEAN_BLOBS,
  /** The object store's blobs, listed earlier (listBlobsEarly); undefined = list them now. */
  listed?: BlobEntry[],
): GitScan {
  const objects = objectsDir(workspace);
  if (!objects) return { hide: [], secretBlobs: 0, truncated: false };
  // Blobs an earlier session read under the same secret set and build are not read again.
  const known: string[] = [];
  const all = (listed ?? blobs(workspace)).filter((b) => {
    const held = b.size <= MAX_BLOB ? cache.holds(b.oid) : false;
    if (held) known.push(b.oid);
    return b.size <= MAX_BLOB && held === undefined;
  });
  const picked: { oid: string; size: number }[] = [];
  let used = 0;
  for (const b of all) {
    if (used + b.size > budget) break;
    used += b.size;
    picked.push(b);
  }
  const read = new Set(secretOids(workspace, picked, secrets));
  cache.save(
    picked.map((b) => b.oid).filter((oid) => !read.has(oid)),
    [...read],
  );
  const found = new Set([...known, ...read]);
  const hide: string[] = [];
  const unplaced = new Set(found);
  for (const oid of found) {
    const loose = path.join(objects, oid.slice(0, 2), oid.slice(2));
    if (existsSync(loose)) {
      hide.push(loose);
      unplaced.delete(oid);
    }
  }
  const packDir = path.join(objects, 'pack');
  if (unplaced.size && existsSync(packDir)) {
    for (const idx of readdirSync(packDir).filter((f) => f.endsWith('.idx'))) {
      const file = path.join(packDir, idx);
      const r = spawnSync('git', ['show-index'], { input: readFileSync(file), maxBuffer: 1 << 28 });
      const ids = r.stdout.toString('utf8');
      if ([...unplaced].some((oid) => ids.includes(` ${oid}`))) {
        hide.push(file, file.replace(/\.idx$/, '.pack'));
      }
    }
  }
  return {
    hide: hide.filter((f) => existsSync(f)),
    secretBlobs: found.size,
    truncated: picked.length < all.length,
  };
}
