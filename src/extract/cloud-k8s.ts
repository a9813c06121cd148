/**
 * kubectl (and oc) and helm. `kubectl delete TYPE[/NAME] [NAME] [--all|-A|-l sel] [-f file]`,
 * `kubectl drain NODE`, `kubectl taint nodes … :NoExecute` (verb `taint NoExecute`), `helm
 * uninstall|delete RELEASE`; a kubectl plugin's destroy
 * (`kubectl cnpg destroy CLUSTER N`) is read as a CLI no table models; a namespace label or
 * patch that turns an admission control off (verb `admission-off`, cloud-k8s-admission.ts).
 */
import { admissionOffLabels, patchedLabels } from './cloud-k8s-admission.js';
import { VM_STOP_READERS } from './cloud-vm-stops.js';
import type { NormalizedCommand } from '../engine/types.js';
import { hasOpt, isWildcard, optValue, parseArgs, type CloudDraft } from './cloud-argv.js';

const KUBECTL_WITH_ARG = [
  '-n',
  '--namespace',
  '-f',
  '--filename',
  '-l',
  '--selector',
  '-o',
  '--output',
  '--context',
  '--cluster',
  '--kubeconfig',
  '--grace-period',
  '--field-selector',
  '--timeout',
  '-c',
  '--container',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
  '--as-group',
  '--cascade',
  '-k',
  '--kustomize',
  '--request-timeout',
  '--replicas',
  '--type',
  '-p',
  '--patch',
];

/** Resource type aliases → one canonical short name. */
const KINDS: Record<string, string> = {
  namespace: 'ns',
  namespaces: 'ns',
  ns: 'ns',
  persistentvolumeclaim: 'pvc',
  persistentvolumeclaims: 'pvc',
  pvc: 'pvc',
  persistentvolume: 'pv',
  persistentvolumes: 'pv',
  pv: 'pv',
  deployment: 'deployment',
  deployments: 'deployment',
  deploy: 'deployment',
  statefulset: 'statefulset',
  statefulsets: 'statefulset',
  sts: 'statefulset',
  secret: 'secret',
  secrets: 'secret',
  configmap: 'configmap',
  configmaps: 'configmap',
  cm: 'configmap',
  service: 'service',
  services: 'service',
  svc: 'service',
  pod: 'pod',
  pods: 'pod',
  po: 'pod',
  crd: 'crd',
  crds: 'crd',
  customresourcedefinition: 'crd',
  customresourcedefinitions: 'crd',
  node: 'node',
  nodes: 'node',
  no: 'node',
  all: 'all',
};

/** kubectl's own commands; any other first word is a plugin (`kubectl cnpg …` runs kubectl-cnpg). */
const KUBECTL_COMMANDS = new Set(
  (
    'create expose run set explain get edit delete rollout scale autoscale certificate cluster-info top ' +
    'cordon uncordon drain taint describe logs attach exec port-forward proxy cp auth debug events diff ' +
    'apply patch replace wait kustomize label annotate completion alpha api-resources api-versions config ' +
    'plugin version options help'
  ).split(' '),
);
/**
 * A plugin's verbs that destroy what they name (`kubectl cnpg destroy CLUSTER N`), also joined
 * to their object (`kubectl rook-ceph destroy-cluster`, `purge-osd`, `delete-pool`).
 */
const PLUGIN_DESTROY =
  /^(delete|destroy|purge|remove|rm|uninstall|wipe|drop|reset|teardown|zap)(-[a-z][\w-]*)?$/;
/** How many words after a plugin's name may hold its verb (`kubectl rook-ceph ceph osd pool rm P`). */
const PLUGIN_VERB_DEPTH = 4;

export function readKubectl(cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, { withArg: KUBECTL_WITH_ARG });
  const tool = cmd.program === 'oc' ? 'oc' : 'kubectl';
  // OpenShift's node commands sit under `adm` (`oc adm drain|taint|cordon`)
  const words = tool === 'oc' && p.pos[0]?.text === 'adm' ? p.pos.slice(1) : p.pos;
  const [verb, type, name] = words;
  if (!verb) return undefined;
  // KubeVirt's plugin is virtctl (`kubectl virt stop VM --force`)
  if (tool === 'kubectl' && verb.text === 'virt') {
    const at = cmd.argv.indexOf('virt');
    const vm = VM_STOP_READERS.virtctl({
      ...cmd,
      program: 'virtctl',
      argv: ['virtctl', ...cmd.argv.slice(at + 1)],
    });
    if (vm) return vm;
  }
  // A plugin is a CLI of its own, no table models it: read by its shape, like one.
  if (tool === 'kubectl' && !KUBECTL_COMMANDS.has(verb.text)) {
    const at = p.pos.slice(1, 1 + PLUGIN_VERB_DEPTH).findIndex((w) => PLUGIN_DESTROY.test(w.text)) + 1;
    if (at < 1) return undefined;
    return {
      tool: `kubectl-${verb.text}`,
      service: p.pos
        .slice(1, at)
        .map((w) => w.text)
        .join(' '),
      verb: p.pos[at].text,
      resource: p.pos[at + 1]?.text ?? '',
      all: hasOpt(p, ['--all', '-A']),
      force: hasOpt(p, ['--force', '-f', '--yes', '-y']),
      generic: true,
    };
  }
  const file = optValue(p, ['-f', '--filename', '-k', '--kustomize']);
  let service = '';
  let resource = '';
  if (type) {
    const [t, n] = type.text.split('/', 2);
    service = t
      .split(',')
      .map((x) => KINDS[x.toLowerCase().split('.')[0]] ?? x.toLowerCase())
      .join(',');
    resource = n ?? name?.text ?? '';
  } else if (file) {
    service = 'manifest';
    resource = file;
  }
  // `apply --prune` deletes what the manifests no longer list; `replace --force` deletes, then creates.
  let v = verb.text;
  if (v === 'apply' && hasOpt(p, ['--prune'])) v = 'apply --prune';
  if (v === 'replace' && hasOpt(p, ['--force'])) v = 'replace --force';
  // `taint nodes NODE… KEY[=V]:NoExecute` evicts every pod that does not tolerate it, as a
  // drain does; NoSchedule, PreferNoSchedule and a taint's removal (`KEY:NoExecute-`) evict nothing.
  const after = words.slice(2).map((w) => w.text);
  if (v === 'taint' && after.some((w) => /:NoExecute$/.test(w))) {
    v = 'taint NoExecute';
    resource = [
      ...(type?.text.includes('/') ? [resource] : []),
      ...after.filter((w) => !/[:=]|-$/.test(w)),
    ].join(' ');
  }
  // a namespace label that lets every pod past an admission control (cloud-k8s-admission.ts)
  if (service === 'ns' && (v === 'label' || v === 'patch')) {
    const body = optValue(p, ['-p', '--patch']) ?? '';
    const off = admissionOffLabels(v === 'label' ? after : patchedLabels(body), hasOpt(p, ['--overwrite']));
    if (off.length) {
      v = 'admission-off';
      resource = [...new Set([resource, ...off])].filter(Boolean).join(' ');
    }
  }
  return {
    tool,
    service,
    verb: v,
    resource,
    all:
      hasOpt(p, ['--all', '-A', '--all-namespaces']) ||
      p.opts.has('-l') ||
      p.opts.has('--selector') ||
      isWildcard(cmd, name) ||
      service === 'all',
    force: hasOpt(p, ['--force', '--now']) || optValue(p, ['--grace-period']) === '0',
  };
}

export function readHelm(cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, {
    withArg: [
      '-n',
      '--namespace',
      '--kube-context',
      '--kubeconfig',
      '--timeout',
      '-o',
      '--output',
      '--description',
      '--cascade',
      '--repo',
      '--version',
      '-f',
      '--values',
      '--set',
    ],
  });
  const [verb, release] = p.pos;
  if (!verb) return undefined;
  return {
    tool: 'helm',
    service: '',
    verb: verb.text,
    resource: release?.text ?? '',
    all: hasOpt(p, ['--all', '-A', '--all-namespaces']) || isWildcard(cmd, release),
    force: hasOpt(p, ['--no-hooks']),
  };
}
