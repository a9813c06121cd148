/**
 * Copies of local files to an object store or a configured remote: `aws s3 cp|mv|sync`,
 * `gsutil cp|mv|rsync`, `gcloud storage cp|mv|rsync`, `rclone copy|sync… F remote:`, `azcopy
 * copy`, `mc cp|mv`, `s3cmd put|sync`. Reads the words only: the local sources and the
 * bucket (or remote) the last operand names; a copy from a bucket, or between local
 * folders, sends nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { hostOf, scan, type Transfer } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

/** A destination that is a bucket or a remote (`s3://b/k`, `gs://b`, `remote:path`, `https://acct.blob…`), with its host. */
function bucketHost(dest: string, program: string): string {
  const url = /^(s3|gs|az|r2|b2|oss|cos|obs):\/\/([^/]+)/i.exec(dest);
  if (url) return `${url[1].toLowerCase()}://${url[2]}`;
  if (/^https?:\/\//i.test(dest)) return hostOf(dest);
  // rclone's `remote:path` and mc's `alias/bucket`: a configured remote, not a local path
  if (program === 'rclone' && /^[\w.-]+:/.test(dest) && !/^\w:[\\/]/.test(dest)) return dest.split(':')[0];
  if (program === 'mc' && /^[\w.-]+\/[^/]/.test(dest)) return dest.split('/')[0];
  return '';
}

/** Object-store copies: `aws s3 cp|mv|sync`, `gsutil cp|mv|rsync`, `gcloud storage cp|mv|rsync`, `rclone copy…`, `azcopy copy`, `mc cp|mv`, `s3cmd put|sync`. */
export function bucketCopy(cmd: NormalizedCommand): Transfer[] {
  const a = cmd.argv;
  const p = cmd.program;
  let at = -1;
  if (p === 'aws' && a[1] === 's3' && /^(cp|mv|sync)$/.test(a[2] ?? '')) at = 2;
  else if (
    (p === 'gsutil' || p === 'azcopy' || p === 'mc' || p === 's3cmd') &&
    /^(cp|mv|rsync|copy|put|sync)$/.test(a[1] ?? '')
  )
    at = 1;
  else if (p === 'gcloud' && a[1] === 'storage' && /^(cp|mv|rsync)$/.test(a[2] ?? '')) at = 2;
  else if (p === 'rclone' && /^(copy|copyto|move|moveto|sync)$/.test(a[1] ?? '')) at = 1;
  if (at < 0) return [];
  const s = scan(
    a,
    at,
    wordSet(
      '--profile --region --endpoint-url --exclude --include --acl --storage-class --sse --content-type --cache-control --metadata --config --transfers --checkers -p --include-pattern --exclude-pattern --bwlimit --filter --filter-from',
    ),
  );
  const words = s.pos.map(([, w]) => w);
  const dest = words[words.length - 1] ?? '';
  const host = bucketHost(dest, p);
  if (!host || words.length < 2) return [];
  const files = words.slice(0, -1).filter((f) => !bucketHost(f, p));
  return files.length
    ? [{ sink: [p, ...a.slice(1, at + 1)].join(' '), host, files, dataArgs: [], sendsStdin: false }]
    : [];
}
