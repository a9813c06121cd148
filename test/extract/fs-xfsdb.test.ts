/** xfs_db in expert mode writing a filesystem directly (src/extract/fs-xfsdb.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeContext, commandBuilder, packVerdict } from '../helpers/command.js';
import type { FsFact } from '../../src/engine/types.js';
import { xfsDbHandler } from '../../src/extract/fs-xfsdb.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS);
const cmd = commandBuilder({ cwd: WS });
const fs = await packVerdict('filesystem');

/** `op classes` of each fact, or '' when none. */
function summary(argv: string[], stdin?: string): string {
  const c = cmd(argv, stdin !== undefined ? { stdin: { kind: 'herestring', text: stdin } } : {});
  return (xfsDbHandler(c, ctx) as FsFact[]).map((f) => `${f.op} ${f.classes.join(',')}`).join(' | ');
}

describe('xfs_db commands', () => {
  it.each<[string[], string, string?]>([
    [['xfs_db', '-x', '-c', 'sb 0', '-c', 'write magicnum 0', '/dev/sdb1'], 'overwrite device'],
    [['xfs_db', '-x', '-c', 'blocktrash -n 100', '/dev/mapper/vg0-data'], 'overwrite device'],
    [['xfs_db', '-x', '-c', 'crc -r', '/dev/sdc'], 'overwrite device'],
    [['xfs_db', '-x', '-f', '-c', 'write magicnum 0', '/dev/sdb'], 'overwrite device'],
    [['xfs_db', '-x', '-c', 'fuzz -d core.mode random', '/dev/sdb'], 'overwrite device'],
    // interactive: stdin's commands; fail closed without them
    [['xfs_db', '-x', '/dev/sdb'], 'overwrite device', 'inode 128\nwrite core.mode 0\n'],
    [['xfs_db', '-x', '/dev/sdb'], 'overwrite device'],
    // an image file in the workspace is a workspace file
    [['xfs_db', '-x', '-f', '-c', 'write magicnum 0', 'disk.img'], 'overwrite inside-workspace'],
    // read-only: no -x, -r or -i, or only reading commands
    [['xfs_db', '-c', 'write magicnum 0', '/dev/sdb1'], ''],
    [['xfs_db', '-r', '-x', '-c', 'write magicnum 0', '/dev/sdb1'], ''],
    [['xfs_db', '-i', '-x', '-c', 'blocktrash', '/dev/sdb1'], ''],
    [['xfs_db', '-x', '-c', 'sb 0', '-c', 'print magicnum', '/dev/sdb1'], ''],
    [['xfs_db', '-x', '-c', 'uuid', '-c', 'crc -v', '/dev/sdb1'], ''],
    // what xfs_admin does: the superblock's identity set, no data lost
    [['xfs_db', '-x', '-p', 'xfs_admin', '-c', 'uuid generate', '-c', 'label data2', '/dev/sdc'], ''],
    [['xfs_db', '-x', '/dev/sdb'], '', 'sb 0\nprint\nquit\n'],
  ])('%o → %s', (argv, want, stdin) => expect(summary(argv, stdin)).toBe(want));
});

describe('verdicts', () => {
  it.each([
    ["sudo xfs_db -x -c 'sb 0' -c 'write magicnum 0' /dev/mapper/vg0-data", 'deny filesystem/wipe-device'],
    ["xfs_db -r -c 'sb 0' -c 'print' /dev/sdb1", 'allow'],
    ["xfs_db -c 'freesp -s' /dev/sdb1", 'allow'],
  ])('%s → %s', (script, want) => expect(fs(script)).toBe(want));
});
