/**
 * Call patterns of inline Python code (`python -c`, a script on stdin or written earlier):
 * deletions (shutil, os, pathlib, and `p.unlink()` for each `p` of a directory walk), commands
 * run through a shell or as an argv (os.system, subprocess, the exec/spawn families, asyncio,
 * libc's system() through ctypes, invoke/fabric tasks' `c.run`),
 * HTTP requests (requests and the libraries that copy its API: httpx, niquests, grequests, treq; their
 * session objects: codescan-http-python.ts; urllib; urllib3; python_graphql_client), git libraries (codescan-gitlib.ts),
 * GitHub SDKs' ref updates (codescan-forge-refs.ts) and code evaluated
 * at run time.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Pattern, Helpers } from './codescan-langs.js';
import { urlopen, urllibRequest } from './codescan-net.js';
import { gitLibraryPatterns } from './codescan-gitlib.js';
import { pythonForgeRefPatterns } from './codescan-forge-refs.js';
import { pythonHttpMore } from './codescan-http-more.js';
import { pythonSessionPatterns } from './codescan-http-python.js';
import { pythonGraphqlPatterns } from './codescan-graphql-clients.js';
import { kubePatterns } from './codescan-kube.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

/** Modules whose top-level `get/post/put/patch/delete/head/request` functions send a request like requests' do. */
export const REQUESTS_LIKE = 'requests|httpx|niquests|grequests|treq';

/** What codescan.ts lends the Python patterns: the common helpers. */
export type PythonHelpers = Helpers;

const FS_PY =
  /\b(?:shutil\.rmtree|os\.remove|os\.unlink|os\.rmdir|os\.removedirs|shutil\.move|rmtree|send2trash)\s*\(/g;

/**
 * What a loop variable `name` names when it is bound by a directory walk: `for name in
 * BASE.glob(PAT)` is `BASE/PAT`, `glob.glob(PAT)` is PAT (its `**` folders dropped below this
 * folder), and `BASE.rglob(PAT)` is `BASE/PAT` when BASE is a relative folder (below this
 * one) and PAT selects names (`*.pyc`, `__pycache__`): some files of that folder, as `find
 * BASE -name PAT` finds. Any other walk
 * (iterdir, os.walk, os.listdir, os.scandir, a pattern that selects everything, an rglob of
 * an absolute folder or of home, whose subfolders may hold anything) is everything below
 * BASE (`BASE/*`). Any other binding: the variable's value as valueOf reads it (a loop
 * variable is not known: dynamic).
 */
function walkedTarget(name: string, lx: Lexed, home: string, valueOf: Helpers['valueOf']): Field {
  const m = new RegExp(`\\bfor\\s+${name}\\s+in\\s+([^:\\]\\n]+)`).exec(lx.skel);
  const walk = m
    ? /^\s*(?:glob\.i?(?<g>glob)|(?<base>.+?)\.(?<how>r?glob|iterdir)|os\.(?:walk|listdir|scandir))\(/.exec(
        m[1],
      )
    : null;
  // the walk's first argument (a pattern, or os.*'s folder), brackets balanced; keywords (`recursive=True`) dropped
  const arg = walk
    ? (callArgs(m?.[1] ?? '', walk[0].length).args.find((a) => !/^\s*\w+\s*=[^=]/.test(a)) ?? '')
    : '';
  if (!walk?.groups) return valueOf(name, lx, home);
  const w = walk.groups;
  const pat = w.g || /glob/.test(w.how ?? '') ? valueOf(arg, lx, home) : undefined;
  // `glob.glob('build/*.o')`: the pattern is the path (relative to the working folder); below
  // this folder, a `**` folder (any folders) is read as the folder it starts from, as rglob is
  if (w.g) {
    if (pat?.dynamic !== false) return { text: name, dynamic: true };
    const below = !/^(\/|~|\.\.(\/|$))/.test(pat.text);
    return below ? { text: pat.text.replace(/(^|\/)(\*\*\/)+/g, '$1'), dynamic: false } : pat;
  }
  const base = valueOf(w.base ?? (arg || "'.'"), lx, home);
  if (base.dynamic) return base;
  const dir = base.text.replace(/\/+$/, '') || '/';
  const selective = pat?.dynamic === false && !pat.text.includes('/') && /[^*?.[\]]/.test(pat.text);
  const below = !/^(\/|~|\.\.(\/|$))/.test(dir);
  if (pat && selective && (w.how === 'glob' || below)) return { text: `${dir}/${pat.text}`, dynamic: false };
  return { text: `${dir}/*`, dynamic: false };
}

/** A delete (`shutil.rmtree(d)`, `os.remove(f)`) of a bare variable a directory walk binds: what the walk names. */
function walkedDelete(
  args: string[],
  lx: Lexed,
  home: string,
  valueOf: Helpers['valueOf'],
): Effect[] | undefined {
  const name = /^\s*([A-Za-z_]\w*)\s*$/.exec(args[0] ?? '')?.[1];
  if (!name || !new RegExp(`\\bfor\\s+${name}\\s+in\\b`).test(lx.skel)) return undefined;
  return [{ kind: 'rm', target: walkedTarget(name, lx, home, valueOf) }];
}

export function pythonPatterns(h: PythonHelpers): Pattern[] {
  const { valueOf, rm, command, code } = h;
  const http = (method: string | undefined, args: string[], lx: Lexed, home: string): Effect[] =>
    h.http(method, args, lx, home, 'python');
  return [
    {
      re: FS_PY,
      handle: (a, lx, home, m) =>
        (!/shutil\.move/.test(m[0]) ? walkedDelete(a, lx, home, valueOf) : undefined) ?? rm(a, lx, home, m),
    },
    // `p.unlink()` / `shutil.rmtree(p)` for each `p` a directory walk yields: everything below its base.
    {
      re: /(?<![\w.])([A-Za-z_]\w*)\.(?:unlink|rmdir)\s*\(/g,
      handle: (_a, lx, home, m) =>
        /^(os|shutil|pathlib|Path)$/.test(m[1])
          ? []
          : [{ kind: 'rm', target: walkedTarget(m[1], lx, home, valueOf) }],
    },
    {
      re: /\b(?:(?:pathlib\.)?Path\(([^()]*(?:\([^()]*\))?[^()]*)\))\.(?:unlink|rmdir)\s*\(/g,
      handle: (_a, lx, home, m) => [{ kind: 'rm', target: valueOf(m[1], lx, home) }],
    },
    {
      re: /\b(?:os\.system|os\.popen|subprocess\.(?:run|call|Popen|check_output|check_call|getoutput|getstatusoutput)|pty\.spawn|asyncio\.create_subprocess_shell)\s*\(/g,
      handle: (a, lx, home) => command(a[0], lx, home),
    },
    // ctypes: libc's own system()/popen() (`ctypes.CDLL(None).system(b'…')`, `libc = ctypes.CDLL('libc.so.6')`)
    {
      re: /(?<!\bos)\.(?:system|popen)\s*\(/g,
      handle: (a, lx, home) => (/\bctypes\b/.test(lx.skel) ? command(a[0], lx, home) : []),
    },
    // asyncio.create_subprocess_exec("rm", "-rf", path): the program and its arguments.
    {
      re: /\basyncio\.create_subprocess_exec\s*\(/g,
      handle: (a, lx, home) => command(`[${a.filter((x) => !/^\s*\w+\s*=/.test(x)).join(',')}]`, lx, home),
    },
    // nox: session.run("rm", "-rf", path, external=True) runs the program with its arguments
    {
      re: /\bsession\.run(?:_always|_install)?\s*\(/g,
      handle: (a, lx, home) =>
        /\bnox\b/.test(lx.skel)
          ? command(`[${a.filter((x) => !/^\s*\w+\s*=/.test(x)).join(',')}]`, lx, home)
          : [],
    },
    // invoke / fabric: a task's `c.run("…")`, `c.sudo("…")`, `c.local("…")`,
    // `Connection(host).run("…")` run the string in a shell (locally or on the host).
    {
      re: /(?:(?<![\w.])([A-Za-z_]\w*)|\))\.(?:run|sudo|local)\s*\(/g,
      handle: (a, lx, home, m) =>
        /\b(?:invoke|fabric)\b/.test(lx.skel) && !/^(subprocess|session|asyncio)$/.test(m[1] ?? '')
          ? command(a[0], lx, home)
          : [],
    },
    // os.execvp(file, [argv…]), os.execlp(file, arg0, arg1…), os.spawnv(mode, path, [argv…]): the argv given.
    {
      re: /\bos\.(exec|spawn)([lv])(p?)(e?)\s*\(/g,
      handle: (a, lx, home, m) => {
        const rest = m[1] === 'spawn' ? a.slice(2) : a.slice(1);
        const words = m[2] === 'v' ? rest.slice(0, 1) : m[4] ? rest.slice(0, -1) : rest;
        return m[2] === 'v' ? command(words[0], lx, home) : command(`[${words.join(',')}]`, lx, home);
      },
    },
    {
      re: new RegExp(
        `\\b(?:${REQUESTS_LIKE}|session|s|client)\\.(delete|post|put|patch|get|head)\\s*\\(`,
        'g',
      ),
      handle: (a, lx, home, m) => http(m[1], a, lx, home),
    },
    {
      re: new RegExp(`\\b(?:${REQUESTS_LIKE})\\.request\\s*\\(`, 'g'),
      handle: (a, lx, home) => http(literalOf(a[0] ?? '', lx)?.value ?? 'DYNAMIC', a.slice(1), lx, home),
    },
    { re: /\burllib\.request\.urlopen\s*\(/g, handle: (a, lx, home) => urlopen(a, lx, home, valueOf) },
    {
      re: /\burllib\.request\.Request\s*\(|\bRequest\s*\(/g,
      handle: (a, lx, home) => urllibRequest(a, lx, home, valueOf),
    },
    // `r.get_method = lambda: 'DELETE'` (urllib2's way), `r.method = 'DELETE'`: the Request that
    // `r` holds is sent with that method (an unknown method stays dynamic)
    {
      re: /\b([A-Za-z_]\w*)\.(?:get_method\s*=\s*lambda\b[^:\n]*:|method\s*=(?!=))/g,
      handle: (a, lx, home, m) => {
        const held = lx.vars.get(m[1]);
        const call = held ? /(?:^|\.)Request\s*\(/.exec(held) : null;
        if (!held || !call) return [];
        const method = literalOf(a[0] ?? '', lx);
        const args = callArgs(held, call.index + call[0].length).args;
        return urllibRequest(args, lx, home, valueOf, method && !method.dynamic ? method.value : 'DYNAMIC');
      },
    },
    ...gitLibraryPatterns(h),
    ...pythonForgeRefPatterns(),
    ...kubePatterns(h).python,
    ...pythonHttpMore(h),
    ...pythonSessionPatterns(h),
    ...pythonGraphqlPatterns(h),
    { re: /(?<![\w.])(?:exec|eval|compile)\s*\(/g, handle: (a, lx) => code(a[0], lx) },
    {
      re: /\b__import__\s*\(|\bgetattr\s*\(|\bimportlib\b|\bcodecs\.decode\b|\bmarshal\.loads\b|\bpickle\.loads\b/g,
      handle: (_a, _lx, _h, m) => [{ kind: 'dynamic', text: m[0] }],
    },
  ];
}
