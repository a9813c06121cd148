/**
 * Programs a tool runs because the environment names them: build tools' wrappers and
 * compilers (`RUSTC_WRAPPER`, `RUSTC`, `CARGO_TARGET_<TRIPLE>_RUNNER` for cargo; `CC`, `CXX`,
 * `LD`, `AR` for make, cmake, configure, cargo, go, pip, node-gyp …) and pagers and editors
 * (`MANPAGER`/`PAGER` for man, `PAGER`/`EDITOR`/`VISUAL` for psql, crontab -e, visudo …).
 * The tool hands the value to a shell (`sh -c "$PAGER"`) or runs it as a program; both are
 * read as a shell line, so a path the script wrote (`RUSTC_WRAPPER=/tmp/w.sh cargo build`)
 * is read as that script, and an ordinary value (`PAGER=less`, `CC=clang`) runs nothing of
 * note. Reads the variables of the scope (set or exported by the script; the user's own
 * environment is not read); the variables git reads (PAGER, EDITOR, GIT_SSH_COMMAND …) are
 * read by git-run.ts.
 */
import { cloneScope } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

/** Compiler and linker variables read by build tools (and the build scripts they start). */
const COMPILERS = /^(CC|CXX|CPP|LD|AR|FC|HOSTCC|HOSTCXX)$/;

/** Tool → the variables naming a program it runs. */
const READERS: [RegExp, RegExp][] = [
  [
    /^cargo$/,
    /^(RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|RUSTC|RUSTDOC|CARGO_BUILD_RUSTC(_WRAPPER)?|CARGO_TARGET_\w+_(RUNNER|LINKER)|CC|CXX|AR)$/,
  ],
  [/^(make|gmake|cmake|configure|meson|ninja|go|pip3?|node-gyp|scons|bazel|cc|c\+\+)$/, COMPILERS],
  [/^man$/, /^(MANPAGER|PAGER)$/],
  [/^(psql|pgcli|mysql|mycli)$/, /^(PAGER|PSQL_PAGER|PSQL_EDITOR|EDITOR|VISUAL)$/],
  [/^(journalctl|systemctl|loginctl|coredumpctl)$/, /^(SYSTEMD_PAGER|PAGER|SYSTEMD_EDITOR|EDITOR|VISUAL)$/],
  [
    /^(crontab|visudo|sudoedit|vipw|vigr|edquota|kubectl|gh|glab|hg|svn|fc)$/,
    /^(EDITOR|VISUAL|KUBE_EDITOR|GH_EDITOR|GH_PAGER)$/,
  ],
];

/** The variables `prog` reads to name a program it runs, set in the scope (known or not). */
function readVars(prog: string, k: K): string[] {
  const vars = READERS.filter(([p]) => p.test(prog)).map(([, v]) => v);
  if (vars.length === 0) return [];
  const names = new Set([...k.scope.vars.keys(), ...k.scope.dyn]);
  return [...names].filter((n) => vars.some((v) => v.test(n))).sort();
}

/** Runs the programs the scope's variables make `prog` run (see the module comment). */
export function programEnv(prog: string, k: K): void {
  for (const name of readVars(prog, k)) {
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, name] };
    if (k.scope.dyn.has(name)) {
      // fail closed: a program named by a value not known statically may be anything
      emit([{ text: `$${name}`, dynamic: true }], { ...k, frame }, { dynamic: true });
      continue;
    }
    const value = k.scope.vars.get(name);
    if (!value?.trim()) continue;
    // The program's own commands are read once: without the variable that named it.
    const scope = cloneScope(k.scope);
    scope.vars.delete(name);
    reparse(value, name, { ...k, scope, io: { writes: [] } }, { scope });
  }
}
