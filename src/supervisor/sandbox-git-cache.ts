/**
 * Which blobs of a workspace's git object store held a secret and which did not,
 * remembered between sessions, so a session's start reads and masks only the blobs it has
 * not seen before (src/supervisor/sandbox-git.ts). A blob's id is the hash of its content,
 * so "blob X held (no) secret" stays true as long as masking is the same: the record
 * (src/supervisor/signed-record.ts) is bound to the fingerprint of the session's secret set
 * (its known values and secrets config, keyed) and to the build (the detectors). Another
 * secret set, another build, a bad signature or any doubt means every blob is read again.
 *
 * Lines: one blob id each, `!` before the id of a blob that held a secret. Blob ids reveal
 * nothing about a secret.
 */
import type { SecretSet } from '../secrets/types.js';
import { openRecord, secretsRecordPlace } from './signed-record.js';

export interface CleanBlobs {
  /** Whether blob `oid`, read under the same fingerprint, held a secret; undefined = not known. */
  holds(oid: string): boolean | undefined;
  /** Writes the record: the blobs remembered plus those just read (`clean`: held none; `secret`: held one). */
  save(clean: string[], secret: string[]): void;
}

/** Nothing is remembered (no cache folder, no key, no fingerprint). */
export const NO_CLEAN_BLOBS: CleanBlobs = { holds: () => undefined, save: () => undefined };

const KIND = 'git-clean';
const ID = /^!?[0-9a-f]{40,64}$/;

/**
 * Opens the record of `workspace` (absolute, real path) for `fingerprint` (the secret
 * set's, combined with the build's by the caller), signed with `key`.
 */
export function openCleanBlobs(dir: string, workspace: string, fingerprint: string, key: Buffer): CleanBlobs {
  const record = openRecord(dir, KIND, workspace, fingerprint, key);
  /** Blob id → held a secret. */
  const known = new Map<string, boolean>();
  // fail closed: a record with any line that is not a blob id is not used at all
  if (record.lines.every((l) => ID.test(l)))
    for (const l of record.lines) known.set(l.replace(/^!/, ''), l.startsWith('!'));
  return {
    holds: (oid) => known.get(oid),
    save(clean, secret) {
      const before = known.size;
      for (const id of clean) known.set(id, false);
      for (const id of secret) known.set(id, true);
      if (known.size !== before) record.save([...known].map(([id, held]) => (held ? `!${id}` : id)));
    },
  };
}

/**
 * The record for `workspace` under this session's secret set and build. Nothing is
 * remembered without a cache folder, an audit key or a secret set that has a fingerprint.
 */
export function cleanBlobsFor(
  workspace: string,
  secrets: SecretSet,
  env: NodeJS.ProcessEnv = process.env,
): CleanBlobs {
  const place = secretsRecordPlace(KIND, secrets, env);
  return place ? openCleanBlobs(place.dir, workspace, place.fingerprint, place.key) : NO_CLEAN_BLOBS;
}
