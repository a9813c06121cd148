/** Git libraries of Go (go-git), .NET (LibGit2Sharp) and Rust (git2) (src/normalize/codescan-gitlib-compiled.ts), read as the git command they perform. */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

/** The commands the code runs, as text (`<…>` = not known statically). */
const runs = (code: string, lang: 'go' | 'dotnet' | 'rust') =>
  scanCode(code, lang, '/h')
    .filter((e) => e.kind === 'exec')
    .map((e) => (e.kind === 'exec' ? e.argv.map((f) => (f.dynamic ? `<${f.text}>` : f.text)).join(' ') : ''));

const GOGIT = 'import (\n\tgit "github.com/go-git/go-git/v5"\n\t"github.com/go-git/go-git/v5/config"\n)\n';

describe('go-git', () => {
  it.each<[string, string[]]>([
    [
      `${GOGIT}r.Push(&git.PushOptions{Force: true, RefSpecs: []config.RefSpec{"+refs/heads/main:refs/heads/main"}})`,
      ['git push --force origin +refs/heads/main:refs/heads/main'],
    ],
    [
      `${GOGIT}repo.Push(&git.PushOptions{\n\tRemoteName: "upstream",\n\tRefSpecs:   []config.RefSpec{":refs/heads/release"},\n})`,
      ['git push upstream :refs/heads/release'],
    ],
    [
      `${GOGIT}spec := config.RefSpec("+refs/heads/*:refs/heads/*")\nr.PushContext(ctx, &git.PushOptions{RefSpecs: []config.RefSpec{spec}, Prune: true})`,
      ['git push --prune origin +refs/heads/*:refs/heads/*'],
    ],
    [
      `${GOGIT}opts := &git.PushOptions{ForceWithLease: &git.ForceWithLease{}}\nr.Push(opts)`,
      ['git push --force-with-lease origin'],
    ],
    // fail closed: a force flag or refspec known only at run time
    [`${GOGIT}r.Push(&git.PushOptions{Force: *force})`, ['git push --force origin']],
    [
      `${GOGIT}r.Push(&git.PushOptions{RefSpecs: []config.RefSpec{config.RefSpec(os.Args[1])}})`,
      ['git push origin <os.Args[1]>'],
    ],
    [`${GOGIT}r.DeleteRemote("origin")`, ['git remote remove origin']],
    // a plain push, a fetch, another library's options
    [`${GOGIT}r.Push(&git.PushOptions{RemoteName: "origin", Force: false})`, ['git push origin']],
    [`${GOGIT}r.Fetch(&git.FetchOptions{RemoteName: "origin", Force: true})`, []],
    ['import "example.com/queue"\nq.Push(&queue.PushOptions{Force: true})', []],
  ])('%s', (code, want) => expect(runs(code, 'go')).toEqual(want));
});

describe('LibGit2Sharp', () => {
  it.each<[string, string[]]>([
    [
      'using LibGit2Sharp;\nvar remote = repo.Network.Remotes["origin"];\nrepo.Network.Push(remote, "+refs/heads/main:refs/heads/main", new PushOptions());',
      ['git push origin +refs/heads/main:refs/heads/main'],
    ],
    [
      'repo.Network.Push(repo.Network.Remotes["upstream"], new[] { ":refs/heads/old", "+refs/tags/*:refs/tags/*" }, opts);',
      ['git push upstream :refs/heads/old +refs/tags/*:refs/tags/*'],
    ],
    [
      'var specs = new List<string> { ":refs/heads/stale" };\nrepo.Network.Push(repo.Network.Remotes["origin"], specs);',
      ['git push origin :refs/heads/stale'],
    ],
    ['repo.Network.Remotes.Remove("origin");', ['git remote remove origin']],
    // a branch pushed to its upstream, as `git push` does
    ['repo.Network.Push(repo.Head);', []],
    ['repo.Network.Push(repo.Branches["feature/x"], new PushOptions());', []],
  ])('%s', (code, want) => expect(runs(code, 'dotnet')).toEqual(want));
});

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('git2 (Rust)', () => {
  it.each<[string, string[]]>([
    [
      'use git2::Repository;\nlet repo = Repository::open(".")?;\nlet mut remote = repo.find_remote("origin")?;\nremote.push(&["+refs/heads/main:refs/heads/main"], Some(&mut opts))?;',
      ['git push origin +refs/heads/main:refs/heads/main'],
    ],
    [
      'use git2::Repository;\nlet repo = Repository::open(".").unwrap();\nrepo.find_remote("upstream").unwrap().push(&[":refs/heads/old"], None).unwrap();',
      ['git push upstream :refs/heads/old'],
    ],
    ['use git2::Repository;\nrepo.remote_delete("origin")?;', ['git remote remove origin']],
    // a Vec's push, and pushes outside git2 code
    ['use git2::Repository;\nlet mut names = Vec::new();\nnames.push(&["a", "b"]);\nv.push(1);', []],
    ['let mut remote = Vec::new();\nremote.push(&["+x:y"]);', []],
  ])('%s', (code, want) => expect(runs(code, 'rust')).toEqual(want));
});

describe('git library pushes judged end to end', () => {
  const goRun = (body: string) =>
    `cat > p.go <<'EOF'\npackage main\n${GOGIT}func main() {\n\tr, _ := git.PlainOpen(".")\n\t${body}\n}\nEOF\ngo run p.go`;
  const csx = (body: string) =>
    `cat > p.csx <<'EOF'\nusing LibGit2Sharp;\nusing var repo = new Repository(".");\n${body}\nEOF\ndotnet script p.csx`;
  it.each<[string, 'allow' | 'ask']>([
    [goRun('r.Push(&git.PushOptions{Force: true})'), 'ask'],
    [goRun('r.Push(&git.PushOptions{RefSpecs: []config.RefSpec{":refs/heads/x"}})'), 'ask'],
    [csx('repo.Network.Push(repo.Network.Remotes["origin"], "+refs/heads/main:refs/heads/main");'), 'ask'],
    [goRun('r.Push(&git.PushOptions{RemoteName: "origin"})'), 'allow'],
    [csx('repo.Network.Push(repo.Head);'), 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
