/**
 * Configuration management run on this machine from a recipe or policy given inline or
 * written by this script: `chef-apply -e "RECIPE"` (also `-s`, the recipe on stdin, or a
 * recipe file the script wrote; Cinc's `cinc-apply` alike) and CFEngine's `cf-agent -f
 * POLICY.cf` (a policy file the script wrote). Each resource or promise that removes or runs
 * something is emitted as the local command it amounts to, so the file, account, package and
 * service rules judge it:
 * - Chef: `file|template|link|cookbook_file|remote_file 'P' do action :delete end` is `rm -f
 *   P`, `directory 'P'` is `rmdir P` (`rm -rf P` with `recursive true`), `execute 'CMD'` (or
 *   its `command`) and `bash|script 'x' do code '…' end` run their command, `user` and
 *   `group` with `:remove` are `userdel`/`groupdel`, a package's `:remove`/`:purge` is `apt-get
 *   remove|purge`, a service's `:stop`/`:disable` is `systemctl stop|disable`.
 * - CFEngine: a `files:` promise with `delete =>` is `rm -f` (`rm -rf` with `depth_search`),
 *   `commands:` promises run (with their `args`), `users:` and `packages:` with `policy =>
 *   "absent"` are `userdel` and `apt-get remove`, `services:` with `service_policy => "stop"`
 *   or `"disable"` are `systemctl`.
 * Dry runs (`chef-apply --why-run`, `cf-agent --dry-run`) change nothing and are not read; a
 * recipe or policy file not written here is the project's own (not read, as for `puppet apply
 * site.pp`). A path or command that holds a variable is unknown (`$(sys.workdir)`, `#{dir}`).
 */
import { absPath } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

/** Programs read here: Chef's and Cinc's recipe runners, CFEngine's agent. */
export const CONFIG_RECIPES = /^(chef-apply|cinc-apply|cf-agent)$/;

/** A local command a resource amounts to: its words, or a shell text to re-parse. */
type Step = { argv: string[] } | { shell: string };

const lit = (text: string): Field => ({ text, dynamic: /\$\(|\$\{|#\{/.test(text) });

/** Chef resources and what removing or running them amounts to. */
const CHEF_FILE = /^(file|template|link|cookbook_file|remote_file)$/;
const CHEF_DIR = /^(directory|remote_directory)$/;
const CHEF_PACKAGE = /^(package|apt_package|yum_package|dnf_package|zypper_package|snap_package)$/;
/**
 * A resource's heading: `TYPE 'NAME' do`, `TYPE('NAME') {`, or a resource of the types read
 * here without a block (`execute 'CMD'`). Properties inside a body (`path '/x'`, `user 'app'`)
 * have no block.
 */
const CHEF_HEAD =
  /\b(?:([a-z_]+)\s*\(?\s*(['"])((?:(?!\2)[^\\]|\\.)*)\2\s*\)?\s*(?:do\b|\{)|(execute|file|directory|(?:[a-z]+_)?package)\s*\(?\s*(['"])((?:(?!\5)[^\\]|\\.)*)\5)/g;

/** One resource of a recipe: its type, name, body (up to the next resource) and actions. */
export interface ChefResource {
  type: string;
  name: string;
  body: string;
  actions: string[];
}

/** The resources of a Chef recipe, in order. */
export function chefResources(recipe: string): ChefResource[] {
  const heads = [...recipe.matchAll(CHEF_HEAD)];
  return heads.map((h, i) => {
    const body = recipe.slice((h.index ?? 0) + h[0].length, heads[i + 1]?.index ?? recipe.length);
    const actions = [...body.matchAll(/\baction\s*\(?\s*\[?([^\n;]*)/g)].flatMap((m) =>
      [...m[1].matchAll(/:(\w+)/g)].map((a) => a[1]),
    );
    return { type: h[1] ?? h[4], name: h[3] ?? h[6], body, actions };
  });
}

/** A quoted property of a Chef resource body (`path '/x'`, `command "rm -rf /x"`). */
function chefProp(body: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*\\(?\\s*(['"])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1`).exec(body);
  return m?.[2];
}

/** The local commands of a Chef recipe. */
export function chefSteps(recipe: string): Step[] {
  const out: Step[] = [];
  for (const { type, name, body, actions } of chefResources(recipe)) {
    const does = (re: RegExp) => actions.some((a) => re.test(a));
    const path = chefProp(body, 'path') ?? name;
    if (CHEF_FILE.test(type) && does(/^delete$/)) out.push({ argv: ['rm', '-f', '--', path] });
    else if (CHEF_DIR.test(type) && does(/^delete$/))
      out.push({
        argv: /\brecursive\s+true\b/.test(body) ? ['rm', '-rf', '--', path] : ['rmdir', '--', path],
      });
    else if (type === 'execute' && !does(/^nothing$/)) out.push({ shell: chefProp(body, 'command') ?? name });
    else if (/^(bash|script|sh)$/.test(type) && !does(/^nothing$/)) {
      const code =
        /\bcode\s*(?:<<[-~]?(['"]?)(\w+)\1[^\n]*\n([\s\S]*?)\n\s*\2\b|(['"])((?:(?!\4)[^\\]|\\.)*)\4)/.exec(
          body,
        );
      if (code) out.push({ shell: code[3] ?? code[5] });
    } else if (type === 'user' && does(/^remove$/))
      out.push({ argv: /\bmanage_home\s+true\b/.test(body) ? ['userdel', '-r', name] : ['userdel', name] });
    else if (type === 'group' && does(/^remove$/)) out.push({ argv: ['groupdel', name] });
    else if (CHEF_PACKAGE.test(type) && does(/^(remove|purge)$/))
      out.push({
        argv: ['apt-get', does(/^purge$/) ? 'purge' : 'remove', '-y', chefProp(body, 'package_name') ?? name],
      });
    else if (type === 'service' && does(/^(stop|disable)$/))
      out.push({
        argv: ['systemctl', does(/^disable$/) ? 'disable' : 'stop', chefProp(body, 'service_name') ?? name],
      });
  }
  return out;
}

/** A quoted attribute of a CFEngine promise (`args => "-rf /x"`, `policy => "absent"`). */
const cfAttr = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=>\\s*"([^"]*)"`).exec(attrs)?.[1];

/** The local commands of a CFEngine policy. */
export function cfengineSteps(policy: string): Step[] {
  const text = policy.replace(/(^|\s)#[^\n]*/g, '$1');
  const out: Step[] = [];
  const sections = [
    ...text.matchAll(
      /\b(files|commands|users|packages|services|processes|vars|classes|reports|methods)\s*:(?!:)/g,
    ),
  ];
  sections.forEach((s, i) => {
    const segment = text.slice((s.index ?? 0) + s[0].length, sections[i + 1]?.index ?? text.length);
    for (const statement of segment.split(';')) {
      // class guards (`linux::`, `any::`) come before a promise
      const m = /^\s*(?:[\w.|&!()]+::\s*)*"((?:[^"\\]|\\.)*)"([\s\S]*)$/.exec(statement);
      if (!m) continue;
      const [, promiser, attrs] = m;
      if (s[1] === 'files' && /\bdelete\s*=>/.test(attrs))
        out.push({
          argv: /\bdepth_search\s*=>/.test(attrs)
            ? ['rm', '-rf', '--', promiser]
            : ['rm', '-f', '--', promiser],
        });
      else if (s[1] === 'commands')
        out.push({ shell: [promiser, cfAttr(attrs, 'args') ?? ''].join(' ').trim() });
      else if (s[1] === 'users' && cfAttr(attrs, 'policy') === 'absent')
        out.push({ argv: ['userdel', promiser] });
      else if (s[1] === 'packages' && /^(absent|delete)$/.test(cfAttr(attrs, 'policy') ?? ''))
        out.push({ argv: ['apt-get', 'remove', '-y', promiser] });
      else if (s[1] === 'services' && /^(stop|disable)$/.test(cfAttr(attrs, 'service_policy') ?? ''))
        out.push({ argv: ['systemctl', cfAttr(attrs, 'service_policy') ?? 'stop', promiser] });
    }
  });
  return out;
}

/** The text of a file this script wrote; undefined = not written here, or not known statically. */
function written(f: Field | undefined, k: K): string | undefined {
  return f && !f.dynamic ? k.scope.files.get(absPath(k.scope.cwd, f.text)) : undefined;
}

/** The recipe or policy of `argv`: inline, on stdin, or a file this script wrote; undefined = none read or a dry run. */
function programText(prog: string, argv: Field[], k: K): Field | undefined {
  const words = argv.map((a) => a.text);
  if (prog === 'cf-agent') {
    if (words.some((w) => /^(-n|--dry-run|--dry-run=.*)$/.test(w))) return undefined;
    const at = words.findIndex((w) => w === '-f' || w === '--file');
    const f = at > 0 ? argv[at + 1] : argv.find((a) => a.text.startsWith('--file='));
    const file = f?.text.startsWith('--file=') ? { ...f, text: f.text.slice(7) } : f;
    const text = written(file, k);
    return text === undefined ? undefined : { text, dynamic: false };
  }
  if (words.some((w) => /^(-W|--why-run)$/.test(w))) return undefined;
  const e = words.findIndex((w) => w === '-e' || w === '--execute');
  if (e > 0) return argv[e + 1];
  if (words.some((w) => w === '-s' || w === '--stdin'))
    return k.io.stdin ? { text: k.io.stdin.text ?? '', dynamic: k.io.stdin.text === undefined } : undefined;
  const text = written(
    argv.slice(1).find((a) => !a.text.startsWith('-')),
    k,
  );
  return text === undefined ? undefined : { text, dynamic: false };
}

/** The recipe's or policy's local commands, emitted after the runner itself; undefined = nothing read here. */
export function runConfigRecipe(prog: string, argv: Field[], k: K): Res | undefined {
  const code = programText(prog, argv, k);
  if (!code) return undefined;
  // fail closed: a recipe not known statically may remove anything
  if (code.dynamic) return emit(argv, k, { dynamic: true });
  const res = emit(argv, k);
  const label = prog === 'cf-agent' ? 'cf-agent policy' : `${prog} recipe`;
  const inner: K = {
    ...k,
    io: { writes: [] },
    frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] },
  };
  for (const step of prog === 'cf-agent' ? cfengineSteps(code.text) : chefSteps(code.text)) {
    if (k.run.stopped) break;
    if ('shell' in step) {
      // fail closed: a command that holds a variable of the recipe is unknown code
      if (/\$\(|\$\{|#\{/.test(step.shell))
        emit([{ text: step.shell, dynamic: true }], inner, { dynamic: true });
      else reparse(step.shell, label, { ...k, io: { writes: [] } });
    } else emit(step.argv.map(lit), inner);
  }
  return res;
}
