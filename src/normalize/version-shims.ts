/**
 * Version-manager shims and exec wrappers, recognised by what they do: a short shell
 * script whose only effect is to `exec` a fixed program with the arguments it was given
 * (`"$@"`), possibly through a manager's `exec`/`run` verb and its own name (`$0`).
 *
 *   pyenv/rbenv/nodenv/jenv  program=<its own name> … exec "/root/.pyenv/libexec/pyenv" exec "$program" "$@"
 *   asdf                     exec /home/u/.asdf/bin/asdf exec "node" "$@"
 *   Homebrew / Nix / makeWrapper   export X=…; exec -a "$0" "/nix/store/…/.hello-wrapped" "$@"
 *
 * Such a script run as `SHIM ARGS…` means "run the real tool with ARGS": the tool and its
 * arguments are judged (once), and that is what a human is shown. Anything else in the
 * script (a command other than `set`, `export`, an assignment or a test, a command
 * substitution, a loop) and it is not a shim: it is analysed as the script it is.
 * Pure: text in, words out.
 */
import path from 'node:path';
import { parse as shellParse } from 'shell-quote';

/** What a recognised shim runs. */
export interface ShimTarget {
  /** The real command's words: the tool's name, then its arguments. Never empty. */
  argv: string[];
  /** Absolute path the shim execs (the manager or the wrapped binary). */
  execPath: string;
}

/** Sentinels for the words that stand for the script's own name and for its arguments. */
const SELF = '\u0000self\u0000';
const ALL = '\u0000all\u0000';
const MAX_SHIM_BYTES = 8 * 1024;

/** Ways to write the basename of `$0`: the `##*\/` expansion, `$(basename "$0")`, backquoted basename. */
const SELF_FORMS = [/\$\{0##\*\/\}/g, /\$\(basename\s+"?\$0"?\)/g, /`basename\s+"?\$0"?`/g];

/** A line that only sets options, variables or tests them (no command of its own). */
const HARMLESS = [
  /^set(\s+[-+][a-zA-Z]+|\s+-o\s+\w+)*$/,
  /^\[\[? [^;&|`$()]*\$\{?\w+\}?"? ?\]?\]? && set -x$/, // [ -n "$PYENV_DEBUG" ] && set -x
  /^(export\s+)?[A-Za-z_]\w*=(?:'[^']*'|"[^"`]*"|\$\{[^}]*\}|\$\w+|[^\s;&|`()'"$]+)*$/,
  /^export\s+[A-Za-z_]\w*(\s+[A-Za-z_]\w*)*$/,
  /^if \[\[? [^;&|`()]* \]?\]; then$/,
  /^fi$/,
];

/** Does this line only set or test something? (`$(` and backquotes never are.) */
function harmless(line: string): boolean {
  if (line.includes('$(') || line.includes('`')) return false;
  return HARMLESS.some((re) => re.test(line));
}

/** Nix's makeWrapper names the real binary `.NAME-wrapped`; the tool is NAME. */
function toolName(p: string): string {
  const b = path.basename(p);
  return b.replace(/^\.(.+)-wrapped$/, '$1');
}

/**
 * The command a shim script runs when started as `scriptPath args…`, or undefined when
 * the script is not a plain shim (then it must be analysed as a script).
 */
export function unwrapShim(
  script: string,
  scriptPath: string,
  args: string[],
  installed: (p: string) => boolean,
): ShimTarget | undefined {
  if (Buffer.byteLength(script) > MAX_SHIM_BYTES) return undefined;
  let text = script;
  for (const re of SELF_FORMS) text = text.replace(re, SELF);
  const selfVars = new Set<string>();
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const last = lines.pop();
  if (!last || !/^exec\s/.test(last)) return undefined;
  for (const l of lines) {
    const m = /^(?:export\s+)?([A-Za-z_]\w*)="?\u0000self\u0000"?$/.exec(l);
    if (m) {
      selfVars.add(m[1]);
      continue;
    }
    if (!harmless(l.replaceAll(SELF, 'x'))) return undefined;
  }
  const parsed = shellParse(last, (name: string) => {
    if (name === '@') return ALL;
    if (selfVars.has(name)) return SELF;
    return `\u0000var:${name}\u0000`;
  });
  // A trailing comment (asdf: `# asdf_allow: ' asdf '`) is not part of the command.
  const lastWord = parsed.at(-1);
  const words =
    lastWord && typeof lastWord === 'object' && 'comment' in lastWord ? parsed.slice(0, -1) : parsed;
  if (words.some((w) => typeof w !== 'string')) return undefined; // operators, globs, comments
  const w = (words as string[]).map((x) => x.replaceAll('\u0000self\u0000', SELF));
  let i = 1;
  if (w[i] === '-a' && w[i + 1] !== undefined) i += 2; // exec -a NAME: only argv[0] changes
  const execPath = w[i];
  if (!execPath || !path.isAbsolute(execPath) || execPath.includes('\u0000')) return undefined;
  const rest = w.slice(i + 1);
  if (rest.at(-1) !== ALL) return undefined;
  const middle = rest.slice(0, -1);
  // Everything but the self name must be a literal word.
  if (middle.some((x) => x !== SELF && x.includes('\u0000'))) return undefined;
  const self = path.basename(scriptPath);
  const selfAt = middle.indexOf(SELF);
  if (selfAt >= 0) {
    // MANAGER exec "$program" FIXED… "$@": the tool is the shim's own name. Only through an
    // installed manager's `exec` verb: `exec /bin/rm -rf "$program" "$@"` is no shim.
    if (selfAt !== 1 || middle[0] !== 'exec' || !installed(execPath)) return undefined;
    return {
      argv: [self, ...middle.slice(selfAt + 1).map((x) => (x === SELF ? self : x)), ...args],
      execPath,
    };
  }
  if (middle.length >= 2 && middle[0] === 'exec' && installed(execPath)) {
    // MANAGER exec TOOL FIXED… "$@" (asdf)
    return { argv: [...middle.slice(1), ...args], execPath };
  }
  // A plain wrapper: the binary itself, with any fixed arguments.
  return { argv: [toolName(execPath), ...middle, ...args], execPath };
}

/**
 * For a bash started on a script file (`bash [OPTIONS] FILE ARGS…`): FILE and ARGS, or
 * undefined when bash was given `-c` or no file.
 */
export function scriptFileOf(argv: string[]): { file: string; args: string[] } | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return argv[i + 1] ? { file: argv[i + 1], args: argv.slice(i + 2) } : undefined;
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O' || a === '--rcfile' || a === '--init-file') {
      i++;
      continue;
    }
    if (/^[-+]/.test(a)) {
      if (/^-[a-zA-Z]*c/.test(a)) return undefined; // -c SCRIPT: not a file
      continue;
    }
    return { file: a, args: argv.slice(i + 1) };
  }
  return undefined;
}

/** Folders where installed tools live (not the workspace, not a temp dir). */
const SYSTEM_ROOTS = ['/usr/', '/opt/', '/nix/', '/snap/', '/home/linuxbrew/'];

/**
 * Is `p` an installed tool's file: under a system prefix or a hidden folder of HOME
 * (`~/.pyenv`, `~/.asdf`), and not inside the workspace? The same places the bash gate
 * script treats as installed tools.
 */
export function isInstalledPath(p: string, home: string, workspace: string): boolean {
  const abs = path.resolve(p);
  const inside = (dir: string) => abs === dir || abs.startsWith(dir.endsWith('/') ? dir : dir + '/');
  if (inside(path.resolve(workspace))) return false;
  if (SYSTEM_ROOTS.some((r) => abs.startsWith(r))) return true;
  const rel = path.relative(path.resolve(home), abs);
  return !rel.startsWith('..') && !path.isAbsolute(rel) && /^\.[^/]+\/./.test(rel);
}

/**
 * The folder of a manager's own scripts, from the path its shims exec
 * (`~/.pyenv/libexec/pyenv` → `~/.pyenv`): the scripts a manager runs to find the tool
 * (`pyenv-exec`, `pyenv-version-name`, plugins) live under it. Undefined when that folder
 * is not an installed location or would be HOME or a system prefix itself.
 */
export function managerRoot(execPath: string, home: string, workspace: string): string | undefined {
  const root = path.dirname(path.dirname(path.resolve(execPath)));
  if (!isInstalledPath(execPath, home, workspace)) return undefined;
  const h = path.resolve(home);
  const tooWide = ['/', '/usr', '/opt', '/nix', '/snap', '/home/linuxbrew', '/usr/local', h];
  tooWide.push(...['.local', '.config', '.cache', '.local/share'].map((d) => path.join(h, d)));
  if (tooWide.includes(root) || root.split('/').length < 3) return undefined;
  if (root.startsWith('/nix/store') && root.split('/').length < 4) return undefined;
  return root;
}

/** What a recognised build-tool wrapper (`./gradlew`, `./mvnw`, a Gradle start script) runs. */
export interface BuildWrapper {
  /** The real command: the tool's name (`gradle`, `mvn`), then the arguments given. */
  argv: string[];
  /**
   * Files next to the script (relative to its folder) that decide what the wrapper runs:
   * the wrapper jar and its properties (the distribution URL). The caller checks that none
   * of them, nor the script, changed during the session. Empty = none.
   */
  companions: string[];
}

const MAX_WRAPPER_BYTES = 64 * 1024;

/**
 * Build wrappers, recognised by what they run: the script finds a JVM and ends by
 * exec'ing it on the wrapper's main class (or the tool's launcher) with the script's own
 * arguments; or (Maven's script-only wrapper) ends by exec'ing the Maven it downloaded.
 */
const BUILD_WRAPPERS: { tool: string; marker: RegExp; exec: RegExp; companions: string[] }[] = [
  {
    tool: 'gradle',
    marker: /org\.gradle\.wrapper\.GradleWrapperMain|"\$APP_HOME\/gradle\/wrapper\/gradle-wrapper\.jar"/,
    exec: /^exec\s+"\$JAVACMD"\s+"\$@"$/,
    companions: ['gradle/wrapper/gradle-wrapper.jar', 'gradle/wrapper/gradle-wrapper.properties'],
  },
  {
    tool: 'gradle',
    marker: /org\.gradle\.launcher\.GradleMain/,
    exec: /^exec\s+"\$JAVACMD"\s+"\$@"$/,
    companions: [],
  },
  {
    tool: 'mvn',
    marker: /org\.apache\.maven\.wrapper\.MavenWrapperMain/,
    exec: /^exec\s+"\$JAVACMD"\s.*\$\{?WRAPPER_LAUNCHER\}?.*"\$@"$/,
    companions: ['.mvn/wrapper/maven-wrapper.jar', '.mvn/wrapper/maven-wrapper.properties'],
  },
  {
    tool: 'mvn',
    marker: /\.mvn\/wrapper\/maven-wrapper\.properties/,
    exec: /^exec_maven\s+"\$@"$/,
    companions: ['.mvn/wrapper/maven-wrapper.properties'],
  },
];

/**
 * `./gradlew TASKS…` = `gradle TASKS…` (likewise `./mvnw`): the tool and its arguments
 * are judged, nothing inside the wrapper script. Only the script's shape is checked here
 * (pure); whether the script is the project's own wrapper and not one the agent wrote is
 * the caller's check (the files must predate the session, see src/supervisor/approved.ts).
 */
export function unwrapBuildWrapper(script: string, args: string[]): BuildWrapper | undefined {
  if (Buffer.byteLength(script) > MAX_WRAPPER_BYTES) return undefined;
  // A backslash-newline joins lines, as the shell reads them: Maven's classic mvnw spreads
  // its final `exec "$JAVACMD" \ …` over several lines.
  const joined = script.replace(/\\\r?\n/g, '');
  const lines = joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const last = lines.at(-1) ?? '';
  for (const w of BUILD_WRAPPERS) {
    if (!w.marker.test(script) || !w.exec.test(last)) continue;
    if (w.exec.source.includes('JAVACMD') && !javaOnly(joined)) continue;
    return { argv: [w.tool, ...args], companions: w.companions };
  }
  return undefined;
}

/** What `$JAVACMD` may be set to: a `java` found on PATH or under JAVA_HOME. */
const JAVA_VALUE =
  /^(java|\$\{?JAVA_HOME\}?\/(jre\/sh|bin)\/java|\$\(\\?unset -f command 2>\/dev\/null; \\?command -v java\)|`\\{0,2}unset -f command(?: 2>\/dev\/null)?; \\{0,2}command -v java`)$/;

/** Every assignment of JAVACMD (at least one) sets it to a java. */
function javaOnly(script: string): boolean {
  const values = [...script.matchAll(/^\s*JAVACMD=(.*)$/gm)].map((m) =>
    m[1].trim().replace(/^"(.*)"$/, '$1'),
  );
  return values.length > 0 && values.every((v) => JAVA_VALUE.test(v));
}
