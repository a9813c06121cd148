/**
 * The table of files a tool loads and runs (tool → file → how it runs; the entries' shape and
 * the build and package tools' entries: tool-files.ts), each read through written-code.ts
 * (which files: tool-locators.ts):
 * - code files, read as their interpreter runs them (`python3|node|ruby|Rscript|lua FILE`):
 *   `nox` noxfile.py (`-f|--noxfile FILE`), `grunt` Gruntfile.js (`--gruntfile`), `gulp`
 *   gulpfile.js (`-f|--gulpfile`), `jake` Jakefile(.js), `vagrant` the Vagrantfile (every
 *   subcommand), `R`/`Rscript` the .Rprofile (its code, and `.First`, run at start), `jest`
 *   jest.config.js (`-c|--config`) and the files its `globalSetup`, `globalTeardown`,
 *   `setupFiles` name, `yarn` the release file .yarnrc.yml's `yarnPath` names (every yarn
 *   command runs it under node), `nmap --script FILE` an NSE script (Lua), `pip install|wheel
 *   DIR` (also `-e DIR`, `pip3`, `pipX.Y`, `python3 -m pip`) DIR/setup.py; `gradle` / `./gradlew`
 *   its build, settings and init scripts (Groovy or Kotlin, what the tasks asked run: gradle.ts);
 * - files in the tool's own language, turned into the shell lines they perform: `cmake -P FILE`,
 *   `diskshadow|diskpart /s FILE`, `meson setup|configure|…` meson.build (tool-scripts.ts),
 *   `lefthook install|run|add` lefthook.yml and `pre-commit run|install` .pre-commit-config.yaml
 *   (hook-managers.ts), `mvn` / `./mvnw` pom.xml and its
 *   modules (the exec, antrun and clean plugins: maven.ts), `rpm -i|-e`, `dnf install|remove` of
 *   an .rpm this script built: its spec's scriptlets (built-packages.ts);
 * - programs run by their path: `dpkg -i|-r`, `apt install|remove` of a .deb this script built:
 *   its maintainer scripts (built-packages.ts).
 * A default file is read only when this script wrote it: the project's own file on disk is its
 * build, like plain `make`. A file named by an option is read through ctx.readFile too; one that
 * cannot be read is unknown code (gradle's and mvn's: only when this script wrote it).
 */
import { absPath, basename, type Field } from './state.js';
import type { K } from './emit.js';
import { scriptFile } from './shells.js';
import { interpreterFor } from './interpreter-args.js';
import { runLines, runWritten, unreadable } from './written-code.js';
import { cmakeScript, diskScript, mesonScript } from './tool-scripts.js';
import { jestHooks, moduleRun, nmapScripts, optionValue, pipDirs, yarnRelease } from './tool-locators.js';
import { DEB, GRADLE, MAVEN, RPM, scriptsOf, type ToolFile } from './tool-files.js';
import { runArgv } from './carriers.js';
import { LEFTHOOK_FILES, lefthookRuns, PRE_COMMIT_FILES, preCommitRuns } from './hook-managers.js';

/** A file in the tool's own language, read as the shell lines `lines` gives. */
const shellOf = (lines: (text: string) => string[]) => (text: string) => ({ text: '', shell: lines(text) });

const sub = (re: RegExp) => (args: Field[]) => re.test(args[0]?.text ?? '');

/** pre-commit (and prek): the local hooks of the config it runs or installs (hook-managers.ts). */
const PRE_COMMIT: ToolFile = {
  when: sub(/^(run|install|install-hooks|hook-impl)$/),
  files: PRE_COMMIT_FILES,
  opts: ['-c', '--config'],
  read: shellOf(preCommitRuns),
  label: 'pre-commit hook',
};

/** Each tool's files (a tool that loads several kinds: one entry each). */
const TOOLS: Record<string, ToolFile | ToolFile[]> = {
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
  yarn: [{ files: [], opts: [], named: yarnRelease, interp: 'node', label: 'yarnPath' }, scriptsOf('yarn')],
  npm: scriptsOf('npm'),
  pnpm: scriptsOf('pnpm'),
  bun: scriptsOf('bun'),
  // conftest.py files are imported by pytest before it collects; invoke imports tasks.py
  pytest: {
    files: ['conftest.py', 'tests/conftest.py', 'test/conftest.py'],
    all: true,
    opts: [],
    interp: 'python3',
  },
  'py.test': {
    files: ['conftest.py', 'tests/conftest.py', 'test/conftest.py'],
    all: true,
    opts: [],
    interp: 'python3',
  },
  invoke: { files: ['tasks.py'], opts: [], interp: 'python3' },
  inv: { files: ['tasks.py'], opts: [], interp: 'python3' },
  nmap: { files: [], opts: [], named: nmapScripts, interp: 'lua', label: 'nmap --script' },
  pip: {
    when: (args) => /^(install|wheel|download)$/.test(args.find((a) => !a.text.startsWith('-'))?.text ?? ''),
    files: ['setup.py'],
    opts: [],
    dirs: pipDirs,
    interp: 'python3',
    label: 'pip install (setup.py)',
  },
  cmake: { files: [], opts: ['-P'], read: shellOf(cmakeScript), label: 'cmake -P' },
  diskshadow: {
    files: [],
    opts: ['/s', '/S', '-s', '-S'],
    read: shellOf((t) => diskScript('diskshadow', t)),
    label: 'diskshadow /s',
  },
  diskpart: {
    files: [],
    opts: ['/s', '/S', '-s', '-S'],
    read: shellOf((t) => diskScript('diskpart', t)),
    label: 'diskpart /s',
  },
  meson: {
    when: sub(/^(setup|configure|compile|install|test|dist)$/),
    files: ['meson.build'],
    opts: [],
    read: shellOf(mesonScript),
    label: 'meson run_command',
  },
  lefthook: {
    when: sub(/^(install|run|add)$/),
    files: LEFTHOOK_FILES,
    all: true,
    opts: [],
    read: shellOf(lefthookRuns),
  },
  'pre-commit': PRE_COMMIT,
  prek: PRE_COMMIT,
  gradle: GRADLE,
  gradlew: GRADLE,
  mvn: MAVEN,
  mvnw: MAVEN,
  mvnd: MAVEN,
  dpkg: DEB,
  apt: DEB,
  'apt-get': DEB,
  aptitude: DEB,
  nala: DEB,
  gdebi: { ...DEB, when: undefined },
  rpm: RPM,
  dnf: RPM,
  yum: RPM,
  microdnf: RPM,
  tdnf: RPM,
  zypper: RPM,
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
function runFile(tool: ToolFile, file: Field, args: Field[], label: string, k: K): void {
  const path = absPath(k.scope.cwd, file.text);
  const text = file.dynamic ? undefined : scriptFile(path, k);
  const quiet = tool.quiet;
  if (text === undefined && quiet && !k.scope.written.has(path))
    if (!file.dynamic || ![...k.scope.written].some((p) => quiet.test(basename(p)))) return;
  // fail closed: a file named by a value not known statically, or not readable, may hold any code
  if (text === undefined) return unreadable(file.dynamic ? file.text : path, label, k);
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
  if (tool.byPath) return void runArgv([{ text: path, dynamic: false }], { ...k, frame, io: { writes: [] } });
  const code = tool.read ? tool.read(text, args, path, k) : { text, shell: [] };
  const interp = typeof tool.interp === 'function' ? tool.interp(path) : tool.interp;
  if (!interp) runLines(code.shell, label, k);
  else
    runWritten(
      [
        { text: interp, dynamic: false },
        { text: path, dynamic: false },
      ],
      { ...k, frame },
      { ...code, lang: interpreterFor(interp) },
      interp,
    );
  for (const more of tool.more?.(text, path.replace(/\/[^/]*$/, '') || '/') ?? [])
    runFile({ ...tool, more: undefined }, { text: more, dynamic: false }, args, label, k);
}

/** Reads the files `prog` loads and runs (see the module comment). */
export function toolConfigs(prog: string, argv: Field[], k: K): void {
  const [name, args] = moduleRun(prog, argv);
  const key = toolKey(name);
  if (!key) return;
  for (const tool of [TOOLS[key]].flat()) {
    if (tool.when && !tool.when(args)) continue;
    // `./gradlew` run as the gradle it wraps (version-shims.ts): its files were read for the wrapper
    const via = k.frame.wrappers.at(-1) ?? '';
    if (via.includes('/') && [TOOLS[toolKey(basename(via)) ?? ''] ?? []].flat().includes(tool)) continue;
    for (const file of toolFiles(tool, args, k)) runFile(tool, file, args, tool.label ?? key, k);
  }
}
