/**
 * GitHub CLI aliases this script defines, expanded where gh runs them. `gh alias set [-s|--shell]
 * NAME EXPANSION` defines NAME (`gh alias import FILE` a file's `NAME: EXPANSION` lines; `gh
 * alias delete NAME` removes it). A later `gh NAME ARGS` runs the alias: a plain alias is gh
 * with EXPANSION's words, `$1`, `$2` … replaced by ARGS and the ARGS not used appended; a shell
 * alias (`--shell`, or an expansion starting with `!`) is a script sh runs with ARGS as its
 * parameters. gh refuses an alias with the name of one of its commands, so any name may be
 * one here. Fail closed: an alias whose expansion is not known statically (a value, stdin, a
 * file not read) makes it, or every name gh runs, a command not known.
 */
import { parse as shellParse } from 'shell-quote';
import { absPath, cloneScope, lit, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { runArgv } from './carriers.js';
import { scriptFile } from './shells.js';
import { parse as parseYaml } from 'yaml';

/** Most alias expansions followed in one gh command. */
const MAX_ALIAS_DEPTH = 5;

/** Records what `gh alias set|delete|import` does. */
export function recordGhAlias(argv: Field[], k: K): void {
  if (argv[1]?.text !== 'alias') return;
  const sub = argv[2]?.text;
  // `--` ends the options: the words after it are the name and the expansion
  const rest = argv.slice(3);
  const end = rest.findIndex((f) => f.text === '--');
  const opts = end < 0 ? rest : rest.slice(0, end);
  const isOpt = (f: Field) => /^(--clobber|-s|--shell)$/.test(f.text);
  const shell = opts.some((f) => f.text === '-s' || f.text === '--shell');
  const [name, value] = [...opts.filter((f) => !isOpt(f)), ...(end < 0 ? [] : rest.slice(end + 1))];
  const aliases = k.scope.toolAliases;
  if (sub === 'delete' && name && !name.dynamic) aliases.delete(`gh ${name.text}`);
  if (sub === 'import') {
    const file = name && !name.dynamic && name.text !== '-' ? absPath(k.scope.cwd, name.text) : undefined;
    const text = file ? scriptFile(file, k) : undefined;
    let doc: unknown;
    try {
      doc = text === undefined ? undefined : parseYaml(text);
    } catch {
      doc = undefined;
    }
    // fail closed: a file not read (or stdin) may define any alias
    if (!doc || typeof doc !== 'object') return void aliases.set('gh *', null);
    for (const [n, v] of Object.entries(doc as Record<string, unknown>))
      aliases.set(`gh ${n}`, typeof v === 'string' ? v : null);
  }
  if (sub !== 'set' || !name) return;
  // fail closed: a name or expansion not known statically (or read from stdin)
  if (name.dynamic) return void aliases.set('gh *', null);
  const known = value && !value.dynamic && value.text !== '-';
  aliases.set(
    `gh ${name.text}`,
    known ? (shell && !value.text.startsWith('!') ? `!${value.text}` : value.text) : null,
  );
}

/** A plain alias's words with `$N` replaced by ARGS; undefined = not read literally. */
function expand(body: string, args: Field[]): Field[] | undefined {
  const words = shellParse(body, (n) => `$${n}`);
  if (!words.every((w) => typeof w === 'string')) return undefined;
  const used = new Set<number>();
  const out = (words as string[]).map((w): Field => {
    const m = /^\$(\d+)$/.exec(w);
    if (!m) return lit(w);
    used.add(Number(m[1]));
    return args[Number(m[1]) - 1] ?? lit('');
  });
  return [...out, ...args.filter((_, i) => !used.has(i + 1))];
}

/** Runs `gh NAME ARGS` as the alias NAME; undefined = NAME is no alias here. */
export function runGhAlias(argv: Field[], k: K): Res | undefined {
  const sub = argv[1];
  if (!sub || sub.dynamic || sub.text.startsWith('-')) return undefined;
  const aliases = k.scope.toolAliases;
  const key = `gh ${sub.text}`;
  const body = aliases.has(key) ? aliases.get(key) : sub.text === 'alias' ? undefined : aliases.get('gh *');
  if (body === undefined) return undefined;
  const label = `gh alias ${sub.text}`;
  const depth = k.frame.wrappers.filter((w) => w.startsWith('gh alias ')).length;
  const args = argv.slice(2);
  const words = body === null || body.startsWith('!') ? undefined : expand(body, args);
  // fail closed: an alias not known statically, one not split literally, or a chain too long
  if (body === null || depth >= MAX_ALIAS_DEPTH || (!words && !body.startsWith('!'))) {
    // a `--shell` alias is shell code: code not read here, as a shell whose script is not known
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
    emit(
      [lit('sh'), lit('-c'), { text: `the alias gh ${argv[1].text}`, dynamic: true }],
      { ...k, frame },
      { dynamic: true },
    );
    return emit(argv, k, { dynamic: true });
  }
  const res = emit(argv, k);
  if (!words) {
    reparse(body.slice(1), label, k, { scope: cloneScope(k.scope), argv0: 'sh', positional: args });
    return res;
  }
  runArgv([argv[0], ...words], { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] } });
  return res;
}
