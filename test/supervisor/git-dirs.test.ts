/** Where a workspace's repository keeps its files (src/supervisor/git-dirs.ts), on real folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitDirsOf } from '../../src/supervisor/git-dirs.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-git-dirs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** Builds a layout (folders: null; files: their text) under a fresh folder; returns the folder. */
function layout(files: Record<string, string | null>): string {
  const root = path.join(tmp, `l${n++}`);
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(root, rel);
    if (text === null) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
  }
  return root;
}

describe('gitDirsOf', () => {
  it.each<[string, string, Record<string, string | null>, { gitDir: string; common: string } | undefined]>([
    ['a plain checkout', 'ws', { 'ws/.git/objects': null }, { gitDir: 'ws/.git', common: 'ws/.git' }],
    [
      'a linked worktree (relative commondir)',
      'wt',
      {
        'main/.git/objects': null,
        'main/.git/worktrees/wt/commondir': '../..\n',
        'wt/.git': 'gitdir: ../main/.git/worktrees/wt\n',
      },
      { gitDir: 'main/.git/worktrees/wt', common: 'main/.git' },
    ],
    [
      'a submodule (a git dir of its own, no commondir)',
      'sup/m',
      { 'sup/.git/modules/m/objects': null, 'sup/m/.git': 'gitdir: ../.git/modules/m\n' },
      { gitDir: 'sup/.git/modules/m', common: 'sup/.git/modules/m' },
    ],
    ['no repository', 'none', { 'none/src': null }, undefined],
    ['a .git file naming nothing', 'bad', { 'bad/.git': 'gitdir: ../missing\n' }, undefined],
    ['a .git file without gitdir', 'odd', { 'odd/.git': 'hello\n' }, undefined],
  ])('%s', (_name, ws, files, want) => {
    const root = layout(files);
    const got = gitDirsOf(path.join(root, ws));
    expect(
      got && { gitDir: path.relative(root, got.gitDir), common: path.relative(root, got.common) },
    ).toEqual(want);
  });
});
