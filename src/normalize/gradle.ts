/**
 * Gradle build scripts a `gradle` / `./gradlew` command runs (build.gradle, build.gradle.kts,
 * settings.gradle, init scripts; the table of tool-configs.ts), read for what they do:
 * - the configuration phase runs for every task: code outside task bodies, and the
 *   configuration of tasks created eagerly (`task x { … }`, `tasks.create`), runs whatever
 *   the command asks;
 * - the tasks the command reaches (named or abbreviated, else `defaultTasks`, and what they
 *   `dependsOn` or are `finalizedBy`, also through the lifecycle build → check → test …) run:
 *   their `doLast` / `doFirst` actions, a Delete task's `delete` targets, an Exec task's
 *   `commandLine` (or `executable` + `args`), the blocks `tasks.withType(T)` adds to them;
 * - where code runs, `delete X` / `project.delete(X)` / `ant.delete(dir: X)` is `rm -rf X` and
 *   `exec { commandLine … }` runs its command; other JVM code (`"…".execute()`,
 *   `File.deleteDir()`, HTTP clients) is read by the code scanners (the code returned).
 * `--dry-run` runs no task; `--help` / `--version` run nothing. Values: gradle-values.ts.
 */
import { lex } from './codelex.js';
import type { Field } from './state.js';
import { argsOf, gradleVars, path, shellWord, words, type GradleCtx } from './gradle-values.js';

/** A task body found in a script. */
interface Task {
  /** The task's name; `type:T` for a `tasks.withType(T)` block, `*` for `tasks.all`. */
  name: string;
  /** Its type (`Delete`, `Exec`); '' = a plain task or not known. */
  type: string;
  /** Created eagerly: its configuration runs in the configuration phase. */
  eager: boolean;
  /** The whole body is an action (`x.doLast { … }`, `task x << { … }`). */
  action: boolean;
  /** Span of the body inside its braces, on the skeleton. */
  span: [number, number];
}

/** Tasks of the base/java plugins: name → the tasks it depends on. */
const LIFECYCLE: Record<string, string[]> = {
  build: ['assemble', 'check'],
  assemble: ['jar', 'war', 'bootJar', 'distZip', 'distTar'],
  check: ['test'],
  test: ['classes', 'testClasses'],
  testClasses: ['compileTestJava', 'compileTestKotlin', 'processTestResources', 'classes'],
  classes: ['compileJava', 'compileKotlin', 'compileGroovy', 'processResources'],
  jar: ['classes'],
  war: ['classes'],
  bootJar: ['classes'],
  run: ['classes'],
  bootRun: ['classes'],
  installDist: ['jar'],
  publish: ['jar'],
  publishToMavenLocal: ['jar'],
  javadoc: ['classes'],
  clean: [],
};
/** Built-in tasks of a type (`tasks.withType(JavaCompile)`). */
const TYPED: Record<string, string[]> = {
  JavaCompile: ['compileJava', 'compileTestJava'],
  KotlinCompile: ['compileKotlin', 'compileTestKotlin'],
  GroovyCompile: ['compileGroovy'],
  Test: ['test'],
  Jar: ['jar', 'bootJar'],
  Delete: ['clean'],
  Javadoc: ['javadoc'],
  ProcessResources: ['processResources'],
};

/** The index of the `}` closing the `{` at `open`; the skeleton's end when not closed. */
function closing(skel: string, open: number): number {
  let depth = 0;
  for (let i = open; i < skel.length; i++) {
    if (skel[i] === '{') depth++;
    else if (skel[i] === '}' && --depth === 0) return i;
  }
  return skel.length;
}

const NAME = String.raw`(\u0001\d+\u0002|\w+)`;
const typeOf = (t: string | undefined) =>
  /(?:type\s*:\s*)?(\w+)(?:::class)?/.exec(t?.trim() ?? '')?.[1] ?? '';

/** The task bodies of a script (outermost first; ones inside another's body are not separate). */
function findTasks(skel: string, nameOf: (n: string) => string): Task[] {
  const found: Task[] = [];
  const add = (m: RegExpMatchArray, name: string, type: string, eager: boolean, action = false) => {
    const open = (m.index ?? 0) + m[0].length - 1;
    if (skel[open] !== '{') return;
    found.push({ name, type, eager, action, span: [open + 1, closing(skel, open)] });
  };
  for (const m of skel.matchAll(
    new RegExp(String.raw`\btask\b\s*(?:\(\s*)?${NAME}\s*(?:[(,]([^(){}]*)\)?)?\s*(<<\s*)?\{`, 'g'),
  ))
    add(m, nameOf(m[1]), typeOf(/type\s*:\s*(\w+)/.exec(m[2] ?? '')?.[1]), true, !!m[3]);
  const reg = String.raw`\btasks\s*\.\s*(register|create|named|getByName|maybeCreate)\s*(?:<\s*(\w+)\s*>)?\s*\(\s*(?:name\s*:\s*)?${NAME}\s*(?:,([^(){}]*))?\)\s*(?:\.\s*configure\s*)?\{`;
  for (const m of skel.matchAll(new RegExp(reg, 'g')))
    add(m, nameOf(m[3]), m[2] ?? typeOf(m[4]), /create|getByName|maybeCreate/.test(m[1]));
  for (const m of skel.matchAll(
    /\b(?:val|var)\s+(\w+)\s+by\s+tasks\s*\.\s*(registering|creating|existing|getting)\s*(?:\(\s*(\w+)[^(){}]*\))?\s*\{/g,
  ))
    add(m, m[1], m[3] ?? '', m[2] !== 'registering' && m[2] !== 'existing');
  for (const m of skel.matchAll(
    /\btasks\s*\.\s*withType\s*(?:<\s*(\w+)\s*>|\(\s*(\w+)[^(){}]*\))\s*(?:\.\s*(?:configureEach|all)\s*)?\{/g,
  ))
    add(m, `type:${m[1] ?? m[2]}`, m[1] ?? m[2], false);
  for (const m of skel.matchAll(/\btasks\s*\.\s*(?:all|configureEach)\s*\{/g)) add(m, '*', '', false);
  const known = new Set([...Object.keys(LIFECYCLE), ...found.map((t) => t.name)]);
  for (const m of skel.matchAll(
    /(?:^|[\s;{}])(?:tasks\s*\.\s*)?(\w+)\s*(?:\.\s*(configure|doLast|doFirst)\s*)?(<<\s*)?\{/g,
  )) {
    const before = skel.slice(0, m.index + 1);
    if (!known.has(m[1]) || /\btask\s*\(?\s*$|\bby\s*$/.test(before)) continue;
    add(m, m[1], m[1] === 'clean' ? 'Delete' : '', !m[2], !!m[3] || /do(Last|First)/.test(m[2] ?? ''));
  }
  found.sort((a, b) => a.span[0] - b.span[0]);
  return found.filter(
    (t, i) => !found.slice(0, i).some((o) => o.span[0] <= t.span[0] && t.span[1] <= o.span[1]),
  );
}

/** Task names an expression names (`'x'`, `':app:x'`, `x`, `tasks.x`, `tasks.named("x")`, `[a, b]`). */
function namesIn(expr: string, c: GradleCtx): string[] {
  const out: string[] = [];
  for (const m of expr.matchAll(/\u0001(\d+)\u0002|\b([A-Za-z_]\w*)\b/g)) {
    const n = m[1] !== undefined ? (c.lx.lits[Number(m[1])].value.split(':').pop() ?? '') : m[2];
    if (
      !/^(tasks|named|getByName|listOf|setOf|arrayOf|project|rootProject|get|it|provider|configure)$/.test(n)
    )
      out.push(n);
  }
  return out;
}

/** Dependency edges: task → the tasks it depends on or is finalized by (in bodies and `x.dependsOn y`). */
function edges(skel: string, tasks: Task[], c: GradleCtx): Map<string, string[]> {
  const out = new Map<string, string[]>(Object.entries(LIFECYCLE));
  const link = (from: string, to: string[]) => out.set(from, [...(out.get(from) ?? []), ...to]);
  for (const t of tasks)
    for (const m of skel
      .slice(...t.span)
      .matchAll(/\b(?:dependsOn|finalizedBy)\s*(?:=|\+=)?\s*\(?([^\n;]*)/g))
      link(t.name, namesIn(m[1], c));
  for (const m of skel.matchAll(/\btask\s*\(?\s*(\w+|\u0001\d+\u0002)[^{}\n]*?dependsOn\s*:\s*([^\n{)]*)/g))
    link(namesIn(m[1], c)[0] ?? '', namesIn(m[2], c));
  for (const m of skel.matchAll(/\b(?:tasks\s*\.\s*)?(\w+)\s*\.\s*(?:dependsOn|finalizedBy)\s*\(?([^\n;]*)/g))
    if (m[1] !== 'tasks') link(m[1], namesIn(m[2], c));
  return out;
}

/** Gradle's options that take a value. */
const VALUED =
  /^(-[bcpIxgDP]|--build-file|--settings-file|--project-dir|--init-script|--exclude-task|--gradle-user-home|--project-cache-dir|--include-build|--console|--warning-mode|--max-workers|--priority|--tests|--configuration|--dependency)$/;

/** The tasks a command asks for, those it excludes, and whether it runs tasks at all; undefined = it runs nothing (`--help`). */
export function gradleTasks(
  args: Field[],
): { names: string[]; excluded: string[]; dry: boolean } | undefined {
  const out = { names: [] as string[], excluded: [] as string[], dry: false };
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (/^(-h|-\?|--help|-v|--version|--stop|--status)$/.test(t)) return undefined;
    if (t === '-m' || t === '--dry-run') out.dry = true;
    else if (t === '-x' || t === '--exclude-task') out.excluded.push(args[++i]?.text ?? '');
    else if (t.startsWith('--exclude-task=')) out.excluded.push(t.slice(15));
    else if (VALUED.test(t)) i++;
    else if (!t.startsWith('-')) out.names.push(t.split(':').pop() ?? t);
  }
  return out;
}

/** Gradle's name matching: `nuke`, or an abbreviation by prefix of each camel-case part (`cT` = cleanTarget). */
function matches(asked: string, name: string): boolean {
  if (asked === name) return true;
  const a = asked.split(/(?=[A-Z])/);
  const n = name.split(/(?=[A-Z])/);
  return a.length <= n.length && a.every((p, i) => n[i].toLowerCase().startsWith(p.toLowerCase()));
}

/** The names of the tasks that run: the asked ones (else `defaultTasks`) and all they reach. */
function reached(
  skel: string,
  tasks: Task[],
  asked: ReturnType<typeof gradleTasks>,
  c: GradleCtx,
): Set<string> {
  const run = new Set<string>();
  if (!asked || asked.dry) return run;
  const graph = edges(skel, tasks, c);
  const names = new Set([...graph.keys(), ...tasks.map((t) => t.name)]);
  const defaults = [...skel.matchAll(/\bdefaultTasks\s*\(?([^\n;]*)/g)].flatMap((m) => namesIn(m[1], c));
  // an exact name wins over the names it abbreviates
  const todo = (asked.names.length ? asked.names : defaults).flatMap((a) =>
    names.has(a) ? [a] : [...names].filter((n) => matches(a, n)),
  );
  while (todo.length) {
    const n = todo.pop() as string;
    if (run.has(n) || asked.excluded.includes(n)) continue;
    run.add(n);
    todo.push(...(graph.get(n) ?? []));
  }
  return run;
}

/** The body of a block whose `{` ends the match at `m`. */
const blockAt = (s: string, m: RegExpMatchArray) => {
  const open = (m.index ?? 0) + m[0].length - 1;
  return s.slice(open + 1, closing(s, open));
};

/** The arguments of a call without parentheses (`delete 'a', b`): to the end of the line or of the block it closes. */
function lineArgs(rest: string): string[] {
  let line = rest.split('\n')[0];
  const open = (l: string) => (l.match(/\{/g) ?? []).length - (l.match(/\}/g) ?? []).length;
  while (open(line) < 0 || /;\s*$/.test(line)) line = line.replace(/\s*[;}]\s*$/, '');
  return argsOf(line.split(';')[0]);
}

/** The command an exec configuration runs: `commandLine …`, or `executable X` with `args …`; '' = none. */
function execLine(body: string, c: GradleCtx): string {
  const call = (name: string) => {
    const m = new RegExp(String.raw`\b${name}\s*(=\s*|\+=\s*|\(|[ \t]+)`).exec(body);
    if (!m) return undefined;
    const rest = body.slice(m.index + m[0].length);
    return m[1] === '(' ? argsOf(rest) : lineArgs(rest);
  };
  const cmd = call('commandLine');
  if (cmd) return words(cmd, c).join(' ');
  const exe = call('executable');
  return exe ? words([...exe, ...(call('args') ?? [])], c).join(' ') : '';
}

/** Shell lines of one region of code that runs: deletes and exec blocks; `typed` = the body of a task of that type. */
function dsl(region: string, typed: string, c: GradleCtx): string[] {
  const out: string[] = [];
  // `delete X`, `delete(X)`, a Delete task's `delete = …` / `delete += …` (not `delete { … }`, whose body says)
  for (const m of region.matchAll(
    /(?:^|[^\w.])(?:project\s*\.\s*)?delete\b(?!\s*(?:\{|==))\s*(?:\+?=\s*)?(\()?/g,
  )) {
    const rest = region.slice((m.index ?? 0) + m[0].length);
    const args = m[1] ? argsOf(rest) : lineArgs(rest);
    if (args.length) out.push(`rm -rf -- ${words(args, c, true).join(' ')}`);
  }
  for (const m of region.matchAll(/\bant\s*\.\s*delete\s*\(?([^)\n]*)/g))
    for (const a of argsOf(m[1], true).filter((x) => /^(dir|file)\s*:/.test(x)))
      out.push(`rm -rf -- ${shellWord(path(a.replace(/^\w+\s*:/, ''), c) ?? [{ sh: '"$(gradle_value)"' }])}`);
  const execs = [...region.matchAll(/\b(?:(?:project|providers|execOperations)\s*\.\s*)?exec\s*\{/g)];
  for (const m of execs) out.push(execLine(blockAt(region, m), c));
  if (typed === 'Exec') {
    let own = region;
    for (const m of execs) own = own.replace(blockAt(region, m), '');
    out.push(execLine(own, c));
  }
  return out.filter(Boolean);
}

/** The code and shell lines a Gradle script runs for the command's arguments (see the module comment). */
export function gradleRead(
  text: string,
  args: Field[],
  file: string,
  home: string,
): { text: string; shell: string[] } {
  const lx = lex(text, 'jvm');
  const skel = lx.skel;
  const c: GradleCtx = { lx, dir: file.replace(/\/[^/]*$/, '') || '/', home, vars: gradleVars(skel) };
  const asked = gradleTasks(args);
  if (!asked) return { text: '', shell: [] };
  const tasks = findTasks(skel, (n) => namesIn(n, c)[0] ?? n);
  const run = reached(skel, tasks, asked, c);
  const runs = (t: Task) =>
    t.name === '*'
      ? run.size > 0
      : t.name.startsWith('type:')
        ? [...(TYPED[t.type] ?? []), ...tasks.filter((o) => o.type === t.type).map((o) => o.name)].some((n) =>
            run.has(n),
          )
        : run.has(t.name);
  const code: string[] = [];
  const shell: string[] = [];
  const read = (region: string, typed: string, withDsl: boolean) => {
    code.push(region);
    if (withDsl) shell.push(...dsl(region, typed, c));
  };
  let outside = skel;
  for (const t of [...tasks].reverse()) outside = outside.slice(0, t.span[0]) + outside.slice(t.span[1]);
  read(outside, '', true);
  for (const t of tasks) {
    const body = skel.slice(...t.span);
    if (runs(t)) read(body, t.type, true);
    else if (t.eager && !t.action) {
      // the configuration phase: what the body does outside its actions
      let config = body;
      for (const m of body.matchAll(/\b(?:doLast|doFirst)\s*(?:\(\s*\))?\s*\{/g))
        config = config.replace(blockAt(body, m), '');
      read(config, t.type, t.type !== 'Delete' && t.type !== 'Exec');
    }
  }
  const show = (s: string) =>
    s.replace(/\u0001(\d+)\u0002/g, (_m, n: string) => JSON.stringify(lx.lits[Number(n)].value));
  return { text: code.map(show).join('\n'), shell };
}
