/**
 * The bounded, read-only folder listing injected as AnalyzeContext.listDir
 * (src/engine/dir-lister.ts): names of a folder, [] for a missing one, undefined (unknown,
 * fail closed) for anything that is not a folder or holds too many entries, or that a link
 * leads out of the workspace (a real temp workspace with symlinks).
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirLister, realPath } from '../../src/engine/dir-lister.js';

const root = mkdtempSync(path.join(tmpdir(), 'agentfw-lister-'));
mkdirSync(path.join(root, 'tests'));
mkdirSync(path.join(root, 'tests', 'lib'));
for (const f of ['b.sh', 'a.sh', '.hidden.sh']) writeFileSync(path.join(root, 'tests', f), 'echo ok\n');
mkdirSync(path.join(root, 'big'));
for (let i = 0; i < 5; i++) writeFileSync(path.join(root, 'big', `f${i}`), '');
writeFileSync(path.join(root, 'file.txt'), 'x');

const list = dirLister(4);

describe('dirLister', () => {
  it.each<[string, string[] | undefined]>([
    ['tests', ['.hidden.sh', 'a.sh', 'b.sh', 'lib/']],
    // a missing folder holds nothing on disk
    ['absent', []],
    // fail closed: more entries than the bound
    ['big', undefined],
    // fail closed: not a folder
    ['file.txt', undefined],
  ])('%s → %j', (dir, want) => expect(list(path.join(root, dir))).toEqual(want));
});

/** A real workspace `ws` next to a folder outside it (`out`, the home a link may point to). */
const top = mkdtempSync(path.join(tmpdir(), 'agentfw-links-'));
const ws = path.join(top, 'ws');
const out = path.join(top, 'home');
mkdirSync(path.join(ws, 'build'), { recursive: true });
mkdirSync(path.join(ws, 'src'));
mkdirSync(path.join(ws, 'lib'));
mkdirSync(out);
writeFileSync(path.join(out, 'notes.txt'), 'x');
writeFileSync(path.join(ws, 'src', 'a.ts'), 'x');
symlinkSync(out, path.join(ws, 'build', 'cache'));
symlinkSync('/', path.join(ws, 'build', 'root'));
symlinkSync('../src', path.join(ws, 'lib', 'src'));
symlinkSync('../src/a.ts', path.join(ws, 'lib', 'a.ts'));
mkdirSync(path.join(ws, 'gone'));
symlinkSync(path.join(top, 'missing'), path.join(ws, 'gone', 'x'));
// the workspace itself named through a link: its real folder is what links are held to
symlinkSync(ws, path.join(top, 'ws-link'));

const scoped = dirLister(64, { workspace: ws });

describe('dirLister and symlinks', () => {
  it.each<[string, string[] | null | undefined]>([
    // links that stay in the workspace are names (a linked folder is not descended)
    [`${ws}/lib`, ['a.ts', 'src']],
    [`${ws}/lib/src`, ['a.ts']],
    [`${ws}/src`, ['a.ts']],
    // fail closed: a folder that holds a link out of the workspace (~, /)
    [`${ws}/build`, null],
    // fail closed: a folder reached through such a link (build/cache is the home)
    [`${ws}/build/cache`, null],
    [`${ws}/build/root/etc`, null],
    // fail closed: a dangling link names nothing known
    [`${ws}/gone`, null],
  ])('%s → %j', (dir, want) => expect(scoped(dir)).toEqual(want));

  it('lists a workspace named through a link by its real folder', () => {
    expect(dirLister(64, { workspace: path.join(top, 'ws-link') })(path.join(top, 'ws-link', 'lib'))).toEqual(
      ['a.ts', 'src'],
    );
  });

  it('trusts no link without a workspace', () => {
    expect(dirLister(64)(`${ws}/lib`)).toBeNull();
    expect(dirLister(64)(`${ws}/src`)).toEqual(['a.ts']);
  });

  it('reads below a root prefix as the agent sees it (an absolute link stays below it)', () => {
    // `top` plays /proc/PID/root: the agent's /ws/build/cache -> /home
    const agent = path.join(top, 'agent');
    mkdirSync(path.join(agent, 'ws', 'd'), { recursive: true });
    mkdirSync(path.join(agent, 'home'));
    symlinkSync('/home', path.join(agent, 'ws', 'd', 'cache'));
    symlinkSync('/ws/d', path.join(agent, 'ws', 'self'));
    const list = dirLister(64, { workspace: '/ws', root: agent });
    expect(list('/ws/d')).toBeNull();
    expect(list('/ws/self/cache')).toBeNull();
    expect(realPath('/ws/self/cache', agent)).toBe('/home');
  });
});
