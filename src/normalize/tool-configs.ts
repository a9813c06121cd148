/**
 * The table of files a tool loads and runs (tool → file → how it runs), read through
 * written-code.ts:
 * - code files, read as their interpreter runs them (`python3|node|ruby|Rscript|lua FILE`):
 *   `nox` noxfile.py (`-f|--noxfile FILE`), `grunt` Gruntfile.js (`--gruntfile`), `gulp`
 *   gulpfile.js (`-f|--gulpfile`), `jake` Jakefile(.js), `vagrant` the Vagrantfile (every
 *   subcommand), `R`/`Rscript` the .Rprofile (its code, and `.First`, run at start), `jest`
 *   jest.config.js (`-c|--config`) and the files its `globalSetup`, `globalTeardown`,
 *   `setupFiles` name, `yarn` the release file .yarnrc.yml's `yarnPath` names (every yarn
 *   command runs it under node), `nmap --script FILE` an NSE script (Lua), `pip install|wheel
 *   DIR` (also `-e DIR`, `pip3`, `pipX.Y`, `python3 -m pip`) DIR/setup.py;
 * - files in the tool's own language, turned into the shell lines they perform (tool-scripts.ts,
 *   hook-managers.ts): `cmake -P FILE`, `diskshadow|diskpart /s FILE`, `meson setup|configure|…`
 *   meson.build, `lefthook install|run|add` lefthook.yml.
 * A default file is read only when this script wrote it: the project's own file on disk is its
 * build, like plain `make`. A file named by an option is read through ctx.readFile too; one that
 * cannot be read is unknown code.
 */
import { absPath, basename, type Field } from './state.js';
import type { K } from './emit.js';
import { scriptFile } from './shells.js';
import { interpreterFor } from './interpreter-args.js';
import { runLines, runWritten, unreadable } from './written-code.js';
import { cmakeScript, diskScript, mesonScript } from './tool-scripts.js';
import { LEFTHOOK_FILES, lefthookRuns } from './hook-managers.js';

interface ToolFile {
  /** Whether the tool loads the files with these arguments (after the program); undefined = always. */
  when?: (args: Field[]) => boolean;
  /** Files loaded from each folder, first found wins (all of them when `all`), read only when this script wrote them; empty = only a named one. */
  files: string[];
  /** Every default file found is loaded, not only the first. */
  all?: boolean;
  /** Options whose value names the file instead (`--noxfile F`, `--noxfile=F`); empty = none. */
  opts: string[];
  /** The files named, when options alone don't say (`nmap --script A,B`, yarnPath); undefined = `opts`. */
  named?: (args: Field[], k: K) => Field[];
  /** Folders the default files are looked up in (`pip install DIR`); undefined = the working folder. */
  dirs?: (args: Field[]) => Field[];
  /** The interpreter that runs the file's code (`python3`); undefined = the tool's own language, see `lines`. */
  interp?: string;
  /** The shell lines the file performs in the tool's own language; undefined = none. */
  lines?: (text: string) => string[];
  /** Further files the loaded one names that run too (jest's hooks); undefined = none. */
  more?: (text: string, dir: string) => string[];
  /** The wrapper the file's commands run under; undefined = the program's name. */
  label?: string;
}

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
  return out.map((hook) => (/\.\w+$/.test(basename(hook)) ? hook : `${hook}.js`));
}

/** `yarnPath: FILE` of a .yarnrc.yml this script wrote (`yarn-path "FILE"` of a v1 .yarnrc). */
function yarnRelease(_args: Field[], k: K): Field[] {
  for (const [name, re] of [
    ['.yarnrc.yml', /^\s*yarnPath\s*:\s*['"]?([^'"\s#]+)/m],
    ['.yarnrc', /^\s*yarn-path\s+['"]?([^'"\s#]+)/m],
  ] as const) {
    const path = absPath(k.scope.cwd, name);
    if (!k.scope.written.has(path)) continue;
    const m = re.exec(k.scope.files.get(path) ?? '');
    if (m) return [{ text: absPath(k.scope.cwd, m[1]), dynamic: false }];
  }
  return [];
}

/** `nmap --script A,B` / `--script=A`: the values that name script files (not categories or built-in names). */
function nmapScripts(args: Field[], k: K): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const v =
      t === '--script'
        ? args[i + 1]
        : t.startsWith('--script=')
          ? { ...args[i], text: t.slice(9) }
          : undefined;
    if (!v) continue;
    if (v.dynamic) out.push(v);
    else
      for (const s of v.text.split(','))
        // a script nmap ships is named without a folder
        if (s.includes('/') || k.scope.written.has(absPath(k.scope.cwd, s)))
          out.push({ text: s, dynamic: false });
  }
  return out;
}

/** Options of pip install/wheel that take a value (their value is not a package). */
const PIP_VALUED =
  /^(?:-[rcitfd]|--requirement|--constraint|--index-url|--extra-index-url|--find-links|--target|--prefix|--root|--src|--upgrade-strategy|--platform|--python-version|--implementation|--abi|--config-settings|-C|--global-option|--build-option|--progress-bar|--report|--log|--cache-dir|--proxy|--cert|--client-cert|--trusted-host|--timeout|--retries|--exists-action|--wheel-dir|-w)$/;

/** The local folders `pip install|wheel|download` builds (`.`, `./pkg`, `/tmp/x`, `-e DIR`); its setup.py runs. */
function pipDirs(args: Field[]): Field[] {
  const out: Field[] = [];
  for (let i = args.findIndex((a) => !a.text.startsWith('-')) + 1; i > 0 && i < args.length; i++) {
    const a = args[i];
    if (a.text === '-e' || a.text === '--editable') {
      if (args[i + 1]) out.push(args[++i]);
    } else if (PIP_VALUED.test(a.text)) i++;
    else if (a.text.startsWith('-')) continue;
    else if (a.dynamic || /^(?:\.{1,2}|~)?\//.test(a.text) || a.text === '.' || a.text === '..') out.push(a);
  }
  return out;
}

const sub = (re: RegExp) => (args: Field[]) => re.test(args[0]?.text ?? '');

const TOOLS: Record<string, ToolFile> = {
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
    more: jestHooks,
  },
  yarn: { files: [], opts: [], named: yarnRelease, interp: 'node', label: 'yarnPath' },
  nmap: { files: [], opts: [], named: nmapScripts, interp: 'lua', label: 'nmap --script' },
  pip: {
    when: (args) => /^(install|wheel|download)$/.test(args.find((a) => !a.text.startsWith('-'))?.text ?? ''),
    files: ['setup.py'],
    opts: [],
    dirs: pipDirs,
    interp: 'python3',
    label: 'pip install (setup.py)',
  },
  cmake: { files: [], opts: ['-P'], lines: cmakeScript, label: 'cmake -P' },
  diskshadow: {
    files: [],
    opts: ['/s', '/S', '-s', '-S'],
    lines: (t) => diskScript('diskshadow', t),
    label: 'diskshadow /s',
  },
  diskpart: {
    files: [],
    opts: ['/s', '/S', '-s', '-S'],
    lines: (t) => diskScript('diskpart', t),
    label: 'diskpart /s',
  },
  meson: {
    when: sub(/^(setup|configure|compile|install|test|dist)$/),
    files: ['meson.build'],
    opts: [],
    lines: mesonScript,
    label: 'meson run_command',
  },
  lefthook: {
    when: sub(/^(install|run|add)$/),
    files: LEFTHOOK_FILES,
    all: true,
    opts: [],
    lines: lefthookRuns,
  },
};

/** The table's key of program `prog` (`pip3.12` → pip, `DISKPART.EXE` → diskpart); undefined = not in it. */
function toolKey(prog: string): string | undefined {
  if (Object.hasOwn(TOOLS, prog)) return prog;
  const lower = prog.replace(/\.exe$/i, '').toLowerCase();
  if (/^(diskshadow|diskpart)$/.test(lower)) return lower;
  return /^pip[\d.]*$/.test(prog) ? 'pip' : undefined;
}

/** The files `tool` loads with `args`: the named ones, else the default files this script wrote. */
function toolFiles(tool: ToolFile, args: Field[], k: K): Field[] {
  const named = tool.named
    ? tool.named(args, k)
    : [optionValue(args, tool.opts)].filter((f) => f !== undefined);
  if (named.length || tool.named) return named;
  const out: Field[] = [];
  for (const dir of tool.dirs ? tool.dirs(args) : [{ text: '.', dynamic: false }]) {
    if (dir.dynamic) continue;
    for (const f of tool.files) {
      const path = absPath(absPath(k.scope.cwd, dir.text), f);
      if (!k.scope.written.has(path)) continue;
      out.push({ text: path, dynamic: false });
      if (!tool.all) break;
    }
  }
  return out;
}

/** Runs the file at `path` as `tool` loads it (written-code.ts); one not readable is unknown code. */
function runFile(tool: ToolFile, file: Field, label: string, k: K): void {
  const path = absPath(k.scope.cwd, file.text);
  const text = file.dynamic ? undefined : scriptFile(path, k);
  // fail closed: a file named by a value not known statically, or not readable, may hold any code
  if (text === undefined) return unreadable(file.dynamic ? file.text : path, label, k);
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
  const shell = tool.lines?.(text) ?? [];
  if (!tool.interp) return runLines(shell, label, k);
  const lang = interpreterFor(tool.interp);
  runWritten(
    [
      { text: tool.interp, dynamic: false },
      { text: path, dynamic: false },
    ],
    { ...k, frame },
    { text, lang, shell },
    tool.interp,
  );
  for (const more of tool.more?.(text, path.replace(/\/[^/]*$/, '') || '/') ?? [])
    runFile({ ...tool, more: undefined }, { text: more, dynamic: false }, label, k);
}

/** `python3 -m TOOL ARGS…` runs TOOL (`python3 -m pip install .`): its name and arguments; else `prog`'s own. */
function moduleRun(prog: string, argv: Field[]): [string, Field[]] {
  const m = argv.findIndex((f) => f.text === '-m');
  if (/^python[\d.]*$/.test(prog) && m > 0 && argv[m + 1] && !argv[m + 1].dynamic)
    return [argv[m + 1].text, argv.slice(m + 2)];
  return [prog, argv.slice(1)];
}

/** Reads the files `prog` loads and runs (see the module comment). */
export function toolConfigs(prog: string, argv: Field[], k: K): void {
  const [name, args] = moduleRun(prog, argv);
  const key = toolKey(name);
  if (!key) return;
  const tool = TOOLS[key];
  if (tool.when && !tool.when(args)) return;
  for (const file of toolFiles(tool, args, k)) runFile(tool, file, tool.label ?? key, k);
}
