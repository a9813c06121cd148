/**
 * Disk and file wipers (src/extract/fs-wipers.ts): erasing a device is a format of it,
 * wiping files a shred of them; reports, help and previews are nothing. Through the real
 * pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');
const saas = await packVerdict('saas');

describe('disk and file wipers (filesystem pack)', () => {
  it.each([
    ['sudo nwipe --autonuke --nogui --method=dodshort /dev/nvme0n1', 'deny filesystem/wipe-device'],
    ['nwipe -m zero /dev/sdb /dev/sdc', 'deny filesystem/wipe-device'],
    // no device named: every disk found is wiped
    ['nwipe --autonuke --nogui', 'deny filesystem/wipe-device'],
    ['nwipe --help', 'allow'],
    ['sudo sg_format --format --early /dev/sdb', 'deny filesystem/wipe-device'],
    ['sg_format -F -s 4096 /dev/sdc', 'deny filesystem/wipe-device'],
    ['sg_format /dev/sdb', 'allow'],
    ['sg_sanitize --overwrite --pattern=p.bin /dev/sdc', 'deny filesystem/wipe-device'],
    ['sudo dc3dd wipe=/dev/nvme1n1', 'deny filesystem/wipe-device'],
    ['dc3dd hwipe=/dev/sdb hash=sha256', 'deny filesystem/wipe-device'],
    ['dc3dd if=/dev/sdb of=./evidence.img hash=sha256', 'allow'],
    ['wipe -rfq ~/work ~/.local/share', 'ask filesystem/delete-outside-workspace'],
    ['wipe -f ./secret.txt', 'allow'],
    ['bleachbit --shred ~/projects ~/Documents', 'ask filesystem/delete-outside-workspace'],
    ['bleachbit --list', 'allow'],
    ['bleachbit --preview --shred ~/Documents', 'allow'],
    // self-encrypting drives reverted (their key replaced), any spelling of the command
    [
      'sudo sedutil-cli --yesIreallywanttoERASEALLmydatausingthePSID 7KX2LBQ9MDPTFN3VWZY48GH1CSRE6A0J /dev/nvme0',
      'deny filesystem/wipe-device',
    ],
    ['sedutil-cli --psidrevert 7KX2LBQ9MDPTFN3VWZY48GH1CSRE6A0J /dev/sda', 'deny filesystem/wipe-device'],
    ['sedutil-cli --revertTPer s3cret /dev/sdb', 'deny filesystem/wipe-device'],
    ['sedutil-cli --eraseLockingRange 1 s3cret /dev/sdb', 'deny filesystem/wipe-device'],
    ['sedutil-cli --scan', 'allow'],
    ['sedutil-cli --query /dev/nvme0', 'allow'],
    // zoned drives: a reset empties the zones; reports and finish keep the data
    ['sudo blkzone reset /dev/nvme1n2', 'deny filesystem/wipe-device'],
    ['blkzone reset -o 0 -c 64 /dev/sdc', 'deny filesystem/wipe-device'],
    ['sg_reset_wp --all /dev/sdd', 'deny filesystem/wipe-device'],
    ['zbc_reset_zone /dev/sdd 524288', 'deny filesystem/wipe-device'],
    ['blkzone report /dev/nvme1n2', 'allow'],
    ['blkzone capacity -c 4 /dev/nvme1n2', 'allow'],
    ['blkzone finish -o 0 /dev/nvme1n2', 'allow'],
    // dd's relatives: their output is written like dd's `of=`, a disk there wiped
    ['sudo ddrescue --force /dev/zero /dev/sdb /tmp/wipe.map', 'deny filesystem/wipe-device'],
    ['sudo ddrescue -f -n /dev/urandom /dev/nvme1n1 /tmp/wipe.log', 'deny filesystem/wipe-device'],
    ['ddrescue -f -b 4096 -i 0 /dev/sda /dev/sdb sda.map', 'deny filesystem/wipe-device'],
    ['sudo dd_rescue /dev/zero /dev/sdd', 'deny filesystem/wipe-device'],
    ['dd_rescue -b 1M /dev/urandom /dev/sde', 'deny filesystem/wipe-device'],
    ['sudo dcfldd if=/dev/zero of=/dev/sdc bs=4M statusinterval=256', 'deny filesystem/wipe-device'],
    ['dcfldd if=/dev/zero of=./scratch.img of=/dev/sdf', 'deny filesystem/wipe-device'],
    ['sudo ddrescue -d -r3 /dev/sdb /mnt/recovery/sdb.img /mnt/recovery/sdb.map', 'allow'],
    ['sudo ddrescue /dev/sdb sdb.img sdb.map', 'allow'],
    ['ddrescue --generate-mode /dev/sdb sdb.img sdb.map', 'allow'],
    ['dd_rescue /dev/sdb ./sdb.img', 'allow'],
    ['sudo dcfldd if=/dev/sdb of=sdb.img hash=sha256 hashlog=sdb.sha256', 'allow'],
    ['sudo ddpt if=/dev/zero of=/dev/sdb bs=512 bpt=2048', 'deny filesystem/wipe-device'],
    ['sudo sg_dd if=/dev/zero of=/dev/sg2 bs=512 count=1000', 'deny filesystem/wipe-device'],
    ['sgp_dd if=disk.img of=/dev/null of2=/dev/sdc bs=512', 'deny filesystem/wipe-device'],
    ['sudo ddpt if=/dev/sdb of=sdb.img bs=512', 'allow'],
    ['sudo sg_dd if=/dev/sg1 of=/dev/null bs=512 count=1', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});

describe('SDelete (filesystem pack)', () => {
  it.each([
    ['sdelete64.exe -accepteula -s -q D:\\Shares\\Finance', 'ask filesystem/delete-outside-workspace'],
    ["sdelete.exe -p 3 -s 'C:\\Users\\ana\\Documents'", 'ask filesystem/delete-outside-workspace'],
    ["SDelete64 -accepteula -q 'E:\\Payroll\\2024.xlsx'", 'ask filesystem/delete-outside-workspace'],
    ['sdelete -s ~/work', 'ask filesystem/delete-outside-workspace'],
    // free space cleaned: no file is lost
    ['sdelete64 -accepteula -z C:', 'allow'],
    ['sdelete -c D:', 'allow'],
    ['sdelete64.exe -h', 'allow'],
    ['sdelete -q ./scratch.txt', 'allow'],
    // switches written with a slash are never paths
    ['sdelete /s "D:\\x"', 'ask filesystem/delete-outside-workspace'],
    ['sdelete /accepteula /p 3 /s D:\\Shares\\Finance', 'ask filesystem/delete-outside-workspace'],
    ['sdelete /c C:', 'allow'],
    ['sdelete /?', 'allow'],
    ['sdelete -nobanner -q ./scratch.txt', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });

  // sdelete's name is no unknown CLI's delete verb: its free-space cleaning finds nothing
  it.each(['sdelete -c C:', 'sdelete -z C:', 'sdelete64 /z D:'])('%s is allowed (saas pack)', (cmd) =>
    expect(saas(cmd)).toBe('allow'),
  );
});
