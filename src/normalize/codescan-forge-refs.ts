/**
 * GitHub SDK calls that move or delete a branch, read as the REST request they send, so the
 * forge's force-push reading (src/extract/git-forge.ts) and the HTTP rules judge them as
 * they judge `gh api` and curl:
 * - ghapi (Python): `GhApi(owner=…, repo=…).git.update_ref(ref=…, sha=…, force=True)` →
 *   `PATCH https://api.github.com/repos/OWNER/REPO/git/refs/REF` with `{"sha", "force"}`;
 *   `.git.delete_ref(ref)` → DELETE of that ref. Owner and repo come from the call or from
 *   the `GhApi(…)` the code builds; positional arguments follow ghapi's order (owner, repo,
 *   ref, sha, force; the first two left out when the client holds them).
 * - PyGithub (Python): `repo.get_git_ref('heads/main').edit(sha, force=True)` (also through a
 *   variable holding the ref) → the same PATCH, the repository from `get_repo('o/r')`.
 * - Octokit (JavaScript): `octokit.rest.git.updateRef({owner, repo, ref, sha, force})`, and
 *   any route called by `octokit.request('METHOD /path/{name}', {…})` (a repository's
 *   `DELETE /repos/{owner}/{repo}` as well as a ref's PATCH).
 * A `force` whose value is not known statically counts as a forced update (fail closed); an
 * owner, repo or ref not known stays a placeholder (`OWNER`) of the path, which still names a
 * ref update. Deleting a ref or a repository by these SDKs is read as a delete call
 * (src/extract/cloud-sdk.ts).
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';

const API = 'https://api.github.com';

/** Keyword arguments (`key=v`, `key: v`) left out: the positional ones, in order. */
const positional = (args: string[]) =>
  args.filter((a) => a.trim() !== '' && !/^\s*[A-Za-z_]\w*\s*(=(?!=)|:)/.test(a) && !/^\s*\{/.test(a));

/** A value as path text: its literal, else `fallback` (not known statically). */
function text(expr: string | undefined, lx: Lexed, fallback: string): string {
  if (expr === undefined) return fallback;
  const l = literalOf(expr, lx);
  return l && !l.dynamic ? l.value : fallback;
}

/** A `force` value: false only when known false (`False`, `false`, `0`, `None`); absent = false. */
function forced(expr: string | undefined): boolean {
  if (expr === undefined) return false;
  return !/^\s*(False|false|0|None|null|undefined)\s*$/.test(expr);
}

/** The ref as GitHub's path names it (`refs/heads/main` and `heads/main` → `heads/main`). */
const refPath = (ref: string) => ref.replace(/^refs\//, '');

function refRequest(
  method: string,
  owner: string,
  repo: string,
  ref: string,
  sha: string,
  force: boolean,
): Effect {
  const url = { text: `${API}/repos/${owner}/${repo}/git/refs/${refPath(ref)}`, dynamic: false };
  if (method === 'DELETE') return { kind: 'http', method, url };
  return { kind: 'http', method, url, body: JSON.stringify({ sha, force }) };
}

/** The `owner=`/`repo=` a `GhApi(…)` of the code holds; undefined = not given there. */
function clientHolds(lx: Lexed, key: string): string | undefined {
  for (const m of lx.skel.matchAll(/\bGhApi\s*\(([^()]*)\)/g)) {
    const v = kwarg(m[1].split(','), key);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function pythonForgeRefPatterns(): Pattern[] {
  return [
    {
      // ghapi: `.git.update_ref(…)`, `.git.delete_ref(…)`
      re: /\.git\.(update_ref|delete_ref)\s*\(/g,
      handle: (a, lx, _home, m): Effect[] => {
        if (!/\bghapi\b|\bGhApi\b/.test(lx.skel)) return [];
        const pos = positional(a);
        // owner and repo first when the call names them by position (more words than ref, sha, force)
        const full = pos.length >= (m[1] === 'delete_ref' ? 3 : 4);
        const at = (i: number) => pos[full ? i : i - 2];
        const owner = text(kwarg(a, 'owner') ?? (full ? pos[0] : clientHolds(lx, 'owner')), lx, 'OWNER');
        const repo = text(kwarg(a, 'repo') ?? (full ? pos[1] : clientHolds(lx, 'repo')), lx, 'REPO');
        const ref = text(kwarg(a, 'ref') ?? at(2), lx, 'REF');
        if (m[1] === 'delete_ref') return [refRequest('DELETE', owner, repo, ref, '', false)];
        const sha = text(kwarg(a, 'sha') ?? at(3), lx, 'SHA');
        return [refRequest('PATCH', owner, repo, ref, sha, forced(kwarg(a, 'force') ?? at(4)))];
      },
    },
    {
      // PyGithub: `….get_git_ref('heads/main').edit(sha, force=True)`, or a variable holding that ref
      re: /(?:\bget_git_ref\s*\(([^()]*)\)|\b([A-Za-z_]\w*))\s*\.edit\s*\(/g,
      handle: (a, lx, _home, m): Effect[] => {
        const held = m[2] === undefined ? undefined : lx.vars.get(m[2]);
        const refArg = m[1] ?? (held ? /\bget_git_ref\s*\(([^()]*)\)/.exec(held)?.[1] : undefined);
        if (refArg === undefined) return [];
        const repoArg = /\bget_repo\s*\(([^()]*)\)/.exec(lx.skel)?.[1];
        const [owner, repo] = text(repoArg, lx, 'OWNER/REPO').split('/');
        const ref = text(refArg, lx, 'REF');
        const pos = positional(a);
        const sha = text(kwarg(a, 'sha') ?? pos[0], lx, 'SHA');
        return [refRequest('PATCH', owner, repo ?? 'REPO', ref, sha, forced(kwarg(a, 'force') ?? pos[1]))];
      },
    },
  ];
}

/**
 * Octokit's route call `octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {…})`:
 * the route's `{name}`s filled from the options (a value not known: the name upper-cased), the
 * other options the JSON body (a value not known: a placeholder; a `force` not known: a value
 * the shell would fill in, which counts as a forced update).
 */
function octokitRoute(a: string[], lx: Lexed): Effect[] {
  const route = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(text(a[0], lx, ''));
  if (!route) return [];
  const entries = new Map<string, string>();
  const obj = /^\s*\{([\s\S]*)\}\s*$/.exec(a[1] ?? '');
  for (const e of obj ? callArgs(obj[1] + ')', 0).args : []) {
    const kv = /^\s*([A-Za-z_$][\w$]*|\u0001\d+\u0002)\s*:\s*([\s\S]*?)\s*$/.exec(e);
    if (kv) entries.set(text(kv[1], lx, kv[1]), kv[2]);
  }
  const used = new Set<string>();
  const path = route[2].replace(/\{(\w+)\}/g, (_m, k: string) => {
    used.add(k);
    return text(entries.get(k), lx, k.toUpperCase());
  });
  const body: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (used.has(k)) continue;
    const l = literalOf(v, lx);
    if (l && !l.dynamic) body[k] = l.value;
    else if (/^(true|false|null|-?\d+(\.\d+)?)$/.test(v)) body[k] = JSON.parse(v) as unknown;
    else body[k] = k === 'force' ? '$force' : '(dynamic)';
  }
  const url = { text: `${API}${path}`, dynamic: false };
  const method = route[1];
  return [{ kind: 'http', method, url, ...(Object.keys(body).length ? { body: JSON.stringify(body) } : {}) }];
}

export function nodeForgeRefPatterns(): Pattern[] {
  return [
    // `octokit.request(…)`, `new Octokit().request(…)`, github-script's `github.request(…)`
    {
      re: /\b(?:octokit|github)\.request\s*\(|\bOctokit\(\s*[^()]*\)\.request\s*\(/gi,
      handle: (a, lx) => octokitRoute(a, lx),
    },
    {
      // Octokit: `octokit.rest.git.updateRef({ owner, repo, ref, sha, force })`
      re: /\.git\.updateRef\s*\(/g,
      handle: (a, lx): Effect[] => {
        const v = (k: string, d: string) => text(kwarg(a, k), lx, d);
        return [
          refRequest(
            'PATCH',
            v('owner', 'OWNER'),
            v('repo', 'REPO'),
            v('ref', 'REF'),
            v('sha', 'SHA'),
            forced(kwarg(a, 'force')),
          ),
        ];
      },
    },
  ];
}
