/**
 * Commands a server runs for what a client sends it, walked as commands of that machine
 * (`remote: true`, as ssh's and `kubectl exec`'s are), after the client's own command:
 * - SQL a database client sends (its -c/-e/-Q text, a file, stdin; read as the SQL extractor
 *   reads it, src/extract/sql-clients.ts) that has the server run a command
 *   (src/extract/sql-server-shell.ts): `COPY … TO|FROM PROGRAM 'CMD'` and `sys_exec('CMD')` as a
 *   shell line, `EXEC xp_cmdshell 'CMD'` as cmd.exe's line (cmd-exe.ts);
 * - manifests `kubectl|oc apply|create|replace -f FILE|-` sends (a file the script wrote, a
 *   heredoc, a pipe; src/extract/privilege-containers.ts): each container of each pod spec
 *   (Pods, Jobs, CronJobs, workload templates; init containers too) runs its `command` and
 *   `args`, or the image's entry point (container-run.ts) with `args` when it has no command.
 *   Kubernetes fills `$(VAR)` from the container's environment: a word holding one is not known
 *   (a shell's `-c` script sees it as its variable `${VAR}`). A container with neither runs the
 *   image's own command, not read here; a manifest that cannot be read is not asked about (as
 *   privilege-containers.ts does not).
 * A command that is not known statically is walked as a command not known (fail closed).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { parseSqlClient } from '../extract/sql-clients.js';
import { serverCommands } from '../extract/sql-server-shell.js';
import { appliedManifests, documents } from '../extract/privilege-containers.js';
import { podSpecs } from './container-powers.js';
import { entrypointOf } from './container-run.js';
import type { K } from './emit.js';
import { reparse } from './reparse.js';
import { remoteArgv } from './remote-words.js';
import { lit, type Field } from './state.js';

/** Walks what the server `cmd` talks to runs for it (see the header). */
export function runServerCommands(cmd: NormalizedCommand, k: K): void {
  const ctx = k.run.ctx;
  const inv = parseSqlClient(cmd, ctx);
  for (const src of inv?.sources ?? []) {
    if (src.text === undefined || src.shell !== undefined) continue;
    for (const c of serverCommands(src.text, inv?.dialect ?? 'postgresql')) {
      const label = `${inv?.tool ?? cmd.program} ${c.via}`;
      // fail closed: a command the SQL names by a variable may be anything
      if (c.dynamic) remoteArgv([{ text: c.text, dynamic: true }], label, k);
      else if (c.windows) remoteArgv([lit('cmd'), lit('/c'), lit(c.text)], label, k);
      else reparse(c.text, label, k, { remote: true });
    }
  }
  for (const text of appliedManifests(cmd, ctx)) {
    if (text !== undefined) for (const doc of documents(text)) podCommands(doc, cmd.program, k);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : String(x))) : undefined;

/** Shells whose `-c` operand is a script (it expands `${VAR}` itself). */
const SHELL = /^(?:\/(?:usr\/)?bin\/)?(sh|bash|ash|dash|zsh|ksh)$/;
/** Kubernetes' `$(VAR)` (`$$(VAR)` is a literal `$(VAR)`). */
const KUBE_VAR = /(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g;
const HAS_KUBE_VAR = new RegExp(KUBE_VAR.source);

/** Each container's command in one manifest document, walked in its pod. */
function podCommands(doc: unknown, tool: string, k: K): void {
  const meta = isObj(doc) && isObj(doc.metadata) ? doc.metadata : {};
  const what = `${isObj(doc) && typeof doc.kind === 'string' ? doc.kind : 'manifest'}/${String(meta.name ?? '')}`;
  for (const spec of podSpecs(doc)) {
    const containers = [spec.initContainers, spec.containers].flatMap((c) => (Array.isArray(c) ? c : []));
    for (const c of containers.filter(isObj)) {
      const command = strings(c.command);
      const args = strings(c.args) ?? [];
      const entry = typeof c.image === 'string' ? entrypointOf(c.image) : undefined;
      const words = command
        ? [...command, ...args]
        : entry && args.length && args[0] !== entry
          ? [entry, ...args]
          : args;
      if (!words.length) continue;
      const shell = SHELL.test(words[0]);
      const argv: Field[] = words.map((w, i) =>
        // a shell's script expands the value itself; another word holding one is not known
        shell && /^-\w*c$/.test(words[i - 1] ?? '')
          ? lit(w.replace(KUBE_VAR, '$${$1}'))
          : { text: w.replace(KUBE_VAR, '$$$1'), dynamic: HAS_KUBE_VAR.test(w) },
      );
      const workdir =
        typeof c.workingDir === 'string' && c.workingDir.startsWith('/') ? c.workingDir : undefined;
      remoteArgv(argv, `${tool} apply ${what}`, k, workdir);
    }
  }
}
