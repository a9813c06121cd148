/**
 * Ad-hoc commands sent to a fleet by configuration-management tools other than `ansible`
 * itself (remote.ts):
 * - `ansible-runner run|start DIR --hosts PATTERN -m MODULE -a ARGS`: ansible's ad-hoc run
 *   from a private data dir; with the shell, command or raw module ARGS runs on every host.
 *   A playbook run (`-p site.yml`) is a file, not read here.
 * - `ansible-console PATTERN` reading its lines on stdin: each is a command run on the hosts
 *   (shell is its default module), read as `sh` reading that stdin there.
 * - Rex: `rex [-H 'H1 H2'] [-G GROUP] -e CODE`: CODE is Perl run as a task on every host;
 *   its `run "CMD"` and `sudo "CMD"` run CMD through the host's shell (re-parsed as remote
 *   commands), the rest is read as `perl -e` there. A command string that interpolates a
 *   variable (`run "rm -rf $dir"`) is not known statically (fail closed: dynamic).
 */
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { remoteArgv } from './remote-words.js';

/** The modules whose argument is a command line. */
const SHELL_MODULES = /^(?:ansible\.(?:builtin|legacy)\.)?(shell|command|raw)$/;

function ansibleRunner(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  if (!/^(run|start)$/.test(args[0]?.text ?? '')) return undefined;
  let mod = '';
  let cmd: Field | undefined;
  let hosts = '';
  for (let i = 1; i < args.length; i++) {
    const t = args[i].text;
    const eq = /^(--[\w-]+)=([\s\S]*)$/.exec(t);
    const [name, value] = eq ? [eq[1], { text: eq[2], dynamic: args[i].dynamic }] : [t, args[i + 1]];
    if (!/^(-m|--module|-a|--args|--hosts)$/.test(name)) continue;
    if (!eq) i++;
    if (name === '-m' || name === '--module') mod = value?.text ?? '';
    else if (name === '--hosts') hosts = value?.text ?? '';
    else cmd = value;
  }
  if (!cmd || !SHELL_MODULES.test(mod)) return undefined;
  const label = `ansible-runner ${hosts}`.trim();
  // fail closed: arguments only known at run time
  if (cmd.dynamic) return remoteArgv([{ text: cmd.text, dynamic: true }], label, k);
  return reparse(cmd.text, label, k, { remote: true });
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
  const stdin = k.io.stdin;
  if (!stdin || (stdin.kind === 'file' && stdin.path === '/dev/null')) return undefined;
  return remoteArgv([{ text: 'sh', dynamic: false }], `ansible-console ${pattern || 'all'}`, k);
}

/** Rex's `run "CMD"` / `sudo "CMD"` (also `run('CMD')`): the quote and the command text. */
const REX_RUN = /(?<![\w:$@%>])(?:run|sudo)\s*\(?\s*(["'])((?:\\.|(?!\1)[^\\])*)\1/g;

function rex(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const e = args.findIndex((f) => f.text === '-e');
  const code = e >= 0 ? args[e + 1] : undefined;
  if (!code) return undefined;
  const hi = args.findIndex((f) => f.text === '-H' || f.text === '-G');
  const label = `rex ${hi >= 0 ? (args[hi + 1]?.text ?? '') : ''}`.trim();
  if (code.dynamic) return remoteArgv([{ text: code.text, dynamic: true }], label, k);
  for (const m of code.text.matchAll(REX_RUN)) {
    const text = m[2].replace(/\\(.)/g, '$1');
    // a double-quoted Perl string interpolates its variables: not known statically
    if (m[1] === '"' && /[$@][\w{]/.test(m[2]))
      emit(
        [{ text, dynamic: true }],
        { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label], remote: true } },
        { dynamic: true },
      );
    else reparse(text, label, k, { remote: true });
  }
  return remoteArgv([{ text: 'perl', dynamic: false }, { text: '-e', dynamic: false }, code], label, k);
}

/** program → remote handler; undefined = not an ad-hoc remote command after all. */
export const ADHOC_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  'ansible-runner': ansibleRunner,
  'ansible-console': ansibleConsole,
  rex,
};
