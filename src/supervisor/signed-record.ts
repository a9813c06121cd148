/**
 * A small signed cache record: lines of text remembered between sessions under a
 * fingerprint (what the lines' meaning depends on) and a key derived from the audit key,
 * which the sandbox hides from the agent (src/audit/key.ts). A record is used only whole,
 * for the same fingerprint, with a valid signature; anything else reads as "nothing
 * remembered" (fail closed: callers remember only what is safe to skip redoing). A record
 * that cannot be written only costs time.
 *
 * File: `<cache dir>/<kind>-<hash of the subject>` (the subject: a workspace path): one
 * header line (JSON: version, fingerprint, line count, mac), then the lines.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAuditKey } from '../audit/key.js';
import { defaultCacheDir, engineBuildIdentity } from '../engine/example-cache.js';
import type { SecretSet } from '../secrets/types.js';

const VERSION = 1;
/** Records of one kind kept in the cache folder (one per subject); the oldest go first. */
const KEEP = 32;
/** A record larger than this is not read. */
const MAX_BYTES = 64 * 1024 * 1024;

export interface SignedRecord {
  /** The lines remembered; empty when there is no usable record. */
  readonly lines: string[];
  /** Replaces the record with `lines` (none of which may hold a newline). */
  save(lines: string[]): void;
}

/** Where a kind of record lives and how it is signed; undefined = nothing can be remembered. */
export interface RecordPlace {
  dir: string;
  key: Buffer;
  /** The build's identity (every record also depends on the code that made it). */
  build: string;
}

/**
 * The cache folder, a key for records of `kind` derived from the audit key, and the build's
 * identity; undefined without a cache folder or an audit key.
 */
export function recordPlace(kind: string, env: NodeJS.ProcessEnv = process.env): RecordPlace | undefined {
  const dir = defaultCacheDir(env);
  if (!dir) return undefined;
  let audit;
  try {
    audit = loadAuditKey(env, true);
  } catch {
    return undefined;
  }
  if (!audit) return undefined;
  return {
    dir,
    key: createHmac('sha256', audit.key).update(`agentfw-record-key\0${kind}`).digest(),
    build: engineBuildIdentity(dir),
  };
}

/**
 * recordPlace for records that also depend on the session's secret set: `fingerprint`
 * binds the set's keyed fingerprint and the build. Undefined when the set has no
 * fingerprint, or there is no cache folder or audit key.
 */
export function secretsRecordPlace(
  kind: string,
  secrets: Pick<SecretSet, 'fingerprint'>,
  env: NodeJS.ProcessEnv = process.env,
): (RecordPlace & { fingerprint: string }) | undefined {
  const of = secrets.fingerprint?.bind(secrets);
  const place = of && recordPlace(kind, env);
  if (!of || !place) return undefined;
  const fingerprint = createHash('sha256')
    .update(`${of(place.key)}\0${place.build}`)
    .digest('hex');
  return { ...place, fingerprint };
}

function mac(key: Buffer, kind: string, fingerprint: string, body: string): string {
  return createHmac('sha256', key)
    .update(`agentfw-${kind}\0${VERSION}\0${fingerprint}\0`)
    .update(body)
    .digest('hex');
}

/** Opens the `kind` record of `subject` for `fingerprint`, in `dir`, signed with `key`. */
export function openRecord(
  dir: string,
  kind: string,
  subject: string,
  fingerprint: string,
  key: Buffer,
): SignedRecord {
  const file = path.join(dir, `${kind}-${createHash('sha256').update(subject).digest('hex').slice(0, 32)}`);
  let lines: string[] = [];
  try {
    if (statSync(file).size <= MAX_BYTES) {
      const text = readFileSync(file, 'utf8');
      const nl = text.indexOf('\n');
      const head = JSON.parse(text.slice(0, nl)) as { v?: unknown; fp?: unknown; n?: unknown; mac?: unknown };
      const body = text.slice(nl + 1);
      // fail closed: a record is used only whole, for this fingerprint, with a valid signature
      if (head.v === VERSION && head.fp === fingerprint && head.mac === mac(key, kind, fingerprint, body)) {
        const list = body ? body.split('\n') : [];
        if (list.length === head.n) lines = list;
      }
    }
  } catch {
    /* no record, or not a readable one: nothing remembered */
  }
  return {
    lines,
    save(next) {
      const body = next.join('\n');
      const head = JSON.stringify({
        v: VERSION,
        fp: fingerprint,
        n: next.length,
        mac: mac(key, kind, fingerprint, body),
      });
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(tmp, `${head}\n${body}`, { mode: 0o600 });
        renameSync(tmp, file);
        prune(dir, kind, file);
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

/** Keeps the KEEP most recent records of `kind` (best effort). */
function prune(dir: string, kind: string, keep: string): void {
  const re = new RegExp(`^${kind}-[0-9a-f]{32}$`);
  const records = readdirSync(dir)
    .filter((f) => re.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => f !== keep)
    .map((f) => ({ f, t: statSync(f).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of records.slice(KEEP - 1)) rmSync(f, { force: true });
}
