/**
 * Kubernetes nodes and their container runtime wiped (src/extract/cloud-nodes.ts), read into
 * cloud facts: `tool|service|verb|resource|all`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource, f.all].join('|') : '',
  );
};

describe('nodes reset or torn down', () => {
  it.each<[string, string[]]>([
    ['kubeadm reset -f', ['kubeadm|node|reset||true']],
    ['kubeadm reset phase cleanup-node', ['kubeadm|node|reset||true']],
    ['microk8s reset --destroy-storage', ['microk8s|node|reset||true']],
    ['talosctl reset --nodes 10.0.0.12 --graceful=false --reboot', ['talosctl|node|reset|10.0.0.12|true']],
    ['talosctl -n 10.0.0.13 reset --wipe-mode user-disks', ['talosctl|node|reset|10.0.0.13|false']],
    ['k0s reset', ['k0s|node|reset||true']],
    // k0sctl resets every host of its configuration
    ['k0sctl reset --config k0sctl.yaml --force', ['k0sctl|node|reset||true']],
    ['k0sctl reset', ['k0sctl|node|reset||true']],
    ['k0sctl apply --config k0sctl.yaml', []],
    ['k0sctl kubeconfig --config k0sctl.yaml', []],
    // kubeone and RKE reset every host of their manifest too
    ['kubeone reset --manifest kubeone.yaml -t tf.json --destroy-workers', ['kubeone|node|reset||true']],
    ['kubeone reset -m kubeone.yaml', ['kubeone|node|reset||true']],
    ['rke remove --config cluster.yml', ['rke|node|reset||true']],
    ['kubeone apply --manifest kubeone.yaml -t tf.json', []],
    ['kubeone reset --help', []],
    // a help word as an option's value is no help request
    ['kubeone reset -m --help', ['kubeone|node|reset||true']],
    ['rke up --config cluster.yml', []],
    ['/usr/local/bin/k3s-uninstall.sh', ['k3s-uninstall.sh|node|uninstall||true']],
    ['k3s-agent-uninstall.sh', ['k3s-agent-uninstall.sh|node|uninstall||true']],
    ['rke2-killall.sh', ['rke2-killall.sh|node|kill-all||true']],
    ['rke2 killall', ['rke2|node|kill-all||true']],
    ['k3s server --cluster-reset', ['k3s|node|cluster-reset||true']],
    [
      'rke2 server --cluster-reset --cluster-reset-restore-path=/snap/on-demand-1',
      ['rke2|node|cluster-reset|/snap/on-demand-1|true'],
    ],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe("every container, pod or image of a node's runtime", () => {
  it.each<[string, string[]]>([
    ['crictl rmp --all --force', ['crictl|node-runtime|remove-all|pods|true']],
    ['crictl rm -a', ['crictl|node-runtime|remove-all|containers|true']],
    [
      'crictl -r unix:///run/containerd/containerd.sock stopp --all',
      ['crictl|node-runtime|stop-all|pods|true'],
    ],
    ['k3s crictl rmi --all', ['crictl|node-runtime|remove-all|images|true']],
    // combined short flags
    ['crictl rmp -af', ['crictl|node-runtime|remove-all|pods|true']],
    ['crictl stop -qa', ['crictl|node-runtime|stop-all|containers|true']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('reading and single removals', () => {
  it.each<[string, string[]]>([
    ['crictl ps -a', []],
    ['crictl rm -f 1f2e3d', ['crictl||rm|1f2e3d|false']],
    ['crictl pods', []],
    ['crictl rmi --prune', []],
    ['crictl rmp 1f2e3d', []],
    ['kubeadm init --pod-network-cidr=10.244.0.0/16', []],
    ['kubeadm reset --help', []],
    ['microk8s status', []],
    ['talosctl get members', []],
    ['k3s server --write-kubeconfig-mode 644', []],
    ['k3s kubectl get nodes', []],
    // the tool's other verbs keep the generic reading
    ['crictl rm 1f2e3d', ['crictl||rm|1f2e3d|false']],
    ['talosctl wipe disk sda', ['talosctl||wipe|disk|false']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});
