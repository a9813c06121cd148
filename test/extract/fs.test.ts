import { analyzeContext, commandBuilder, packVerdict } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { FsFact, NormalizedCommand } from '../../src/engine/types.js';
import { extractFs } from '../../src/extract/fs.js';
import { classifyPath } from '../../src/extract/fs-paths.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS);

const cmd = commandBuilder({ cwd: WS });

function facts(c: NormalizedCommand, all: NormalizedCommand[] = [c]): FsFact[] {
  return extractFs(c, ctx, all) as FsFact[];
}

/** One-line summary: op, flags and classes of every fact. */
function summary(c: NormalizedCommand): string {
  return facts(c)
    .map((f) => `${f.op}${f.recursive ? ' R' : ''}${f.force ? ' F' : ''} ${f.classes.join(',')}`)
    .join(' | ');
}

describe('classifyPath', () => {
  it.each([
    ['/', 'root'],
    ['/home/u', 'home'],
    ['/home/u/.ssh', 'home'],
    ['/home/u/.ssh/id_ed25519', 'home'],
    ['/home/u/.ssh/authorized_keys', 'home'],
    ['/home/u/.aws/credentials', 'home'],
    ['/home/u/.config/git/config', 'home'],
    ['/home/u/.config/Code/settings.json', 'outside-workspace'],
    ['/home/u/.sshx/notes', 'outside-workspace'],
    ['/home/u/.cache', 'outside-workspace'],
    ['/home/u/.config', 'home'],
    ['/home/u/projects-old', 'outside-workspace'],
    ['/home', 'system'],
    ['/etc', 'system'],
    ['/etc/passwd', 'system'],
    ['/var/lib/mysql', 'system'],
    ['/var/tmp/x', 'tmp'],
    ['/tmp/build-1', 'tmp'],
    ['/tmp', 'system'],
    ['/dev/sda', 'device'],
    ['/dev/nvme0n1p1', 'device'],
    ['/dev/disk/by-id/x', 'device'],
    [WS, 'workspace-root'],
    [`${WS}/.git`, 'workspace-vcs'],
    [`${WS}/.git/objects`, 'workspace-vcs'],
    [`${WS}/.git/index.lock`, 'inside-workspace'],
    [`${WS}/src/a.ts`, 'inside-workspace'],
    ['/srv/data', 'system'],
    ['/data/backups', 'outside-workspace'],
  ])('%s → %s', (p, cls) => {
    expect(classifyPath(p, ctx)).toBe(cls);
  });

  it.each([
    ['/tmp/scratch/ws', '/tmp/scratch/home', '/tmp/scratch', 'system'],
    ['/tmp/scratch/ws', '/tmp/scratch/home', '/tmp/other', 'tmp'],
    ['/home/u/code/app', '/home/u', '/home/u/code', 'outside-workspace'],
    ['/home/u', '/home/u', '/home/u', 'home'],
  ])('workspace %s home %s: %s → %s', (workspace, home, p, cls) => {
    expect(classifyPath(p, { ...ctx, workspace, home })).toBe(cls);
  });
});

describe('extractFs', () => {
  it.each<[string, NormalizedCommand, string]>([
    ['rm -rf /', cmd(['rm', '-rf', '/']), 'delete R F root'],
    ['rm -r -f /etc', cmd(['rm', '-r', '-f', '/etc']), 'delete R F system'],
    ['/bin/rm -fr ~', cmd(['/bin/rm', '-fr', '~']), 'delete R F home'],
    [
      'rm --recursive --force $HOME (unresolved word)',
      cmd(['rm', '--recursive', '--force', '$HOME']),
      'delete R F home',
    ],
    ['rm -rf /*', cmd(['rm', '-rf', '/*']), 'delete R F root'],
    ['rm -rf /tmp/../', cmd(['rm', '-rf', '/tmp/../']), 'delete R F root'],
    ['rm -rf /.', cmd(['rm', '-rf', '/.']), 'delete R F root'],
    ['rm -rf ../..', cmd(['rm', '-rf', '../..']), 'delete R F system'],
    ['rm -rf ..', cmd(['rm', '-rf', '..']), 'delete R F home'],
    ['rm -rf .', cmd(['rm', '-rf', '.']), 'delete R F workspace-root'],
    ['rm -rf ./*', cmd(['rm', '-rf', './*']), 'delete R F workspace-root'],
    ['rm -rf * in /', cmd(['rm', '-rf', '*'], { cwd: '/' }), 'delete R F root'],
    ['rm -f *.log', cmd(['rm', '-f', '*.log']), 'delete F inside-workspace'],
    ['rm -rf .* (every dotfile)', cmd(['rm', '-rf', '.*']), 'delete R F workspace-root'],
    ['rm -rf [a-z]*', cmd(['rm', '-rf', '[a-z]*']), 'delete R F workspace-root'],
    ['rm -rf ~/*', cmd(['rm', '-rf', '~/*']), 'delete R F home'],
    ['rm -f ~/*.bak', cmd(['rm', '-f', '~/*.bak']), 'delete F outside-workspace'],
    ['rm -rf /etc/*.conf', cmd(['rm', '-rf', '/etc/*.conf']), 'delete R F system'],
    ['rm -rf /*.d', cmd(['rm', '-rf', '/*.d']), 'delete R F root'],
    ['rm -rf .git', cmd(['rm', '-rf', '.git']), 'delete R F workspace-vcs'],
    ['rm -rf node_modules', cmd(['rm', '-rf', 'node_modules']), 'delete R F inside-workspace'],
    ['rm -f src/old.ts', cmd(['rm', '-f', 'src/old.ts']), 'delete F inside-workspace'],
    ['rm notes.txt', cmd(['rm', 'notes.txt']), 'delete inside-workspace'],
    ['rm -rf /tmp/build-1', cmd(['rm', '-rf', '/tmp/build-1']), 'delete R F tmp'],
    ['rm -rf /tmp/*', cmd(['rm', '-rf', '/tmp/*']), 'delete R F tmp'],
    ['rm -- -rf (a file named -rf)', cmd(['rm', '--', '-rf']), 'delete inside-workspace'],
    ['rm -rf --no-preserve-root /', cmd(['rm', '-rf', '--no-preserve-root', '/']), 'delete R F root'],
    ['rm a -rf / (options after operands)', cmd(['rm', 'a', '-rf', '/']), 'delete R F inside-workspace,root'],
    ['rm -rf dynamic', cmd(['rm', '-rf', '${X:-}/'], { dynamicArgs: [2] }), 'delete R F unknown'],
    ['rm -rf ~/projects', cmd(['rm', '-rf', '~/projects']), 'delete R F outside-workspace'],
    ['rmdir /etc/x', cmd(['rmdir', '/etc/x']), 'delete system'],
    ['unlink /etc/passwd', cmd(['unlink', '/etc/passwd']), 'delete system'],
    ['shred -u /dev/sda', cmd(['shred', '-n', '3', '-u', '/dev/sda']), 'shred device'],
    ['mv ~/projects /dev/null', cmd(['mv', '~/projects', '/dev/null']), 'delete R outside-workspace'],
    [
      'mv src/a.ts src/b.ts',
      cmd(['mv', 'src/a.ts', 'src/b.ts']),
      'move R inside-workspace | overwrite inside-workspace',
    ],
    ['mv ~/.ssh /tmp/x', cmd(['mv', '~/.ssh', '/tmp/x']), 'move R home | overwrite tmp'],
    ['mv -t /etc a', cmd(['mv', '-t', '/etc', 'a']), 'move R inside-workspace | overwrite system'],
    ['cp evil /etc/hosts', cmd(['cp', 'evil', '/etc/hosts']), 'overwrite system'],
    ['cp -r a b', cmd(['cp', '-r', 'a', 'b']), 'overwrite R inside-workspace'],
    [
      'rsync -a --delete src/ /srv/www',
      cmd(['rsync', '-a', '--delete', 'src/', '/srv/www']),
      'overwrite R system | delete R F system',
    ],
    [
      'rsync -e ssh --delete-after x host:/var/www',
      cmd(['rsync', '-e', 'ssh', '--delete-after', 'x', 'host:/var/www']),
      'overwrite R outside-workspace | delete R F outside-workspace',
    ],
    // dry runs and listings change nothing (the real run above still deletes)
    ['rsync --dry-run --delete', cmd(['rsync', '-a', '--delete', '--dry-run', 'src/', '/srv/www']), ''],
    ['rsync -avn --delete', cmd(['rsync', '-avn', '--delete', 'src/', '/mnt/m/']), ''],
    ['rsync -n -a --delete-after', cmd(['rsync', '-n', '-a', '--delete-after', 'a/', '/b/']), ''],
    ['rsync --list-only', cmd(['rsync', '--list-only', 'host:/srv/', '/tmp/x']), ''],
    [
      'dd if=/dev/zero of=/dev/sdb',
      cmd(['dd', 'if=/dev/zero', 'of=/dev/sdb', 'bs=1M']),
      'overwrite F device',
    ],
    ['dd of=disk.img', cmd(['dd', 'if=/dev/zero', 'of=disk.img']), 'overwrite F inside-workspace'],
    ['mkfs.ext4 /dev/sdb1', cmd(['mkfs.ext4', '/dev/sdb1']), 'format F device'],
    ['mkfs -t xfs -L data /dev/vdb', cmd(['mkfs', '-t', 'xfs', '-L', 'data', '/dev/vdb']), 'format F device'],
    ['mke2fs disk.img', cmd(['mke2fs', 'disk.img']), 'format F inside-workspace'],
    // dry runs: `-n` shows what mke2fs would do (mkfs.xfs: -N); elsewhere -n takes a label
    ['mke2fs -n (dry run)', cmd(['mke2fs', '-n', '/dev/nvme1n1']), ''],
    ['mkfs.ext4 -n (dry run)', cmd(['mkfs.ext4', '-n', '/dev/sdb1']), ''],
    ['mkfs.xfs -N (dry run)', cmd(['mkfs.xfs', '-N', '/dev/sdb']), ''],
    ['mkntfs --no-action', cmd(['mkntfs', '--no-action', '/dev/sdb1']), ''],
    ['mkfs.vfat -n LABEL', cmd(['mkfs.vfat', '-n', 'BOOT', '/dev/sdb1']), 'format F device'],
    ['wipefs -a /dev/sda', cmd(['wipefs', '-a', '/dev/sda']), 'format F device'],
    ['wipefs /dev/sda (list only)', cmd(['wipefs', '/dev/sda']), ''],
    ['fdisk -l', cmd(['fdisk', '-l', '/dev/sda']), ''],
    ['sgdisk --zap-all /dev/nvme0n1', cmd(['sgdisk', '--zap-all', '/dev/nvme0n1']), 'format F device'],
    ['sgdisk -p /dev/sda', cmd(['sgdisk', '-p', '/dev/sda']), ''],
    ['gdisk -l', cmd(['gdisk', '-l', '/dev/sda']), ''],
    ['gdisk interactive', cmd(['gdisk', '/dev/sda']), 'format F device'],
    // other filesystems' formatters
    ['mkudffs /dev/sde', cmd(['mkudffs', '--media-type=hd', '--label=A', '/dev/sde']), 'format F device'],
    ['mkreiserfs -f -f /dev/sdf1', cmd(['mkreiserfs', '-f', '-f', '/dev/sdf1']), 'format F device'],
    ['jfs_mkfs -q /dev/sdc1', cmd(['jfs_mkfs', '-q', '/dev/sdc1']), 'format F device'],
    ['newfs_udf /dev/disk4', cmd(['newfs_udf', '-v', 'A', '/dev/disk4']), 'format F system'],
    ['mkudffs out/a.udf', cmd(['mkudffs', 'out/a.udf']), 'format F inside-workspace'],
    [
      'truncate -s 0 /var/lib/mysql/ibdata1',
      cmd(['truncate', '-s', '0', '/var/lib/mysql/ibdata1']),
      'truncate F system',
    ],
    ['truncate -s0 log.txt', cmd(['truncate', '-s0', 'log.txt']), 'truncate F inside-workspace'],
    ['chmod -R 777 /', cmd(['chmod', '-R', '777', '/']), 'chmod R root'],
    ['chmod +x scripts/x.sh', cmd(['chmod', '+x', 'scripts/x.sh']), 'chmod inside-workspace'],
    ['chmod -x /usr/bin/sudo', cmd(['chmod', '-x', '/usr/bin/sudo']), 'chmod system'],
    ['chown -R nobody: ~', cmd(['chown', '-R', 'nobody:', '~']), 'chown R home'],
    ['chgrp --recursive staff /etc', cmd(['chgrp', '--recursive', 'staff', '/etc']), 'chown R system'],
    ['chmod --reference=a /etc/shadow', cmd(['chmod', '--reference=a', '/etc/shadow']), 'chmod system'],
    ['ln -sf /x /etc/hosts', cmd(['ln', '-sf', '/x', '/etc/hosts']), 'link F system'],
    ['ln -s ../a b', cmd(['ln', '-s', '../a', 'b']), 'link inside-workspace'],
    ['tee /etc/hosts', cmd(['tee', '-a', '/etc/hosts']), 'overwrite system'],
    ['sed -i s/a/b/ /etc/hosts', cmd(['sed', '-i', 's/a/b/', '/etc/hosts']), 'overwrite system'],
    ['sed -i -e /^#/d conf', cmd(['sed', '-i', '-e', '/^#/d', 'conf']), 'overwrite inside-workspace'],
    ['sed s/a/b/ /etc/hosts (no -i)', cmd(['sed', 's/a/b/', '/etc/hosts']), ''],
    ['echo x > /etc/passwd', cmd(['echo', 'x'], { writes: ['/etc/passwd'] }), 'overwrite F system'],
    ['cat x > /dev/sda', cmd(['cat', 'x'], { writes: ['/dev/sda'] }), 'overwrite F device'],
    ['echo x > /dev/null 2> /dev/stderr', cmd(['echo', 'x'], { writes: ['/dev/null', '/dev/stderr'] }), ''],
    ['echo x >> ~/.bashrc', cmd(['echo', 'x'], { writes: ['/home/u/.bashrc'] }), 'overwrite F home'],
    ['echo x > "$OUT" (unexpanded)', cmd(['echo', 'x'], { writes: ['$OUT'] }), 'overwrite F unknown'],
    ['echo x > out.txt', cmd(['echo', 'x'], { writes: [`${WS}/out.txt`] }), 'overwrite F inside-workspace'],
    ['find / -name x -delete', cmd(['find', '/', '-name', '*.db', '-delete']), 'delete R F root'],
    ['find -L . -delete', cmd(['find', '-L', '.', '-delete']), 'delete R F workspace-root'],
    ['find . -name x -print', cmd(['find', '.', '-name', 'x', '-print']), ''],
    [
      'xargs rm -rf (unknown input)',
      cmd(['rm', '-rf'], { wrappers: ['xargs'], stdin: { kind: 'pipe' } }),
      'delete R F unknown',
    ],
    ['find -exec rm {}', cmd(['rm', '-rf', '{}'], { wrappers: ['find -exec'] }), 'delete R F unknown'],
    [
      'ssh: rm -rf /var/lib/postgresql',
      cmd(['rm', '-rf', '/var/lib/postgresql'], { remote: true }),
      'delete R F system',
    ],
    ['ssh: rm -rf ~', cmd(['rm', '-rf', '~'], { remote: true }), 'delete R F home'],
    ['ssh: rm -rf build', cmd(['rm', '-rf', 'build'], { remote: true }), 'delete R F outside-workspace'],
    ['ssh: rm -rf /*', cmd(['rm', '-rf', '/*'], { remote: true }), 'delete R F root'],
    ['ls -la ~', cmd(['ls', '-la', '~']), ''],
    ['du -sh node_modules', cmd(['du', '-sh', 'node_modules']), ''],
  ])('%s', (_name, c, expected) => {
    expect(summary(c)).toBe(expected);
  });

  /** The normalizer turns `find ROOT … -delete` into the find itself plus a synthetic `rm -rf ROOT`. */
  function findDeleteClasses(findArgv: string[], root: string, cwd = WS): string {
    const find = cmd(findArgv, { cwd });
    const rm = cmd(['rm', '-rf', root], { cwd, wrappers: ['find -delete'] });
    return (extractFs(rm, ctx, [find, rm]) as FsFact[]).map((f) => f.classes.join(',')).join(' | ');
  }

  it.each([
    [['find', '.', '-name', '*.pyc', '-delete'], '.', 'inside-workspace'],
    [['find', '.', '-type', 'd', '-empty', '-delete'], '.', 'inside-workspace'],
    [['find', '.', '-mtime', '+7', '-delete'], '.', 'inside-workspace'],
    [['find', '.', '-delete'], '.', 'workspace-root'],
    [['find', '.', '-type', 'f', '-delete'], '.', 'workspace-root'],
    [['find', '.', '-name', '*', '-delete'], '.', 'workspace-root'],
    [['find', '/', '-name', '*.db', '-delete'], '/', 'root'],
    [['find', '~', '-name', '*.log', '-delete'], '~', 'home'],
    [['find', '.git', '-name', '*.pack', '-delete'], '.git', 'workspace-vcs'],
  ])('find %j -delete → %s', (argv, root, expected) => {
    expect(findDeleteClasses(argv, root)).toBe(expected);
  });

  it('narrows a find -delete the normalizer did not rewrite', () => {
    expect(summary(cmd(['find', '.', '-iname', '*.tmp', '-delete']))).toBe('delete R F inside-workspace');
  });

  it('keeps the raw word and the resolved path of each target', () => {
    const [f] = facts(cmd(['rm', '-rf', '../x'], { cwd: `${WS}/src` }));
    expect(f.targets).toEqual([{ raw: '../x', path: `${WS}/x`, class: 'inside-workspace', glob: false }]);
    expect(f.evidence).toBe('rm -rf ../x');
  });

  it('shows the carriers in the evidence', () => {
    const [f] = facts(cmd(['rm', '-rf', '/'], { wrappers: ['sudo', 'bash -c'] }));
    expect(f.evidence).toBe('sudo → bash -c → rm -rf /');
  });
});

/** `decision rule,rule` for a command through the real pipeline with only this pack loaded. */
const verdict = await packVerdict('filesystem');

describe('end to end (filesystem pack)', () => {
  it.each([
    ['rm -rf /', 'deny filesystem/destroy-root-home-system'],
    ['sudo -u root rm -rf --no-preserve-root /', 'deny filesystem/destroy-root-home-system'],
    ["bash -c 'cd ~ && rm -rf .'", 'deny filesystem/destroy-root-home-system'],
    ["tcsh -c 'rm -rf ~'", 'deny filesystem/destroy-root-home-system'],
    ['rm -rf ~/.config', 'deny filesystem/destroy-root-home-system'],
    ['rm -rf ../../..', 'deny filesystem/destroy-root-home-system'],
    ['rm -rf ..', 'ask filesystem/delete-outside-workspace'],
    ['rm -rf ~/code/other-site', 'ask filesystem/delete-outside-workspace'],
    ['rm -rf .git', 'ask filesystem/delete-workspace'],
    ['rm -rf "$TARGET"', 'ask filesystem/delete-unresolved'],
    ['find ~ -name "*.bak" -delete', 'deny filesystem/destroy-root-home-system'],
    ['dd if=/dev/zero of=/dev/sda', 'deny filesystem/wipe-device'],
    ['chmod -R 000 /usr', 'deny filesystem/permissions-recursive-system'],
    ['echo nameserver 1.1.1.1 | sudo tee /etc/resolv.conf', 'ask filesystem/write-system-file'],
    ['mv ~/.gnupg /tmp/g', 'ask filesystem/move-protected'],
    ['cp /dev/null ~/.ssh/authorized_keys', 'ask filesystem/write-system-file'],
    ['cp x ~/.bashrc', 'ask filesystem/write-system-file'],
    ['install -m 600 x ~/.ssh/config', 'ask filesystem/write-system-file'],
    ['cp -f creds ~/.aws/credentials', 'ask filesystem/write-system-file'],
    ['echo key >> ~/.ssh/authorized_keys', 'ask filesystem/write-system-file'],
    ['cp ~/.ssh/id_ed25519.pub /tmp/key.pub', 'allow'],
    ['cp notes.txt ~/notes-backup.txt', 'allow'],
    ['rm -rf node_modules dist .turbo', 'allow'],
    ['rm -rf /tmp/site-build-1', 'allow'],
    ["find . -name '*.orig' -delete", 'allow'],
    // fd -x: like find -exec; a name pattern or a filter option selects entries
    ['fd -e tmp -x rm', 'allow'],
    ["fd '\\.pyc$' -x rm -f", 'allow'],
    ['fd -x rm', 'ask filesystem/delete-workspace'],
    ['fd -t f -X rm -f', 'ask filesystem/delete-workspace'],
    ['fd -t d node_modules ~ -x rm -rf', 'deny filesystem/destroy-root-home-system'],
    ['mv src/old.ts src/new.ts && chmod +x bin/cli', 'allow'],
    ['echo "rm -rf /" > docs/danger.md', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('a glob in a temp root when the workspace lives in there', () => {
  const tmpWs = '/tmp/agentfw-abc123/ws';
  const tctx = analyzeContext(tmpWs);
  const tcmd = commandBuilder({ cwd: tmpWs });
  const classes = (path: string) =>
    (extractFs(tcmd(['rm', '-rf', path]), tctx, []) as FsFact[]).flatMap((f) => f.classes).join(',');
  it.each<[string, string]>([
    // may take in the workspace's folder: as bad as deleting it
    ['/tmp/*', 'system'],
    ['/tmp/agentfw-*', 'system'],
    ['/tmp/?gentfw-abc123', 'system'],
    ['/tmp/[a-z]*', 'system'],
    // cannot match the workspace's folder: temp files
    ['/tmp/laravel-views-*', 'tmp'],
    ['/tmp/*.log', 'tmp'],
    ['/tmp/build-??', 'tmp'],
  ])('%s → %s', (path, want) => expect(classes(path)).toBe(want));
});
