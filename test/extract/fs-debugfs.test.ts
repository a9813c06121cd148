/** debugfs writing a filesystem directly (src/extract/fs-debugfs.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeContext, commandBuilder, packVerdict } from '../helpers/command.js';
import type { FsFact } from '../../src/engine/types.js';
import { debugfsHandler } from '../../src/extract/fs-debugfs.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS, {
  readFile: (p) => (p === `${WS}/reads.txt` ? 'ls -l /\nstat /etc\n' : undefined),
});
const cmd = commandBuilder({ cwd: WS });
const fs = await packVerdict('filesystem');

/** `op classes` of each fact, or '' when none. */
function summary(argv: string[], stdin?: string): string {
  const c = cmd(argv, stdin !== undefined ? { stdin: { kind: 'herestring', text: stdin } } : {});
  return (debugfsHandler(c, ctx) as FsFact[]).map((f) => `${f.op} ${f.classes.join(',')}`).join(' | ');
}

describe('debugfs requests', () => {
  it.each<[string[], string, string?]>([
    [['debugfs', '-w', '-R', 'rm /etc/shadow', '/dev/sda1'], 'overwrite device'],
    [['debugfs', '-w', '-R', 'kill_file /etc/passwd', '/dev/nvme0n1p2'], 'overwrite device'],
    [['debugfs', '-w', '-R', 'set_inode_field /etc/shadow mode 0100777', '/dev/sda1'], 'overwrite device'],
    [['debugfs', '-w', '-f', '-', '/dev/sda1'], 'overwrite device', 'unlink /etc/shadow\n'],
    // fail closed: requests not known statically may write
    [['debugfs', '-w', '-f', 'missing.txt', '/dev/sda1'], 'overwrite device'],
    [['debugfs', '-w', '/dev/sda1'], 'overwrite device'],
    // an image file in the workspace is a workspace file
    [['debugfs', '-w', '-R', 'rm /a.txt', 'disk.img'], 'overwrite inside-workspace'],
    // read-only: without -w, or only reading requests
    [['debugfs', '-R', 'rm /etc/shadow', '/dev/sda1'], ''],
    [['debugfs', '-w', '-R', 'ls -l /', '/dev/sda1'], ''],
    [['debugfs', '-w', '-f', 'reads.txt', '/dev/sda1'], ''],
    [['debugfs', '-R', 'stat /etc/hosts', '/dev/sda1'], ''],
  ])('%o → %s', (argv, want, stdin) => expect(summary(argv, stdin)).toBe(want));
});

describe('verdicts', () => {
  it.each([
    ["debugfs -w -R 'rm /etc/shadow' /dev/sda1", 'deny filesystem/wipe-device'],
    ["debugfs -R 'stat /etc/hosts' /dev/sda1", 'allow'],
    ["debugfs -R 'ls -l /' disk.img", 'allow'],
  ])('%s → %s', (script, want) => expect(fs(script)).toBe(want));
});
