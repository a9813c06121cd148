/**
 * A host's backups and snapshots deleted or switched off (src/extract/cloud-backups.ts), read
 * into cloud facts: `tool|service|verb|resource|all`; other words keep the generic reading.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource, f.all].join('|') : '',
  );
};

describe('backups deleted or switched off', () => {
  it.each<[string, string[]]>([
    ['nodetool clearsnapshot --all', ['nodetool|backups|delete|every snapshot|true']],
    ['nodetool clearsnapshot', ['nodetool|backups|delete|every snapshot|true']],
    [
      'nodetool -h cass-1 -p 7199 clearsnapshot -t pre-upgrade shop',
      ['nodetool|backups|delete|pre-upgrade shop|false'],
    ],
    ['nodetool disablebackup', ['nodetool|backups|disable|incremental backups|true']],
    ['timeshift --delete-all --yes', ['timeshift|backups|delete|every snapshot|true']],
    [
      'timeshift --delete --snapshot 2024-06-01_02-00-01',
      ['timeshift|backups|delete|2024-06-01_02-00-01|false'],
    ],
    ['tmutil disable', ['tmutil|backups|disable|Time Machine|true']],
    ['tmutil removedestination 0A1B-22', ['tmutil|backups|disable|0A1B-22|true']],
    ['tmutil deletelocalsnapshots /', ['tmutil|backups|delete|/|true']],
    ['tmutil thinlocalsnapshots / 999999999999 4', ['tmutil|backups|delete|/ 999999999999 4|true']],
    ['tmutil delete -d /Volumes/TM -t 2024-06-01-020000', ['tmutil|backups|delete|/Volumes/TM|false']],
    ['snapper -c root delete 12-40', ['snapper|backups|delete|12-40|false']],
    ['wbadmin delete catalog -quiet', ['wbadmin|backups|delete|catalog|true']],
    ['wbadmin delete systemstatebackup -keepVersions:0', ['wbadmin|backups|delete|systemstatebackup|true']],
    ['wbadmin disable backup', ['wbadmin|backups|disable|scheduled backups|true']],
    ['vssadmin delete shadows /all /quiet', ['vssadmin|backups|delete|shadow copies|true']],
    ['vssadmin.exe delete shadows /for=C:', ['vssadmin|backups|delete|shadow copies|false']],
    ['wmic shadowcopy delete', ['wmic|backups|delete|shadow copies|true']],
    // the storage deleted, or shrunk so the copies in it are deleted
    ['vssadmin delete shadowstorage /for=C: /on=D:', ['vssadmin|backups|delete|shadow copies|true']],
    [
      'vssadmin resize shadowstorage /for=C: /on=C: /maxsize=401MB',
      ['vssadmin|backups|delete|shadow copies (storage shrunk to 401MB)|false'],
    ],
    [
      'vssadmin Resize ShadowStorage /For=C: /On=C: /MaxSize=1%',
      ['vssadmin|backups|delete|shadow copies (storage shrunk to 1%)|false'],
    ],
    // a size only known at run time: fail closed
    [
      'vssadmin resize shadowstorage /for=C: /on=C: /maxsize=$SIZE',
      ['vssadmin|backups|delete|shadow copies (storage shrunk to $SIZE)|false'],
    ],
    [
      'wmic shadowstorage set MaxSpace=401000000',
      ['wmic|backups|delete|shadow copies (storage shrunk to 401000000)|false'],
    ],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));

  it.each<string>([
    'nodetool -h cass-prod-1 status',
    'nodetool snapshot -t pre-upgrade shop',
    'nodetool listsnapshots',
    'nodetool enablebackup',
    'timeshift --list',
    'timeshift --create --comments nightly',
    'tmutil listbackups',
    'tmutil enable',
    'tmutil startbackup --auto',
    'tmutil localsnapshot',
    'snapper -c root list',
    'snapper -c root create --description pre-upgrade',
    'wbadmin get versions',
    'vssadmin list shadows',
    'wmic shadowcopy list brief',
    'vssadmin list shadowstorage',
    'vssadmin resize shadowstorage /for=C: /on=C: /maxsize=UNBOUNDED',
    'vssadmin resize shadowstorage /for=C: /on=D: /maxsize=50GB',
    'vssadmin resize shadowstorage /for=C: /on=D: /maxsize=20%',
    'wmic shadowstorage get AllocatedSpace,MaxSpace',
  ])('%s → no backups fact', (line) => {
    expect(cloud(line).filter((f) => f.includes('|backups|'))).toEqual([]);
  });
});
