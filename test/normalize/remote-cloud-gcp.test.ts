/**
 * Scripts set in Compute Engine metadata (src/normalize/remote-cloud-gcp.ts): a startup or
 * shutdown script is walked as remote code; a script not known here is a shell whose script is
 * dynamic; other metadata carries nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { gcloudDict } from '../../src/normalize/remote-cloud-gcp.js';

const ctx = filesContext({ '/w/boot.sh': '#!/bin/bash\nrm -rf /mnt/disks/data\n' });
const remote = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.dynamic ? 'DYNAMIC ' : ''}${c.argv.join(' ')} [${c.wrappers.join(', ')}]`);

describe('scripts set in Compute Engine metadata', () => {
  it.each<[string, string]>([
    [
      `gcloud compute instances add-metadata db-1 --zone us-east1-b --metadata startup-script='#! /bin/bash\nrm -rf /var/lib/postgresql'`,
      'rm -rf /var/lib/postgresql [gcloud compute metadata db-1]',
    ],
    [
      `gcloud compute instances add-metadata db-1 --metadata-from-file startup-script=boot.sh`,
      'rm -rf /mnt/disks/data [gcloud compute metadata db-1]',
    ],
    [
      `gcloud compute project-info add-metadata --metadata=shutdown-script='rm -rf /srv, /opt'`,
      'rm -rf /srv, /opt [gcloud compute metadata the project]',
    ],
    [
      `gcloud beta compute instances create w1 --metadata windows-startup-script-ps1='Remove-Item -Recurse -Force C:\\data'`,
      'rm -rf C:\\data [gcloud compute metadata w1, pwsh -c]',
    ],
    // fail closed: scripts not known here
    [
      `gcloud compute instances add-metadata db-1 --metadata-from-file startup-script=gone.sh`,
      'DYNAMIC sh -c startup-script [gcloud compute metadata db-1]',
    ],
    [
      `gcloud compute instances add-metadata db-1 --metadata startup-script-url=gs://b/boot.sh`,
      'DYNAMIC sh -c startup-script-url [gcloud compute metadata db-1]',
    ],
    // the evidence names the key, not the value (a URL with a password)
    [
      `gcloud compute instances add-metadata db-1 --metadata startup-script-url=https://u:FAKEPW@example.com/b.sh`,
      'DYNAMIC sh -c startup-script-url [gcloud compute metadata db-1]',
    ],
  ])('%s', (script, want) => expect(remote(script)).toContain(want));

  it.each<string>([
    `gcloud compute instances add-metadata web-1 --metadata enable-oslogin=TRUE`,
    `gcloud compute instances describe web-1 --format 'value(metadata)'`,
    `gcloud compute instances create w1 --zone us-east1-b`,
  ])('%s sends no command', (script) => expect(remote(script)).toEqual([]));

  it.each<[string, Record<string, string>]>([
    ['a=1,b=2', { a: '1', b: '2' }],
    ['startup-script=echo a,b', { 'startup-script': 'echo a,b' }],
    ['^;^startup-script=echo a,b;c=d', { 'startup-script': 'echo a,b', c: 'd' }],
  ])('gcloud dict %s', (text, want) => expect(Object.fromEntries(gcloudDict(text))).toEqual(want));
});
