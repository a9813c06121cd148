/**
 * Nomad's exec, a remote carrier like `kubectl exec`: `nomad alloc exec [opts] ALLOC CMD ARGS…`
 * and its older spelling `nomad exec [opts] ALLOC CMD ARGS…` run the argv in a task of a running
 * allocation (`-job`: ALLOC names a job, one of whose allocations is picked), usually on a
 * production client. The argv is walked with `remote: true` (a shell it starts, `sh -c '…'`,
 * is read as the script it runs); the nomad call itself stays a command of its own.
 */
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { remoteArgv } from './remote-words.js';

/** nomad's options that take no value (`-job`, `-tls-skip-verify`); every other one does, unless written `-opt=value`. */
const NOMAD_FLAGS = /^--?(job|tls-skip-verify|i|t|stdin|tty)$/;

/** `nomad [alloc] exec [opts] ALLOC CMD…`; undefined = another nomad command. */
function nomad(argv: Field[], k: K): Res | undefined {
  const at = argv[1]?.text === 'alloc' ? 2 : 1;
  if (argv[at]?.text !== 'exec') return undefined;
  let i = at + 1;
  for (; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--') {
      i++;
      break;
    }
    if (!t.startsWith('-') || argv[i].dynamic) break;
    if (!t.includes('=') && !NOMAD_FLAGS.test(t)) i++;
  }
  const alloc = argv[i];
  const cmd = argv.slice(i + 1);
  if (!alloc || !cmd.length) return undefined;
  const task = argv.slice(at + 1, i).findIndex((a) => /^--?task$/.test(a.text));
  const label = `nomad alloc exec ${alloc.text}${task >= 0 ? ` -task ${argv[at + 2 + task]?.text ?? ''}` : ''}`;
  const carried = remoteArgv(cmd, label, k);
  emit(argv, k);
  return carried;
}

/** program → remote handler; undefined = not a command sent to an allocation after all. */
export const NOMAD_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = { nomad };
