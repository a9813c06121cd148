/**
 * Block devices written, discarded or made unreadable by tools that are not formatters
 * (src/extract/fs-raw-devices.ts): fio's writing jobs, the SCSI discard and write tools,
 * GELI's key destruction and LVM's snapshot merges. Reads, status, help and other verbs give
 * nothing. Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { WS, analyzeContext, command, packVerdict } from '../helpers/command.js';
import { RAW_DEVICE_HANDLERS } from '../../src/extract/fs-raw-devices.js';

const verdict = await packVerdict('filesystem');

const JOBS: Record<string, string> = {
  [`${WS}/wipe.fio`]: '[global]\nioengine=libaio\nrw=write ; every block\n[disk]\nfilename=/dev/sdb\n',
  [`${WS}/mixed.fio`]:
    '[read]\nrw=randread\nfilename=/dev/sdb\n[scratch]\nreadwrite=randwrite\nfilename=./scratch.dat\n',
  [`${WS}/safe.fio`]: '[global]\nrw=write\nreadonly\n[disk]\nfilename=/dev/sdb\n',
};
const ctx = analyzeContext(WS, { readFile: (p: string) => JOBS[p] });

/** fio's facts as `op path…`. */
const fio = (argv: string[]) =>
  (
    RAW_DEVICE_HANDLERS.fio(command(['fio', ...argv]), ctx) as { op: string; targets: { path: string }[] }[]
  ).map((f) => `${f.op} ${f.targets.map((t) => t.path).join(' ')}`);

describe('fio jobs', () => {
  it.each<[string[], string[]]>([
    [['--name=w', '--filename=/dev/sdb', '--rw=write'], ['format /dev/sdb']],
    [['--name', 'w', '--filename', '/dev/sdb', '--rw', 'randwrite'], ['format /dev/sdb']],
    [['--filename=/dev/sdb\\:0:/dev/sdc', '--rw=trim'], ['format /dev/sdb:0 /dev/sdc']],
    [['wipe.fio'], ['format /dev/sdb']],
    [['--group_reporting', 'wipe.fio'], ['format /dev/sdb']],
    [['mixed.fio'], [`overwrite ${WS}/scratch.dat`]],
    [['--readonly', 'wipe.fio'], []],
    [['safe.fio'], []],
    // fail closed: a job file that cannot be read
    [['missing.fio'], ['format ']],
    [['--bs', '4k', '--filename=/dev/sdb'], []],
    // each --name starts a job; options before the first are every job's defaults
    [['--name=w', '--filename=/dev/sdb', '--rw=write', '--name=r', '--rw=read'], ['format /dev/sdb']],
    [['--filename=/dev/sdb', '--name=r', '--rw=read', '--name=w', '--rw=write'], ['format /dev/sdb']],
    [['--filename=/dev/sdb', '--rw=write', '--name=a', '--name=b', '--rw=read'], ['format /dev/sdb']],
    [['--filename=/dev/sdb', '--name=a', '--rw=read', '--name=b', '--rw=randread'], []],
  ])('fio %j → %j', (argv, want) => {
    expect(fio(argv)).toEqual(want);
  });
});

describe('raw device writers (filesystem pack)', () => {
  it.each<[string, string]>([
    // fio: a writing or trimming job on a device; a file is overwritten like any file
    [
      'sudo fio --name=seqwrite --filename=/dev/nvme1n1 --rw=write --bs=1M --direct=1',
      'deny filesystem/wipe-device',
    ],
    ['fio --name=r --filename=/dev/sdb --rw=randwrite --bs=4k', 'deny filesystem/wipe-device'],
    ['fio --name=t --filename=/dev/nvme0n1 --readwrite=trim', 'deny filesystem/wipe-device'],
    ['fio --name=m --filename=/dev/sdb:/dev/sdc --rw=randrw:8', 'deny filesystem/wipe-device'],
    ['fio --name=w --filename=/srv/pg/data.bin --rw=write', 'ask filesystem/write-system-file'],
    ['fio --name=test --filename=./fio-test.dat --rw=write --size=64M', 'allow'],
    ['fio --name=r --filename=/dev/nvme1n1 --rw=randread --bs=4k', 'allow'],
    ['fio --name=r --filename=/dev/nvme1n1 --bs=4k', 'allow'],
    ['fio --name=w --filename=/dev/nvme1n1 --rw=write --readonly', 'allow'],
    ['fio --help', 'allow'],
    // SCSI discards and writes
    ['sudo sg_unmap --lba=0 --num=3907029168 /dev/sdb', 'deny filesystem/wipe-device'],
    ['sg_unmap -l 0 -n 1024 /dev/sg3', 'deny filesystem/wipe-device'],
    ['sg_write_same --lba=0 --num=1000 --in=/dev/zero /dev/sdb', 'deny filesystem/wipe-device'],
    ['sg_write_same --unmap --lba=0 --num=0 /dev/sdc', 'deny filesystem/wipe-device'],
    ['sg_unmap --help', 'allow'],
    ['sg_readcap /dev/sdb', 'allow'],
    // GELI: the keys destroyed, the metadata cleared, a new key made
    ['sudo geli kill ada1p4 ada2p4', 'ask filesystem/format-filesystem'],
    ['geli kill -a', 'ask filesystem/format-filesystem'],
    ['geli kill /dev/ada0p3.eli', 'ask filesystem/format-filesystem'],
    ['geli delkey -a ada1p4', 'ask filesystem/format-filesystem'],
    ['geli clear ada1p4', 'ask filesystem/format-filesystem'],
    ['geli init -e AES-XTS -l 256 -s 4096 ada1p4', 'ask filesystem/format-filesystem'],
    ['geli status', 'allow'],
    ['geli list ada1p4', 'allow'],
    ['geli attach -k /root/ada1.key ada1p4', 'allow'],
    ['geli delkey -n 1 ada1p4', 'allow'],
    ['geli detach ada1p4.eli', 'allow'],
    // LVM: a merge rolls the origin back to the snapshot
    ['sudo lvconvert --merge vg_pgdata/pre_upgrade_snap', 'ask filesystem/format-filesystem'],
    ['lvconvert --mergesnapshot vg0/snap1', 'ask filesystem/format-filesystem'],
    ['lvconvert --mergethin vg0/thin_snap', 'ask filesystem/format-filesystem'],
    ['lvconvert --mergemirrors vg0/split_mirror', 'ask filesystem/format-filesystem'],
    ['lvconvert --type raid1 -m 1 vg0/data', 'allow'],
    ['lvconvert --splitmirrors 1 --trackchanges vg0/data', 'allow'],
    // DiskSpd on a physical drive or a volume; f3probe's destructive probe
    ["diskspd -c0 -w100 -d60 '#1'", 'ask filesystem/format-filesystem'],
    ['diskspd.exe -b4K -w30 -r D:', 'ask filesystem/format-filesystem'],
    ['diskspd -c1G -w50 ./io-test.dat', 'allow'],
    ["diskspd -b4K -r '#1'", 'allow'],
    ["diskspd -w0 -d30 '#1'", 'allow'],
    ['sudo f3probe --destructive --time-ops /dev/sdb', 'deny filesystem/wipe-device'],
    ['sudo f3probe --time-ops /dev/sdb', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});
