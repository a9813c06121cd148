/**
 * What git runs on this machine besides itself: settings whose value git runs through sh
 * (`git -c core.sshCommand='…'`, GIT_SSH_COMMAND, GIT_PAGER, EDITOR …) and subcommands that
 * run a command: `git submodule foreach CMD` (sh, in every submodule), `git rebase -x CMD` /
 * `--exec CMD` (sh, after each commit) and `git bisect run CMD ARGS` (the program, at each
 * step). Each is analysed like any other script; git itself is emitted by the caller, for
 * the git extractors.
 */
import { absPath, cloneScope, type Field } from './state.js';
import { gitHooks } from './installed.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { joinFields } from './fields.js';
import { plainProgram } from './option-carriers.js';
import { runArgv } from './carriers.js';
import { parseGitGlobal } from './git-options.js';
import { ciPipelinesPushed } from './ci-workflows.js';

/** Variables git sets for each `submodule foreach` command: not known statically. */
const FOREACH_VARS = ['name', 'sm_path', 'displaypath', 'sha1', 'toplevel', 'path'];

/** Runs `script` as sh would for git (`label`); a script not known statically stays dynamic (fail closed). */
function shellScript(script: Field, label: string, k: K, dyn: string[] = []): void {
  // fail closed: a command not known statically leaves a dynamic command behind.
  if (script.dynamic) {
    emit([{ text: script.text, dynamic: true }], k, { dynamic: true });
    return;
  }
  if (!script.text.trim()) return;
  const scope = cloneScope(k.scope);
  for (const name of dyn) {
    scope.vars.delete(name);
    scope.dyn.add(name);
  }
  reparse(script.text, label, k, { scope, argv0: 'sh' });
}

/** The commands git's subcommand at `at` runs: foreach, rebase --exec, bisect run. */
function subcommandRuns(argv: Field[], at: number, k: K): void {
  const sub = argv[at].text;
  const rest = argv.slice(at + 1);
  if (sub === 'submodule') {
    const i = rest.findIndex((f) => !f.text.startsWith('-'));
    if (i < 0 || rest[i].text !== 'foreach') return;
    let j = i + 1;
    while (j < rest.length && /^(--recursive|-q|--quiet)$/.test(rest[j].text)) j++;
    if (rest[j]?.text === '--') j++;
    if (j < rest.length) shellScript(joinFields(rest.slice(j)), 'git submodule foreach', k, FOREACH_VARS);
    return;
  }
  if (sub === 'rebase') {
    for (let i = 0; i < rest.length; i++) {
      const t = rest[i].text;
      if (t === '--') break;
      if (t === '-x' || t === '--exec') {
        const v = rest[++i];
        if (v) shellScript(v, `git rebase ${t}`, k);
      } else if (t.startsWith('--exec=') || (t.startsWith('-x') && t.length > 2)) {
        const at = t.startsWith('--') ? t.indexOf('=') + 1 : 2;
        shellScript({ text: t.slice(at), dynamic: rest[i].dynamic }, 'git rebase --exec', k);
      }
    }
    return;
  }
  if (sub === 'bisect' && rest[0]?.text === 'run' && rest.length > 1) {
    // bisect runs the program with its arguments (no shell), once per step.
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, 'git bisect run'] };
    runArgv(rest.slice(1), { ...k, frame, scope: cloneScope(k.scope) });
  }
}

/** Analyses what `git …` (argv) runs besides itself. */
export function gitRuns(argv: Field[], k: K): void {
  gitShellSettings(argv, k);
  const at = parseGitGlobal(argv.map((f) => f.text)).subIndex;
  if (at < 0 || argv[at].dynamic) return;
  subcommandRuns(argv, at, k);
  // a push starts the CI pipelines this script wrote (ci-workflows.ts)
  if (argv[at].text === 'push') ciPipelinesPushed(k);
  // The hooks this script wrote that the subcommand fires (`git -C DIR …` fires DIR's).
  const c = argv.findIndex((f, i) => i < at && f.text === '-C');
  const repo =
    c > 0 && argv[c + 1] && !argv[c + 1].dynamic ? absPath(k.scope.cwd, argv[c + 1].text) : k.scope.cwd;
  gitHooks(argv[at].text, repo, k);
}

/** `git -c` settings whose value git runs as a shell snippet, with arguments appended (lower-case keys). */
const GIT_SHELL_SETTINGS = new Set([
  'core.alternaterefscommand',
  'core.sshcommand',
  'core.pager',
  'core.editor',
  'sequence.editor',
  'diff.external',
  'core.askpass',
  'core.gitproxy',
]);

/** Environment variables git runs the same way (GIT_SSH_COMMAND, GIT_PAGER …). */
const GIT_SHELL_ENV = [
  'GIT_SSH_COMMAND',
  'GIT_PAGER',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'GIT_EXTERNAL_DIFF',
  'GIT_ASKPASS',
  'GIT_PROXY_COMMAND',
  // used when the GIT_ ones and the config are not set
  'PAGER',
  'EDITOR',
  'VISUAL',
];

/**
 * A value that is one usual program for the setting, with options only (`ssh -i key -o X=y`,
 * `less -R`, `vim`): nothing to analyse beyond what the extractors say about the setting.
 */
/** Values that switch a program setting off. */
const DISABLED = /^(|false|no|off|0|\/dev\/null|true)$/i;

const PLAIN_PROGRAM = plainProgram(
  'ssh|plink|less|more|most|cat|bat|delta|diff-so-fancy|vi|vim|nvim|nano|emacs|emacsclient|code|subl|ed|true|false|gpg|gpg2|ssh-askpass|ksshaskpass',
);

/**
 * `git -c core.alternateRefsCommand='…'`: git runs the value as `sh -c '<value> "$@"'` with
 * the alternate repository's path, so the snippet's commands are analysed like any other
 * script (the path is unknown: a dynamic argument).
 */
function gitShellSettings(argv: Field[], k: K): void {
  // GIT_SSH_COMMAND='…' git fetch: git runs the value through sh; a snippet is analysed.
  for (const name of GIT_SHELL_ENV) {
    const v = k.scope.vars.get(name);
    if (v === undefined || DISABLED.test(v.trim()) || PLAIN_PROGRAM.test(v)) continue;
    reparse(`${v} "$@"`, `git ${name}`, k, {
      scope: cloneScope(k.scope),
      argv0: v,
      positional: [{ text: '"$GIT_ARGS"', dynamic: true }],
    });
  }
  for (let i = 1; i < argv.length - 1; i++) {
    const a = argv[i];
    if (!a.text.startsWith('-')) return; // the subcommand: no more global options
    if (a.text !== '-c') continue;
    const kv = argv[++i];
    const eq = kv.text.indexOf('=');
    if (eq < 0 || !GIT_SHELL_SETTINGS.has(kv.text.slice(0, eq).toLowerCase())) continue;
    const value: Field = { text: kv.text.slice(eq + 1), dynamic: kv.dynamic };
    const label = `git -c ${kv.text.slice(0, eq)}`;
    const key = kv.text.slice(0, eq).toLowerCase();
    // Switched off (`core.askPass=`), or a usual program with options: nothing to analyse.
    if (
      !value.dynamic &&
      (DISABLED.test(value.text.trim()) ||
        (key !== 'core.alternaterefscommand' && PLAIN_PROGRAM.test(value.text)))
    )
      continue;
    // fail closed: a snippet not known statically leaves a dynamic command behind.
    if (value.dynamic) emit([{ text: value.text, dynamic: true }], k, { dynamic: true });
    else
      reparse(`${value.text} "$@"`, label, k, {
        scope: cloneScope(k.scope),
        argv0: value.text,
        positional: [{ text: '"$ALTERNATE"', dynamic: true }],
      });
  }
}
