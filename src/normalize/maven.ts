/**
 * Maven builds (`mvn`, `./mvnw`, `mvnd`) of a pom.xml this script wrote (the table of
 * tool-configs.ts), read as the commands its plugins run:
 * - exec-maven-plugin's `exec` goal runs `<executable>` with its `<arguments>` (or
 *   `<commandlineArgs>`; the `exec.executable` / `exec.args` properties given with -D);
 * - maven-antrun-plugin's `run` goal performs its `<target>`: `<delete dir|file>` (also of a
 *   `<fileset>`) is `rm -rf`, `<exec executable><arg value|line/></exec>` runs the command;
 * - maven-clean-plugin deletes the `<filesets>` it is given, besides the build folder.
 * An execution runs when the command's phases reach its `<phase>` (the clean, default and site
 * lifecycles; one without a phase counts as validate, fail closed), or when its goal is asked
 * (`exec:exec`, `antrun:run@id`). Profiles run when active: named by -P, active by default, or
 * activated by a condition (fail closed). `${…}`: the pom's `<properties>`, -D, `basedir`,
 * `project.build.directory`, `user.home`, `env.X`; any other is a value not known (fail closed).
 * Modules (`<modules>`) are the poms of their folders.
 */
import { type Field } from './state.js';
import { kid, kids, parseXml, type XmlNode } from './xml.js';
import { shellWord, type Part } from './gradle-values.js';

const LIFECYCLES = [
  ['pre-clean', 'clean', 'post-clean'],
  [
    'validate',
    'initialize',
    'generate-sources',
    'process-sources',
    'generate-resources',
    'process-resources',
    'compile',
    'process-classes',
    'generate-test-sources',
    'process-test-sources',
    'generate-test-resources',
    'process-test-resources',
    'test-compile',
    'process-test-classes',
    'test',
    'prepare-package',
    'package',
    'pre-integration-test',
    'integration-test',
    'post-integration-test',
    'verify',
    'install',
    'deploy',
  ],
  ['pre-site', 'site', 'post-site', 'site-deploy'],
];
/** The plugins read here: artifactId → goal prefix. */
const PREFIX: Record<string, string> = {
  'exec-maven-plugin': 'exec',
  'maven-antrun-plugin': 'antrun',
  'maven-clean-plugin': 'clean',
};

/** What a mvn command asks for. */
interface Asked {
  /** Phases asked (`package`); empty = none. */
  phases: string[];
  /** Goals asked directly: `prefix:goal` or `prefix:goal@id`. */
  goals: string[];
  /** -D properties. */
  props: Map<string, string>;
  /** Profiles -P turns on and off. */
  on: Set<string>;
  off: Set<string>;
}

const VALUED =
  /^(-f|--file|-s|--settings|-gs|--global-settings|-t|--toolchains|-pl|--projects|-rf|--resume-from|-T|--threads|-l|--log-file|-b|--builder)$/;

/** The phases, goals, properties and profiles of a mvn command; undefined = it runs no build (`--help`). */
function asked(args: Field[]): Asked | undefined {
  const out: Asked = { phases: [], goals: [], props: new Map(), on: new Set(), off: new Set() };
  for (let i = 0; i < args.length; i++) {
    let t = args[i].text;
    if (/^(-h|--help|-v|--version)$/.test(t)) return undefined;
    if (VALUED.test(t)) i++;
    else if (/^(-D|--define)$/.test(t) || /^-D./.test(t)) {
      const kv = t.length > 2 && t.startsWith('-D') ? t.slice(2) : (args[++i]?.text ?? '');
      const eq = kv.indexOf('=');
      out.props.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? 'true' : kv.slice(eq + 1));
    } else if (/^(-P|--activate-profiles)$/.test(t) || /^-P./.test(t)) {
      t = t.length > 2 && t.startsWith('-P') ? t.slice(2) : (args[++i]?.text ?? '');
      for (const p of t.split(',')) (/^[!-]/.test(p) ? out.off : out.on).add(p.replace(/^[!+-]/, ''));
    } else if (t.startsWith('-')) continue;
    else if (t.includes(':')) out.goals.push(t);
    else out.phases.push(t);
  }
  return out;
}

/** Whether the asked phases reach `phase` (in its lifecycle). */
function reaches(phases: string[], phase: string): boolean {
  const life = LIFECYCLES.find((l) => l.includes(phase));
  return !!life && phases.some((p) => life.indexOf(p) >= life.indexOf(phase));
}

/** Reads one pom: its properties and how values are turned into shell words. */
class Pom {
  private props = new Map<string, string>();
  constructor(
    private root: XmlNode | undefined,
    private dir: string,
    home: string,
    given: Map<string, string>,
  ) {
    const build = kid(root, 'build');
    const target = kid(build, 'directory')?.text || `${dir}/target`;
    const known: [string, string][] = [
      ['basedir', dir],
      ['project.basedir', dir],
      ['maven.multiModuleProjectDirectory', dir],
      ['project.build.directory', target],
      ['project.build.outputDirectory', `${target}/classes`],
      ['project.build.testOutputDirectory', `${target}/test-classes`],
      ['user.home', home],
      ['user.dir', dir],
      ['java.io.tmpdir', '/tmp'],
    ];
    for (const [k, v] of known) this.props.set(k, v);
    for (const name of ['artifactId', 'groupId', 'version', 'name'])
      this.props.set(`project.${name}`, kid(root, name)?.text ?? '');
    for (const p of kid(root, 'properties')?.children ?? []) this.props.set(p.name, p.text);
    for (const [k, v] of given) this.props.set(k, v);
  }

  /** A value as one shell word (`${prop}` read, `${env.X}` → `"$X"`; not known → fail closed); `path` = placed in the project folder. */
  word(raw: string, path = false): string {
    return shellWord(this.parts(path && !/^(\/|\$\{|~)/.test(raw) ? `${this.dir}/${raw}` : raw, 0));
  }

  private parts(text: string, hops: number): Part[] {
    return text.split(/(\$\{[^}]*\})/).flatMap((part): Part[] => {
      const m = /^\$\{([^}]*)\}$/.exec(part);
      if (!m) return part ? [{ lit: part }] : [];
      const env = /^env\.(\w+)$/.exec(m[1]);
      if (env) return [{ sh: `"$${env[1]}"` }];
      const v = this.props.get(m[1]);
      // fail closed: a property not known statically
      return v === undefined || hops > 4 ? [{ sh: '"$(maven_property)"' }] : this.parts(v, hops + 1);
    });
  }

  /** A command line from a program ('' = none) and raw argument text (`-rf /x`, read as the shell reads it). */
  line(exe: string, raw: string): string {
    const args = raw.replace(/\$\{([^}]*)\}/g, (m) => this.word(m));
    return exe ? `${this.word(exe)} ${args}`.trim() : args.trim();
  }

  /** The shell lines of an Ant target (antrun's `<target>`). */
  ant(node: XmlNode | undefined): string[] {
    const out: string[] = [];
    for (const c of node?.children ?? []) {
      if (c.name === 'delete') {
        if (c.attrs.dir) out.push(`rm -rf -- ${this.word(c.attrs.dir, true)}`);
        if (c.attrs.file) out.push(`rm -f -- ${this.word(c.attrs.file, true)}`);
        for (const set of [...kids(c, 'fileset'), ...kids(c, 'dirset')])
          out.push(...this.fileset(set.attrs.dir ?? '', set.attrs.includes));
      } else if (c.name === 'exec') {
        const cd = c.attrs.dir ? `cd ${this.word(c.attrs.dir, true)} && ` : '';
        const args = kids(c, 'arg').map((a) =>
          a.attrs.line !== undefined
            ? this.line('', a.attrs.line)
            : this.word(a.attrs.value ?? a.attrs.file ?? a.attrs.path ?? ''),
        );
        if (c.attrs.executable) out.push(`${cd}${this.word(c.attrs.executable)} ${args.join(' ')}`.trim());
        else if (c.attrs.command) out.push(`${cd}${this.line('', c.attrs.command)}`);
      } else out.push(...this.ant(c));
    }
    return out;
  }

  /** `rm` of a fileset: the folder when it includes everything (or names nothing), else its patterns. */
  fileset(dir: string, includes: string | undefined): string[] {
    const pats = (includes ?? '').split(/[\s,]+/).filter(Boolean);
    if (!pats.length || pats.some((p) => /^(\*\*\/?\*?|\*)$/.test(p)))
      return [`rm -rf -- ${this.word(dir, true)}`];
    return pats.map((p) => `rm -rf -- ${this.word(`${dir.replace(/\/+$/, '')}/${p}`, true)}`);
  }

  /** The shell lines one goal of a plugin runs with configuration `cfg`. */
  goal(prefix: string, goal: string, cfg: XmlNode | undefined, given: Map<string, string>): string[] {
    if (prefix === 'exec' && goal === 'exec') {
      const exe = kid(cfg, 'executable')?.text ?? given.get('exec.executable');
      if (!exe) return [];
      const list = kids(kid(cfg, 'arguments'), 'argument').map((a) => this.word(a.text));
      const raw = kid(cfg, 'commandlineArgs')?.text ?? given.get('exec.args') ?? '';
      const dir = kid(cfg, 'workingDirectory')?.text;
      const cd = dir ? `cd ${this.word(dir, true)} && ` : '';
      return [`${cd}${list.length ? `${this.word(exe)} ${list.join(' ')}` : this.line(exe, raw)}`];
    }
    if (prefix === 'antrun' && goal === 'run') return this.ant(kid(cfg, 'target') ?? kid(cfg, 'tasks'));
    if (prefix === 'clean' && goal === 'clean')
      return kids(kid(cfg, 'filesets'), 'fileset').flatMap((f) => {
        const inc = kids(kid(f, 'includes'), 'include')
          .map((i) => i.text)
          .join(',');
        return this.fileset(kid(f, 'directory')?.text ?? '', inc || undefined);
      });
    return [];
  }
}

/** Execution configuration over the plugin's: a child of the execution's replaces the plugin's of the same name. */
function merged(plugin: XmlNode | undefined, exec: XmlNode | undefined): XmlNode | undefined {
  if (!plugin || !exec) return exec ?? plugin;
  const names = new Set(exec.children.map((c) => c.name));
  return { ...exec, children: [...plugin.children.filter((c) => !names.has(c.name)), ...exec.children] };
}

/** The plugins that take part in the build: the project's and those of its active profiles. */
function plugins(project: XmlNode | undefined, a: Asked): XmlNode[] {
  const own = kids(kid(kid(project, 'build'), 'plugins'), 'plugin');
  const active = kids(kid(project, 'profiles'), 'profile').filter((p) => {
    const id = kid(p, 'id')?.text ?? '';
    if (a.off.has(id)) return false;
    const act = kid(p, 'activation');
    // fail closed: a profile activated by a condition (a property, a file, the JDK) may be active
    return (
      a.on.has(id) || (!!act && act.children.some((c) => c.name !== 'activeByDefault' || c.text === 'true'))
    );
  });
  return [...own, ...active.flatMap((p) => kids(kid(kid(p, 'build'), 'plugins'), 'plugin'))];
}

/** The shell lines a pom's plugins run for a mvn command's arguments (see the module comment). */
export function mavenRead(
  text: string,
  args: Field[],
  file: string,
  home: string,
): { text: string; shell: string[] } {
  const a = asked(args);
  const project = kid(parseXml(text), 'project');
  if (!a || !project) return { text: '', shell: [] };
  const pom = new Pom(project, file.replace(/\/[^/]*$/, '') || '/', home, a.props);
  const shell: string[] = [];
  const pluginList = plugins(project, a);
  for (const plugin of pluginList) {
    const prefix = PREFIX[kid(plugin, 'artifactId')?.text ?? ''];
    if (!prefix) continue;
    const cfg = kid(plugin, 'configuration');
    const execs = kids(kid(plugin, 'executions'), 'execution');
    for (const e of execs) {
      // fail closed: an execution without a phase runs with the first one (exec and antrun bind none)
      const phase = kid(e, 'phase')?.text || (prefix === 'clean' ? 'clean' : 'validate');
      if (!reaches(a.phases, phase)) continue;
      for (const g of kids(kid(e, 'goals'), 'goal'))
        shell.push(...pom.goal(prefix, g.text, merged(cfg, kid(e, 'configuration')), a.props));
    }
    // the clean phase runs clean:clean with the plugin's own configuration
    if (prefix === 'clean' && reaches(a.phases, 'clean') && !execs.length)
      shell.push(...pom.goal('clean', 'clean', cfg, a.props));
  }
  for (const g of a.goals) {
    // `prefix:goal[@id]`, `groupId:artifactId:version:goal[@id]`
    const parts = g.split(':');
    const [goal, id] = (parts.pop() ?? '').split('@');
    const prefix = parts.length >= 2 ? (PREFIX[parts[1]] ?? parts[1]) : parts[0];
    const plugin = pluginList.find((p) => PREFIX[kid(p, 'artifactId')?.text ?? ''] === prefix);
    const exec = kids(kid(plugin, 'executions'), 'execution').find(
      (e) => kid(e, 'id')?.text === (id ?? 'default-cli'),
    );
    shell.push(
      ...pom.goal(prefix, goal, merged(kid(plugin, 'configuration'), kid(exec, 'configuration')), a.props),
    );
  }
  return { text: '', shell };
}
