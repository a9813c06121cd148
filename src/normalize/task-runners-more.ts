/**
 * More task runners read as task-runners.ts reads mise (a config this script wrote; the
 * project's own file on disk is not read):
 * - pixi: `pixi run|r [opts] NAME [ARGS]`, tasks of pixi.toml or pyproject.toml's `[tool.pixi]`
 *   (`[tasks]`, and features' and targets' tasks: `NAME = "…"`, `{ cmd = "…" | ["word", …],
 *   depends-on = […] }`); a NAME of no task there is a command, peeled by dev-envs.ts.
 *   `pixi task add NAME CMD…` installs CMD as a task: it is analysed when it is added.
 * - deno: `deno task [opts] NAME [ARGS]`, the `tasks` of deno.json / deno.jsonc (a string or
 *   `{ command, dependencies }`).
 */
import { absPath, cloneScope, type Field, type Res } from './state.js';
import { unknownCode, type K } from './emit.js';
import { reparse } from './reparse.js';
import { joinFields } from './fields.js';
import { tomlParse, type TomlTable } from './toml.js';
import { inDir, isTable, line, names, runTasks, strings, writtenFiles, type Task } from './task-runners.js';
import { quote } from './quote.js';

/** The first word after the options (the task name) and its index; valued options skipped. */
function firstWord(argv: Field[], from: number, valued: RegExp): number {
  let i = from;
  for (; i < argv.length && argv[i].text.startsWith('-'); i++) if (valued.test(argv[i].text)) i++;
  return i;
}

/** pixi options of `run` that take the next word as their value. */
const PIXI_VALUED =
  /^(--manifest-path|-e|--environment|-s|--spec|-c|--channel|--platform|--executable|--color)$/;

/** Every `tasks` table of a pixi manifest: top level, `[tool.pixi]`, features', targets'. */
function pixiTaskTables(doc: TomlTable): TomlTable[] {
  const out: TomlTable[] = [];
  const visit = (t: TomlTable, depth: number) => {
    if (isTable(t.tasks)) out.push(t.tasks);
    for (const key of ['feature', 'target'])
      if (isTable(t[key]) && depth < 3)
        for (const v of Object.values(t[key])) if (isTable(v)) visit(v, depth + 1);
  };
  const tool = isTable(doc.tool) && isTable(doc.tool.pixi) ? doc.tool.pixi : undefined;
  visit(tool ?? doc, 0);
  return out;
}

function pixiTask(v: unknown): Task {
  const t: Record<string, unknown> = isTable(v) ? v : { cmd: v };
  // `cmd = ["rm", "-rf", "x"]`: words of one command
  const cmd = Array.isArray(t.cmd) ? [strings(t.cmd).map(quote).join(' ')] : strings(t.cmd);
  return { lines: inDir(cmd.map(line), t.cwd), before: names(t['depends-on'] ?? t.depends_on), after: [] };
}

/** `pixi run NAME` / `pixi task add NAME CMD`; undefined = no task read here. */
export function runPixi(argv: Field[], k: K): Res | undefined {
  const sub = argv[1]?.text;
  if (sub === 'task' && argv[2]?.text === 'add') {
    const at = firstWord(argv, 3, /^(--depends-on|--cwd|--env|--description|-f|--feature|-p|--platform)$/);
    const cmd = argv.slice(at + 1);
    // fail closed: a command not known statically is analysed as one (joinFields keeps it dynamic)
    if (cmd.length)
      reparse(joinFields(cmd).text, `pixi task ${argv[at]?.text ?? ''}`, k, { scope: cloneScope(k.scope) });
    return undefined;
  }
  if (sub !== 'run' && sub !== 'r') return undefined;
  const at = firstWord(argv, 2, PIXI_VALUED);
  const name = argv[at];
  if (!name || name.dynamic) return undefined;
  const m = argv.findIndex((f) => f.text === '--manifest-path');
  const named = m > 0 ? argv[m + 1] : undefined;
  if (named?.dynamic) return unknownCode(argv, k, 'pixi run', named.text);
  const paths = named
    ? [absPath(k.scope.cwd, named.text)]
    : ['pixi.toml', 'pyproject.toml'].map((f) => absPath(k.scope.cwd, f));
  const files = writtenFiles(paths, k);
  if (!files.length) return undefined;
  const tasks = new Map<string, Task>();
  for (const [path, text] of files) {
    const doc = text === undefined ? undefined : tomlParse(text);
    // fail closed: a manifest written with content not known, or not readable as TOML
    if (!doc) return unknownCode(argv, k, 'pixi run', path);
    for (const table of pixiTaskTables(doc))
      for (const [n, v] of Object.entries(table)) tasks.set(n, pixiTask(v));
  }
  if (!tasks.has(name.text)) return undefined;
  return runTasks(argv, k, 'pixi run', tasks, [[name.text, argv.slice(at + 1)]]);
}

/** deno.json with its comments taken out (deno.jsonc); strings kept whole. */
function jsonc(text: string): string {
  return text.replace(
    /("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (m, s: string | undefined) => s ?? '',
  );
}

/** `deno task NAME`; undefined = no config of this script read. */
export function runDenoTask(argv: Field[], k: K): Res | undefined {
  if (argv[1]?.text !== 'task') return undefined;
  const at = firstWord(argv, 2, /^(-c|--config|--cwd|-f|--filter)$/);
  const name = argv[at];
  if (!name || name.dynamic) return undefined;
  const c = argv.findIndex((f) => f.text === '-c' || f.text === '--config');
  const named = c > 0 ? argv[c + 1] : undefined;
  if (named?.dynamic) return unknownCode(argv, k, 'deno task', named.text);
  const paths = named
    ? [absPath(k.scope.cwd, named.text)]
    : ['deno.json', 'deno.jsonc'].map((f) => absPath(k.scope.cwd, f));
  const [file] = writtenFiles(paths, k);
  if (!file) return undefined;
  let doc: { tasks?: Record<string, unknown> } | undefined;
  try {
    doc =
      file[1] === undefined
        ? undefined
        : (JSON.parse(jsonc(file[1]).replace(/,(\s*[}\]])/g, '$1')) as typeof doc);
  } catch {
    doc = undefined;
  }
  // fail closed: a config written with content not known, or not JSON
  if (!doc || typeof doc !== 'object') return unknownCode(argv, k, 'deno task', file[0]);
  const tasks = new Map<string, Task>();
  for (const [n, v] of Object.entries(isTable(doc.tasks) ? doc.tasks : {})) {
    const t = (isTable(v) ? v : { command: v }) as { command?: unknown; dependencies?: unknown };
    tasks.set(n, { lines: strings(t.command).map(line), before: names(t.dependencies), after: [] });
  }
  return runTasks(argv, k, 'deno task', tasks, [[name.text, argv.slice(at + 1)]]);
}
