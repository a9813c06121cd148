import { analyzeContext, commandBuilder } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { FsFact } from '../../src/engine/types.js';
import { extractFs } from '../../src/extract/fs.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS);
const cmd = commandBuilder({ cwd: WS });

/** op, force and classes of every fact of `argv`. */
function summary(argv: string[]): string {
  const c = cmd(argv);
  return (extractFs(c, ctx, [c]) as FsFact[])
    .map((f) => `${f.op}${f.force ? ' F' : ''} ${f.classes.join(',')}`)
    .join(' | ');
}

describe('data files rewritten in place (qemu-img, redis-check-aof --fix)', () => {
  it.each<[string, string]>([
    ['qemu-img create -f qcow2 /var/lib/libvirt/images/db.qcow2 200G', 'format F system'],
    ['qemu-img create -f qcow2 vm/test.qcow2 10G', 'format F inside-workspace'],
    ['qemu-img convert -O qcow2 a.raw /var/lib/libvirt/images/web.qcow2', 'format F system'],
    ['qemu-img resize --shrink /var/lib/libvirt/images/db.qcow2 10G', 'format F system'],
    ['qemu-img resize /var/lib/libvirt/images/db.qcow2 -10G', 'format F system'],
    ['qemu-img check -r all /var/lib/libvirt/images/db.qcow2', 'format F system'],
    ['qemu-img snapshot -d snap1 /var/lib/libvirt/images/db.qcow2', 'format F system'],
    // reading verbs and growing an image change nothing held
    ['qemu-img resize /var/lib/libvirt/images/db.qcow2 +10G', ''],
    ['qemu-img info /var/lib/libvirt/images/db.qcow2', ''],
    ['qemu-img check /var/lib/libvirt/images/db.qcow2', ''],
    ['qemu-img snapshot -l /var/lib/libvirt/images/db.qcow2', ''],
    ['redis-check-aof --fix /var/lib/redis/appendonly.aof', 'truncate F system'],
    ['redis-check-rdb --fix /var/lib/redis/dump.rdb', 'truncate F system'],
    ['redis-check-aof /var/lib/redis/appendonly.aof', ''],
    // --image-opts: the image is an option string, its file the `filename` key
    [
      'qemu-img resize --shrink --image-opts driver=qcow2,file.filename=/var/lib/libvirt/images/db.qcow2 10G',
      'format F system',
    ],
    [
      'qemu-img check -r all --image-opts driver=qcow2,file.driver=file,file.filename=/var/lib/libvirt/images/w.qcow2',
      'format F system',
    ],
    [
      'qemu-img amend -o compat=1.1 --image-opts driver=qcow2,file.filename=vm/t.qcow2',
      'format F inside-workspace',
    ],
    // convert: inputs as option strings, the output one with --target-image-opts
    [
      'qemu-img convert -n --target-image-opts base.qcow2 driver=raw,file.filename=/dev/sdb',
      'format F device',
    ],
    [
      'qemu-img convert --image-opts -O qcow2 driver=raw,file.filename=/dev/sdb /var/lib/libvirt/images/x.qcow2',
      'format F system',
    ],
    [
      'qemu-img convert --image-opts -O qcow2 driver=raw,file.filename=/dev/sdb vm/copy.qcow2',
      'format F inside-workspace',
    ],
    // fail closed: an option string that names no file
    ['qemu-img snapshot -d s1 --image-opts driver=qcow2,file.driver=nbd,file.host=db01', 'format F unknown'],
    // reading verbs stay without a fact
    ['qemu-img info --image-opts driver=qcow2,file.filename=/var/lib/libvirt/images/db.qcow2', ''],
    ['qemu-img check --image-opts driver=qcow2,file.filename=/var/lib/libvirt/images/db.qcow2', ''],
  ])('%s → %s', (line, want) => {
    expect(summary(line.split(' '))).toBe(want);
  });
});
