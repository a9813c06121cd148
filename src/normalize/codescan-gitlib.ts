/**
 * Git libraries called from Python code, read as the git command they perform:
 * - dulwich's porcelain: `porcelain.push(REPO, REMOTE, REFSPECS, force=True)` → `git push
 *   --force REMOTE REFSPECS` (also through an alias: `from dulwich import porcelain as p`);
 * - GitPython and pygit2: `REMOTE.push(REFSPEC, force=True)` → `git push --force origin
 *   REFSPEC` (the remote object's name is not read: `origin`), a `+REFSPEC` is a forced push,
 *   `:REF` a deletion; the refspecs given by name count as given in place (GitPython's
 *   `refspec=`, pygit2's `specs=`, dulwich's `refspecs=`);
 * - GitPython's command wrapper: `repo.git.VERB(ARGS…, KEY=True…)` runs `git VERB ARGS…
 *   --KEY…` (`repo.git.push('--force')`, `repo.git.reset('--hard')`, `repo.git.clean(f=True, d=True)`).
 * And from Node code (imports resolved by codeparse.ts):
 * - isomorphic-git: `git.push({remote, ref, remoteRef, force: true, delete: true})` → `git push
 *   [--force] [--delete] REMOTE REF[:REMOTEREF]`;
 * - simple-git: `git.push(REMOTE, BRANCH, ['--force'])` and `git.raw(['push', '--force'])` run those words;
 * - nodegit: `REMOTE.push([REFSPECS…])` → `git push NAME REFSPECS…` (the name of the
 *   `repo.getRemote(NAME)` / `Remote.lookup(repo, NAME)` the receiver holds, else `origin`), and
 *   `Remote.delete(repo, NAME)` (isomorphic-git's `deleteRemote({ remote: NAME })`) → `git remote remove NAME`.
 * Values not known statically stay dynamic words of the command. Reads the code's skeleton.
 */
import { kwarg, literalOf, show, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

const lit = (text: string): Field => ({ text, dynamic: false });

/** A keyword argument `key=value` (undefined = positional). */
const KW = /^\s*([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/;

/** Python truth of a keyword's value: `True`, `1`; undefined = not known statically. */
function truth(v: string): boolean | undefined {
  const t = v.trim();
  if (/^(True|1)$/.test(t)) return true;
  if (/^(False|0|None)$/.test(t)) return false;
  return undefined;
}

/** An argument's words: a literal list's items, a literal string, else one dynamic word. */
function words(expr: string, lx: Lexed, home: string, valueOf: Helpers['valueOf']): Field[] {
  const list = /^\s*[[(]([\s\S]*)[\])]\s*$/.exec(expr);
  if (list)
    return list[1]
      .split(',')
      .filter((x) => x.trim() !== '')
      .map((x) => valueOf(x, lx, home));
  const l = literalOf(expr, lx);
  return [l && !l.dynamic ? lit(l.value) : valueOf(expr, lx, home)];
}

/** `force=True` among the arguments; a value not known statically counts as a force (fail closed). */
function forced(args: string[]): boolean {
  return args.some((a) => {
    const m = KW.exec(a);
    // fail closed: `force=flag` may be true.
    return m !== null && m[1] === 'force' && truth(m[2]) !== false;
  });
}

export function gitLibraryPatterns(h: Helpers): Pattern[] {
  const { valueOf } = h;
  return [
    {
      re: /(?:\b([A-Za-z_]\w*)|[)\]])\.push\s*\(/g,
      handle: (a, lx, home, m): Effect[] => {
        const dulwich = /\bdulwich\b/.test(lx.skel) && m[1] !== undefined;
        const gitpython = /\b(git|pygit2)\b/.test(lx.skel);
        if ((!dulwich && !gitpython) || m[1] === 'git') return [];
        const pos = a.filter((x) => x.trim() !== '' && !KW.test(x));
        // the refspecs by name (GitPython's `refspec=`, pygit2's `specs=`, dulwich's `refspecs=`) stand where they would stand in place
        const named = a.map((x) => KW.exec(x)).find((k) => k !== null && /^(refspecs?|specs)$/.test(k[1]));
        if (named) pos.splice(dulwich ? 2 : 0, 0, named[2]);
        const argv = [lit('git'), lit('push')];
        if (forced(a)) argv.push(lit('--force'));
        const read = (p: string) => words(p, lx, home, valueOf);
        // dulwich: push(REPO, REMOTE, REFSPECS); GitPython/pygit2: REMOTE.push(REFSPECS)
        if (dulwich && pos.length >= 2) argv.push(...read(pos[1]), ...pos.slice(2, 3).flatMap(read));
        else argv.push(lit('origin'), ...pos.slice(0, 1).flatMap(read));
        return [{ kind: 'exec', argv }];
      },
    },
    {
      re: /\.git\.([a-z_]+)\s*\(/g,
      handle: (a, lx, home, m): Effect[] => {
        // ghapi's `GhApi().git.update_ref(…)` is GitHub's REST API (codescan-forge-refs.ts), not a local git
        if (/\bGhApi\b/.test(lx.skel)) return [];
        const argv = [lit('git'), lit(m[1].replace(/_/g, '-'))];
        for (const x of a) {
          if (x.trim() === '') continue;
          const kw = KW.exec(x);
          if (!kw) argv.push(...words(x, lx, home, valueOf));
          else if (truth(kw[2]) !== false && !/^(with_|as_process|istream|env|kill_after)/.test(kw[1]))
            argv.push(lit(kw[1].length === 1 ? `-${kw[1]}` : `--${kw[1].replace(/_/g, '-')}`));
        }
        return [{ kind: 'exec', argv }];
      },
    },
  ];
}

/** JavaScript truth of an option's value: `true`, `1`, `!0`; undefined = not known statically. */
function jsTruth(v: string | undefined): boolean | undefined {
  const t = v?.trim();
  if (t === undefined || /^(false|0|null|undefined|!1)$/.test(t)) return false;
  if (/^(true|1|!0)$/.test(t)) return true;
  return undefined;
}

/** simple-git's arguments as words: strings, arrays of strings, and option objects' keys (`{'--force': null}`). */
function jsWords(args: string[], lx: Lexed, home: string, valueOf: Helpers['valueOf']): Field[] {
  return args.flatMap((x) => {
    if (x.trim() === '' || /^\s*(\(|function\b|async\b)|=>/.test(x)) return [];
    const obj = /^\s*\{([\s\S]*)\}\s*$/.exec(x);
    if (obj)
      return obj[1]
        .split(',')
        .map((p) => /^\s*([^:]+?)\s*:/.exec(p)?.[1] ?? '')
        .filter((k) => k !== '')
        .map((k) => literalOf(k, lx) ?? { value: k, dynamic: false })
        .map((l) => ({ text: l.value, dynamic: l.dynamic }));
    return words(x, lx, home, valueOf);
  });
}

export function nodeGitLibraryPatterns(h: Helpers): Pattern[] {
  const { valueOf } = h;
  return [
    {
      re: /\bisomorphic_git\.push\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        const opt = (k: string) => kwarg(a, k);
        const argv = [lit('git'), lit('push')];
        // fail closed: a `force` whose value is not known may be true
        if (jsTruth(opt('force')) !== false) argv.push(lit('--force'));
        if (jsTruth(opt('delete')) !== false) argv.push(lit('--delete'));
        const remote = opt('remote') ?? opt('url');
        argv.push(remote === undefined ? lit('origin') : valueOf(remote, lx, home));
        const ref = opt('ref');
        const remoteRef = opt('remoteRef');
        if (ref !== undefined || remoteRef !== undefined) {
          const l = ref === undefined ? lit('') : valueOf(ref, lx, home);
          const r = remoteRef === undefined ? undefined : valueOf(remoteRef, lx, home);
          argv.push(r ? { text: `${l.text}:${r.text}`, dynamic: l.dynamic || r.dynamic } : l);
        }
        return [{ kind: 'exec', argv }];
      },
    },
    {
      // nodegit: `remote.push(['+refs/heads/main:refs/heads/main'], options)`
      re: /(?:\b([A-Za-z_$][\w$]*)|[)\]])\s*\.push\s*\(/g,
      handle: (a, lx, home, m): Effect[] => {
        if (!/\bnodegit\b/.test(lx.skel) || a[0] === undefined || a[0].trim() === '') return [];
        const held = m[1] === undefined ? undefined : lx.vars.get(m[1]);
        const named = held
          ? /(?:getRemote|Remote\.lookup)\s*\((?:[^,()]*,)?\s*([^,()]+?)\s*\)/.exec(held)
          : null;
        const refs = /^\s*\[/.test(a[0]) && /refs\/|:/.test(show(a[0], lx));
        // an Array#push of something other than refspecs, on something not known as a remote
        if (!named && !refs && !/remote|origin|upstream/i.test(m[1] ?? '')) return [];
        const remote = named ? valueOf(named[1], lx, home) : lit('origin');
        return [{ kind: 'exec', argv: [lit('git'), lit('push'), remote, ...words(a[0], lx, home, valueOf)] }];
      },
    },
    {
      // nodegit's `Remote.delete(repo, NAME)`, isomorphic-git's `deleteRemote({ remote: NAME })`
      re: /\b(?:nodegit\.Remote\.delete|isomorphic_git\.deleteRemote)\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        const name = kwarg(a, 'remote') ?? (/^\s*\{/.test(a[0] ?? '') ? undefined : a[1]);
        if (name === undefined) return [];
        return [{ kind: 'exec', argv: [lit('git'), lit('remote'), lit('remove'), valueOf(name, lx, home)] }];
      },
    },
    {
      re: /\.(push|raw)\s*\(/g,
      handle: (a, lx, home, m): Effect[] => {
        if (!/\bsimple_git\b/.test(lx.skel)) return [];
        const argv = [lit('git'), ...(m[1] === 'push' ? [lit('push')] : [])];
        return [{ kind: 'exec', argv: [...argv, ...jsWords(a, lx, home, valueOf)] }];
      },
    },
  ];
}
