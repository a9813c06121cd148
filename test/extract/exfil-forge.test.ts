import { describe, expect, it } from 'vitest';
import { forgePosts } from '../../src/extract/exfil-forge.js';
import { command } from '../helpers/command.js';

const posts = (argv: string[]) =>
  forgePosts(command(argv)).map((p) => [
    p.sink,
    p.host,
    p.dataArgs.join(','),
    p.files.join(','),
    p.sendsStdin,
  ]);

describe("text posted to a forge's issues, pull requests and releases", () => {
  it.each<[string[], (string | boolean)[][]]>([
    [['gh', 'issue', 'comment', '42', '--body', 'x'], [['gh issue comment', 'github.com', '5', '', false]]],
    [['gh', 'pr', 'create', '-t', 'T', '-b', 'B'], [['gh pr create', 'github.com', '4,6', '', false]]],
    [['gh', 'pr', 'comment', '3', '--body=x'], [['gh pr comment', 'github.com', '4', '', false]]],
    [
      ['gh', 'issue', 'create', '--body-file', 'notes.md'],
      [['gh issue create', 'github.com', '', 'notes.md', false]],
    ],
    [['gh', 'release', 'create', 'v1', '-F', '-'], [['gh release create', 'github.com', '', '', true]]],
    [
      ['gh', 'issue', 'comment', '1', '-R', 'git.example.com/acme/api', '-b', 'x'],
      [['gh issue comment', 'git.example.com', '7', '', false]],
    ],
    [['glab', 'mr', 'note', '12', '-m', 'x'], [['glab mr note', 'gitlab.com', '5', '', false]]],
    // files attached to a release as its assets
    [
      ['gh', 'release', 'upload', 'v1.4.0', '.env', '--clobber'],
      [['gh release upload', 'github.com', '', '.env', false]],
    ],
    [
      ['gh', 'release', 'create', 'v2', '--target', 'main', '-n', 'notes', 'dist/app.tgz#App', 'id_rsa'],
      [['gh release create', 'github.com', '7', 'dist/app.tgz,id_rsa', false]],
    ],
    [
      ['glab', 'release', 'upload', 'v1', 'build.zip'],
      [['glab release upload', 'gitlab.com', '', 'build.zip', false]],
    ],
    [['gh', 'release', 'edit', 'v1', '--draft=false'], [['gh release edit', 'github.com', '', '', false]]],
    // reads and other commands post nothing
    [['gh', 'issue', 'view', '42'], []],
    [['gh', 'pr', 'list'], []],
    [['gh', 'release', 'download', 'v1', '-p', '*.tgz'], []],
    [['gh', 'repo', 'create', 'x', '--description', 'd'], []],
    [['glab', 'mr', 'list'], []],
    [['git', 'commit', '-m', 'x'], []],
  ])('%j', (argv, want) => expect(posts(argv)).toEqual(want));
});
