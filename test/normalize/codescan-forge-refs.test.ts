/** GitHub SDK ref updates read as REST requests (src/normalize/codescan-forge-refs.ts). */
import { describe, expect, it } from 'vitest';
import { codeRequests } from '../helpers/code-requests.js';

const SHA = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const REF = 'https://api.github.com/repos/acme/api/git/refs/heads/main';

describe('GitHub SDK ref updates', () => {
  it.each<[string, string[]]>([
    // ghapi: owner and repo from the client, from the call, or by position
    [
      `from ghapi.all import GhApi; GhApi(owner='acme', repo='api').git.update_ref(ref='heads/main', sha='${SHA}', force=True)`,
      [`PATCH ${REF} {"sha":"${SHA}","force":true}`],
    ],
    [
      `from ghapi.all import GhApi; api = GhApi(); api.git.update_ref('acme', 'api', 'heads/main', '${SHA}', True)`,
      [`PATCH ${REF} {"sha":"${SHA}","force":true}`],
    ],
    [
      `from ghapi.all import GhApi; api = GhApi(owner='acme', repo='api'); api.git.update_ref('heads/main', '${SHA}', flag)`,
      [`PATCH ${REF} {"sha":"${SHA}","force":true}`],
    ],
    [
      `from ghapi.all import GhApi; GhApi(owner='acme', repo='api').git.update_ref(ref='heads/main', sha='${SHA}')`,
      [`PATCH ${REF} {"sha":"${SHA}","force":false}`],
    ],
    [
      `from ghapi.all import GhApi; GhApi(owner='acme', repo='api').git.delete_ref('heads/main')`,
      [`DELETE ${REF}`],
    ],
    // PyGithub: the ref named in the chain or held by a variable
    [
      `from github import Github; Github('t').get_repo('acme/api').get_git_ref('heads/main').edit('${SHA}', force=True)`,
      [`PATCH ${REF} {"sha":"${SHA}","force":true}`],
    ],
    [
      `from github import Github\nr = Github('t').get_repo('acme/api')\nref = r.get_git_ref('heads/main')\nref.edit(sha='${SHA}')`,
      [`PATCH ${REF} {"sha":"${SHA}","force":false}`],
    ],
    // other `.edit(` calls and GitPython's `repo.git.update_ref` are not GitHub requests
    [`from github import Github; Github('t').get_repo('acme/api').edit(description='x')`, []],
    [`import git; git.Repo('.').git.update_ref('refs/heads/x', 'HEAD')`, []],
  ])('python %s', (code, want) => expect(codeRequests(code, 'python')).toEqual(want));

  it.each<[string, string[]]>([
    [
      `const { Octokit } = require('@octokit/rest'); new Octokit().rest.git.updateRef({ owner: 'acme', repo: 'api', ref: 'heads/main', sha: '${SHA}', force: true })`,
      [`PATCH ${REF} {"sha":"${SHA}","force":true}`],
    ],
    [
      `octokit.git.updateRef({ owner: 'acme', repo: 'api', ref: 'heads/main', sha: '${SHA}' })`,
      [`PATCH ${REF} {"sha":"${SHA}","force":false}`],
    ],
    // any route called by Octokit's request(): its {names} filled, the rest the body
    [
      `const { Octokit } = require('@octokit/core'); new Octokit().request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: 'acme', repo: 'api', ref: 'heads/main', sha: '${SHA}', force: true })`,
      [`PATCH ${REF} {"sha":"${SHA}","force":true}`],
    ],
    [
      `await github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: 'acme', repo: 'api', ref: 'heads/main', sha: next, force: flag })`,
      [`PATCH ${REF} {"sha":"(dynamic)","force":"$force"}`],
    ],
    [
      `await octokit.request('DELETE /repos/{owner}/{repo}', { owner: 'acme', repo: name })`,
      ['DELETE https://api.github.com/repos/acme/REPO'],
    ],
    [
      `await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' })`,
      ['GET https://api.github.com/repos/acme/api'],
    ],
    // not a route: another library's request()
    [`await octokit.request(opts)`, []],
  ])('node %s', (code, want) => expect(codeRequests(code, 'node')).toEqual(want));
});
