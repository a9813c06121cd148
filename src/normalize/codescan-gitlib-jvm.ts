/**
 * Git libraries of Ruby and the JVM, read as the git command they perform (Python's and
 * Node's are in codescan-gitlib.ts):
 * - Rugged (libgit2 for Ruby): `REMOTE.push([REFSPECS…], credentials: …)` → `git push
 *   REMOTE REFSPECS…`, the remote named by `remotes['NAME']` / `remotes.lookup('NAME')` just
 *   before the call (else `origin`); a `+REFSPEC` is a forced push, as git reads it;
 * - JGit: `Git.open(…).push()` and the builder calls chained after it up to `.call()`:
 *   `setForce(true)` → `--force`, `setRemote(NAME)`, `add(REF)` and `setRefSpecs(new
 *   RefSpec(SPEC))` → the refspecs, `setPushAll()` → `--all`, `setPushTags()` → `--tags`.
 * Values not known statically stay dynamic words of the command. Reads the code's skeleton.
 */
import { callArgs, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

const lit = (text: string): Field => ({ text, dynamic: false });

/** Most builder calls followed after `.push()`. */
const MAX_CHAIN = 32;

/** A literal list's items (`["+refs/heads/main:…", x]`), or the one value given. */
function items(expr: string, lx: Lexed, home: string, valueOf: Helpers['valueOf']): Field[] {
  const list = /^\s*\[([\s\S]*)\]\s*$/.exec(expr);
  const parts = list ? callArgs(list[1] + ')', 0).args.filter((x) => x.trim() !== '') : [expr];
  return parts.map((x) => valueOf(x, lx, home));
}

/** The remote a Rugged push is called on: `remotes['NAME']`, `remotes.lookup('NAME')` (or a name assigned one); undefined = not a remote. */
function ruggedRemote(
  before: string,
  lx: Lexed,
  home: string,
  valueOf: Helpers['valueOf'],
  hops = 0,
): Field | undefined {
  const m = /remotes\s*(?:\[\s*([^\]]+?)\s*\]|\.lookup\s*\(\s*([^)]+?)\s*\))\s*$/.exec(before);
  if (m) return valueOf(m[1] ?? m[2], lx, home);
  const named = /(?<![\w.])([a-z_]\w*)\s*$/.exec(before);
  const assigned = named ? lx.vars.get(named[1]) : undefined;
  return assigned && hops < 4 ? ruggedRemote(assigned, lx, home, valueOf, hops + 1) : undefined;
}

export function rubyGitLibraryPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\.push\s*\(/g,
      handle: (a, lx, home, m): Effect[] => {
        if (!/\bRugged\b/.test(lx.skel) || a.length === 0 || a[0].trim() === '') return [];
        const remote = ruggedRemote(lx.skel.slice(0, m.index), lx, home, h.valueOf);
        // an Array#push of something other than refspecs, on something not known as a remote
        if (!remote && !/^\s*\[/.test(a[0])) return [];
        return [
          {
            kind: 'exec',
            argv: [lit('git'), lit('push'), remote ?? lit('origin'), ...items(a[0], lx, home, h.valueOf)],
          },
        ];
      },
    },
  ];
}

/** Java's truth of a builder argument; undefined = not known statically. */
function javaTruth(v: string | undefined): boolean | undefined {
  const t = v?.trim();
  if (t === 'true' || t === 'Boolean.TRUE') return true;
  if (t === 'false' || t === 'Boolean.FALSE') return false;
  return undefined;
}

export function jvmGitLibraryPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\.\s*push\s*\(\s*\)/g,
      handle: (_a, lx, home, m): Effect[] => {
        if (!/\bGit\b|\bjgit\b/.test(lx.skel)) return [];
        const skel = lx.skel;
        let remote: Field = lit('origin');
        const flags: Field[] = [];
        const refs: Field[] = [];
        let at = m.index + m[0].length;
        for (let n = 0; n < MAX_CHAIN; n++) {
          const c = /^\s*\.\s*(\w+)\s*\(/.exec(skel.slice(at));
          if (!c || c[1] === 'call') break;
          const { args, end } = callArgs(skel, at + c[0].length);
          at = end + 1;
          const arg = args[0] ?? '';
          if (c[1] === 'setForce') {
            // fail closed: a force flag whose value is not known may be true
            if (javaTruth(arg) !== false) flags.push(lit('--force'));
          } else if (c[1] === 'setRemote') remote = h.valueOf(arg, lx, home);
          else if (c[1] === 'add') refs.push(h.valueOf(arg, lx, home));
          else if (c[1] === 'setRefSpecs') {
            for (const spec of args) {
              const r = /^\s*new\s+RefSpec\s*\(([\s\S]*)\)\s*$/.exec(spec);
              refs.push(h.valueOf(r ? r[1] : spec, lx, home));
            }
          } else if (c[1] === 'setPushAll') flags.push(lit('--all'));
          else if (c[1] === 'setPushTags') flags.push(lit('--tags'));
          else if (c[1] === 'setAtomic' && javaTruth(arg) !== false) flags.push(lit('--atomic'));
        }
        return [{ kind: 'exec', argv: [lit('git'), lit('push'), ...flags, remote, ...refs] }];
      },
    },
  ];
}
