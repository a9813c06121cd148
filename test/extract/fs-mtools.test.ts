import { analyzeContext, commandBuilder } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { FsFact } from '../../src/engine/types.js';
import { extractFs } from '../../src/extract/fs.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS);
const cmd = commandBuilder({ cwd: WS });

/** op, recursive and targets (path:class) of every fact of `argv`. */
function summary(argv: string[]): string {
  const c = cmd(argv);
  return (extractFs(c, ctx, [c]) as FsFact[])
    .map((f) => `${f.op}${f.recursive ? ' R' : ''} ${f.targets.map((t) => `${t.path}:${t.class}`).join(',')}`)
    .join(' | ');
}

describe('mtools: files deleted, a file system made or files overwritten in an image or drive', () => {
  it.each<[string[], string]>([
    [
      ['mdeltree', '-i', '/srv/images/payroll-floppy.img', '::/RECORDS'],
      'delete R /srv/images/payroll-floppy.img:system',
    ],
    [['mdel', '-i', '/srv/images/boot.img', '::/CONFIG.SYS'], 'delete /srv/images/boot.img:system'],
    [
      ['mformat', '-i', '/srv/images/payroll-floppy.img', '::'],
      'format /srv/images/payroll-floppy.img:system',
    ],
    [['mformat', '-f', '1440', 'a:'], 'format /dev/fd0:system'],
    [['mdeltree', 'a:/DATA'], 'delete R /dev/fd0:system'],
    // fail closed: a drive mtools.conf may map anywhere
    [['mdel', 'x:/DATA/*.DBF'], 'delete :unknown'],
    [
      ['mcopy', '-o', '-i', '/srv/images/boot.img', 'autoexec.bat', '::/'],
      'overwrite /srv/images/boot.img:system',
    ],
    // the project's own image
    [['mdel', '-i', 'build/boot.img', '::/TEST.TXT'], 'delete /home/u/proj/build/boot.img:inside-workspace'],
    // kept: listing, copying out, copying in without overwrite
    [['mdir', '-i', '/srv/images/payroll-floppy.img', '::/RECORDS'], ''],
    [['mcopy', '-i', '/srv/images/payroll-floppy.img', '::/RECORDS/jan.csv', '.'], ''],
    [['mcopy', '-o', '-i', '/srv/images/payroll-floppy.img', '::/RECORDS/jan.csv', '.'], ''],
  ])('%j', (argv, expected) => {
    expect(summary(argv)).toBe(expected);
  });
});
