/**
 * Git libraries of Go, .NET and Rust, read as the git command they perform (Python's and Node's are
 * in codescan-gitlib.ts, Ruby's and the JVM's in codescan-gitlib-jvm.ts):
 * - go-git: a `git.PushOptions{…}` literal → `git push [--force] [--force-with-lease] [--prune]
 *   REMOTE REFSPECS…` (`Force: true`, `ForceWithLease: &git.ForceWithLease{}`, `Prune: true`,
 *   `RemoteName: "upstream"` (else `origin`), `RefSpecs: []config.RefSpec{"+refs/heads/main:…",
 *   config.RefSpec(s)}`); `repo.DeleteRemote("x")` → `git remote remove x`;
 * - LibGit2Sharp: `repo.Network.Push(REMOTE, SPEC | new[] { SPECS… }, …)` → `git push REMOTE
 *   SPECS…` (the remote named by `Remotes["NAME"]`, else `origin`; a `+SPEC` is a forced push,
 *   `:REF` a deletion, as git reads them); `repo.Network.Remotes.Remove("x")` → `git remote remove x`;
 * - git2 (libgit2 for Rust): `remote.push(&["+refs/heads/main:…"], Some(&mut opts))` → `git push
 *   NAME SPECS…`, the name of the `repo.find_remote("NAME")` the receiver holds (else `origin`);
 *   `repo.remote_delete("x")` → `git remote remove x`.
 * Values not known statically stay dynamic words (fail closed: a `Force` whose value is not
 * known counts as a force). Reads the code's skeleton.
 */
import { callArgs, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import { lit, type Field } from './state.js';

/** Deepest chain of variables followed. */
const MAX_HOPS = 4;

/** An expression a variable holds, followed through plain assignments; the expression itself otherwise. */
function held(expr: string, lx: Lexed): string {
  let t = expr.trim();
  for (let n = 0; n < MAX_HOPS && /^[A-Za-z_]\w*$/.test(t); n++) {
    const v = lx.vars.get(t);
    if (!v) break;
    t = v.trim();
  }
  return t;
}

/** A list literal's element expressions (`[]config.RefSpec{a, b}`, `new[] { a }`, `new List<string> { a }`, Rust's `&["a"]`, `vec![a]`); undefined = not a list literal. */
function listItems(expr: string): string[] | undefined {
  const m =
    /^(?:\[\]\s*[\w.]+|new\s*(?:[\w.<>]*\s*\[\s*\]|List<\w+>(?:\s*\(\s*\))?))\s*\{([\s\S]*)\}$|^&?\s*(?:vec!\s*)?\[([\s\S]*)\]$/.exec(
      expr.trim(),
    );
  const body = m?.[1] ?? m?.[2];
  return body === undefined ? undefined : callArgs(body + ')', 0).args.filter((a) => a.trim() !== '');
}

/** Refspecs given as a list, one spec, or a variable holding either; a conversion (`config.RefSpec(s)`) taken off. */
function refspecs(expr: string, lx: Lexed, home: string, h: Helpers): Field[] {
  const t = held(expr, lx);
  const items = listItems(t) ?? [t];
  return items.map((i) => {
    const spec = held(i, lx).replace(/^(?:config\.)?RefSpec\s*\(([\s\S]*)\)$/, '$1');
    return h.valueOf(held(spec, lx), lx, home);
  });
}

/** `Key: value` fields of a Go struct literal's body. */
function fields(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of callArgs(body + ')', 0).args) {
    const m = /^\s*([A-Za-z_]\w*)\s*:\s*([\s\S]*)$/.exec(f);
    if (m) out.set(m[1], m[2].trim());
  }
  return out;
}

/** True when the code imports go-git. */
const goGit = (lx: Lexed) => lx.lits.some((l) => /go-git\/go-git|gopkg\.in\/src-d\/go-git/.test(l.value));

export function goGitPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\b\w+\s*\.\s*PushOptions\s*\{/g,
      handle: (_a, lx, home, m): Effect[] => {
        if (!goGit(lx)) return [];
        const f = fields(callArgs(lx.skel, m.index + m[0].length).args.join(','));
        const argv = [lit('git'), lit('push')];
        const force = f.get('Force');
        // fail closed: a force flag whose value is not known may be true
        if (force !== undefined && force !== 'false') argv.push(lit('--force'));
        const lease = f.get('ForceWithLease');
        if (lease !== undefined && lease !== 'nil') argv.push(lit('--force-with-lease'));
        const prune = f.get('Prune');
        if (prune !== undefined && prune !== 'false') argv.push(lit('--prune'));
        const remote = f.get('RemoteURL') ?? f.get('RemoteName');
        argv.push(remote === undefined ? lit('origin') : h.valueOf(held(remote, lx), lx, home));
        const specs = f.get('RefSpecs');
        if (specs !== undefined) argv.push(...refspecs(specs, lx, home, h));
        return [{ kind: 'exec', argv }];
      },
    },
    {
      re: /\.\s*DeleteRemote\s*\(/g,
      handle: (a, lx, home): Effect[] =>
        goGit(lx) && a[0] !== undefined
          ? [{ kind: 'exec', argv: [lit('git'), lit('remote'), lit('remove'), h.valueOf(a[0], lx, home)] }]
          : [],
    },
  ];
}

/** The remote a LibGit2Sharp push names (`repo.Network.Remotes["NAME"]`, or a variable holding it); `origin` when not one. */
function remoteOf(expr: string, lx: Lexed, home: string, h: Helpers): Field {
  const m = /\bRemotes\s*\[\s*([\s\S]+?)\s*\]$/.exec(held(expr, lx));
  return m ? h.valueOf(m[1], lx, home) : lit('origin');
}

export function dotnetGitPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\bNetwork\s*\.\s*Push\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        const args = a.filter((x) => x.trim() !== '');
        // Push(branch[, options]): the branch to its upstream, as `git push` does
        if (
          args.length < 2 ||
          /^\s*new\s+PushOptions\b/.test(args[1]) ||
          /PushOptions/.test(held(args[1], lx))
        )
          return [];
        return [
          {
            kind: 'exec',
            argv: [
              lit('git'),
              lit('push'),
              remoteOf(args[0], lx, home, h),
              ...refspecs(args[1], lx, home, h),
            ],
          },
        ];
      },
    },
    {
      re: /\bRemotes\s*\.\s*Remove\s*\(/g,
      handle: (a, lx, home): Effect[] =>
        a[0] === undefined
          ? []
          : [{ kind: 'exec', argv: [lit('git'), lit('remote'), lit('remove'), h.valueOf(a[0], lx, home)] }],
    },
  ];
}

export function rustGitPatterns(h: Helpers): Pattern[] {
  return [
    {
      // `remote.push(&[SPECS], Some(&mut opts))`: an array of refspecs, on a remote the code found
      re: /(?:\b([A-Za-z_]\w*)|[)?])\s*\.\s*push\s*\(/g,
      handle: (a, lx, home, m): Effect[] => {
        if (!/\bgit2\b/.test(lx.skel) || a[0] === undefined || listItems(a[0]) === undefined) return [];
        // the remote the receiver holds, or the call it is chained on (`repo.find_remote("o")?.push(…)`)
        const recv =
          m[1] !== undefined ? held(m[1], lx) : lx.skel.slice(Math.max(0, m.index - 160), m.index + 1);
        const found = /\bfind_remote\s*\(\s*([^()]+?)\s*\)\s*\??\s*$/.exec(
          recv.replace(/\.unwrap\(\)|\.expect\([^()]*\)/g, ''),
        );
        // a Vec::push of something other than refspecs (an array pushed onto a Vec of arrays)
        if (!found && !/remote|origin|upstream/i.test(m[1] ?? '')) return [];
        const remote = found ? h.valueOf(found[1], lx, home) : lit('origin');
        return [{ kind: 'exec', argv: [lit('git'), lit('push'), remote, ...refspecs(a[0], lx, home, h)] }];
      },
    },
    {
      re: /\.\s*remote_delete\s*\(/g,
      handle: (a, lx, home): Effect[] =>
        /\bgit2\b/.test(lx.skel) && a[0] !== undefined
          ? [{ kind: 'exec', argv: [lit('git'), lit('remote'), lit('remove'), h.valueOf(a[0], lx, home)] }]
          : [],
    },
  ];
}
