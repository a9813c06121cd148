/**
 * git aliases this script defines, expanded where git runs them. `git config [--global|--local
 * …] alias.NAME VALUE` (also `git config set`, `--add`, `--replace-all`), text written to
 * `.git/config`, `~/.gitconfig` or `~/.config/git/config` with an `[alias]` section, and
 * `git -c alias.NAME=VALUE` define NAME; `git config --unset alias.NAME` (or `unset`) removes
 * it. A later `git NAME ARGS` then runs the alias: a plain alias is git with VALUE's words in
 * place of NAME (`alias.ship = push origin +HEAD:main` makes `git ship` a force push), a
 * `!` alias is a shell command git hands to sh with ARGS appended. git ignores an alias that
 * has the name of one of its own commands, and so does this reader. Fail closed: an alias
 * whose value is not known statically, or config text not known that the script wrote to
 * one of those files, makes the alias (or every name that is not a git command) run
 * something not known.
 */
import { cloneScope, lit, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { runArgv } from './carriers.js';
import { parseGitGlobal } from './git-options.js';
import { GIT_BUILTIN as BUILTIN } from './git-builtins.js';
import { aliasWords, MAX_ALIAS_DEPTH } from './git-alias-words.js';

/** Config keys that pull in another config file, whose aliases are not read here. */
const INCLUDE_KEY = /^include(if\..*)?\.path$/i;

/** Options of `git config` that take the next word as their value. */
const CONFIG_VALUED = /^(-f|--file|--blob|--type|--default|--comment)$/;

/** Records what `git … config …` does to an alias (see the module comment). */
export function recordGitConfig(argv: Field[], k: K): void {
  const at = parseGitGlobal(argv.map((f) => f.text)).subIndex;
  if (at < 0 || argv[at].text !== 'config') return;
  const ops: Field[] = [];
  let unset = false;
  for (let i = at + 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (CONFIG_VALUED.test(t)) i++;
    else if (t === '--unset' || t === '--unset-all') unset = true;
    else if (!t.startsWith('-') || argv[i].dynamic) ops.push(argv[i]);
  }
  if (ops[0]?.text === 'unset') [unset, ops[0]] = [true, ops[1]];
  else if (ops[0]?.text === 'set') ops.shift();
  const [key, value] = ops;
  if (!key) return;
  // fail closed: a key not known statically may name any alias
  if (key.dynamic) return void (value && k.scope.toolAliases.set('git *', null));
  // fail closed: an included file may define any alias
  if (INCLUDE_KEY.test(key.text) && !unset && value) return void k.scope.toolAliases.set('git *', null);
  const m = /^alias\.(.+)$/i.exec(key.text);
  if (!m) return;
  const name = m[1].toLowerCase();
  if (unset) k.scope.toolAliases.delete(`git ${name}`);
  else if (value) k.scope.toolAliases.set(`git ${name}`, value.dynamic ? null : value.text);
}

/** Records the aliases of git config text written to `path` (undefined = text not known). */
export function gitConfigTextWritten(path: string, settings: [string, string][] | undefined, k: K): void {
  const home = k.run.ctx.home.replace(/\/+$/, '');
  if (
    !/\/\.git\/config$/.test(path) &&
    path !== `${home}/.gitconfig` &&
    path !== `${home}/.config/git/config`
  )
    return;
  // fail closed: config text not known may define any alias
  if (!settings) return void k.scope.toolAliases.set('git *', null);
  for (const [key, value] of settings) {
    if (key.startsWith('alias.')) k.scope.toolAliases.set(`git ${key.slice(6).toLowerCase()}`, value);
    // fail closed: an included file may define any alias
    if (INCLUDE_KEY.test(key)) k.scope.toolAliases.set('git *', null);
  }
}

/** Runs `git … NAME ARGS` as the alias NAME it names; undefined = NAME is no alias here. */
export function runGitAlias(argv: Field[], k: K): Res | undefined {
  const { config, subIndex: at } = parseGitGlobal(argv.map((f) => f.text));
  const sub = argv[at];
  if (at < 0 || sub.dynamic || BUILTIN.has(sub.text)) return undefined;
  const name = sub.text.toLowerCase();
  const aliases = k.scope.toolAliases;
  // `git -c include.path=F`: F may define any alias
  const included = [...config.keys()].some((key) => INCLUDE_KEY.test(key)) ? null : undefined;
  const body =
    config.get(`alias.${name}`) ??
    (aliases.has(`git ${name}`)
      ? aliases.get(`git ${name}`)
      : aliases.has('git *')
        ? aliases.get('git *')
        : included);
  if (body === undefined) return undefined;
  const label = `git alias ${sub.text}`;
  const depth = k.frame.wrappers.filter((w) => w.startsWith('git alias ')).length;
  const split = body === null || body.trimStart().startsWith('!') ? undefined : aliasWords(body);
  // an empty alias (no words) is one not read literally here: run as not known statically
  const words = split?.length ? split : undefined;
  // fail closed: an alias not known statically, one git cannot split, or a chain too long
  if (body === null || depth >= MAX_ALIAS_DEPTH || (!words && !body.trimStart().startsWith('!'))) {
    // a `!` alias is shell code: code not read here, as a shell whose script is not known
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
    emit(
      [lit('sh'), lit('-c'), { text: `the alias git ${sub.text}`, dynamic: true }],
      { ...k, frame },
      { dynamic: true },
    );
    return emit(argv, k, { dynamic: true });
  }
  const res = emit(argv, k);
  const inner: K = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] } };
  if (!words) {
    // `!cmd`: git runs `sh -c 'cmd "$@"' cmd ARGS…`
    const script = body.trimStart().slice(1);
    const args = argv.slice(at + 1);
    reparse(args.length ? `${script} "$@"` : script, label, k, {
      scope: cloneScope(k.scope),
      argv0: script,
      positional: args,
    });
    return res;
  }
  runArgv([...argv.slice(0, at), ...words.map(lit), ...argv.slice(at + 1)], inner);
  return res;
}
