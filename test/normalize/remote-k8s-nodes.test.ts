/** `kubectl node-shell` (src/normalize/remote-k8s-nodes.ts): the command runs as root on the node. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.remote ? 'remote:' : ''}${c.wrappers.join('>')}|${c.argv.join(' ')}`,
  );

describe('what node-shell runs on a node', () => {
  it.each<[string, string]>([
    [
      'kubectl-node_shell ip-10-0-3-17 -- rm -rf /var/lib/kubelet/pods',
      'remote:kubectl node-shell ip-10-0-3-17|rm -rf /var/lib/kubelet/pods',
    ],
    ['kubectl node-shell -n kube-system w2 -- df -h', 'remote:kubectl node-shell w2|df -h'],
    [
      `kubectl node-shell w2 -- sh -c 'rm -rf /var/lib/containerd'`,
      'remote:kubectl node-shell w2>sh -c|rm -rf /var/lib/containerd',
    ],
    [
      `echo 'rm -rf /etc/kubernetes' | kubectl node-shell w2`,
      'remote:kubectl node-shell w2>| sh|rm -rf /etc/kubernetes',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // an interactive shell: nothing read here
    ['kubectl node-shell w2', '|kubectl node-shell w2'],
    ['kubectl get nodes', '|kubectl get nodes'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
