/**
 * `salt-call [--local] [opts] FUNCTION ARGS…`: a Salt execution function run on this machine
 * (no minion target). Functions with a local equivalent are read as it: `cmd.run|shell|
 * run_all… 'CMD'` hands CMD to a shell here; `file.remove PATH` (and `file.rmdir`,
 * `state.single file.absent name=PATH`) is `rm -rf PATH`; `file.copy`/`file.rename SRC DST`
 * are `cp -r SRC DST`/`mv SRC DST`. Others (`pkg.remove NAME`) are read by src/extract/cloud-apply.ts.
 * `test=True` is a dry run for state functions only (remote-salt.ts saltDryRun). Reads its own argv.
 */
import { lit, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { SHELL_FNS, runsUnwritten, saltDryRun, saltShellCommand } from './remote-salt.js';

/** salt-call's options that take the next word as their value. */
const VALUED =
  /^(-c|--config-dir|--out|--output|--out-file|-l|--log-level|--log-file|--log-file-level|-t|--timeout|--id|--master|--return|--metadata|--saltenv|--pillarenv|--pillar-root|--file-root|--states-dir|--module-dirs|-m|--retcode-passthrough-x)$/;

/** The local command a salt-call runs, emitted or re-parsed; undefined = no local equivalent read here. */
export function runSaltCall(argv: Field[], k: K): Res | undefined {
  const pos: Field[] = [];
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (VALUED.test(t)) i++;
    else if (!t.startsWith('-')) pos.push(argv[i]);
  }
  const [fn, ...args] = pos;
  if (
    !fn ||
    fn.dynamic ||
    saltDryRun(
      fn.text,
      args.map((a) => a.text),
    )
  )
    return undefined;
  // keyword arguments (`name=/srv`, `cwd=/tmp`) are named; the first plain one is the subject
  const kw = (name: string) => args.find((a) => a.text.startsWith(`${name}=`));
  const plain = args.filter((a) => !/^\w+=/.test(a.text));
  const named = (name: string): Field | undefined => {
    const f = kw(name);
    return f ? { ...f, text: f.text.slice(name.length + 1) } : undefined;
  };
  const label = `salt-call ${fn.text}`;
  const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] } };
  // fail closed: a script or code not written here (`cmd.script`, `cmd.exec_code`) may run anything
  if (runsUnwritten(fn.text)) return emit([{ ...fn, text: label, dynamic: true }], inner, { dynamic: true });
  if (SHELL_FNS.test(fn.text)) {
    const cmd = saltShellCommand(fn.text, args);
    if (!cmd) return undefined;
    // fail closed: a command not known statically stands for unknown code
    if (cmd.dynamic) return emit([cmd], inner, { dynamic: true });
    return reparse(cmd.text, label, k);
  }
  const subject = plain[0] ?? named('path') ?? named('name');
  if (/^file\.(remove|rmdir)$/.test(fn.text) && subject)
    return emit([lit('rm'), lit('-rf'), lit('--'), subject], inner);
  if (fn.text === 'state.single' && /^file\.absent$/.test(plain[0]?.text ?? '')) {
    const path = plain[1] ?? named('name');
    if (path) return emit([lit('rm'), lit('-rf'), lit('--'), path], inner);
  }
  if (/^file\.(copy|rename)$/.test(fn.text) && plain.length >= 2)
    return emit(
      fn.text === 'file.copy' ? [lit('cp'), lit('-r'), plain[0], plain[1]] : [lit('mv'), plain[0], plain[1]],
      inner,
    );
  return undefined;
}
