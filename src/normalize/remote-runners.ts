/**
 * Infrastructure-as-code runners that run a command in a stack's remote worker, with the
 * stack's state and cloud credentials: Spacelift's `spacectl stack task [--id STACK] [--tail]
 * [--noinit] -- CMD…` (or the command's words without `--`). The command is walked as a remote
 * one (remote-words.ts), so a `terraform destroy` or `tofu state rm` sent there is judged as the
 * command it is; a task without a command runs nothing here.
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { remoteWords } from './remote-words.js';

/** `spacectl stack task`'s options that take a value, and its switches. */
const TASK_VALUE = new Set(['--id', '--run-id', '--profile']);
const TASK_FLAGS = new Set(['--tail', '--noinit', '--no-init', '--nocolor', '--no-color']);

/** `spacectl stack task [opts] [--] CMD…`: the command runs in the stack's worker. */
function spacectl(argv: Field[], k: K): Res | undefined {
  const at = argv.findIndex((a, i) => a.text === 'stack' && argv[i + 1]?.text === 'task');
  if (at < 0) return undefined;
  const rest = argv.slice(at + 2);
  const dash = rest.findIndex((a) => a.text === '--');
  const cmd: Field[] = [];
  if (dash >= 0) cmd.push(...rest.slice(dash + 1));
  else
    for (let i = 0; i < rest.length; i++) {
      const t = rest[i].text;
      if (TASK_VALUE.has(t)) i++;
      else if (!TASK_FLAGS.has(t) && ![...TASK_VALUE].some((o) => t.startsWith(`${o}=`))) cmd.push(rest[i]);
    }
  if (!cmd.length) return undefined;
  const id = rest.find((a, i) => rest[i - 1]?.text === '--id')?.text ?? '';
  return remoteWords(cmd, `spacectl stack task ${id}`.trim(), k);
}

/** program → remote handler; undefined = not a command sent to a runner after all. */
export const RUNNER_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = { spacectl };
