/**
 * Paths of a command run in a new container (src/extract/container-paths.ts, fs-paths.ts
 * containerTarget): the container's own files are scratch, a bind mount's are the host
 * folder's, a named volume's are kept data, a mount below a removed folder counts, and
 * devices are the host's.
 */
import { describe, expect, it } from 'vitest';
import { analyzeContext, commandBuilder } from '../helpers/command.js';
import type { ContainerMount, FsFact } from '../../src/engine/types.js';
import { hostFileOf } from '../../src/extract/container-paths.js';
import { extractFs } from '../../src/extract/fs.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS);
const bind = (source: string, target: string): ContainerMount => ({ source, target, volume: false });
const vol = (source: string, target: string): ContainerMount => ({ source, target, volume: true });

/** The classes of the fs facts of `argv` run in a container with `mounts`, working in `cwd`. */
function classes(argv: string[], mounts: ContainerMount[], cwd = '/', writes: string[] = []): string {
  const c = commandBuilder({ cwd, container: mounts })(argv, { writes });
  return (extractFs(c, ctx, [c]) as FsFact[]).map((f) => `${f.op} ${f.classes.join(',')}`).join(' | ');
}

describe('a new container: whose files a path names', () => {
  it.each<[string, string[], ContainerMount[], string, string]>([
    ['its own files are scratch', ['rm', '-rf', '/var/lib/x'], [], '/', 'delete tmp'],
    ['even / itself, without mounts', ['rm', '-rf', '/'], [], '/', 'delete tmp'],
    ['a bind mount is the host folder', ['rm', '-rf', '/h/etc'], [bind('/', '/h')], '/', 'delete system'],
    [
      'the workspace mounted, a build folder',
      ['rm', '-rf', 'build'],
      [bind(WS, '/w')],
      '/w',
      'delete inside-workspace',
    ],
    [
      'the workspace mounted, removed whole',
      ['rm', '-rf', '/w'],
      [bind(WS, '/w')],
      '/',
      'delete workspace-root',
    ],
    [
      'a mount below the removed folder',
      ['rm', '-rf', '/'],
      [bind(WS, '/app')],
      '/',
      'delete workspace-root',
    ],
    ['a glob over the mount', ['rm', '-rf', '/w/*'], [bind(WS, '/w')], '/', 'delete workspace-root'],
    ['a selective glob in it', ['rm', '-f', '/w/*.log'], [bind(WS, '/w')], '/', 'delete inside-workspace'],
    [
      'a named volume keeps data',
      ['rm', '-rf', '/var/lib/pg/base'],
      [vol('pgdata', '/var/lib/pg')],
      '/',
      'delete outside-workspace',
    ],
    ['a host folder not known statically', ['rm', '-rf', '/d/x'], [bind('', '/d')], '/', 'delete unknown'],
    ['the container home is its own', ['rm', '-rf', '~/.cache'], [], '/', 'delete tmp'],
    [
      'a home mounted from the host',
      ['rm', '-rf', '/root/.ssh'],
      [bind('/home/u/.ssh', '/root/.ssh')],
      '/',
      'delete home',
    ],
    ['a device is the host one', ['dd', 'if=/dev/zero', 'of=/dev/sda'], [], '/', 'overwrite device'],
  ])('%s', (_why, argv, mounts, cwd, want) => {
    expect(classes(argv, mounts, cwd)).toBe(want);
  });

  it('places a redirection the same way', () => {
    expect(classes(['echo', 'x'], [bind('/etc', '/e')], '/', ['/e/passwd'])).toBe('overwrite system');
    expect(classes(['echo', 'x'], [], '/', ['/etc/passwd'])).toBe('overwrite tmp');
  });

  it.each<[string, ContainerMount[], string]>([
    ['/keys/id_rsa', [bind('/home/u/.ssh', '/keys')], '/home/u/.ssh/id_rsa'],
    ['/root/.ssh/id_rsa', [], ''],
    ['/data/x', [vol('d', '/data')], ''],
    ['$F', [bind('/srv', '/')], ''],
  ])('the host file behind %s', (raw, mounts, want) => {
    expect(hostFileOf(raw, commandBuilder({ cwd: '/', container: mounts })(['cat', raw]))).toBe(want);
  });

  it('is not asked for commands outside a container', () => {
    expect(hostFileOf('/etc/passwd', commandBuilder({})(['cat', '/etc/passwd']))).toBeUndefined();
  });
});
