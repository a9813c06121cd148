/**
 * Code a language runtime loads because the environment tells it to, before the program it
 * was started for: NODE_OPTIONS `--require/-r/--import/--loader FILE`, RUBYOPT `-rFILE`,
 * PERL5OPT `-MModule` (found in PERL5LIB or PERL5OPT's `-I` folders), PYTHONSTARTUP and the
 * sitecustomize/usercustomize modules of PYTHONPATH's folders, LD_PRELOAD's shared objects
 * and JAVA_TOOL_OPTIONS' (also _JAVA_OPTIONS, JDK_JAVA_OPTIONS) `-javaagent:JAR`. Any command
 * may start such a runtime (`npm test` starts node), so the code runs with whatever command
 * the variable is set for. Reads the variables of the scope (set or exported by the script;
 * the user's own environment is not read) and the files the script wrote: such a file is
 * read as that language's code; a file the script wrote with content not known (or a binary:
 * a shared object, a jar), or a variable whose value is not known, is unknown code. A file
 * the script did not write is the project's own (Yarn's `.pnp.cjs`): not read.
 */
import { absPath, cloneScope, lit } from './state.js';
import type { Field } from './state.js';
import { emit, type K } from './emit.js';
import { runInterpreter, type Lang } from './interpreters.js';

/** The files each variable can make its runtime load, by name. */
const KINDS: Record<string, RegExp> = {
  NODE_OPTIONS: /\.[cm]?[jt]s$/,
  RUBYOPT: /\.rb$/,
  PERL5OPT: /\.pm$/,
  PYTHONSTARTUP: /\.py$/,
  PYTHONPATH: /customize\.py$|\.pth$/,
  LD_PRELOAD: /\.so(\.\d+)*$/,
  JAVA_TOOL_OPTIONS: /\.jar$/,
  _JAVA_OPTIONS: /\.jar$/,
  JDK_JAVA_OPTIONS: /\.jar$/,
};
const VARS = Object.keys(KINDS);

/** Folders where a binary written by anyone is unknown code, even when this script did not write it. */
const SCRATCH = /^\/(tmp|var\/tmp|dev\/shm)\//;

/** A file the variable names: [interpreter to read it with ('' = binary), path]. */
type Loaded = [string, string];

/** The files `name`'s value makes its runtime load. */
export function loadedFiles(name: string, value: string, vars: (n: string) => string | undefined): Loaded[] {
  const words = value.trim().split(/\s+/).filter(Boolean);
  const out: Loaded[] = [];
  const after = (re: RegExp, glued: RegExp): string[] => {
    const found: string[] = [];
    words.forEach((w, i) => {
      if (re.test(w) && words[i + 1]) found.push(words[i + 1]);
      const g = glued.exec(w);
      if (g) found.push(g[1]);
    });
    return found.map((f) => f.replace(/^['"]|['"]$/g, ''));
  };
  if (name === 'NODE_OPTIONS')
    for (const f of after(
      /^(-r|--require|--import|--loader|--experimental-loader)$/,
      /^(?:--require|--import|--loader|--experimental-loader)=(.+)$/,
    ))
      if (/^(\.{0,2}\/|~\/)|\.[cm]?[jt]s$/.test(f)) out.push(['node', f]);
  if (name === 'RUBYOPT')
    for (const f of after(/^-r$/, /^-r(.+)$/)) if (/^(\.{0,2}\/|~\/)|\.rb$/.test(f)) out.push(['ruby', f]);
  if (name === 'PERL5OPT') {
    const dirs = [...(vars('PERL5LIB') ?? '').split(':'), ...after(/^-I$/, /^-I(.+)$/)].filter(Boolean);
    for (const m of after(/^-[mM]$/, /^-[mM]-?([\w:]+)/))
      for (const d of dirs)
        out.push(['perl', `${d.replace(/\/+$/, '')}/${m.replace(/=.*/, '').replace(/::/g, '/')}.pm`]);
  }
  if (name === 'PYTHONSTARTUP' && value) out.push(['python', value]);
  if (name === 'PYTHONPATH')
    for (const d of value.split(':').filter(Boolean))
      for (const m of ['sitecustomize.py', 'usercustomize.py'])
        out.push(['python', `${d.replace(/\/+$/, '')}/${m}`]);
  if (name === 'LD_PRELOAD') for (const f of value.split(/[:\s]+/).filter(Boolean)) out.push(['', f]);
  if (/JAVA_TOOL_OPTIONS|_JAVA_OPTIONS/.test(name))
    for (const w of words) {
      const m = /^-javaagent:([^=]+)/.exec(w);
      if (m) out.push(['', m[1]]);
    }
  return out;
}

/**
 * Perl code PERL5OPT's `-M`/`-m` carry in place of a module name: perl runs `use VALUE;`,
 * so `-M5;system(q(dropdb),q(orders))` runs the system call. Module names (`Foo::Bar`, with
 * an import list `=a,b`) are not code. Empty = none.
 */
export function perlOptCode(value: string): string[] {
  const out: string[] = [];
  // perl splits PERL5OPT on white space, like switches on its command line.
  for (const w of value.trim().split(/\s+/)) {
    const arg = /^-[mM]-?(.+)$/.exec(w)?.[1];
    if (arg && !/^[\w:]+(=[\w:,]*)?$/.test(arg)) out.push(`use ${arg};`);
  }
  return out;
}

/** Runs the code the scope's runtime variables make a runtime load (see the module comment). */
export function runtimePreloads(k: K): void {
  const { scope } = k;
  for (const name of VARS) {
    // most commands set none of these: nothing is made for a variable that is not there
    if (!scope.dyn.has(name) && !scope.vars.get(name)) continue;
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, name] };
    if (scope.dyn.has(name)) {
      // A value not known statically most often extends the user's own
      // (`NODE_OPTIONS="$NODE_OPTIONS --max-old-space-size=4096"`). fail closed: when the script
      // wrote a file of that runtime's kind, the unknown value may be what loads it.
      if ([...scope.written].some((p) => KINDS[name].test(p)))
        emit([{ text: `$${name}`, dynamic: true }], { ...k, frame }, { dynamic: true });
      continue;
    }
    const value = scope.vars.get(name);
    if (!value) continue;
    if (name === 'PERL5OPT')
      for (const code of perlOptCode(value)) {
        const inner = cloneScope(scope);
        for (const v of VARS) inner.vars.delete(v);
        runInterpreter('perl', [lit('perl'), lit('-e'), lit(code)], {
          ...k,
          scope: inner,
          frame,
          io: { writes: [] },
        });
      }
    for (const [lang, path] of loadedFiles(name, value, (n) => scope.vars.get(n))) {
      const abs = absPath(scope.cwd, path.startsWith('~/') ? k.run.ctx.home + path.slice(1) : path);
      const text = scope.files.get(abs);
      const written = scope.written.has(abs);
      if (lang && text !== undefined) {
        const argv: Field[] = [lit(lang), lit(abs)];
        // The preloaded code's own commands are read once: without the variable that loaded it.
        const inner = cloneScope(scope);
        for (const v of VARS) inner.vars.delete(v);
        runInterpreter(lang as Lang, argv, { ...k, scope: inner, frame, io: { writes: [] } });
      } else if ((written && (text === undefined || !lang)) || (!lang && SCRATCH.test(abs)))
        // fail closed: code the script wrote with content not known, or a binary it (or anyone) left in a scratch folder.
        emit([{ text: abs, dynamic: true }], { ...k, frame }, { dynamic: true });
    }
  }
}
