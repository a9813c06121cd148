/**
 * Which files a tool of the table (tool-configs.ts) loads, where its command line or another
 * file says: jest's setup files, yarn's yarnPath release, nmap's --script files, the folders
 * `pip install` builds, the scripts a gradle command loads (build, settings, init), the pom a
 * mvn command builds and its modules; the option that names a file (`--noxfile F`) and the tool
 * `python3 -m TOOL` runs.
 */
import { absPath, basename, type Field } from './state.js';
import type { K } from './emit.js';
import { kid, kids, parseXml } from './xml.js';

/** Files a jest config names to run around the tests (paths relative to the config's folder). */
export function jestHooks(text: string, dir: string): string[] {
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
export function yarnRelease(_args: Field[], k: K): Field[] {
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
export function nmapScripts(args: Field[], k: K): Field[] {
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
export function pipDirs(args: Field[]): Field[] {
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

/**
 * The scripts a gradle command loads: `-b FILE`, `-c FILE`, `-I FILE` (named), the build and
 * settings scripts this script wrote in the project folder (`-p DIR`, else the working folder;
 * the build script unless `-b` names one), and the init scripts it wrote under the Gradle user
 * home (`-g DIR`, GRADLE_USER_HOME, else ~/.gradle: init.gradle, init.d/*.gradle).
 */
export function gradleFiles(args: Field[], k: K): Field[] {
  const named: Field[] = [];
  let build = false;
  let dir = '.';
  let userHome = k.scope.vars.get('GRADLE_USER_HOME') ?? `${k.run.ctx.home}/.gradle`;
  for (let i = 0; i < args.length; i++) {
    const m =
      /^(-[bcpIg]|--build-file|--settings-file|--project-dir|--init-script|--gradle-user-home)(?:=(.*))?$/.exec(
        args[i].text,
      );
    const v = m && (m[2] !== undefined ? { text: m[2], dynamic: args[i].dynamic } : args[++i]);
    if (!m || !v) continue;
    if (/^(-p|--project-dir)$/.test(m[1])) dir = v.dynamic ? dir : v.text;
    else if (/^(-g|--gradle-user-home)$/.test(m[1])) userHome = v.dynamic ? userHome : v.text;
    else named.push(v);
    build ||= /^(-b|--build-file)$/.test(m[1]);
  }
  const root = absPath(k.scope.cwd, dir);
  const home = absPath(k.scope.cwd, userHome);
  const scripts = [
    ...(build ? [] : ['build.gradle', 'build.gradle.kts']),
    'settings.gradle',
    'settings.gradle.kts',
  ];
  const written = [
    ...scripts.map((f) => `${root}/${f}`).filter((p) => k.scope.written.has(p)),
    ...[...k.scope.written].filter((p) => {
      const rest = p.startsWith(`${home}/`) ? p.slice(home.length + 1) : '';
      return /^(init\.gradle|init\.d\/[^/]+\.gradle)(\.kts)?$/.test(rest);
    }),
  ];
  return [...named, ...written.map((text) => ({ text, dynamic: false }))];
}

/** The poms of a pom's `<modules>`: each module folder's pom.xml (or the file it names). */
export function mavenModules(text: string, dir: string): string[] {
  const project = kid(parseXml(text), 'project');
  return kids(kid(project, 'modules'), 'module').map((m) =>
    absPath(dir, /\.xml$/.test(m.text) ? m.text : `${m.text}/pom.xml`),
  );
}

/** The pom a mvn command builds: `-f FILE|DIR` (`--file`), else the pom.xml this script wrote in the working folder. */
export function mavenFiles(args: Field[], k: K): Field[] {
  const i = args.findIndex((a) => a.text === '-f' || a.text === '--file' || a.text.startsWith('--file='));
  if (i >= 0) {
    const f = args[i].text.startsWith('--file=') ? { ...args[i], text: args[i].text.slice(7) } : args[i + 1];
    if (f)
      return [
        f.dynamic || /\.xml$/.test(f.text) ? f : { ...f, text: `${f.text.replace(/\/+$/, '')}/pom.xml` },
      ];
  }
  const pom = absPath(k.scope.cwd, 'pom.xml');
  return k.scope.written.has(pom) ? [{ text: pom, dynamic: false }] : [];
}

/** The value of option `opts` in `args` (`-f F`, `--f=F`); undefined = not given. */
export function optionValue(args: Field[], opts: string[]): Field | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (opts.includes(t)) return args[i + 1];
    const eq = opts.find((o) => o.startsWith('--') && t.startsWith(`${o}=`));
    if (eq) return { text: t.slice(eq.length + 1), dynamic: args[i].dynamic };
  }
  return undefined;
}

/** `python3 -m TOOL ARGS…` runs TOOL (`python3 -m pip install .`): its name and arguments; else `prog`'s own. */
export function moduleRun(prog: string, argv: Field[]): [string, Field[]] {
  const m = argv.findIndex((f) => f.text === '-m');
  if (/^python[\d.]*$/.test(prog) && m > 0 && argv[m + 1] && !argv[m + 1].dynamic)
    return [argv[m + 1].text, argv.slice(m + 2)];
  return [prog, argv.slice(1)];
}
