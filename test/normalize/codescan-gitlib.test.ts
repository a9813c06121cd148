/** Git libraries called from Python and Node (src/normalize/codescan-gitlib.ts), read as the git command they perform. */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';

/** The commands the code runs, as text. */
const runs = (code: string, lang: 'python' | 'node' = 'python') =>
  scanCode(code, lang, '/h')
    .filter((e) => e.kind === 'exec')
    .map((e) => (e.kind === 'exec' ? e.argv.map((f) => (f.dynamic ? `<${f.text}>` : f.text)).join(' ') : ''));

describe('git libraries in Python', () => {
  it.each<[string, string[]]>([
    [
      "from dulwich import porcelain as p; p.push('.', 'origin', 'main', force=True)",
      ['git push --force origin main'],
    ],
    ["from dulwich import porcelain; porcelain.push('.', 'origin', 'main')", ['git push origin main']],
    [
      "from dulwich import porcelain; porcelain.push('.', 'origin', 'main', force=flag)",
      ['git push --force origin main'],
    ],
    ["import git; git.Repo('.').remote().push(force=True)", ['git push --force origin']],
    [
      "import git; r = git.Repo('.'); r.remotes.origin.push('main', force=True)",
      ['git push --force origin main'],
    ],
    ["import git; git.Repo('.').git.push('--force', 'origin', 'main')", ['git push --force origin main']],
    ["import git; git.Repo('.').git.reset('--hard', 'HEAD~3')", ['git reset --hard HEAD~3']],
    ["import git; git.Repo('.').git.clean(f=True, d=True, x=True)", ['git clean -f -d -x']],
    ["import git; git.Repo('.').git.push(force_with_lease=True)", ['git push --force-with-lease']],
    [
      "import pygit2; r = pygit2.Repository('.'); r.remotes['origin'].push(['+refs/heads/main:refs/heads/main'])",
      ['git push origin +refs/heads/main:refs/heads/main'],
    ],
    // refspecs given by name: a deletion, a forced one, dulwich's list
    [
      "import git; r = git.Repo('.'); r.remote('origin').push(refspec=':refs/heads/main')",
      ['git push origin :refs/heads/main'],
    ],
    [
      "import git; git.Repo('.').remote().push(refspec='+HEAD:refs/heads/prod')",
      ['git push origin +HEAD:refs/heads/prod'],
    ],
    [
      "from dulwich import porcelain; porcelain.push('.', 'origin', refspecs=[b':refs/heads/old'])",
      ['git push origin :refs/heads/old'],
    ],
    ["import git; git.Repo('.').remote().push(refspec='feature/login')", ['git push origin feature/login']],
    // not a git library
    ['stack = []; stack.append(1)', []],
    ['q = Queue(); q.push(1, force=True)', []],
    ["import git; git.Repo('.').remote().push(force=False)", ['git push origin']],
  ])('%s', (code, want) => expect(runs(code)).toEqual(want));
});

describe('git libraries in Node', () => {
  it.each<[string, string[]]>([
    [
      "const git=require('isomorphic-git'),http=require('isomorphic-git/http/node'),fs=require('fs'); git.push({fs,http,dir:'.',remote:'origin',ref:'main',force:true})",
      ['git push --force origin main'],
    ],
    [
      "import git from 'isomorphic-git'; await git.push({ fs, http, dir, remote: 'origin', ref: 'v1', delete: true })",
      ['git push --delete origin v1'],
    ],
    [
      "import * as git from 'isomorphic-git'; await git.push({ fs, http, dir, url: 'https://example.com/r.git', ref: 'main', remoteRef: 'prod', force: flag })",
      ['git push --force https://example.com/r.git main:prod'],
    ],
    [
      "const simpleGit = require('simple-git'); simpleGit().push('origin', 'main', ['--force'])",
      ['git push origin main --force'],
    ],
    [
      "import { simpleGit } from 'simple-git'; const g = simpleGit(); await g.raw(['reset', '--hard', 'HEAD~2'])",
      ['git reset --hard HEAD~2'],
    ],
    // the module's call result used directly
    ["require('simple-git')().push('origin', 'main', ['--force'])", ['git push origin main --force']],
    ["require('simple-git')('/repo').raw(['clean', '-fdx'])", ['git clean -fdx']],
    // not forced, or not a git library
    ["require('simple-git')().push('origin', 'main')", ['git push origin main']],
    [
      "const git = require('isomorphic-git'); git.push({ fs, http, dir, remote: 'origin', ref: 'main' })",
      ['git push origin main'],
    ],
    ['const a = []; a.push(1); a.push({force: true})', []],
    // nodegit: the remote's refspecs, its name from getRemote / Remote.lookup
    [
      "const Git = require('nodegit'); const repo = await Git.Repository.open('.'); const remote = await repo.getRemote('upstream'); await remote.push(['+refs/heads/main:refs/heads/main'], opts)",
      ['git push upstream +refs/heads/main:refs/heads/main'],
    ],
    [
      "import NodeGit from 'nodegit'; const r = await NodeGit.Repository.open(dir); const o = await NodeGit.Remote.lookup(r, 'origin'); await o.push([':refs/heads/old'])",
      ['git push origin :refs/heads/old'],
    ],
    [
      "const NodeGit = require('nodegit'); NodeGit.Repository.open('.').then(r => r.getRemote('origin')).then(remote => remote.push(specs))",
      ['git push origin <specs>'],
    ],
    [
      "const NodeGit = require('nodegit'); NodeGit.Remote.delete(repo, 'origin')",
      ['git remote remove origin'],
    ],
    [
      "import * as git from 'isomorphic-git'; await git.deleteRemote({ fs, dir: '.', remote: 'upstream' })",
      ['git remote remove upstream'],
    ],
    // nodegit code whose other arrays are pushed to
    ["const NodeGit = require('nodegit'); const names = []; names.push('a'); list.push(item)", []],
  ])('%s', (code, want) => expect(runs(code, 'node')).toEqual(want));
});

describe('git libraries in Ruby (Rugged) and on the JVM (JGit)', () => {
  it.each<[string, 'ruby' | 'jvm', string[]]>([
    [
      'repo = Rugged::Repository.new("."); repo.remotes["origin"].push(["+refs/heads/main:refs/heads/main"], credentials: c)',
      'ruby',
      ['git push origin +refs/heads/main:refs/heads/main'],
    ],
    [
      'r = Rugged::Repository.new("."); up = r.remotes.lookup("upstream"); up.push(["refs/heads/dev"])',
      'ruby',
      ['git push upstream refs/heads/dev'],
    ],
    [
      'Git.open(new File(".")).push().setRemote("origin").setForce(true).add("main").call();',
      'jvm',
      ['git push --force origin main'],
    ],
    [
      'Git git = Git.open(d); git.push().setRefSpecs(new RefSpec("+main:main")).call();',
      'jvm',
      ['git push origin +main:main'],
    ],
    ['Git.open(d).push().setForce(flag).call();', 'jvm', ['git push --force origin']],
    // not forced, or not a git library
    ['Git.open(d).push().setRemote("origin").add("main").call();', 'jvm', ['git push origin main']],
    ['repo = Rugged::Repository.new("."); names = []; names.push(repo.head.name)', 'ruby', []],
    ['list.push(1); list.push(2)', 'ruby', []],
    ['List<String> xs = new ArrayList<>(); xs.add("a"); stack.push();', 'jvm', []],
  ])('%s', (code, lang, want) => expect(runs(code, lang as 'python')).toEqual(want));
});
