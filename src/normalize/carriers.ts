/**
 * The carrier dispatcher: given an expanded argv, peel wrappers (wrappers.ts), follow
 * shells and eval (shells.ts), fan-out (fanout.ts), inline interpreter code
 * (interpreters.ts; Windows Script Host: wsh.ts), awk and m4 programs (awk.ts, m4.ts), TeX, rpm
 * and groff macros (macro-shells.ts), commands in options
 * (option-carriers.ts) and remote carriers (remote.ts); otherwise emit the command.
 */
import { batchTools } from './batch-tools.js';
import { runEmacs } from './interpreters-elisp.js';
import { absPath, basename, cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { WRAPPERS } from './wrappers.js';
import { SHELLS, runAt, runShell, runEval, runSource, runTrap } from './shells.js';
import { reparse } from './reparse.js';
import { FANOUT } from './fanout.js';
import { runWrittenOnPath } from './path-written.js';
import {
  interpreterFor,
  runInterpreter,
  runGp,
  runMaxima,
  runNu,
  runOctave,
  runPwsh,
} from './interpreters.js';
import { runProject } from './project-code.js';
import { isPwsh } from './pwsh.js';
import { runAwsCmdlet } from './pwsh-aws.js';
import { remoteFor } from './remote.js';
import { runJenkinsConsole } from './jenkins-console.js';
import { runServerCommands } from './server-commands.js';
import { runPathScript } from './scripts.js';
import { runParts } from './folder-runners.js';
import { runTrashEmpty, TRASH_EMPTIERS } from './trash.js';
import { runSystemLang, systemLangFor } from './system-langs.js';
import { AWKS, runAwk } from './awk.js';
import { MAKES, runMake } from './make.js';
import { runM4 } from './m4.js';
import { NINJAS, runNinja } from './ninja.js';
import { SYSTEM_DSLS, runSystemDsl } from './system-dsl.js';
import { isMacroShell, runMacroShell } from './macro-shells.js';
import { runtimePreloads } from './runtime-env.js';
import { programEnv } from './program-env.js';
import { withEnvArgs } from './env-args.js';
import { toolConfigs } from './tool-configs.js';
import { recordPackage } from './built-packages.js';
import { toolScripts } from './tool-scripts.js';
import { hookManagers } from './hook-managers.js';
import { runSaltCall } from './salt-call.js';
import { runTerragruntExec } from './terragrunt.js';
import { CONFIG_RECIPES, runConfigRecipe } from './config-recipes.js';
import { PROJECT_TASKS, runProjectTask } from './project-tasks.js';
import { isRailsCode } from './rails-runner.js';
import { runTmpfiles } from './tmpfiles.js';
import { PROCFILE_RUNNERS, runProcfile } from './procfile.js';
import { runCrontab } from './crontab.js';
import { sedExec } from './sed-exec.js';
import { lessPreprocessor, optionCarriers } from './option-carriers.js';
import { gitRuns } from './git-run.js';
import { MSHTA, runMshta, runWsh, WSH_HOST } from './wsh.js';
import { direnvExec, npmPkgSet, runDirenv, runJust, runTask } from './installed.js';
import { releaseItPush } from './release-tools.js';
import { gnuBareName, programName } from './gnu-prefixed.js';
import { changeDir, defineAlias, defineHashed, setPositional, shiftPositional } from './builtins.js';
import { SCILAB } from './codescan-octave.js';
import { WOLFRAM } from './codescan-wolfram.js';
import { runWolfram } from './interpreters-more.js';
import { runToolAlias } from './tool-aliases.js';
import { ROOT_PROGRAMS, runRoot } from './root-cling.js';

/** Most wrappers peeled from one command (`sudo env nice timeout …`). */
const MAX_PEEL = 32;

export function runArgv(argv: Field[], k: K): Res {
  for (let round = 0; round < MAX_PEEL && argv.length > 0; round++) {
    const head = argv[0];
    if (head.dynamic) {
      // `$SHELL -c '…'`: the agent's own shell.
      if (/^\$\{?SHELL\}?$/.test(head.text)) return runShell('sh', argv, k);
      return emit(argv, k);
    }
    // `grm`, `gdd`, `gtimeout`: GNU's tools under their Homebrew names are the tools themselves
    const bare = gnuBareName(basename(head.text));
    if (bare) argv = [{ ...head, text: head.text.replace(/[^/]*\/*$/, bare) }, ...argv.slice(1)];
    // `gosu.exe`, `KUBECTL.EXE`, `gtimeout.exe`: Windows' names of the same programs; argv[0]
    // keeps the word (a downloaded `t.exe` run is that file)
    const prog = bare ?? programName(head.text);
    // tox -e ENV, devbox run NAME, mise/pixi run NAME, deno task NAME: commands of a config the script wrote (before devbox run is peeled)
    if (PROJECT_TASKS.has(prog)) {
      const task = runProjectTask(prog, argv, k);
      if (task) return task;
    }
    const peeler = Object.hasOwn(WRAPPERS, prog) ? WRAPPERS[prog] : undefined;
    // SUDO_ASKPASS=… sudo -A: the password helper runs before the wrapped command
    if (peeler && prog === 'sudo') programEnv(prog, argv, k);
    const peel = peeler?.(argv.slice(1));
    if (peel) {
      const label = peel.label;
      const frame = {
        ...k.frame,
        wrappers: [...k.frame.wrappers, label],
        ...(peel.otherMounts ? { container: undefined } : {}),
      };
      let scope = k.scope;
      if ((peel.env && peel.env.length > 0) || peel.cwd) {
        scope = cloneScope(k.scope);
        for (const [name, v] of peel.env ?? []) {
          if (v.dynamic) {
            scope.vars.delete(name);
            scope.dyn.add(name);
          } else scope.vars.set(name, v.text);
        }
        if (peel.cwd) {
          if (peel.cwd.dynamic) scope.cwdDynamic = true;
          else scope.cwd = absPath(scope.cwd, peel.cwd.text);
        }
      }
      if (peel.script) {
        // fail closed: a command line only known at run time (`watch "$X"`, `gdb -ex "shell $X"`)
        // runs something not known
        if (peel.script.dynamic) {
          const whole = emit(argv, k);
          emit([{ text: peel.script.text, dynamic: true }], { ...k, frame }, { dynamic: true });
          return whole;
        }
        // a recorder's file gets what the script prints, as a redirect would
        const rec = peel.record && !peel.record.dynamic ? absPath(scope.cwd, peel.record.text) : undefined;
        const io = rec ? { io: { ...k.io, writes: [...k.io.writes, { path: rec, append: false }] } } : {};
        return reparse(peel.script.text, label, { ...k, scope }, { scope: cloneScope(scope), ...io });
      }
      if (peel.argv.length === 0) return emit(argv, k);
      k = { ...k, frame, scope };
      argv = peel.argv;
      continue;
    }
    // NODE_OPTIONS=--require, LD_PRELOAD …: code a runtime this command starts loads first
    runtimePreloads(k);
    // GSOCKET_ARGS="-l -i" gs-netcat: arguments a program takes from the environment
    argv = withEnvArgs(prog, argv, k);
    // RUSTC_WRAPPER=… cargo, MANPAGER=… man, EDITOR=… crontab -e: programs a tool runs by name
    if (prog !== 'sudo') programEnv(prog, argv, k);
    // dpkg-deb --build DIR, rpmbuild -bb SPEC: packages whose scripts run when installed
    recordPackage(prog, argv, k);
    // noxfile.py, Gruntfile.js, setup.py, cmake -P FILE, meson.build, build.gradle, pom.xml, a built
    // package's scripts …: files a tool runs, written by this script
    toolConfigs(prog, argv, k);
    // mlr put|filter: Miller's DSL runs system() and exec()
    toolScripts(prog, argv, k);
    // nft -f, iptables-restore, ipset restore, tc|ip -batch: the commands they read from a file or stdin
    batchTools(prog, argv, k);
    // npm config set script-shell FILE
    hookManagers(prog, argv, k);
    if (prog === 'cd' || prog === 'pushd' || prog === 'popd') return changeDir(prog, argv, k);
    if (SHELLS.has(prog)) return runShell(prog, argv, k);
    if (prog === 'eval') return runEval(argv, k);
    if (prog === 'at' || prog === 'batch') return runAt(prog, argv, k);
    if (prog === 'crontab') return runCrontab(argv, k);
    if (prog === 'trap') return runTrap(argv, k);
    if (prog === 'source' || prog === '.') return runSource(argv, k);
    if (prog === 'alias') return defineAlias(argv, k);
    if (prog === 'set') return setPositional(argv, k);
    if (prog === 'shift') return shiftPositional(argv, k);
    if (prog === 'hash') return defineHashed(argv, k);
    const fan = Object.hasOwn(FANOUT, prog) ? FANOUT[prog] : undefined;
    if (fan) return fan(argv, k);
    // tar's --checkpoint-action=exec=…, rsync -e …, ssh -o ProxyCommand=…: run on this machine.
    optionCarriers(argv, k);
    lessPreprocessor(argv, k);
    // Groovy sent to a Jenkins script console runs on the controller (jenkins-console.ts)
    const console = runJenkinsConsole(prog, argv, k);
    if (console) return console;
    const remote = remoteFor(prog);
    if (remote) {
      const r = remote(argv, k);
      if (r) return r;
    }
    if (prog === 'systemd-tmpfiles') {
      const r = runTmpfiles(argv, k);
      if (r) return r;
    }
    if (prog === 'terragrunt') {
      const r = runTerragruntExec(argv, k);
      if (r) return r;
    }
    if (prog === 'salt-call') {
      const r = runSaltCall(argv, k);
      if (r) return r;
    }
    // chef-apply -e RECIPE, cf-agent -f POLICY: the resources they remove or run (config-recipes.ts)
    if (CONFIG_RECIPES.test(prog)) {
      const r = runConfigRecipe(prog, argv, k);
      if (r) return r;
    }
    // run-parts DIR: every program in DIR (folder-runners.ts)
    if (prog === 'run-parts') return runParts(argv, k, runArgv);
    // trash-empty after trash-put: what was trashed is deleted for good (trash.ts)
    if (TRASH_EMPTIERS.test(prog)) {
      const r = runTrashEmpty(prog, argv, k);
      if (r) return r;
    }
    if (AWKS.has(prog)) return runAwk(argv, k);
    if (prog === 'm4' || prog === 'gm4') return runM4(argv, k);
    if (prog === 'just') return runJust(argv, k);
    if (prog === 'task' || prog === 'go-task') return runTask(argv, k);
    if (prog === 'direnv') {
      const exec = direnvExec(argv, k);
      if (exec) return exec;
      runDirenv(argv, k);
    }
    if (prog === 'npm' || prog === 'pnpm' || prog === 'bun') npmPkgSet(argv, k);
    // release-it's own git push (release-tools.ts)
    if (prog === 'release-it') releaseItPush(argv, k);
    if (MAKES.has(prog)) return runMake(argv, k);
    if (NINJAS.has(prog)) return runNinja(argv, k);
    if (SYSTEM_DSLS.has(prog)) return runSystemDsl(prog, argv, k);
    // pdflatex -shell-escape '\write18{…}', rpm --eval '%(…)', groff -U '.sy …' (macro-shells.ts)
    // (`luatex --luaonly FILE` is a Lua interpreter: interpreter-args.ts)
    if (isMacroShell(prog) && !argv.some((a) => a.text === '--luaonly')) return runMacroShell(prog, argv, k);
    // janet -e, gforth -e, fennel -e, newlisp -e, pike -e …: their shell-outs (system-langs.ts)
    const systemLang = systemLangFor(prog);
    if (systemLang) return runSystemLang(systemLang, argv, k);
    if (Object.hasOwn(PROCFILE_RUNNERS, prog)) {
      const r = runProcfile(prog, argv, k);
      if (r) return r;
    }
    // rails runner (rails-runner.ts); `csi` runs C# or Scheme, by its words
    const words = argv.map((a) => a.text);
    const lang = isRailsCode(prog, argv, k) ? 'ruby' : interpreterFor(prog, words);
    if (lang) return runInterpreter(lang, argv, k);
    // cscript, wscript, mshta: VBScript and JScript (wsh.ts)
    if (WSH_HOST.test(head.text)) return runWsh(argv, k);
    if (MSHTA.test(head.text)) return runMshta(argv, k);
    // cargo compiles and runs the crate's Rust (and its build.rs), dune an OCaml project: project-code.ts
    if (prog === 'cargo' || prog === 'dune') {
      const r = runProject(prog === 'cargo' ? 'rust' : 'ocaml', argv, k);
      if (r) return r;
    }
    if (isPwsh(prog)) return runPwsh(argv, k);
    if (prog === 'nu' || prog === 'nushell') return runNu(argv, k);
    if (/^(octave|octave-cli|matlab)$/.test(prog) || SCILAB.test(prog)) return runOctave(argv, k);
    if (prog === 'maxima' || prog === 'rmaxima') return runMaxima(argv, k);
    // Emacs Lisp: `emacs --batch --eval …`, `emacs --script F.el`, `emacsclient --eval …` (interpreters-elisp.ts)
    if (/^emacs([\d.-]*|-nox|-gtk|client)$/.test(prog)) return runEmacs(argv, k);
    if (prog === 'gp' || /^gp-2\.\d+$/.test(prog)) return runGp(argv, k);
    if (WOLFRAM.test(prog)) return runWolfram(argv, k);
    if (ROOT_PROGRAMS.test(prog)) return runRoot(argv, k);
    // git and gh aliases defined by this script (tool-aliases.ts)
    const alias = runToolAlias(prog, argv, k);
    if (alias) return alias;
    if (prog === 'git') gitRuns(argv, k);
    if (prog === 'sed' || prog === 'gsed') sedExec(argv, k);
    // `sponge [-a] FILE` (moreutils) writes what it reads to FILE, as `tee [-a] FILE` does:
    // read as tee so every reader of what tee writes (sudoers, system files, rc files) sees it.
    if (prog === 'sponge') return emit([{ text: 'tee', dynamic: false }, ...argv.slice(1)], k);
    // a program this script wrote on PATH run by bare name, git's external subcommands (path-written.ts)
    const onPath = runWrittenOnPath(argv, k, runArgv);
    if (onPath) return onPath;
    const script = runPathScript(argv, k, runArgv);
    if (script) return script;
    // an AWS Tools cmdlet also runs as the aws CLI call it makes (pwsh-aws.ts)
    runAwsCmdlet(argv, k);
    const res = emit(argv, k);
    // COPY … TO PROGRAM, xp_cmdshell, a pod's command: what the server runs for this client
    if (res.last) runServerCommands(res.last, k);
    return res;
  }
  return argv.length > 0 ? emit(argv, k) : {};
}
