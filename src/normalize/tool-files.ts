/**
 * How a tool loads its files (`ToolFile`, the entries of tool-configs.ts's table), and the
 * entries of the build tools and package managers: Gradle's and Maven's builds (gradle.ts,
 * maven.ts), a .deb's maintainer scripts and an .rpm's scriptlets this script built
 * (built-packages.ts), a package.json's scripts (package-scripts.ts).
 */
import type { Field } from './state.js';
import type { K } from './emit.js';
import { gradleRead } from './gradle.js';
import { mavenRead } from './maven.js';
import { gradleFiles, mavenFiles, mavenModules } from './tool-locators.js';
import { packageScripts as builtPackageScripts, rpmScriptlets } from './built-packages.js';
import { packageScripts } from './package-scripts.js';

/** One kind of file a tool loads, and how it runs. */
export interface ToolFile {
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
  /** The interpreter that runs the file's code (`python3`), by the file's path; undefined = the tool's own language, see `read`. */
  interp?: string | ((path: string) => string);
  /** What the file does with these arguments: the code that runs and the shell lines the tool performs; undefined = its whole text is code. */
  read?: (text: string, args: Field[], path: string, k: K) => { text: string; shell: string[] };
  /**
   * A named file neither written by this script nor readable is the project's own: not read
   * (else unknown code); one named by a value not known statically is unknown code only when
   * this script wrote a file whose name matches. Undefined = both are unknown code.
   */
  quiet?: RegExp;
  /** The file is a program run by its path (its #! line says how: a package's maintainer script); `interp` and `read` are then unused. */
  byPath?: boolean;
  /** Further files the loaded one names that run too (jest's hooks); undefined = none. */
  more?: (text: string, dir: string) => string[];
  /** The wrapper the file's commands run under; undefined = the program's name. */
  label?: string;
}

/** A Gradle script: what the tasks the command reaches, and the configuration phase, do (gradle.ts). */
export const GRADLE: ToolFile = {
  files: [],
  opts: [],
  named: gradleFiles,
  interp: (path) => (path.endsWith('.kts') ? 'kotlin' : 'groovy'),
  read: (text, args, path, k) => gradleRead(text, args, path, k.run.ctx.home),
  quiet: /\.gradle(\.kts)?$/,
};

/** A Maven build: what the plugins of the pom (and its modules) run for the phases and goals asked (maven.ts). */
export const MAVEN: ToolFile = {
  files: [],
  opts: [],
  named: mavenFiles,
  read: (text, args, path, k) => mavenRead(text, args, path, k.run.ctx.home),
  more: mavenModules,
  quiet: /^pom\.xml$/,
};

/** Whether a package manager command removes packages (`dpkg -r`, `apt purge`, `rpm -e`, `dnf remove`). */
const removes = (args: Field[]) =>
  args.some((a) => /^(-r|--remove|-P|--purge|-e|--erase|remove|purge|erase|rm|autoremove)$/.test(a.text));
/** Installing or removing a .deb this script built runs its maintainer scripts as root (built-packages.ts). */
export const DEB: ToolFile = {
  when: (args) =>
    args.some((a) =>
      /^(-i|--install|--unpack|install|reinstall|-r|--remove|-P|--purge|remove|purge)$/.test(a.text),
    ),
  files: [],
  opts: [],
  named: (args, k) => builtPackageScripts('deb', args, removes(args), k),
  byPath: true,
  label: 'maintainer script',
};
/** Installing or removing an .rpm this script built runs its spec's scriptlets as root (built-packages.ts). */
export const RPM: ToolFile = {
  when: (args) =>
    args.some((a) =>
      /^(-[iUFe][a-zA-Z]*|--install|--upgrade|--freshen|--reinstall|--erase|install|in|localinstall|reinstall|upgrade|update|remove|erase|rm)$/.test(
        a.text,
      ),
    ),
  files: [],
  opts: [],
  named: (args, k) => builtPackageScripts('rpm', args, removes(args), k),
  read: (text, args) => ({ text: '', shell: rpmScriptlets(text, removes(args)) }),
  label: 'rpm scriptlet',
};

/** A package.json's scripts that the package manager runs (package-scripts.ts), as shell lines. */
export const scriptsOf = (runner: string): ToolFile => ({
  files: ['package.json'],
  opts: [],
  read: (text, args) => ({ text: '', shell: packageScripts(runner, text, args) }),
  label: `${runner} script`,
});
