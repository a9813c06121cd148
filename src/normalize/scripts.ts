/**
 * A program named by a path (`./x.sh`, `/tmp/run`, `scripts/deploy`): the kernel reads the
 * file's `#!` line and runs `INTERPRETER [OPTARG] FILE ARGS…`; a text file without one is
 * run by the shell itself. So a script whose text is known (written earlier in the same
 * script, or readable through ctx.readFile) is analysed exactly like `bash FILE` /
 * `python3 FILE` / `make -f FILE` through the carrier dispatcher. A binary stays an opaque
 * program; a file this script wrote with content not known statically is unknown code.
 */
import { absPath, lit } from './state.js';
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { scriptFile } from './shells.js';
import { isInstalledPath, unwrapBuildWrapper, unwrapShim } from './version-shims.js';
import { runGlobProgram } from './folder-runners.js';

/**
 * Installed programs: a path under these is a tool of the system (`/usr/bin/ldd`), treated
 * like the same tool run by name, unless this script wrote it.
 */
const SYSTEM_PROGRAM_DIRS = /^\/(usr|bin|sbin|lib|lib64|snap|nix\/store)\//;

/** Label carried by commands found inside a script run by path. */
const LABEL = 'script';

/** True when the text looks like a compiled program rather than a script. */
function binary(text: string): boolean {
  return text.startsWith('\x7fELF') || text.slice(0, 4096).includes('\0');
}

/**
 * The argv the kernel builds for a `#!` line, before FILE: `#!/usr/bin/env -S python3 -u`
 * → [`/usr/bin/env`, `-S python3 -u`] (Linux passes everything after the interpreter as one
 * argument). No `#!` → the shell runs it (`sh`). Undefined = an empty `#!` line.
 */
export function shebang(text: string): string[] | undefined {
  if (!text.startsWith('#!')) return ['sh'];
  const line = text.slice(2).split('\n', 1)[0].trim();
  if (line === '') return undefined;
  const m = /^(\S+)\s*(.*)$/.exec(line);
  if (!m) return undefined;
  return m[2] ? [m[1], m[2]] : [m[1]];
}

/**
 * Runs `argv` whose program is a path. `dispatch` is the carrier dispatcher (passed in so
 * this module does not import it back). Returns undefined when the path is not a script
 * this analysis can say anything about (then the caller emits it as an opaque program).
 */
export function runPathScript(argv: Field[], k: K, dispatch: (argv: Field[], k: K) => Res): Res | undefined {
  const head = argv[0];
  if (head.dynamic || !head.text.includes('/')) return undefined;
  // `/tmp/hooks.d/*`: each file this script wrote that the pattern matches (folder-runners.ts)
  const each = runGlobProgram(argv, k, dispatch);
  if (each) return each;
  // A script run by path inside another script run by path: the kernel allows little
  // nesting; deeper than that is not followed.
  if (k.frame.wrappers.filter((w) => w === LABEL).length >= 2) return undefined;
  const abs = absPath(k.scope.cwd, head.text);
  if (SYSTEM_PROGRAM_DIRS.test(abs) && !k.scope.written.has(abs)) return undefined;
  const text = scriptFile(head.text, k);
  if (text === undefined) {
    // fail closed: this script wrote the file with content not known statically.
    if (k.scope.written.has(abs)) return unknownCode(argv, k, LABEL, head.text);
    return undefined;
  }
  if (binary(text)) return undefined;
  // ./gradlew TASKS = gradle TASKS, when the wrapper is the project's own (src/normalize/version-shims.ts).
  const wrapper = unwrapBuildWrapper(text, []);
  if (wrapper && !k.scope.written.has(abs) && k.run.ctx.wrapperPredates?.(abs, wrapper.companions)) {
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, head.text] };
    return dispatch([lit(wrapper.argv[0]), ...argv.slice(1)], { ...k, frame });
  }
  // A version-manager shim or exec wrapper by path (`~/.pyenv/shims/pip ARGS`) = the tool it
  // runs with ARGS, when the file is not one this script or the session wrote.
  const ctx = k.run.ctx;
  const shim = unwrapShim(text, abs, [], (p) => isInstalledPath(p, ctx.home, ctx.workspace));
  if (shim && !k.scope.written.has(abs) && ctx.wrapperPredates?.(abs, [])) {
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, head.text] };
    return dispatch([...shim.argv.map(lit), ...argv.slice(1)], { ...k, frame });
  }
  const interp = shebang(text);
  // fail closed: an empty `#!` line is an exec error in the kernel, but nothing here is trusted.
  if (!interp) return unknownCode(argv, k, LABEL, head.text);
  // fail closed: an interpreter that is itself a script written here could be anything.
  if (k.scope.written.has(absPath(k.scope.cwd, interp[0]))) return unknownCode(argv, k, LABEL, interp[0]);
  const res = emit(argv, k);
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, LABEL] };
  const run: Field[] = [...interp.map(lit), head, ...argv.slice(1)];
  const inner = dispatch(run, { ...k, frame });
  return inner.last ? inner : res;
}
