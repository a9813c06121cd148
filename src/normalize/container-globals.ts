/**
 * The global options of the docker-like CLIs (docker, podman, nerdctl, finch), which come
 * before the verb: `docker -H ssh://h --context prod …`, `nerdctl --namespace k8s.io -a SOCK …`,
 * `podman --connection prod …`. Read so that an option's value is never taken for the verb
 * (`nerdctl --namespace default volume prune` is a `volume prune`).
 */

import { basename } from './state.js';

/** Options before the verb that take a value, for every docker-like tool. */
const COMMON = ['-H', '--host', '--context', '-c', '--config', '-l', '--log-level'].concat([
  '--tlscacert',
  '--tlscert',
  '--tlskey',
]);

/**
 * Global options that take a value, per tool (its base name), read only before the verb,
 * where they do not clash with the verb's own `-a`/`-n`. A tool absent here has COMMON only.
 */
const PER_TOOL: Record<string, string[]> = {
  nerdctl: [
    ...['-n', '--namespace', '-a', '--address', '--snapshotter', '--storage-driver', '--cni-path'],
    ...['--cni-netconfpath', '--data-root', '--cgroup-manager', '--hosts-dir', '--host-gateway-ip'],
    ...['--bridge-ip', '--userns-remap', '--global-dns', '--global-dns-opts', '--global-dns-search'],
    ...['--cdi-spec-dirs', '--host-gateway-ip', '--dns', '--dns-opts', '--dns-search'],
  ],
  podman: [
    ...['--connection', '--url', '--identity', '--root', '--runroot', '--storage-driver', '--storage-opt'],
    ...['--cgroup-manager', '--events-backend', '--hooks-dir', '--imagestore', '--module'],
    ...['--network-cmd-path', '--network-config-dir', '--out', '--runtime', '--runtime-flag', '--ssh'],
    ...['--tmpdir', '--volumepath', '--registries-conf', '--cni-config-dir', '--conmon', '--db-backend'],
    ...['--network-backend', '--cdi-spec-dir', '--hooks-dir', '--runtime-flag', '--storage-opt'],
  ],
};

/**
 * The docker-like tools' commands (docker's, podman's, nerdctl's, and the usual plugins'):
 * a word after an unlisted global option is the verb only when it is one of these.
 */
const VERBS = new Set(
  [
    'attach build builder buildx commit compose config container context cp create diff events exec',
    'export history image images import info init inspect kill load login logout logs manifest',
    'network node pause plugin port ps pull push rename restart rm rmi run save search secret',
    'service stack start stats stop swarm system tag top trust unpause update version volume wait',
    'scout debug sbom help completion auto-update checkpoint farm generate healthcheck kube machine',
    'mount pod quadlet restore unmount umount unshare untag play artifact apparmor namespace ipfs',
    'compose-up extension init-container desktop model',
  ]
    .join(' ')
    .split(' '),
);

/** The docker-like tool a program stands for (`nerdctl.lima`, finch → nerdctl; `podman-remote` → podman; `docker-compose` → docker). */
export function containerTool(program: string): string {
  const base = basename(program);
  if (base.startsWith('nerdctl') || base === 'finch') return 'nerdctl';
  return base === 'docker-compose' ? 'docker' : base.replace(/-remote$/, '');
}

/** The global options of `program` that take a value. */
export function containerGlobalsWithValue(program: string): Set<string> {
  return new Set([...COMMON, ...(PER_TOOL[containerTool(program)] ?? [])]);
}

/**
 * Index in argv (argv[0] = the program) of the first word after the global options: the
 * verb, `--`, or argv.length when there is none. `--opt=value` is one word. fail closed: an
 * option not in the tables (a newer release's) may take a value, so the word after it is the
 * verb only when it is a known one (VERBS); else it is read as that option's value, and the
 * verb looked for after it (`podman --new-opt x volume prune` is a `volume prune`).
 */
export function containerVerbAt(argv: readonly string[]): number {
  const withValue = containerGlobalsWithValue(argv[0] ?? '');
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--') {
    const unlisted = !withValue.has(argv[i]) && /^--[\w-]+$/.test(argv[i]);
    const next = argv[i + 1];
    i += withValue.has(argv[i]) || (unlisted && next && !next.startsWith('-') && !VERBS.has(next)) ? 2 : 1;
  }
  return Math.min(i, argv.length);
}
