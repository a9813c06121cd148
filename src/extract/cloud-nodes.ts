/**
 * Kubernetes nodes and their container runtime wiped or torn down: `kubeadm reset`,
 * `microk8s reset`, `talosctl reset`, `k0s reset` (the node leaves its cluster and its state,
 * etcd data and certificates are deleted), `k0sctl reset`, `kubeone reset` and `rke remove` (every host of
 * their configuration), the k3s/RKE2 uninstall and kill-all scripts
 * (`k3s-uninstall.sh`, `rke2-killall.sh`; also read as `rke2 killall`), a server started with
 * `--cluster-reset` (every other etcd member dropped), and `crictl rm|rmp|rmi|stop|stopp
 * --all` (every container, pod or image of the node's runtime; also as `k3s crictl …`). Read
 * as CloudFacts of service `node` (verb reset, uninstall, kill-all, cluster-reset) or
 * `node-runtime` (verb remove-all, stop-all). Reading (`crictl ps -a`, `kubeadm config
 * print`, `talosctl get members`) and removing one named container or pod make no fact here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { cloudDraft, parseArgs, type CloudDraft } from './cloud-argv.js';
import { optionWord } from './help-words.js';

/** The node tools' options that take a value (the verb is the first other word). */
const VALUED = new Set(
  (
    '-n --nodes -e --endpoints --talosconfig --context --kubeconfig --config -c --cri-socket ' +
    '-r --runtime-endpoint -i --image-endpoint -t --timeout --data-dir --system-labels-to-wipe ' +
    '--wipe-mode --user-disks-to-wipe --ignore-preflight-errors --rootfs -m --manifest --tfjson'
  ).split(' '),
);

/** Options (first value; combined short flags such as `-af` split) and positional words of argv[start…]. */
function split(argv: string[], start = 1): { opts: Map<string, string>; pos: string[] } {
  const parsed = parseArgs(argv, { withArg: [...VALUED] }, start);
  const opts = new Map([...parsed.opts].map(([k, v]) => [k, v[0] ?? ''] as [string, string]));
  return { opts, pos: parsed.pos.map((w) => w.text) };
}

const has = (opts: Map<string, string>, ...names: string[]) => names.some((n) => opts.has(n));

/**
 * A node fact: `verb` what happens to the node, `resource` the nodes named, `all` every host or
 * all of its state, `force` no question asked.
 */
const node = cloudDraft('node');

/** `crictl rm|rmp|rmi|stop|stopp -a|--all` from argv[start…]: every container, pod or image. */
function crictl(cmd: NormalizedCommand, start: number): CloudDraft | undefined {
  const { opts, pos } = split(cmd.argv, start);
  const verb = pos[0] ?? '';
  if (!/^(rm|rmp|rmi|stop|stopp)$/.test(verb) || !has(opts, '-a', '--all')) return undefined;
  const what = { rm: 'containers', rmp: 'pods', rmi: 'images', stop: 'containers', stopp: 'pods' }[verb];
  return {
    tool: 'crictl',
    service: 'node-runtime',
    verb: verb.startsWith('stop') ? 'stop-all' : 'remove-all',
    resource: what ?? '',
    all: true,
    force: has(opts, '-f', '--force'),
  };
}

/** Cluster installers that reset every host of their manifest (and `rke remove`, RKE's reset). */
const WHOLE_CLUSTER = /^(k0sctl|kubeone|rke)$/;

/**
 * `kubeadm|microk8s|talosctl|k0s|k0sctl|kubeone reset`, `rke remove`: the node (for the
 * cluster installers every host of the cluster; `kubeone reset --destroy-workers` deletes the
 * worker machines too) wiped back to a blank machine.
 */
function reset(cmd: NormalizedCommand): CloudDraft | undefined {
  const { opts, pos } = split(cmd.argv);
  const verb = cmd.program === 'rke' ? 'remove' : 'reset';
  if (pos[0] !== verb || optionWord(cmd.argv, (w) => w === '--help' || w === '-h')) return undefined;
  const nodes = opts.get('--nodes') ?? opts.get('-n') ?? '';
  return node(
    cmd,
    'reset',
    nodes,
    WHOLE_CLUSTER.test(cmd.program) ||
      has(opts, '--destroy-storage') ||
      /^(all|system-disk)$/.test(opts.get('--wipe-mode') ?? 'all'),
    has(opts, '-f', '--force', '--destroy-workers') ||
      opts.get('--graceful') === 'false' ||
      cmd.program === 'microk8s',
  );
}

/** The k3s and RKE2 scripts that stop every container of the node, or remove the distribution with its data. */
const SCRIPT = /^(k3s|rke2|rancher-system-agent)(-agent)?-(uninstall|killall)\.sh$/;

/** `k3s|rke2 killall|uninstall`, `k3s server --cluster-reset`, `k3s crictl …`. */
function distribution(cmd: NormalizedCommand): CloudDraft | undefined {
  const script = SCRIPT.exec(cmd.program);
  if (script) return node(cmd, script[3] === 'killall' ? 'kill-all' : 'uninstall', '', true, true);
  const { opts, pos } = split(cmd.argv);
  if (pos[0] === 'crictl') return crictl(cmd, cmd.argv.indexOf('crictl') + 1);
  if (pos[0] === 'killall' || pos[0] === 'uninstall')
    return node(cmd, pos[0] === 'killall' ? 'kill-all' : 'uninstall', '', true, true);
  if (/^(server|agent)$/.test(pos[0] ?? '') && opts.has('--cluster-reset'))
    return node(cmd, 'cluster-reset', opts.get('--cluster-reset-restore-path') ?? '', true, true);
  return undefined;
}

/** Programs this module reads, by name (the scripts by their file name). */
export const NODE_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  kubeadm: reset,
  microk8s: reset,
  talosctl: reset,
  k0s: reset,
  k0sctl: reset,
  kubeone: reset,
  rke: reset,
  k3s: distribution,
  rke2: distribution,
  crictl: (cmd) => crictl(cmd, 1),
};
for (const d of ['k3s', 'rke2', 'rancher-system-agent'])
  for (const agent of ['', '-agent'])
    for (const v of ['uninstall', 'killall']) NODE_READERS[`${d}${agent}-${v}.sh`] = distribution;
