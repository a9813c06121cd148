/**
 * `salt [opts] TARGET FUNCTION ARGS…` and `salt-ssh [opts] TARGET FUNCTION ARGS…`: a Salt
 * execution function run on every minion (or roster host) the target names.
 * - `cmd.run|shell|run_all|run_stdout|run_stderr|run_bg|retcode|powershell|powershell_all 'CMD'`
 *   (or `cmd='CMD'`), `cmd.run_chroot ROOT 'CMD'`: CMD runs in a shell on those hosts, re-parsed
 *   with `remote: true`. Any other `cmd.*` function but the lookups (`which`, `shells`…) fails
 *   closed (unknown code).
 * - `cmd.script salt://x.sh`, `cmd.exec_code LANG CODE`, `cmd.script_retcode`: a script whose text
 *   is not on this command line runs there (fail closed: unknown code).
 * - `salt-ssh -r|--raw|--raw-shell TARGET 'CMD'`: CMD is sent to the hosts' shell as is.
 * - `test=True` is a dry run for state functions only (`state.apply`, `state.single`…):
 *   execution functions ignore it (saltDryRun). Other functions (`pkg.remove`, `file.remove`) are not shell
 *   commands: src/extract/cloud-apply.ts reads them with the same option tables.
 * Options are read per program: salt-ssh's `-i` is `--ignore-host-keys` (a flag), its `--priv`,
 * `--roster-file` take values; the target-type flags (`-L`, `-G`, `-E`, `-C`…) take none.
 */
import { basename, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { remoteWords } from './remote-words.js';

/** Options of salt and salt-ssh that take the next word as their value (batches: salt's, harmless to salt-ssh). */
const COMMON_VALUED = new Set(
  ['-t', '--timeout', '-c', '--config-dir', '--out', '--output', '--out-indent', '--out-file'].concat(
    ['-l', '--log-level', '--log-file', '--log-file-level', '--return', '--return_config', '--return_kwargs'],
    ['--delimiter', '--args-separator', '--metadata', '--set-metadata', '--state-output'],
    ['--module-executors', '--executor-opts', '--extra-filerefs', '--saltfile', '--subset'],
    ['-b', '--batch', '--batch-size', '--batch-wait', '--batch-safe-limit', '--batch-safe-size'],
  ),
);

/** Options that take a value, per program (added to COMMON_VALUED). */
const VALUED: Record<string, Set<string>> = {
  salt: new Set(['-a', '--auth', '--eauth', '--external-auth', '--username', '--password']),
  'salt-ssh': new Set(
    ['--roster', '--roster-file', '--priv', '--priv-passwd', '--user', '--passwd', '--max-procs'].concat(
      ['--python2-bin', '--python3-bin', '--jid', '--thin-extra-modules', '--min-extra-modules'],
      ['--ssh-option', '--remote-port-forwards'],
    ),
  ),
};

/** salt-ssh's options that send the command to the host's shell as is. */
const RAW = /^(-r|--raw|--raw-shell)$/;

/** A salt command line read: its positional words (target, function, arguments) and whether it is raw. */
export interface SaltLine {
  /** Target, function and the function's arguments, in order (options and their values removed). */
  pos: Field[];
  /** True for salt-ssh's `-r`: the word after the target is a shell command, not a function. */
  raw: boolean;
}

/** Reads `salt`/`salt-ssh` argv (argv[0] = the program) with that program's option table. */
export function readSaltLine(argv: readonly Field[]): SaltLine {
  const prog = basename(argv[0]?.text ?? '');
  const valued = VALUED[prog] ?? VALUED.salt;
  const out: SaltLine = { pos: [], raw: false };
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--') {
      out.pos.push(...argv.slice(i + 1));
      break;
    }
    if (!t.startsWith('-') || t === '-') out.pos.push(argv[i]);
    else if (prog === 'salt-ssh' && (RAW.test(t) || /^-[a-zA-Z]*r[a-zA-Z]*$/.test(t))) out.raw = true;
    else if (COMMON_VALUED.has(t) || valued.has(t)) i++;
  }
  return out;
}

/** Execution functions whose argument is a shell command (`cmd.run_chroot`'s second; see saltShellCommand). */
export const SHELL_FNS =
  /^cmd\.(run|run_all|run_stdout|run_stderr|run_bg|shell|powershell|powershell_all|retcode|run_chroot)$/;
/** `cmd.*` functions that only look things up (or print to a tty): no command runs. */
const CMD_LOOKUPS = /^cmd\.(which|which_bin|has_exec|shells|shell_info|tty)$/;
/**
 * Execution functions that run a script or code not written on this command line, and any
 * `cmd.*` function not known above (fail closed: a newer release's runner).
 */
export function runsUnwritten(f: string): boolean {
  return (
    /^cmd\.(script|script_retcode|exec_code|exec_code_all)$/.test(f) ||
    (f.startsWith('cmd.') && !SHELL_FNS.test(f) && !CMD_LOOKUPS.test(f))
  );
}

/**
 * True when `test=True` makes the run a dry run: only state functions (`state.apply`,
 * `state.sls`, `state.single`, `state.highstate`…) honour it; execution functions (`cmd.run`,
 * `file.remove`, `pkg.remove`) ignore it and run. `fns` = the function word (comma-joined list).
 */
export function saltDryRun(fns: string, args: readonly string[]): boolean {
  return (
    fns.split(',').every((f) => f.startsWith('state.')) && args.some((a) => /^test=(true|True|1)$/.test(a))
  );
}

/** The shell command of a shell function's arguments: the first plain one (`run_chroot`: the second) or `cmd=`. */
export function saltShellCommand(fn: string, args: readonly Field[]): Field | undefined {
  const named = args.find((a) => a.text.startsWith('cmd='));
  const plain = args.filter((a) => !/^\w+=/.test(a.text)).slice(fn === 'cmd.run_chroot' ? 1 : 0);
  return plain[0] ?? (named && { ...named, text: named.text.slice(4) });
}

/** The remote commands `salt`/`salt-ssh` send (see the header); undefined = none read here. */
export function salt(argv: Field[], k: K): Res | undefined {
  const { pos, raw } = readSaltLine(argv);
  const [target, fn, ...args] = pos;
  if (!target || !fn) return undefined;
  const label = `${basename(argv[0].text)} ${target.text}`;
  if (raw) return remoteWords(pos.slice(1), label, k);
  if (
    saltDryRun(
      fn.text,
      args.map((a) => a.text),
    )
  )
    return undefined;
  const fns = fn.text.split(',');
  const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label], remote: true } };
  // fail closed: a function named at run time, or a script not written here, may run anything
  if (fn.dynamic || fns.some(runsUnwritten) || (fns.length > 1 && fns.some((f) => SHELL_FNS.test(f))))
    return emit([{ text: `${label} ${fn.text}`, dynamic: true }], inner, { dynamic: true });
  if (!SHELL_FNS.test(fn.text)) return undefined;
  const cmd = saltShellCommand(fn.text, args);
  if (!cmd) return undefined;
  if (cmd.dynamic) return emit([{ text: cmd.text, dynamic: true }], inner, { dynamic: true });
  return reparse(cmd.text, label, k, { remote: true });
}
