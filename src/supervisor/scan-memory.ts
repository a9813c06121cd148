/**
 * The workspace scan's memory between sessions (src/secrets/scan.ts ScanMemory): which
 * files it read and found nothing in, by path and status (size, inode, mtime, ctime: no
 * write leaves all four unchanged), kept in a signed record (src/supervisor/signed-record.ts)
 * tied to the build (the detectors). An unchanged file that held nothing is not read again;
 * a file with a secret is read at every start (its values are never stored).
 *
 * Lines: `SIZE:INO:MTIME:CTIME PATH` (PATH relative to the workspace, without a newline).
 */
import path from 'node:path';
import type { FileStatus, ScanMemory } from '../secrets/scan.js';
import { openRecord, recordPlace } from './signed-record.js';

const KIND = 'scan-clean';
const status = (st: FileStatus) => `${st.size}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`;

/** The memory for `workspace` signed with `key` under `fingerprint` (the build's, by the caller). */
export function openScanMemory(dir: string, workspace: string, fingerprint: string, key: Buffer): ScanMemory {
  const record = openRecord(dir, KIND, path.resolve(workspace), fingerprint, key);
  const before = new Map<string, string>();
  for (const l of record.lines) {
    const sp = l.indexOf(' ');
    if (sp > 0) before.set(l.slice(sp + 1), l.slice(0, sp));
  }
  const now = new Map<string, string>();
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
