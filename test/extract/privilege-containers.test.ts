/**
 * Containers, pods and manifests that hold their host, and RBAC handed out
 * (src/extract/privilege-containers.ts through the takeover extractor), end to end with the
 * privilege and exposure packs: every spelling of a form asks, its look-alikes stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { appliedManifests, containerTakeover } from '../../src/extract/privilege-containers.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const privilege = await packVerdict('privilege');
const exposure = await packVerdict('exposure');

const POD = (spec: string) =>
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}\nEOF`;

/** A compose file with one service `a` (its options indented under it), written to `file`, then `run`. */
const COMPOSE = (svc: string, run: string, file = 'compose.yaml') =>
  `cat > ${file} <<'EOF'\nservices:\n  a:\n    image: alpine\n${svc}\nEOF\n${run}`;

describe('a container or pod that holds its host asks', () => {
  it.each([
    'docker run --rm -it --pid=host --cap-add=SYS_ADMIN --security-opt seccomp=unconfined ubuntu:24.04 nsenter -t 1 -a bash',
    'sudo docker run --pid host --privileged -it alpine',
    'docker --context prod run --privileged --pid=host alpine',
    'podman container run --pid=host --privileged fedora',
    'nerdctl run --pid host --cap-add ALL busybox sh',
    'docker container create --name dbg --pid=host --cap-add=SYS_PTRACE ubuntu',
    'docker run -it --rm -v /:/host alpine chroot /host sh',
    'docker run --rm -it --mount type=bind,source=/,target=/mnt ubuntu bash',
    "printf 'docker run --privileged --pid=host alpine nsenter -t 1 -a sh\\n' > x.sh && bash x.sh",
    'kubectl run x --image=alpine --privileged -- sleep 1d',
    `kubectl -n kube-system run x --image=alpine --overrides '{"spec":{"hostPID":true,"containers":[{"name":"x","securityContext":{"capabilities":{"add":["SYS_ADMIN"]}}}]}}'`,
    'kubectl run x --image=alpine --overrides="$OVR"',
    'kubectl debug node/worker-3 -it --image=ubuntu --profile=sysadmin',
    'oc debug node/worker-1',
    POD(
      '  hostPID: true\n  containers:\n  - name: a\n    image: alpine\n    securityContext:\n      privileged: true',
    ),
    POD(
      '  containers:\n  - name: a\n    image: alpine\n    volumeMounts: [{name: h, mountPath: /host}]\n  volumes:\n  - name: h\n    hostPath: {path: /etc}',
    ),
    "cat > ds.yaml <<'EOF'\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        securityContext: {privileged: true}\nEOF\nkubectl apply -f ds.yaml",
    `kubectl patch deploy api -p '{"spec":{"template":{"spec":{"containers":[{"name":"api","securityContext":{"privileged":true}}]}}}}'`,
    // compose services with the same powers, in the file compose loads
    COMPOSE('    privileged: true\n    pid: host', 'docker compose up -d'),
    COMPOSE('    pid: "host"\n    cap_add: [SYS_PTRACE]', 'docker-compose up'),
    COMPOSE('    volumes:\n      - /:/host', 'podman compose -p dbg run --rm a sh'),
    COMPOSE(
      '    volumes:\n      - type: bind\n        source: /etc\n        target: /h',
      'docker compose -f ops.yml up',
      'ops.yml',
    ),
    COMPOSE('    privileged: true\n    pid: host', 'docker compose --file=x/c.yaml create', 'x/c.yaml'),
  ])('%s', (script) => expect(privilege(script)).toBe('ask privilege/host-escape'));
});

describe('containers and pods that do not hold their host stay allowed', () => {
  it.each([
    'docker run --rm --privileged tonistiigi/binfmt --install all',
    'docker run --rm -v "$PWD":/src -w /src node:20 npm test',
    'docker run -d --pid=host --net=host -v /:/host:ro,rslave quay.io/prometheus/node-exporter --path.rootfs=/host',
    'docker run --rm --cap-add=NET_ADMIN alpine ip link',
    'docker run --rm -it --pid=host alpine ps aux',
    'docker ps --filter name=privileged',
    'kubectl run tmp --image=busybox --rm -it --restart=Never -- sh',
    `kubectl run dbg --image=alpine --overrides='{"spec":{"nodeSelector":{"kubernetes.io/hostname":"w3"}}}' -- sleep 3600`,
    'kubectl debug pod/api-7f9 -it --image=busybox --target=api',
    POD('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: nginx'),
    POD('  hostPID: true\n  containers:\n  - name: a\n    image: alpine'),
    POD('  containers:\n  - name: a\n    securityContext: {privileged: true}').replace(
      'kubectl apply',
      'kubectl apply --dry-run=client',
    ),
    'kubectl apply -f does-not-exist.yaml',
    'kubectl get pods -o yaml',
    COMPOSE(
      '    ports: ["8080:80"]\n    volumes:\n      - ./data:/data\n      - /etc/localtime:/etc/localtime:ro',
      'docker compose up -d',
    ),
    COMPOSE('    pid: host', 'docker compose up'),
    COMPOSE('    volumes:\n      - /:/rootfs:ro', 'docker-compose up -d'),
    COMPOSE('    privileged: true\n    pid: host', 'docker compose config'),
    COMPOSE('    privileged: true\n    pid: host', 'docker compose -f other.yml up'),
    'docker compose up -d',
  ])('%s', (script) => expect(privilege(script)).toBe('allow'));
});

const ROLE = (kind: string, rules: string) =>
  `kubectl apply -f - <<'EOF'\napiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}\nEOF`;

describe('RBAC that hands out the cluster asks as grant-admin', () => {
  it.each([
    ROLE('ClusterRole', "- apiGroups: ['*']\n  resources: ['*']\n  verbs: ['*']"),
    ROLE(
      'ClusterRole',
      '- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [escalate, bind]',
    ),
    ROLE('Role', "- apiGroups: ['']\n  resources: [serviceaccounts]\n  verbs: [impersonate]"),
    "kubectl create -f - <<'EOF'\nkind: ClusterRoleBinding\nroleRef: {kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: ci, namespace: ci}]\nEOF",
    "kubectl create clusterrole ops-all --verb='*' --resource='*'",
    'kubectl create clusterrole imp --verb=impersonate --resource=users,groups',
    'oc create clusterrole granter --verb=escalate,bind --resource=clusterroles,roles',
    `kubectl patch clusterrole ci --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}}]'`,
  ])('%s', (script) => expect(privilege(script)).toBe('ask privilege/grant-admin'));

  it.each([
    ROLE('Role', "- apiGroups: ['']\n  resources: [pods, pods/log]\n  verbs: [get, list, watch]"),
    ROLE('ClusterRole', "- apiGroups: ['']\n  resources: ['*']\n  verbs: [get, list]"),
    "kubectl apply -f - <<'EOF'\nkind: RoleBinding\nroleRef: {kind: Role, name: pod-reader}\nsubjects: [{kind: User, name: ana}]\nEOF",
    'kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods',
    'kubectl get clusterrole cluster-admin -o yaml',
  ])('%s', (script) => expect(privilege(script)).toBe('allow'));
});

describe('a binding to anyone asks as make-public', () => {
  it.each([
    [
      'kubectl create clusterrolebinding open --clusterrole=view --group=system:unauthenticated',
      'ask exposure/make-public',
    ],
    [
      "kubectl apply -f - <<'EOF'\nkind: ClusterRoleBinding\nroleRef: {kind: ClusterRole, name: view}\nsubjects: [{kind: Group, name: 'system:authenticated'}]\nEOF",
      'ask exposure/make-public',
    ],
    ['kubectl create clusterrolebinding ana --clusterrole=view --user=ana@acme.io', 'allow'],
  ])('%s → %s', (script, want) => expect(exposure(script)).toBe(want));
});

describe('findings read from the words', () => {
  const ctx = analyzeContext();
  it.each<[string[], string[]]>([
    [
      ['docker', 'run', '--pid=host', '--privileged', 'alpine'],
      ['host-escape: docker run --pid=host --privileged'],
    ],
    [
      ['kubectl', 'create', 'role', 'r', '--verb=*', '--resource=*'],
      ['grant-admin: create role r allowing every verb on every resource'],
    ],
    [['docker', 'run', 'alpine'], []],
    [['kubectl', 'apply', '-f', 'missing.yaml'], []],
  ])('%o → %o', (argv, want) =>
    expect(containerTakeover(command(argv), ctx).map(([k, s]) => `${k}: ${s}`)).toEqual(want),
  );
});

describe('the manifests kubectl applies', () => {
  const ctx = analyzeContext('/ws', { readFile: (p) => (p === '/ws/job.yaml' ? 'kind: Job' : undefined) });
  it.each<[string[], (string | undefined)[]]>([
    [['kubectl', 'apply', '-f', 'job.yaml'], ['kind: Job']],
    [
      ['oc', '-n', 'x', 'create', '-f', 'job.yaml', '-f', 'missing.yaml'],
      ['kind: Job', undefined],
    ],
    [['kubectl', 'replace', '--filename=job.yaml'], ['kind: Job']],
    // nothing created: a dry run, another verb
    [['kubectl', 'apply', '--dry-run=client', '-f', 'job.yaml'], []],
    [['kubectl', 'apply', '--dry-run', '-f', 'job.yaml'], []],
    [['kubectl', 'delete', '-f', 'job.yaml'], []],
    [['kubectl', 'apply', '--dry-run=none', '-f', 'job.yaml'], ['kind: Job']],
  ])('%o', (argv, want) => expect(appliedManifests(command(argv), ctx)).toEqual(want));
});
