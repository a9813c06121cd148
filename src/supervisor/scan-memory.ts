/**
 * The workspace scan's memory between sessions (src/secrets/scan.ts ScanMemory), kept in a
 * signed record (src/supervisor/signed-record.ts) tied to the build (the detectors):
 * - which files it read and found nothing in, by path and status (size, inode, mtime,
 *   ctime: no write leaves all four unchanged): such a file is not read again while its
 *   status is the same;
 * - where the secrets of the other files were, by path and a keyed hash (HMAC with the
 *   record's key) of their exact bytes: such a file is still read at every start, and when
 *   its bytes hash the same its values are taken from the same places, without running the
 *   detectors and the secrets linter again. Only offsets and placeholder names are kept,
 *   never a value; without the key the hash says nothing about the bytes.
 *
 * Lines: `SIZE:INO:MTIME:CTIME PATH` (held nothing) or `s MAC SPANS PATH` (held secrets;
 * SPANS = `START:END:NAME` joined by commas, NAME URI-encoded), PATH relative to the
 * workspace, without a newline.
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { FileStatus, ScanMemory, SecretSpan } from '../secrets/scan.js';
import { openRecord, recordPlace } from './signed-record.js';

const KIND = 'scan-clean';
const status = (st: FileStatus) => `${st.size}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`;

const encodeSpans = (spans: SecretSpan[]) =>
  spans.map((s) => `${s.start}:${s.end}:${encodeURIComponent(s.name)}`).join(',');

/** The spans of a `s` line; undefined when any is malformed (then the file is scanned). */
function decodeSpans(text: string): SecretSpan[] | undefined {
  const out: SecretSpan[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d{1,10}):(\d{1,10}):([^:,\s]+)$/.exec(part);
    if (!m) return undefined;
    const [start, end] = [Number(m[1]), Number(m[2])];
    let name: string;
    try {
      name = decodeURIComponent(m[3]);
    } catch {
      return undefined;
    }
    if (!(start < end)) return undefined;
    out.push({ start, end, name });
  }
  return out.length ? out : undefined;
}

/** The memory for `workspace` signed with `key` under `fingerprint` (the build's, by the caller). */
export function openScanMemory(dir: string, workspace: string, fingerprint: string, key: Buffer): ScanMemory {
  const record = openRecord(dir, KIND, path.resolve(workspace), fingerprint, key);
  /** What the record says of each path: its status line part, or `s MAC SPANS`. */
  const before = new Map<string, string>();
  for (const l of record.lines) {
    const sp = l.startsWith('s ') ? l.indexOf(' ', l.indexOf(' ', 2) + 1) : l.indexOf(' ');
    if (sp > 0) before.set(l.slice(sp + 1), l.slice(0, sp));
  }
  const now = new Map<string, string>();
  const macOf = (data: Buffer) =>
    createHmac('sha256', key).update('agentfw-scan-file\0').update(data).digest('hex');
  return {
    clean(rel, st) {
      const s = before.get(rel);
      if (s === undefined || s !== status(st)) return false;
      now.set(rel, s);
      return true;
    },
    remember(rel, st) {
      if (!rel.includes('\n')) now.set(rel, status(st));
    },
    found(rel, data) {
      const s = before.get(rel);
      if (!s?.startsWith('s ')) return undefined;
      const [, mac, spans] = s.split(' ');
      if (mac !== macOf(data)) return undefined;
      const out = decodeSpans(spans);
      if (out) now.set(rel, s);
      return out;
    },
    rememberFound(rel, data, spans) {
      if (!rel.includes('\n') && spans.length) now.set(rel, `s ${macOf(data)} ${encodeSpans(spans)}`);
    },
    save() {
      const same = now.size === before.size && [...now].every(([rel, s]) => before.get(rel) === s);
      if (!same) record.save([...now].map(([rel, s]) => `${s} ${rel}`));
    },
  };
}

/** The memory for `workspace` under this build; undefined without a cache folder or an audit key. */
export function scanMemoryFor(
  workspace: string,
  env: NodeJS.ProcessEnv = process.env,
): ScanMemory | undefined {
  const place = recordPlace(KIND, env);
  return place && openScanMemory(place.dir, workspace, place.build, place.key);
}
