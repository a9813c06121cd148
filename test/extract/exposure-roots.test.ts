/** Folders a server or share must not hand to others (src/extract/exposure-roots.ts). */
import { describe, expect, it } from 'vitest';
import { exposedRoot } from '../../src/extract/exposure-roots.js';
import { WS, analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext(WS, { home: '/home/u' });

describe('the folder a share exposes', () => {
  it.each<[string, string | undefined, string?]>([
    ['/', '/'],
    ['/home/u', '/home/u'],
    ['~', '/home/u'],
    ['/home', '/home'],
    ['~/.ssh', '/home/u/.ssh'],
    ['/home/u/.aws', '/home/u/.aws'],
    ['~/.gnupg', '/home/u/.gnupg'],
    ['~/.kube', '/home/u/.kube'],
    ['~/.config', '/home/u/.config'],
    ['~/.local/share', '/home/u/.local/share'],
    ['/etc', '/etc'],
    ['/etc/ssh', '/etc/ssh'],
    ['/root', '/root'],
    ['/root/.aws', '/root/.aws'],
    ['/home/deploy', '/home/deploy'],
    ['/home/deploy/.kube', '/home/deploy/.kube'],
    // an account's dotfiles by absolute path (HOME may be that account's at run time)
    ['/home/dev/.config', '/home/dev/.config'],
    ['/Users/sam/.docker', '/Users/sam/.docker'],
    ['/root/.config/gcloud', '/root/.config/gcloud'],
    ['.', '/home/u/.ssh', '/home/u/.ssh'],
    // a site's folder, the workspace, any other folder
    ['./dist', undefined],
    ['public', undefined],
    ['.', undefined],
    ['/srv/www', undefined],
    ['/home/u/code/site/build', undefined],
    ['/var/www/html', undefined],
    ['/home/dev/site/public', undefined],
  ])('%s → %s', (dir, want, cwd) =>
    expect(exposedRoot(dir, command(['serve', dir], { cwd: cwd ?? WS }), ctx)).toBe(want),
  );
});

describe('a folder known only at run time', () => {
  it.each<[string[], number[], string | undefined]>([
    [['serve', '$DIR'], [1], '$DIR'],
    [['python3', '-m', 'http.server', '--directory=$DIR'], [3], '$DIR'],
    [['tailscale', 'serve', 'path:$DIR'], [2], '$DIR'],
    // the same text written literally is a folder of that name
    [['serve', '$DIR'], [], undefined],
  ])('%j (dynamic %j) → %s', (argv, dynamicArgs, want) => {
    const dir = argv[argv.length - 1].replace(/^(--directory=|path:)/, '');
    expect(exposedRoot(dir, command(argv, { dynamicArgs }), ctx)).toBe(want);
  });
});
