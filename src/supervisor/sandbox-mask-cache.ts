/**
 * The sandbox's masked copies (sandbox-mask.ts) kept between sessions. A file's masked
 * copy depends only on the file's bytes, the secret set and the build, so a later session
 * whose secret set has the same keyed fingerprint reuses it instead of masking the file
 * again (≈ 7 ms per MB of secret-dense text, and the garbage of its strings).
 *
 * The copies live in the cache folder (`masked-<hash of the workspace>/<n>`), listed in a
 * signed record (signed-record.ts) bound to the secret set's fingerprint and the build:
 * per file, a keyed hash (HMAC with the record's key) of the original's bytes and of the
 * copy's. A copy is used only when the original hashes the same now and the copy read back
 * hashes as recorded; anything else is masked again (fail closed: a copy that does not
 * match is never shown). A masked copy holds no secret (that is what it is for); no value
 * is stored.
 *
 * Lines: `SOURCE-MAC COPY-MAC N PATH` (N: the copy's file name, PATH relative to the workspace).
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretSet } from '../secrets/types.js';
import { openRecord, secretsRecordPlace } from './signed-record.js';

export interface MaskedCopyCache {
  /** The masked copy of `rel` when it was made from exactly `bytes`; undefined = mask them. */
  get(rel: string, bytes: Buffer): Buffer | undefined;
  /** `masked` is the masked copy of `rel` holding `bytes`. */
  put(rel: string, bytes: Buffer, masked: Buffer): void;
  /** Keeps the copies used or made this session (others are dropped). */
  save(): void;
}

export const NO_MASKED_COPIES: MaskedCopyCache = {
  get: () => undefined,
  put: () => undefined,
  save: () => undefined,
};

const KIND = 'masked-copies';
const LINE = /^([0-9a-f]{64}) ([0-9a-f]{64}) (\d{1,9}) (.+)$/;

interface Entry {
  source: string;
  copy: string;
  n: number;
}

/** The cache of `workspace`'s masked copies in `dir`, signed with `key` under `fingerprint`. */
export function openMaskedCopies(
  dir: string,
  workspace: string,
  fingerprint: string,
  key: Buffer,
): MaskedCopyCache {
  const subject = path.resolve(workspace);
  const folder = path.join(dir, `masked-${createHash('sha256').update(subject).digest('hex').slice(0, 32)}`);
  const record = openRecord(dir, KIND, subject, fingerprint, key);
  const mac = (b: Buffer) =>
    createHmac('sha256', key).update('agentfw-masked-copy\0').update(b).digest('hex');
  const before = new Map<string, Entry>();
  // fail closed: a record with any line that does not parse is not used at all
  if (record.lines.every((l) => LINE.test(l)))
    for (const l of record.lines) {
      const m = LINE.exec(l)!;
      before.set(m[4], { source: m[1], copy: m[2], n: Number(m[3]) });
    }
  const now = new Map<string, Entry>();
  const made = new Map<number, Buffer>();
  let next = Math.max(-1, ...[...before.values()].map((e) => e.n)) + 1;
  return {
    get(rel, bytes) {
      const e = before.get(rel);
      if (!e || e.source !== mac(bytes)) return undefined;
      let copy: Buffer;
      try {
        copy = readFileSync(path.join(folder, String(e.n)));
      } catch {
        return undefined;
      }
      if (mac(copy) !== e.copy) return undefined;
      now.set(rel, e);
      return copy;
    },
    put(rel, bytes, masked) {
      if (rel.includes('\n')) return;
      const n = next++;
      made.set(n, masked);
      now.set(rel, { source: mac(bytes), copy: mac(masked), n });
    },
    save() {
      if (!made.size && now.size === before.size) return;
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        for (const [n, b] of made) writeFileSync(path.join(folder, String(n)), b, { mode: 0o600 });
        const keep = new Set([...now.values()].map((e) => String(e.n)));
        for (const f of readdirSync(folder)) if (!keep.has(f)) rmSync(path.join(folder, f), { force: true });
        record.save([...now].map(([rel, e]) => `${e.source} ${e.copy} ${e.n} ${rel}`));
      } catch {
        /* a cache that cannot be written only costs time */
      }
    },
  };
}

/** The cache for `workspace` under this secret set and build; NO_MASKED_COPIES without a cache folder or an audit key. */
export function maskedCopiesFor(
  workspace: string,
  secrets: SecretSet,
  env: NodeJS.ProcessEnv = process.env,
): MaskedCopyCache {
  const place = secretsRecordPlace(KIND, secrets, env);
  return place ? openMaskedCopies(place.dir, workspace, place.fingerprint, place.key) : NO_MASKED_COPIES;
}
