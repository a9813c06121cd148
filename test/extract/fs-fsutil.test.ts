/**
 * fsutil's verbs that destroy a file's content in place (src/extract/fs-fsutil.ts), read as a
 * truncate of the file; queries and new files stay allowed. Through the real pipeline with
 * the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('fsutil (filesystem pack)', () => {
  it.each([
    [
      "fsutil file setzerodata offset=0 length=10737418240 'D:\\SQLData\\orders.mdf'",
      'ask filesystem/truncate-outside-workspace',
    ],
    [
      'fsutil file setzerodata offset=0 length=4096 D:\\SQLData\\orders.mdf',
      'ask filesystem/truncate-outside-workspace',
    ],
    ["FSUTIL File SetEOF 'D:\\backups\\nightly.bak' 0", 'ask filesystem/truncate-outside-workspace'],
    ["fsutil.exe file setvaliddata 'E:\\data\\ledger.db' 0", 'ask filesystem/truncate-outside-workspace'],
    ["fsutil sparse setrange 'E:\\vm\\prod.vhdx' 0 1073741824", 'ask filesystem/truncate-outside-workspace'],
    ["fsutil file seteof 'C:\\Windows\\System32\\config\\SAM' 0", 'ask filesystem/write-system-file'],
    // no file named: whatever it would be (fail closed)
    ['fsutil file setzerodata offset=0 length=10', 'ask filesystem/truncate-outside-workspace'],
    ['fsutil fsinfo drives', 'allow'],
    ['fsutil volume diskfree C:', 'allow'],
    ["fsutil file queryallocranges offset=0 length=1048576 'D:\\data\\ledger.db'", 'allow'],
    ["fsutil sparse queryflag 'E:\\vm\\prod.vhdx'", 'allow'],
    ['fsutil file createnew scratch.bin 1048576', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});
