/**
 * Walking the command a remote carrier sends (ssh, container exec, fleet runners): its
 * commands run with `remote: true` and cwd '/' (or the working directory the carrier names),
 * since their paths belong to another machine.
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { reparse } from './reparse.js';
import { runArgv } from './carriers.js';
import { carriedScope } from './state.js';

/** An argv run on another machine or container, labelled `label` among the wrappers. */
export function remoteArgv(cmd: Field[], label: string, k: K, workdir?: string): Res {
  const scope = carriedScope(k.scope, workdir ?? '/');
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label], remote: true };
  return runArgv(cmd, { ...k, frame, scope, outer: scope });
}

/**
 * Words a remote shell runs (joined with spaces, as ssh sends them): re-parsed as a script
 * when all are known, else walked as an argv with the unknown ones dynamic.
 */
export function remoteWords(script: Field[], label: string, k: K): Res {
  if (script.some((f) => f.dynamic)) return remoteArgv(script, label, k);
  return reparse(script.map((f) => f.text).join(' '), label, k, { remote: true });
}

/**
 * True when the command's stdin holds input (a pipe, a here-document, a file) other than
 * `/dev/null`: a remote login shell or console given no command reads and runs it.
 */
export function readsStdin(k: K): boolean {
  const stdin = k.io.stdin;
  return !!stdin && !(stdin.kind === 'file' && stdin.path === '/dev/null');
}
