/**
 * Files sent by the command-line clients of desktop transfer apps: Cyberduck's `duck
 * --upload URL FILE…` and `duck --synchronize URL DIR` (to SFTP, FTP, WebDAV, S3 and
 * other servers). Listing, downloading and copying between servers (`duck --list`,
 * `--download`, `--copy`) send no local file. What is sent is judged by the caller.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { hostOf, scan, type Transfer } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

/** duck's options that take a value. */
const DUCK_VALUE = wordSet(
  '-u --username -p --password -i --identity --region -e --existing --parallel --retry --udt --chmod --vendor --profile',
);

/** The transfers `duck ARGS` makes; empty = none. */
export function syncUploads(cmd: NormalizedCommand): Transfer[] {
  if (!/^duck(\.exe)?$/i.test(cmd.program)) return [];
  const a = cmd.argv;
  const at = a.findIndex((w) => /^--(upload|synchronize)$/.test(w));
  if (at < 0) return [];
  const rest = scan(a.slice(at), 0, DUCK_VALUE).pos.map(([, w]) => w);
  const [url, ...files] = rest;
  if (!url) return [];
  return [{ sink: `duck ${a[at].slice(2)}`, host: hostOf(url), files, dataArgs: [], sendsStdin: false }];
}
