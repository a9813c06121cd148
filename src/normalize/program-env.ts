/**
 * Programs a tool runs because the environment names them: build tools' wrappers and
 * compilers (`RUSTC_WRAPPER`, `RUSTC`, `CARGO_TARGET_<TRIPLE>_RUNNER` for cargo; `CC`, `CXX`,
 * `LD`, `AR` for make, cmake, configure, cargo, go, pip, node-gyp …) and pagers and editors
 * (`MANPAGER`/`PAGER` for man, `PAGER`/`EDITOR`/`VISUAL` for psql, crontab -e, visudo …),
 * kubectl diff's `KUBECTL_EXTERNAL_DIFF`, terragrunt's `TG_AUTH_PROVIDER_CMD` and the password helpers `SUDO_ASKPASS` (sudo -A) and
 * `SSH_ASKPASS` (ssh, ssh-add without a terminal).
 * The tool hands the value to a shell (`sh -c "$PAGER"`) or runs it as a program; both are
 * read as a shell line, so a path the script wrote (`RUSTC_WRAPPER=/tmp/w.sh cargo build`)
 * is read as that script, and an ordinary value (`PAGER=less`, `CC=clang`) runs nothing of
 * note. Reads the variables of the scope (set or exported by the script; the user's own
 * environment is not read); the variables git reads (PAGER, EDITOR, GIT_SSH_COMMAND …) are
 * read by git-run.ts.
 */
import { cloneScope, lit, type Field } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { SHELLS } from './shell-names.js';

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
  // kubectl diff runs KUBECTL_EXTERNAL_DIFF on the two trees instead of diff
  [/^(kubectl|oc|kubecolor)$/, /^KUBECTL_EXTERNAL_DIFF$/],
  // sudo -A and ssh without a terminal run the askpass program to read the password
  [/^(sudo|ssh|ssh-add|scp|sftp|git)$/, /^(SUDO_ASKPASS|SSH_ASKPASS)$/],
  // terragrunt runs the command that prints the units' credentials
  [/^terragrunt$/, /^(TG|TERRAGRUNT)_AUTH_PROVIDER_CMD$/],
];

/** The variables `prog` reads to name a program it runs, set in the scope (known or not). */
function readVars(prog: string, k: K): string[] {
  const vars = READERS.filter(([p]) => p.test(prog)).map(([, v]) => v);
  if (vars.length === 0) return [];
  const names = new Set([...k.scope.vars.keys(), ...k.scope.dyn]);
  return [...names].filter((n) => vars.some((v) => v.test(n))).sort();
}

/**
 * Reads variable `name`'s value (or `line`, taken from it) as a shell line the tool runs,
 * labelled `name`; fail closed when the value is not known statically.
 */
function runValue(name: string, k: K, line?: string): void {
  if (k.scope.dyn.has(name)) {
    // fail closed: a program named by a value not known statically may be anything
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, name] };
    emit([{ text: `$${name}`, dynamic: true }], { ...k, frame }, { dynamic: true });
    return;
  }
  const value = line ?? k.scope.vars.get(name);
  if (!value?.trim()) return;
  // The program's own commands are read once: without the variable that named it.
  const scope = cloneScope(k.scope);
  scope.vars.delete(name);
  reparse(value, name, { ...k, scope, io: { writes: [] } }, { scope });
}

/** `-toolexec=PROG` / `-exec=PROG` (also as two words) in GOFLAGS: go runs PROG around its tools or the binary. */
function goFlagPrograms(value: string): string[] {
  const w = value.trim().split(/\s+/);
  const out: string[] = [];
  w.forEach((x, i) => {
    const m = /^--?(toolexec|exec)(?:=(.*))?$/.exec(x);
    if (m) out.push(m[2] ?? w[i + 1] ?? '');
  });
  return out.filter(Boolean).map((p) => p.replace(/^['"]|['"]$/g, ''));
}

/**
 * Variables other tools obey that run code or change what the command does:
 * - GOFLAGS' `-toolexec`/`-exec` program (go);
 * - TF_CLI_ARGS / TF_CLI_ARGS_<subcommand>: arguments terraform (tofu) appends to its own
 *   (`TF_CLI_ARGS_apply="-destroy -auto-approve" terraform apply`): the command is read as
 *   terraform sees it;
 * - PS4 of a shell tracing its commands (`bash -x`, `-o xtrace`): expanded, with its
 *   command substitutions, before each traced command;
 * - BASH_FUNC_<name>%% (and `()`): a function definition bash imports from the
 *   environment; its body is read as run (it runs whenever NAME is called).
 */
function toolVariables(prog: string, argv: Field[], k: K): void {
  const { vars, dyn } = k.scope;
  if (prog === 'go') {
    if (dyn.has('GOFLAGS')) runValue('GOFLAGS', k);
    else for (const p of goFlagPrograms(vars.get('GOFLAGS') ?? '')) runValue('GOFLAGS', k, p);
  }
  if (prog === 'terraform' || prog === 'tofu') {
    const sub = argv.slice(1).find((f) => !f.text.startsWith('-'))?.text ?? '';
    for (const name of ['TF_CLI_ARGS', ...(sub ? [`TF_CLI_ARGS_${sub}`] : [])]) {
      const frame = { ...k.frame, wrappers: [...k.frame.wrappers, name] };
      if (dyn.has(name)) {
        // fail closed: arguments not known statically may be -destroy
        emit([...argv, { text: `$${name}`, dynamic: true }], { ...k, frame });
        continue;
      }
      const extra = (vars.get(name) ?? '').trim();
      if (extra) emit([...argv, ...extra.split(/\s+/).map(lit)], { ...k, frame });
    }
  }
  if (!SHELLS.has(prog)) return;
  // The shell's options, up to its script or -c: `-x` (also grouped, `-ex`), `-o xtrace`.
  let traced = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-o' || t === '+o') traced ||= t === '-o' && argv[++i]?.text === 'xtrace';
    else if (/^-[a-zA-Z]+$/.test(t)) traced ||= t.includes('x');
    else break;
  }
  if (traced && (dyn.has('PS4') || /\$\(|`/.test(vars.get('PS4') ?? '')))
    runValue('PS4', k, `: "${(vars.get('PS4') ?? '').replace(/(["\\])/g, '\\$1')}"`);
  for (const name of [...vars.keys(), ...dyn]) {
    if (!/^BASH_FUNC_.+(%%|\(\))$/.test(name)) continue;
    const body = dyn.has(name) ? undefined : (vars.get(name) ?? '').replace(/^\s*\(\)\s*/, '');
    runValue(name, k, body);
  }
}

/** Runs the programs the scope's variables make `prog` run (see the module comment). */
export function programEnv(prog: string, argv: Field[], k: K): void {
  toolVariables(prog, argv, k);
  for (const name of readVars(prog, k)) runValue(name, k);
}
