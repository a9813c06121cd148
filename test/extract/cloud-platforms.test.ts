/**
 * Platforms installed into a cluster or a gateway, removed or reset by their CLI
 * (src/extract/cloud-platforms.ts), read into cloud facts: `tool|service|verb|all|force`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.all, f.force].join('|') : '',
  );
};

describe('cluster platforms uninstalled, gateways reset', () => {
  it.each<[string, string[]]>([
    ['cilium uninstall', ['cilium|cluster-platform|uninstall|true|false']],
    ['cilium --context prod-eu uninstall --wait', ['cilium|cluster-platform|uninstall|true|false']],
    ['istioctl uninstall --revision canary -y', ['istioctl|cluster-platform|uninstall|true|true']],
    ['istioctl x uninstall --purge', ['istioctl|cluster-platform|uninstall|true|true']],
    ['flux uninstall --namespace=flux-system', ['flux|cluster-platform|uninstall|true|false']],
    ['velero uninstall --force', ['velero|cluster-platform|uninstall|true|true']],
    ['dapr uninstall -k --all', ['dapr|cluster-platform|uninstall|true|false']],
    ['dapr uninstall --kubernetes=true', ['dapr|cluster-platform|uninstall|true|false']],
    ['consul-k8s uninstall -auto-approve', ['consul-k8s|cluster-platform|uninstall|true|false']],
    ['osm uninstall mesh --mesh-name osm', ['osm|cluster-platform|uninstall|true|false']],
    ['karmadactl deinit', ['karmadactl|cluster-platform|uninstall|true|false']],
    ['deck gateway reset --force', ['deck|cluster-platform|reset|true|true']],
    ['deck --kong-addr http://kong-admin:8001 reset -f', ['deck|cluster-platform|reset|true|true']],
    ['kong migrations reset -y', ['kong|cluster-platform|reset|true|true']],
    // the Flux HPC scheduler shares the name: its cancel of every job is still read
    ['flux cancel --all', ['flux|jobs|cancel-all|true|true']],
    // installing, reading, the local self-hosted dapr, printed manifests: no fact
    ['cilium install --version 1.15.0', []],
    ['cilium status --wait', []],
    ['istioctl analyze', []],
    ['flux get kustomizations', []],
    ['velero backup get', []],
    ['dapr uninstall', []],
    ['linkerd uninstall', []],
    ['deck gateway sync kong.yaml', []],
    ['deck gateway diff kong.yaml', []],
    ['kong migrations up', []],
    ['cilium uninstall --help', []],
  ])('%s', (line, want) => {
    expect(cloud(line)).toEqual(want);
  });
});
