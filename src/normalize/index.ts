/**
 * The normalize stage: one NormalizedCommand per simple command bash would run, in order,
 * with every carrier peeled and words expanded as far as statically known.
 *
 * Where each construct is handled:
 * - walk.ts: lists (`;` `&&` `||` `&`), pipelines (stdin chaining), subshells and groups
 *   (scoped cwd/vars), if/elif/else, while/until, for (unrolled over literal items),
 *   C-style for, case, function definitions, declarations (export/local/readonly/declare),
 *   unset, comments (skipped).
 * - command.ts: prefix assignments, redirections (`>`, `>>`, `&>`, `>|` → writes; `<` →
 *   stdin file; heredocs and here-strings → stdin text; words tree-sitter attaches to a
 *   redirect → arguments), alias and function call sites (positional args bound).
 * - words.ts (+ atoms.ts, braces.ts, fields.ts, escapes.ts, substitution.ts): quotes, concatenation, `\x`, ANSI-C `$'…'`, tilde, `$VAR` /
 *   `${VAR}` / `${VAR:-d}` / `${VAR:=d}` / `${VAR:+a}` / `${#VAR}`, `$IFS` as separator,
 *   constant `$(…)` / backquotes (one producer or one pipeline of producers), `<(…)`, brace expansion (lists and sequences, capped).
 * - carriers.ts: the dispatcher; `cd` / `pushd` / `popd` (cwd tracking), `alias`.
 * - wrappers.ts: sudo, doas, pkexec, run0, env (-i, -u, -C, -S, NAME=val), command, exec, builtin,
 *   nohup, nice, time, timeout, stdbuf, setsid, unbuffer, busybox, chroot, ionice, flock
 *   (cmd and -c), runuser, su -c, script -c, watch (command string), chrt, taskset,
 *   caffeinate, proxychains, torsocks, sg; sudo -s / su without a command read stdin as a shell.
 * - runners.ts: package runners (npx, bunx, npm exec, pnpm dlx, yarn dlx, bun x; `-c CMD`),
 *   dotenv-cli and secret injectors (railway run, doppler run, op run, aws-vault exec …).
 * - git-run.ts: what git runs besides itself: -c / GIT_* program settings, submodule foreach,
 *   rebase --exec, bisect run, and the hooks this script wrote that a subcommand fires.
 * - installed.ts: code installed for a project tool: npm pkg set scripts.*, git hooks,
 *   justfile and Taskfile this script wrote, an .envrc with direnv, text written to .git/config.
 * - task-runners.ts, task-runners-more.ts: mise, pixi and deno tasks of a config this script
 *   wrote (toml.ts reads TOML).
 * - tool-aliases.ts: git and gh aliases this script defined, run where `git NAME` / `gh NAME` runs.
 * - shells.ts: bash/sh/zsh/dash/ksh/… `-c` (with `$0 $1 $@`), script files (written
 *   earlier or read through ctx.readFile), heredoc / here-string / pipe into a shell,
 *   eval, source / `.`; `bash <(…)` / `source <(…)` are dynamic.
 * - scripts.ts: a program named by a path (`./x.sh`) runs its `#!` interpreter (or the shell)
 *   on the file: known text is analysed like `bash FILE` / `python3 FILE`; a file this script
 *   wrote with unknown content is dynamic.
 * - producers.ts: constant stdout of echo, printf, cat, tee, base64 -d, openssl base64 -d,
 *   xxd -r -p, rev (feeds pipes into shells and xargs, and files run later); the name mktemp
 *   prints and the shape of date's output.
 * - fanout.ts: xargs (-I, -0, -a), parallel (:::), find -exec/-execdir/-ok/-okdir/-delete.
 * - interpreters.ts (+ codelex.ts, codescan.ts, codescan-python.ts, codescan-langs.ts, codescan-php.ts,
 *   codescan-http.ts, codescan-tcl.ts + tcl-words.ts, codescan-scheme.ts):
 *   python/node/ruby/perl/php/deno/bun/zx/lua/R/julia/Tcl/Scheme inline code and Go files
 *   the script wrote (`go run`) →
 *   synthetic commands (variables assigned once, HTTP connections and user agents, zx/Bun `$`
 *   templates, the environment as a request body → `curl -d "$(env)"`).
 * - awk.ts: awk/gawk/mawk/nawk programs: system("cmd"), print … | "cmd", "cmd" | getline.
 * - make.ts: recipe lines and $(shell …) of a makefile written earlier, named with -f or given with --eval.
 * - option-carriers.ts: commands in a program's options (tar, rsync, zip, ssh, man) and less's LESSOPEN.
 * - remote.ts: ssh, docker/podman/nerdctl exec, docker compose exec, kubectl/oc exec.
 * - reparse.ts: nested scripts, depth-capped by limits.maxDepth.
 * - pwsh-script.ts: a script whose commands are cmdlets is also read as PowerShell.
 *
 * Budgets: limits.maxNodes (visited nodes), limits.maxMillis (wall clock, checked every
 * 128 nodes), limits.maxDepth (re-parse depth) and a cap on AST nesting; each ends the
 * walk with an issue (fail closed → ask), never an exception.
 */
import type { AnalysisIssue, AnalyzeContext, NormalizedCommand, ParsedScript } from '../engine/types.js';
import type { SyntaxNode } from '../parse/parse.js';
import { newScope } from './state.js';
import type { Run } from './state.js';
import { walk } from './walk.js';
import { readAsPwsh } from './pwsh-script.js';

export function normalize(
  parsed: ParsedScript,
  ctx: AnalyzeContext,
): { commands: NormalizedCommand[]; issues: AnalysisIssue[] } {
  const run: Run = {
    ctx,
    commands: [],
    issues: [],
    nodes: 0,
    fnCalls: 0,
    deadline: performance.now() + ctx.limits.maxMillis,
    stopped: false,
    nest: 0,
    outputs: new WeakMap(),
    atExit: [],
  };
  if (!parsed.root) return { commands: [], issues: run.issues };
  try {
    walk(parsed.root as SyntaxNode, run, { depth: 0, wrappers: [], remote: false, calls: 0 }, newScope(ctx), {
      writes: [],
    });
    // EXIT traps run last, with the variables as the script left them (at most as many as were set).
    for (const handler of run.atExit.splice(0)) handler();
    // a script typed as PowerShell is also read as PowerShell (pwsh-script.ts)
    readAsPwsh(parsed.source, run, ctx);
  } catch (e) {
    // fail closed: an internal error leaves an issue (→ ask) instead of an exception.
    run.issues.push({
      code: 'E_NORMALIZE_INTERNAL',
      message: `normalizer failed: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  return { commands: run.commands, issues: run.issues };
}
