/**
 * Procfile runners start every process a Procfile names: `honcho start [-f FILE]`, `foreman
 * start [-f FILE]`, `overmind start|s [-f FILE]`, `hivemind [FILE]`, `forego start [-f FILE]`,
 * `goreman [-f FILE] start`, `nf start [-j FILE]`. Each line `name: command` is a shell command.
 * A Procfile whose text is known (written earlier in the same script, or named and readable
 * through ctx.readFile) has its commands re-parsed; a named one that can't be read is unknown
 * code. The project's own default Procfile on disk is its dev environment, like plain `make`:
 * not read. (`honcho run CMD` and the like are peeled in runners.ts.)
 */
import { absPath, cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';

/** Runner → the subcommands that start the Procfile's processes ('' = the runner alone does). */
export const PROCFILE_RUNNERS: Record<string, string[]> = {
  honcho: ['start'],
  foreman: ['start'],
  overmind: ['start', 's'],
  hivemind: [''],
  forego: ['start'],
  goreman: ['start'],
  nf: ['start'],
};

/** Options naming the Procfile. */
const FILE_OPTS = /^(-f|--procfile|-j)$/;
/** Other options that take a value. */
const VALUE_OPTS =
  /^(-e|--env|-d|--root|--app-root|-p|--port|-c|--concurrency|-l|--processes|-s|--socket|-t|--timeout|-m|--formation|-b|--basedir|-x|--port-step|-P|--can-die|-r|--auto-restart|-i|--ignored-processes|-w|--title)$/;

/** The shell commands of a Procfile's `name: command` lines. */
export function procfileCommands(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z0-9_.-]+)\s*:\s*(.*\S)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out.push(m[2]);
  }
  return out;
}

/** Runs the processes of the Procfile `argv` starts; undefined when argv starts none (another subcommand). */
export function runProcfile(prog: string, argv: Field[], k: K): Res | undefined {
  const subs = PROCFILE_RUNNERS[prog];
  let started = subs.includes('');
  let file: Field | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    const glued = /^(--procfile=|-f)(.+)$/s.exec(t);
    if (FILE_OPTS.test(t)) file = argv[++i];
    else if (glued) file = { ...argv[i], text: glued[2] };
    else if (VALUE_OPTS.test(t)) i++;
    else if (t.startsWith('-')) continue;
    else if (!started && subs.includes(t)) started = true;
    else if (!started) return undefined;
    else if (prog === 'hivemind' && !file) file = argv[i];
  }
  if (!started) return undefined;
  let text: string | undefined;
  if (file) {
    // fail closed: a Procfile named by a value not known statically, or that can't be read, is unknown code.
    text = file.dynamic || file.proc ? undefined : scriptFile(file.text, k);
    if (text === undefined) return unknownCode(argv, k, `${prog} start`, file.text);
  } else {
    const path = absPath(k.scope.cwd, 'Procfile');
    text = k.scope.files.get(path);
    // fail closed: a default Procfile this script wrote with unknown content.
    if (text === undefined && k.scope.written.has(path))
      return unknownCode(argv, k, `${prog} start`, 'Procfile');
    if (text === undefined) return emit(argv, k);
  }
  const res = emit(argv, k);
  for (const cmd of procfileCommands(text)) {
    if (k.run.stopped) break;
    reparse(cmd, `${prog} start`, { ...k, io: { writes: [] } }, { scope: cloneScope(k.scope) });
  }
  return res;
}
