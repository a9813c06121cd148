/**
 * Project runners that run commands their config file names: `tox [run|r] -e ENV[,ENV]`
 * runs the `commands_pre`, `commands` and `commands_post` of tox.ini's `[testenv:ENV]`
 * (else `[testenv]`; every testenv without `-e`), with `{env:NAME}` read as `$NAME`,
 * `{posargs}` as its default and `{toxinidir}` as the folder; `devbox run NAME` runs devbox.json's
 * `shell.init_hook`, then `shell.scripts.NAME` (one line or a list). The config is read when
 * it is known: written earlier in the same script, or named (`tox -c FILE`, `devbox run -c
 * DIR`) and readable through ctx.readFile. The project's own default file on disk is its dev
 * environment, like plain `make`: not read. A named or written file that cannot be read is
 * unknown code. `devbox run CMD` that is no script is peeled as a command in dev-envs.ts.
 * mise, pixi and deno tasks: task-runners.ts, task-runners-more.ts.
 */
import { absPath } from './state.js';
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { runLines } from './written-code.js';
import { scriptFile } from './shells.js';
import { runMise } from './task-runners.js';
import { runDenoTask, runPixi } from './task-runners-more.js';

/** A config's text: [text or undefined when unreadable, path]; undefined = not to be read. */
function configText(named: Field | undefined, file: string, k: K): [string | undefined, string] | undefined {
  if (named) {
    // fail closed: a config named by a value not known statically cannot be read
    if (named.dynamic) return [undefined, named.text];
    const path = absPath(k.scope.cwd, named.text);
    const full = path.endsWith(file) ? path : `${path.replace(/\/+$/, '')}/${file}`;
    return [scriptFile(full, k), full];
  }
  const path = absPath(k.scope.cwd, file);
  if (!k.scope.written.has(path)) return undefined;
  return [k.scope.files.get(path), path];
}

/** The `[section]` → key → value map of an ini file (continuation lines are indented). */
function iniSections(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key = '';
  for (const line of text.split('\n')) {
    if (/^\s*[#;]/.test(line) || !line.trim()) continue;
    const head = /^\[([^\]]+)\]\s*$/.exec(line);
    const kv = /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (head) {
      section = new Map();
      out.set(head[1].trim(), section);
    } else if (kv && section) {
      key = kv[1];
      section.set(key, kv[2]);
    } else if (section && /^\s/.test(line) && key) section.set(key, `${section.get(key)}\n${line.trim()}`);
  }
  return out;
}

/** A tox command with its substitutions made. */
function toxLine(line: string, dir: string): string {
  return line
    .replace(/^[-!]\s*/, '')
    .replace(/\{env:(\w+)(?::([^}]*))?\}/g, (_, n: string, d?: string) => (d ? `\${${n}:-${d}}` : `$${n}`))
    .replace(/\{posargs(?::([^}]*))?\}/g, (_, d?: string) => d ?? '')
    .replace(/\{(toxinidir|tox_root)\}/g, dir);
}

/** The tox environments `argv` selects; undefined = every one. */
function toxEnvs(argv: Field[], k: K): string[] | undefined {
  const i = argv.findIndex((f) => f.text === '-e');
  const glued = argv.find((f) => /^(-e|--env=)./.test(f.text));
  const value = i > 0 ? argv[i + 1]?.text : glued?.text.replace(/^(-e|--env=)/, '');
  const v = value ?? k.scope.vars.get('TOXENV');
  return v ? v.split(',').map((e) => e.trim()) : undefined;
}

function runTox(argv: Field[], k: K): Res | undefined {
  const sub = argv.slice(1).find((f) => !f.text.startsWith('-'));
  if (sub && !/^(run|r|run-parallel|p)$/.test(sub.text) && argv.indexOf(sub) === 1) return undefined;
  if (argv.some((f) => /^(-h|--help|--version|-l|--listenvs|-a|--listenvs-all)$/.test(f.text)))
    return undefined;
  const c = argv.findIndex((f) => f.text === '-c' || f.text === '--conf');
  const found = configText(c > 0 ? argv[c + 1] : undefined, 'tox.ini', k);
  if (!found) return undefined;
  const [text, path] = found;
  // fail closed: a config written with content not known, or named and unreadable
  if (text === undefined) return unknownCode(argv, k, 'tox', path);
  const ini = iniSections(text);
  const envs =
    toxEnvs(argv, k) ?? [...ini.keys()].filter((s) => s.startsWith('testenv:')).map((s) => s.slice(8));
  const res = emit(argv, k);
  const dir = path.replace(/\/[^/]*$/, '') || '/';
  for (const env of envs.length ? envs : ['']) {
    const section = ini.get(`testenv:${env}`) ?? ini.get('testenv');
    for (const key of ['commands_pre', 'commands', 'commands_post']) {
      const lines = (section?.get(key) ?? ini.get('testenv')?.get(key) ?? '').split('\n');
      runLines(
        lines.filter((l) => l.trim()).map((l) => toxLine(l, dir)),
        `tox -e ${env}`,
        k,
      );
    }
  }
  return res;
}

/** devbox's options that take a value. */
const DEVBOX_VALUED = /^(-c|--config|-e|--env|--env-file|--environment)$/;

function runDevbox(argv: Field[], k: K): Res | undefined {
  if (argv[1]?.text !== 'run') return undefined;
  let config: Field | undefined;
  let i = 2;
  for (; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-c' || t === '--config') config = argv[++i];
    else if (DEVBOX_VALUED.test(t)) i++;
    else if (!t.startsWith('-')) break;
    else if (t === '--') return undefined;
  }
  const name = argv[i];
  if (!name || name.dynamic) return undefined;
  const found = configText(config, 'devbox.json', k);
  if (!found) return undefined;
  const [text, path] = found;
  let json: { shell?: { scripts?: Record<string, unknown>; init_hook?: unknown } } | undefined;
  try {
    json = text === undefined ? undefined : (JSON.parse(text) as typeof json);
  } catch {
    json = undefined;
  }
  // fail closed: a config written with content not known, named and unreadable, or not JSON
  if (json === undefined) return unknownCode(argv, k, 'devbox run', path);
  const script = json.shell?.scripts?.[name.text];
  if (script === undefined) return undefined;
  const lines = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const res = emit(argv, k);
  runLines([...lines(json.shell?.init_hook), ...lines(script)], `devbox run ${name.text}`, k);
  return res;
}

/** Programs runProjectTask reads (before their own peeling): tox, devbox, and the task runners of task-runners*.ts. */
export const PROJECT_TASKS = new Set(['tox', 'devbox', 'mise', 'pixi', 'deno']);

/** Runs the config's commands `argv` starts; undefined = none read here (`prog` runs as itself). */
export function runProjectTask(prog: string, argv: Field[], k: K): Res | undefined {
  if (prog === 'tox') return runTox(argv, k);
  if (prog === 'devbox') return runDevbox(argv, k);
  if (prog === 'mise') return runMise(argv, k);
  if (prog === 'pixi') return runPixi(argv, k);
  if (prog === 'deno') return runDenoTask(argv, k);
  return undefined;
}
