/**
 * Shell builtins that change the walker's state rather than run a program: `cd`/`pushd`/`popd`
 * (the working directory), `alias` and `hash -p` (what a name runs), `set --` and `shift` (the
 * positional parameters). Each emits the command itself as well, so the rules see it.
 */
import { absPath } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';

export function changeDir(prog: string, argv: Field[], k: K): Res {
  const res = emit(argv, k);
  const args = argv.slice(1).filter((f) => !/^-[LPe@]+$/.test(f.text));
  const target = args[0];
  const scope = k.outer;
  if (prog === 'popd') {
    scope.cwdDynamic = true;
    return res;
  }
  if (!target) {
    if (prog === 'cd') scope.cwd = k.run.ctx.home;
    return res;
  }
  if (target.dynamic || target.text === '-' || /^[+-]\d+$/.test(target.text)) {
    scope.cwdDynamic = true;
    return res;
  }
  scope.cwd = absPath(scope.cwd, target.text);
  if (k.scope !== scope) k.scope.cwd = scope.cwd;
  return res;
}

export function defineAlias(argv: Field[], k: K): Res {
  for (const f of argv.slice(1)) {
    const m = /^([^=\s]+)=(.*)$/s.exec(f.text);
    if (m && !f.dynamic) k.outer.aliases.set(m[1], m[2]);
  }
  return emit(argv, k);
}

/**
 * `hash -p PATH NAME`: from now on NAME runs PATH (`hash -p /bin/rm ls; ls -rf ~`), read like
 * an alias. A path or name not known statically makes NAME unknown (it then runs as itself).
 */
export function defineHashed(argv: Field[], k: K): Res {
  const p = argv.findIndex((f) => f.text === '-p');
  const path = argv[p + 1];
  const names = argv.slice(p + 2).filter((f) => !f.text.startsWith('-'));
  if (p > 0 && path && !path.dynamic)
    for (const n of names)
      if (!n.dynamic) k.outer.aliases.set(n.text, `'${path.text.replace(/'/g, "'\\''")}'`);
  return emit(argv, k);
}

/**
 * `shift [N]`: the positional parameters lose their first N (default 1). A count past `$#`
 * fails and leaves them as they are (bash). A count not known statically, or not a number:
 * the parameters become unknown.
 */
export function shiftPositional(argv: Field[], k: K): Res {
  const res = emit(argv, k);
  const arg = argv[1];
  const n = arg === undefined ? 1 : !arg.dynamic && /^\d+$/.test(arg.text) ? Number(arg.text) : NaN;
  for (const scope of new Set([k.outer, k.scope])) {
    if (!scope.positionalKnown) continue;
    // fail closed: an unknown count leaves nothing known about the parameters
    if (Number.isNaN(n)) scope.positional = [];
    else if (n <= scope.positional.length) scope.positional = scope.positional.slice(n);
    scope.positionalKnown = !Number.isNaN(n);
  }
  return res;
}

/**
 * `set -- A B…`, or `set [options] A B…`: the positional parameters are now A B… (`set --`
 * clears them). Options only (`set -euo pipefail`) leave them as they are. A word not known
 * statically among the options may be an option or the first parameter: they become unknown.
 */
export function setPositional(argv: Field[], k: K): Res {
  const res = emit(argv, k);
  const args = argv.slice(1);
  let params: Field[] | undefined;
  for (let i = 0; i < args.length && params === undefined; i++) {
    const t = args[i].text;
    if (args[i].dynamic) params = [];
    else if (t === '--') params = args.slice(i + 1);
    else if (/^[-+][a-zA-Z]*o$/.test(t)) i++;
    else if (!/^[-+][a-zA-Z]*$/.test(t)) params = args.slice(i);
  }
  if (params === undefined) return res;
  // fail closed: an unknown word where options end
  const known = !args.some((a, i) => a.dynamic && args.slice(0, i).every((b) => b.text !== '--'));
  for (const scope of new Set([k.outer, k.scope])) {
    scope.positional = known ? params : [];
    scope.positionalKnown = known;
  }
  return res;
}
