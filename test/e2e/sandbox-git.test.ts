/**
 * Secrets in git history under the sandbox (on by default), as real processes: a token
 * committed once and removed since is read back with `git show HEAD~1:FILE` and `git log -p`
 * run by absolute path (no gate sees them). Control: without agentfw both print the token;
 * under agentfw the object holding it is hidden. Values are checked with `.includes()`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cliEnv, ensureBuilt, headless } from './run-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
const TOKEN = `ghp_${'Hk2Lq9Wm4Xr7Tz1Vb5Nc8Pd3Fs6Jg0Ya2Eu4'.slice(0, 36)}`;
const READ = `/usr/bin/git show HEAD~1:config.json; /usr/bin/git log -p --all | /usr/bin/base64 -w0 | /usr/bin/base64 -d`;

/** A repository in `ws` whose history holds TOKEN (committed, then removed); returns its git runner. */
function repoWithOldToken(ws: string) {
  const g = (...a: string[]) =>
    spawnSync('git', ['-C', ws, '-c', 'user.name=a', '-c', 'user.email=a@b', ...a], { encoding: 'utf8' });
  g('init', '-q');
  writeFileSync(path.join(ws, 'config.json'), `{"token": "${TOKEN}"}\n`);
  g('add', 'config.json');
  g('commit', '-q', '-m', 'add config');
  writeFileSync(path.join(ws, 'config.json'), '{"token": ""}\n');
  g('commit', '-q', '-am', 'remove token');
  return g;
}

let s: Scratch;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
  repoWithOldToken(s.ws);
});
afterAll(() => s?.cleanup());

describe.skipIf(!HAS_BWRAP)('secrets in git objects', () => {
  it('control: without agentfw, history shows the token', async () => {
    const r = await run('/bin/sh', ['-c', READ], { env: cliEnv(s), cwd: s.ws });
    expect(r.stdout.includes(TOKEN)).toBe(true);
  });

  it('under agentfw run: the object holding it is hidden; the rest of git still works', async () => {
    const r = await headless(s, ['/bin/sh', '-c', `${READ}; /usr/bin/git log --oneline | wc -l`]);
    expect(r.stdout.includes(TOKEN)).toBe(false);
    expect(r.stderr.includes(TOKEN)).toBe(false);
    expect(r.stderr).toMatch(/git history holds [1-9]\d* object\(s\) with a secret/);
    expect(r.stdout).toMatch(/^\s*2\s*$/m);
  });

  // The first session remembered which blobs held a secret (src/supervisor/sandbox-git-cache.ts).
  const record = () => {
    const dir = process.env.XDG_CACHE_HOME
      ? path.join(process.env.XDG_CACHE_HOME, 'agentfw')
      : path.join(s.home, '.cache', 'agentfw');
    const name = readdirSync(dir).find((f) => f.startsWith('git-clean-'));
    if (!name) throw new Error(`no git-clean record in ${dir}`);
    return path.join(dir, name);
  };

  it.each([
    ['from the record the first session left', (_f: string) => undefined],
    [
      'with the record edited to call every blob clean (its signature no longer matches)',
      (f: string) => writeFileSync(f, readFileSync(f, 'utf8').replaceAll('!', '')),
    ],
  ])('a later session, %s: the object is still hidden', async (_name, edit) => {
    const f = record();
    expect(readFileSync(f, 'utf8')).toMatch(/\n![0-9a-f]{40}/);
    edit(f);
    const r = await headless(s, ['/bin/sh', '-c', READ]);
    expect(r.stdout.includes(TOKEN)).toBe(false);
    expect(r.stderr.includes(TOKEN)).toBe(false);
    expect(r.stderr).toMatch(/git history holds [1-9]\d* object\(s\) with a secret/);
  });
});

// A linked worktree (`git worktree add`): `.git` is a file, the objects and the config (a
// token in the remote URL) live in the main repository, outside the workspace.
describe.skipIf(!HAS_BWRAP)('secrets in the git objects and config of a linked worktree', () => {
  const URL_TOKEN = `ghp_${'Zx8Cv6Bn4Mq2Wl0Ek7Rj5Th3Yg1Uf9Id8Os6'.slice(0, 36)}`;
  const SHOW = `/usr/bin/git show HEAD~1:config.json; /bin/cat "$(/usr/bin/git rev-parse --git-common-dir)/config"`;
  let w: Scratch;
  let wt: string;
  beforeAll(() => {
    w = scratch();
    const g = repoWithOldToken(w.ws);
    g('remote', 'add', 'origin', `https://bot:${URL_TOKEN}@git.example.test/r.git`);
    wt = path.join(w.root, 'wt');
    g('worktree', 'add', '-q', wt);
  });
  afterAll(() => w?.cleanup());

  it('control: without agentfw, the worktree shows the old token and the remote URL token', async () => {
    const r = await run('/bin/sh', ['-c', SHOW], { env: cliEnv(w), cwd: wt });
    expect([r.stdout.includes(TOKEN), r.stdout.includes(URL_TOKEN)]).toEqual([true, true]);
  });

  it('under agentfw run in the worktree: the session starts, both stay hidden', async () => {
    const r = await headless(w, ['/bin/sh', '-c', `${SHOW}; echo done`], { cwd: wt });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('done');
    for (const t of [TOKEN, URL_TOKEN]) expect(r.stdout.includes(t) || r.stderr.includes(t)).toBe(false);
    expect(r.stderr).toMatch(/git history holds [1-9]\d* object\(s\) with a secret/);
  });
});
