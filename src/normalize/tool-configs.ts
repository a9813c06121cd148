/**
 * Code files a tool loads and runs from its working folder, read as the language runs them:
 * - `nox` runs noxfile.py (Python; `-f|--noxfile FILE`), `grunt` Gruntfile.js (`--gruntfile`),
 *   `gulp` gulpfile.js (`-f|--gulpfile`), `jake` Jakefile(.js), `vagrant` the Vagrantfile
 *   (Ruby, every subcommand), `R`/`Rscript` the .Rprofile (its code, and `.First`, run at
 *   start), `jest` jest.config.js (`-c|--config`) and the files its `globalSetup`,
 *   `globalTeardown`, `setupFiles` name, `yarn` the release file .yarnrc.yml's `yarnPath` names
 *   (every yarn command runs it under node), `nmap --script FILE` an NSE script (Lua);
 * Each file is read as `python3|node|ruby|Rscript|lua FILE` is, so what the code does is read
 * by the code scanners. A default file is read only when this script wrote it: the project's
 * own file on disk is its build, like plain `make`. A file named by an option is read through
 * ctx.readFile too; one that cannot be read is unknown code.
 */
import { absPath, basename, cloneScope, type Field } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';

interface CodeTool {
  /** The files the tool loads from its working folder, first found wins; empty = only a named one. */
  files: string[];
  /** Options whose value names the file instead (`--noxfile F`, `--noxfile=F`); empty = none. */
  opts: string[];
  /** The interpreter that reads the file's language. */
  interp: string;
}

const TOOLS: Record<string, CodeTool> = {
  nox: { files: ['noxfile.py'], opts: ['-f', '--noxfile'], interp: 'python3' },
  grunt: { files: ['Gruntfile.js', 'Gruntfile.cjs', 'gruntfile.js'], opts: ['--gruntfile'], interp: 'node' },
  gulp: {
    files: ['gulpfile.js', 'gulpfile.cjs', 'gulpfile.mjs'],
    opts: ['-f', '--gulpfile'],
    interp: 'node',
  },
  jake: { files: ['Jakefile', 'Jakefile.js', 'jakefile.js'], opts: ['-f', '--jakefile'], interp: 'node' },
  vagrant: { files: ['Vagrantfile'], opts: [], interp: 'ruby' },
  R: { files: ['.Rprofile'], opts: [], interp: 'Rscript' },
  Rscript: { files: ['.Rprofile'], opts: [], interp: 'Rscript' },
  jest: {
    files: ['jest.config.js', 'jest.config.cjs', 'jest.config.mjs'],
    opts: ['-c', '--config'],
    interp: 'node',
  },
};

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** The value of option `opts` in `args` (`-f F`, `--f=F`); undefined = not given. */
function optionValue(args: Field[], opts: string[]): Field | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (opts.includes(t)) return args[i + 1];
    const eq = opts.find((o) => o.startsWith('--') && t.startsWith(`${o}=`));
    if (eq) return { text: t.slice(eq.length + 1), dynamic: args[i].dynamic };
  }
  return undefined;
}

/** Each interpreter's option for inline code. */
const INLINE: Record<string, string> = { python3: '-c', node: '-e', ruby: '-e', Rscript: '-e', lua: '-e' };

/**
 * Reads the file at `path` as `interp FILE` runs it, labelled by the tool: as its inline code
 * (`node -e CODE`), so every reader of code (scanners, SQL and SDK readers) sees it.
 */
function runFile(interp: string, path: string, label: string, k: K): void {
  const text = scriptFile(path, k);
  if (text === undefined) return unknownFile(path, label, k);
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
  reparse(
    `${interp} ${INLINE[interp]} ${quote(text)}`,
    label,
    { ...k, frame, io: { writes: [] } },
    {
      scope: cloneScope(k.scope),
    },
  );
}

/** fail closed: a file named by a value not known statically, or not readable, may hold any code. */
function unknownFile(path: string, label: string, k: K): void {
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
  emit([{ text: path, dynamic: true }], { ...k, frame }, { dynamic: true });
}

/**
 * The file the tool loads: the named one (undefined text = unreadable), or the first default
 * file this script wrote; undefined = nothing to read.
 */
function toolFile(
  tool: CodeTool,
  args: Field[],
  k: K,
): { path: string; text?: string; dynamic?: boolean } | undefined {
  const named = optionValue(args, tool.opts);
  if (named) {
    const path = absPath(k.scope.cwd, named.text);
    return named.dynamic ? { path, dynamic: true } : { path, text: scriptFile(path, k) };
  }
  for (const f of tool.files) {
    const path = absPath(k.scope.cwd, f);
    if (k.scope.written.has(path)) return { path, text: k.scope.files.get(path) };
  }
  return undefined;
}

/** Files a jest config names to run around the tests (paths relative to the config's folder). */
function jestHooks(text: string, dir: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /\b(?:globalSetup|globalTeardown|testEnvironment)\s*:\s*['"`]([^'"`]+)['"`]/g,
  ))
    if (/^\.{0,2}\//.test(m[1])) out.push(absPath(dir, m[1].replace(/^<rootDir>\//, './')));
  for (const m of text.matchAll(/\bsetupFiles(?:AfterEnv)?\s*:\s*\[([^\]]*)\]/g))
    for (const f of m[1].matchAll(/['"`]([^'"`]+)['"`]/g))
      out.push(absPath(dir, f[1].replace(/^<rootDir>\//, './')));
  return out;
}

/** `yarnPath: FILE` of a .yarnrc.yml this script wrote (`yarn-path "FILE"` of a v1 .yarnrc). */
function yarnRelease(k: K): string | undefined {
  for (const [name, re] of [
    ['.yarnrc.yml', /^\s*yarnPath\s*:\s*['"]?([^'"\s#]+)/m],
    ['.yarnrc', /^\s*yarn-path\s+['"]?([^'"\s#]+)/m],
  ] as const) {
    const path = absPath(k.scope.cwd, name);
    if (!k.scope.written.has(path)) continue;
    const m = re.exec(k.scope.files.get(path) ?? '');
    if (m) return absPath(k.scope.cwd, m[1]);
  }
  return undefined;
}

/** `nmap --script A,B` / `--script=A`: the values that name script files (not categories or built-in names). */
function nmapScripts(args: Field[], k: K): void {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const v =
      t === '--script'
        ? args[i + 1]
        : t.startsWith('--script=')
          ? { ...args[i], text: t.slice(9) }
          : undefined;
    if (!v) continue;
    if (v.dynamic) unknownFile(v.text, 'nmap --script', k);
    else
      for (const s of v.text.split(',')) {
        const path = absPath(k.scope.cwd, s);
        if (!s.includes('/') && !k.scope.written.has(path)) continue; // a script nmap ships
        runFile('lua', path, 'nmap --script', k);
      }
  }
}

/** Reads the code files `prog` runs (see the module comment). */
export function toolConfigs(prog: string, argv: Field[], k: K): void {
  const args = argv.slice(1);
  if (prog === 'nmap') return nmapScripts(args, k);
  if (prog === 'yarn') {
    const release = yarnRelease(k);
    if (release) runFile('node', release, 'yarnPath', k);
    return;
  }
  const tool = Object.hasOwn(TOOLS, prog) ? TOOLS[prog] : undefined;
  if (!tool) return;
  const file = toolFile(tool, args, k);
  if (!file) return;
  if (file.dynamic) return unknownFile(file.path, prog, k);
  runFile(tool.interp, file.path, prog, k);
  if (file.text === undefined) return;
  if (prog === 'jest')
    for (const hook of jestHooks(file.text, file.path.replace(/\/[^/]*$/, '') || '/'))
      runFile('node', /\.\w+$/.test(basename(hook)) ? hook : `${hook}.js`, 'jest', k);
}
