/**
 * kubectl plugins that open a root shell on a cluster node: `kubectl node-shell NODE [opts]
 * [-- CMD…]` (the `kubectl-node_shell` program; a privileged pod in the node's namespaces).
 * With `--` CMD runs as root on the node, walked as a remote command (remote-words.ts);
 * without it the node's shell reads what arrives on stdin (`echo CMD | kubectl node-shell N`),
 * read as `sh` there. No command and no input: an interactive shell, nothing read here.
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { readsStdin, remoteArgv } from './remote-words.js';

/** node-shell's options that take a value. */
const VALUED = /^(-n|--namespace|--context|--kubeconfig|--cluster|--user|-i|--image|--as|--as-group)$/;

/** The plugin's words after its name (`kubectl node-shell` or `kubectl-node_shell`): node, options, `-- CMD`. */
export function nodeShell(args: Field[], k: K): Res | undefined {
  const dd = args.findIndex((f) => f.text === '--');
  const before = dd >= 0 ? args.slice(0, dd) : args;
  let node: Field | undefined;
  for (let i = 0; i < before.length && !node; i++) {
    if (VALUED.test(before[i].text)) i++;
    else if (!before[i].text.startsWith('-')) node = before[i];
  }
  const label = `kubectl node-shell ${node?.text ?? ''}`.trim();
  if (dd >= 0 && dd + 1 < args.length) return remoteArgv(args.slice(dd + 1), label, k);
  if (readsStdin(k)) return remoteArgv([{ text: 'sh', dynamic: false }], label, k);
  return undefined;
}

/** The plugin's program names (kubectl maps `node-shell` to `kubectl-node_shell`). */
export const NODE_SHELL_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  'kubectl-node_shell': (argv, k) => nodeShell(argv.slice(1), k),
  'kubectl-node-shell': (argv, k) => nodeShell(argv.slice(1), k),
};
