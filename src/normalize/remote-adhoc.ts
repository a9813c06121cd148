/**
 * Ad-hoc commands sent to a fleet by configuration-management tools:
 * - `ansible PATTERN -m MODULE -a ARGS` and `ansible-runner run|start DIR --hosts PATTERN -m
 *   MODULE -a ARGS` (read as that `ansible` line): with the shell, command or raw module (or
 *   one named by a variable: fail closed) ARGS runs on every host.
 *   A module that does what a host command does (ufw `state=disabled`, a service stopped) is
 *   also read as that command run on the hosts (remote-adhoc-modules.ts).
 *   A playbook run (`-p site.yml`) is a file, not read here.
 * - `ansible-console PATTERN` reading its lines on stdin: each is a command run on the hosts
 *   (shell is its default module), read as `sh` reading that stdin there.
 * - Rex's `rex -e CODE`: remote-rex.ts.
 */
import { lit as word, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { readsStdin, remoteArgv } from './remote-words.js';
import { rex } from './remote-rex.js';
import { moduleCommands } from './remote-adhoc-modules.js';

/** The modules whose argument is a command line. */
const SHELL_MODULES = /^(?:ansible\.(?:builtin|legacy)\.)?(shell|command|raw)$/;

/** ansible options that take a value (the host pattern is the first word that is not one). */
const ANSIBLE_WITH_VALUE =
  /^(-i|--inventory|-u|--user|-f|--forks|-l|--limit|-e|--extra-vars|-c|--connection|-T|--timeout|-M|--module-path|-P|--poll|-B|--background|--become-user|--become-method|--private-key|--vault-password-file|--vault-id|-t|--tree)$/;

/** An ad-hoc run's host pattern, module (ansible's default: `command`) and module arguments (undefined = none). */
interface Adhoc {
  pattern: Field | undefined;
  mod: Field;
  args: Field | undefined;
}

/**
 * Reads `-m MOD`, `-mMOD`, `--module-name[=]MOD` (also ansible-runner's `--module`), `-a ARGS`,
 * `-aARGS`, `--args[=]ARGS` and, for ansible-runner, `--hosts[=]PATTERN`; the pattern of
 * `ansible` is its first word that is not an option or an option's value.
 */
function readAdhoc(args: Field[], runner: boolean): Adhoc {
  const out: Adhoc = { pattern: undefined, mod: { text: 'command', dynamic: false }, args: undefined };
  for (let i = 0; i < args.length; i++) {
    const f = args[i];
    const t = f.text;
    const long = /^(--module-name|--module|--args|--hosts)(?:=([\s\S]*))?$/.exec(t);
    const short = /^-([ma])([\s\S]*)$/.exec(t);
    const name = long ? long[1] : short ? `-${short[1]}` : '';
    const inline = long ? long[2] : short?.[2] || undefined;
    if (name) {
      const value = inline !== undefined ? { text: inline, dynamic: f.dynamic } : args[++i];
      if (!value) continue;
      if (name === '-m' || name.startsWith('--module')) out.mod = value;
      else if (name === '--hosts') out.pattern = value;
      else out.args = value;
    } else if (ANSIBLE_WITH_VALUE.test(t)) i++;
    else if (!runner && !t.startsWith('-') && !out.pattern) out.pattern = f;
  }
  return out;
}

/** The shell command an ad-hoc run sends (see `ansibleAdhoc`); undefined = none. */
function adhocCommand(a: Adhoc, tool: string, k: K): Res | undefined {
  // fail closed: a module named at run time may be shell
  if (!a.args || (!a.mod.dynamic && !SHELL_MODULES.test(a.mod.text))) return undefined;
  const label = `${tool} ${a.pattern?.text ?? ''}`.trim();
  if (a.args.dynamic) return remoteArgv([{ text: a.args.text, dynamic: true }], label, k);
  return reparse(a.args.text, label, k, { remote: true });
}

/** Walks the host commands a module's run amounts to (remote-adhoc-modules.ts) on the hosts; false = none. */
function moduleRun(a: Adhoc, tool: string, k: K): boolean {
  if (!a.args || a.args.dynamic || a.mod.dynamic) return false;
  const cmds = moduleCommands(a.mod.text, a.args.text);
  const label = `${tool} ${a.pattern?.text ?? ''}`.trim();
  for (const cmd of cmds)
    remoteArgv(
      cmd.map((t) => word(t)),
      label,
      k,
    );
  return cmds.length > 0;
}

/**
 * `ansible PATTERN [-m shell|command|raw] -a 'CMD'` (an ad-hoc run; `command` is ansible's
 * default module): CMD runs on every host the pattern names. Other modules are not commands
 * (their `state=absent` is read by extract/cloud-apply.ts); a module named by a variable is
 * read as shell (fail closed).
 */
export function ansibleAdhoc(argv: Field[], k: K): Res | undefined {
  const a = readAdhoc(argv.slice(1), false);
  if (moduleRun(a, 'ansible', k)) return emit(argv, k);
  const shell = adhocCommand(a, 'ansible', k);
  // a module named at run time may also be one that removes (`state=absent`): the line stays
  if (shell && a.mod.dynamic) return emit(argv, k);
  return shell;
}

/**
 * `ansible-runner run|start DIR --hosts PATTERN -m MOD -a ARGS`: read as `ansible PATTERN -m
 * MOD -a ARGS`. A shell module's ARGS run on the hosts; another module's run is emitted as
 * that `ansible` line (its wrapper `ansible-runner`) for the readers of ansible's modules. A
 * subcommand named by a variable is read as `run` (fail closed).
 */
function ansibleRunner(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const sub = args.findIndex((f) => !f.text.startsWith('-'));
  if (sub < 0 || !(args[sub].dynamic || /^(run|start)$/.test(args[sub].text))) return undefined;
  const a = readAdhoc(args.slice(sub + 1), true);
  moduleRun(a, 'ansible-runner', k);
  const shell = adhocCommand(a, 'ansible-runner', k);
  if (!a.args || (shell && !a.mod.dynamic)) return shell;
  const line = [word('ansible'), a.pattern ?? word('all'), word('-m'), a.mod, word('-a'), a.args];
  return emit(line, { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'ansible-runner'] } });
}

/** ansible-console's options that take a value (the host pattern is the first other word). */
const CONSOLE_VALUED =
  /^(-i|--inventory|-u|--user|-f|--forks|-l|--limit|-e|--extra-vars|-c|--connection|-T|--timeout|--become-user|--become-method|--private-key|--vault-id|--vault-password-file|-M|--module-path)$/;

function ansibleConsole(argv: Field[], k: K): Res | undefined {
  let pattern = '';
  for (let i = 1; i < argv.length && !pattern; i++) {
    if (CONSOLE_VALUED.test(argv[i].text)) i++;
    else if (!argv[i].text.startsWith('-')) pattern = argv[i].text;
  }
  if (!readsStdin(k)) return undefined;
  return remoteArgv([{ text: 'sh', dynamic: false }], `ansible-console ${pattern || 'all'}`, k);
}

/** program → remote handler; undefined = not an ad-hoc remote command after all. */
export const ADHOC_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  'ansible-runner': ansibleRunner,
  'ansible-console': ansibleConsole,
  rex,
};
