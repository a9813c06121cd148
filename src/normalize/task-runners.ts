/**
 * Task runners whose tasks a config file holds, read when this script wrote that file (the
 * project's own file on disk is its dev environment, like plain `make`: not read):
 * - mise: `mise run|r|watch NAME [ARGS] [::: NAME …]`, `mise tasks run NAME`, and `mise NAME`
 *   when NAME is no mise command; tasks of mise.toml, .mise.toml, mise.ENV.toml, mise.local.toml,
 *   mise/config.toml, .mise/config.toml, .config/mise.toml, .config/mise/config.toml, and the
 *   global ~/.config/mise/config.toml
 *   (`[tasks.NAME] run = "…" | ["…", …]`, `depends`, `depends_post`, `file = "script"`, or
 *   `[tasks] NAME = "…"`), and file tasks (`mise-tasks/NAME`, `.mise/tasks/NAME` …);
 * - pixi and deno: task-runners-more.ts.
 * A task's lines run through the shell (its dependencies first, its ARGS appended to its last
 * line, in its `dir` when it names one); a line using `{{…}}` templates is not known
 * statically. Fail closed: a written file whose text is not known or cannot be read is unknown
 * code; an unknown line a dynamic command.
 */
import { absPath, type Field, type Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { runLines } from './written-code.js';
import { tomlParse, type TomlTable, type TomlValue } from './toml.js';
import { quote } from './quote.js';

/** One task: its shell lines (undefined = templated, not known) and the tasks it runs before and after. */
export interface Task {
  lines: (string | undefined)[];
  before: string[];
  after: string[];
}

export const strings = (v: TomlValue | unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
/** `depends = ["a", { task = "b" }]`: task names (a dependency's own arguments dropped). */
export const names = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .map((d) => (typeof d === 'string' ? d : ((d as { task?: unknown } | null)?.task ?? '')))
    .filter((d): d is string => typeof d === 'string' && d !== '')
    .map((d) => d.split(/\s+/)[0]);
export const line = (s: string): string | undefined => (s.includes('{{') ? undefined : s);
export const isTable = (v: unknown): v is TomlTable =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The texts of the files among `paths` this script wrote: [path, text or undefined when not known]. */
export function writtenFiles(paths: string[], k: K): [string, string | undefined][] {
  return paths.filter((p) => k.scope.written.has(p)).map((p) => [p, k.scope.files.get(p)]);
}

/**
 * Runs the tasks `wanted` (with their ARGS) of `tasks` under `label`: dependencies first. A
 * name of no task is skipped (it may be defined in a file not read). Returns the emitted command.
 */
export function runTasks(
  argv: Field[],
  k: K,
  label: string,
  tasks: Map<string, Task>,
  wanted: [string, Field[]][],
): Res {
  const res = emit(argv, k);
  const inner: K = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] } };
  const done = new Set<string>();
  const run = (name: string, args: Field[], depth: number): void => {
    const task = tasks.get(name);
    if (!task || done.has(name) || depth > 16) return;
    done.add(name);
    for (const d of task.before) run(d, [], depth + 1);
    const tail = args.map((a) => (a.dynamic ? '"$(unknown_argument)"' : quote(a.text))).join(' ');
    task.lines.forEach((l, i) => {
      // fail closed: a templated line is a command not known statically
      if (l === undefined) emit([{ text: `${label} ${name}`, dynamic: true }], inner, { dynamic: true });
      else runLines([i === task.lines.length - 1 && tail ? `${l} ${tail}` : l], `${label} ${name}`, inner);
    });
    for (const d of task.after) run(d, [], depth + 1);
  };
  for (const [pattern, args] of wanted)
    for (const name of tasks.keys()) if (name === pattern || globMatch(pattern, name)) run(name, args, 0);
  return res;
}

/** One glob token: `*` (any run), `?` (any one character) or a test of one character. */
type GlobToken = '*' | '?' | ((ch: string) => boolean);

/** A glob's tokens: `*`, `?`, `[abc]` / `[a-z]` / `[!x]` / `[^x]`; an unclosed `[` is itself. */
function globTokens(pattern: string): GlobToken[] {
  const out: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' || c === '?') {
      if (c !== '*' || out[out.length - 1] !== '*') out.push(c);
      continue;
    }
    const end = c === '[' ? pattern.indexOf(']', i + 2) : -1;
    if (end < 0) {
      out.push((ch) => ch === c);
      continue;
    }
    let body = pattern.slice(i + 1, end);
    const negate = body[0] === '!' || body[0] === '^';
    if (negate) body = body.slice(1);
    const ranges: [string, string][] = [];
    for (let j = 0; j < body.length; j++)
      if (body[j + 1] === '-' && j + 2 < body.length) {
        ranges.push([body[j], body[j + 2]]);
        j += 2;
      } else ranges.push([body[j], body[j]]);
    out.push((ch) => ranges.some(([lo, hi]) => ch >= lo && ch <= hi) !== negate);
    i = end;
  }
  return out;
}

/**
 * True when task `name` matches the glob `pattern` (`*`, `?`, `[…]`). Linear backtracking to the
 * last `*` only: time is at most pattern × name, whatever the pattern (no regular expression).
 */
export function globMatch(pattern: string, name: string): boolean {
  const t = globTokens(pattern);
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const tok = t[p];
    if (tok === '*') {
      starP = p++;
      starN = n;
    } else if (tok !== undefined && (tok === '?' || tok(name[n]))) {
      p++;
      n++;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (t[p] === '*') p++;
  return p === t.length;
}

/** A task's lines run in its folder (`dir = "…"`, pixi's `cwd`): `cd DIR && LINE`; no folder named = as they are. */
export function inDir(lines: (string | undefined)[], dir: unknown): (string | undefined)[] {
  if (typeof dir !== 'string' || dir === '') return lines;
  const to = dir.startsWith('~/') ? `~/${quote(dir.slice(2))}` : quote(dir);
  return lines.map((l) => (l === undefined ? l : line(`cd ${to} && ${l}`)));
}

/** mise's own commands: `mise NAME` with any other NAME runs the task NAME. */
const MISE_COMMANDS =
  /^(activate|alias|backends|bin-paths|cache|completion|config|cfg|deactivate|doctor|dr|en|env|e|exec|x|fmt|generate|gen|global|implode|install|i|install-into|latest|link|ln|local|ls|list|ls-remote|mcp|outdated|plugins|p|prune|registry|reshim|search|self-update|set|settings|shell|sh|sync|tasks|task|t|test-tool|tool|tool-stub|trust|uninstall|unset|unuse|rm|upgrade|up|use|u|usage|version|v|where|which|help|edit|lock)$/;
/** mise options (global and of `run`) that take the next word as their value. */
const MISE_VALUED = /^(-C|--cd|-E|--env|-j|--jobs|-o|--output|-s|--shell|-t|--tool|--timeout|-P|--profile)$/;
const MISE_CONFIGS = [
  'mise.toml',
  '.mise.toml',
  'mise.local.toml',
  '.mise.local.toml',
  'mise/config.toml',
  '.mise/config.toml',
  '.config/mise.toml',
  '.config/mise/config.toml',
];
const MISE_TASK_DIRS = ['mise-tasks', '.mise-tasks', 'mise/tasks', '.mise/tasks', '.config/mise/tasks'];

/** The tasks of one mise config document. */
function miseTasks(doc: TomlTable, dir: string, into: Map<string, Task>): void {
  const tasks = isTable(doc.tasks) ? doc.tasks : {};
  for (const [name, v] of Object.entries(tasks)) {
    const t = isTable(v) ? v : { run: v };
    const lines = strings(t.run).map(line);
    for (const f of strings(t.file)) lines.push(line(quote(absPath(dir, f))));
    into.set(name, { lines: inDir(lines, t.dir), before: names(t.depends), after: names(t.depends_post) });
  }
}

/** `mise …`: the tasks it runs, when this script wrote their config or task file; undefined = none read. */
export function runMise(argv: Field[], k: K): Res | undefined {
  let dir = k.scope.cwd;
  let i = 1;
  for (; i < argv.length && argv[i].text.startsWith('-'); i++)
    if (MISE_VALUED.test(argv[i].text)) {
      if (/^(-C|--cd)$/.test(argv[i].text) && argv[i + 1] && !argv[i + 1].dynamic)
        dir = absPath(dir, argv[i + 1].text);
      i++;
    }
  let sub = argv[i]?.text;
  if ((sub === 'tasks' || sub === 'task' || sub === 't') && argv[i + 1]?.text === 'run') sub = argv[++i].text;
  if (sub === undefined || argv[i].dynamic) return undefined;
  const viaRun = /^(run|r|watch|w)$/.test(sub);
  if (!viaRun && MISE_COMMANDS.test(sub)) return undefined;
  const rest = argv.slice(viaRun ? i + 1 : i);
  const wanted: [string, Field[]][] = [];
  let cur: [string, Field[]] | undefined;
  for (let j = 0; j < rest.length; j++) {
    const t = rest[j].text;
    if (t === ':::') cur = undefined;
    else if (!cur && t.startsWith('-')) {
      if (t === '-n' || t === '--dry-run') return undefined;
      if (MISE_VALUED.test(t)) j++;
    } else if (!cur) {
      // fail closed: a task name not known statically may be any task
      if (rest[j].dynamic) return undefined;
      wanted.push((cur = [t, []]));
    } else cur[1].push(rest[j]);
  }
  if (!wanted.length) wanted.push(['default', []]);
  const dirs = (rel: string[]) => rel.map((r) => absPath(dir, r));
  const envConfigs = [...k.scope.written].filter(
    (p) => p.startsWith(`${dir}/`) && /^\.?mise\.[\w-]+\.toml$/.test(p.slice(dir.length + 1)),
  );
  const home = k.run.ctx.home.replace(/\/+$/, '');
  const global = [`${home}/.config/mise/config.toml`, `${home}/.config/mise/config.local.toml`];
  const configs = writtenFiles([...new Set([...global, ...dirs(MISE_CONFIGS), ...envConfigs])], k);
  const taskFiles = writtenFiles(
    MISE_TASK_DIRS.flatMap((d) => wanted.map(([n]) => absPath(dir, `${d}/${n.replace(/:/g, '/')}`))),
    k,
  );
  if (!configs.length && !taskFiles.length) return undefined;
  const tasks = new Map<string, Task>();
  for (const [path, text] of configs) {
    const doc = text === undefined ? undefined : tomlParse(text);
    // fail closed: a config written with content not known, or not readable as TOML
    if (!doc) return unknownCode(argv, k, 'mise', path);
    miseTasks(doc, dir, tasks);
  }
  for (const [path] of taskFiles) {
    const name = MISE_TASK_DIRS.map((d) => `${dir}/${d}/`).find((d) => path.startsWith(d));
    if (name)
      tasks.set(path.slice(name.length).replace(/\//g, ':'), { lines: [quote(path)], before: [], after: [] });
  }
  return runTasks(argv, k, 'mise run', tasks, wanted);
}
