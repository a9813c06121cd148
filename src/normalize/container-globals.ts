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
  ],
  podman: [
    ...['--connection', '--url', '--identity', '--root', '--runroot', '--storage-driver', '--storage-opt'],
    ...['--cgroup-manager', '--events-backend', '--hooks-dir', '--imagestore', '--module'],
    ...['--network-cmd-path', '--network-config-dir', '--out', '--runtime', '--runtime-flag', '--ssh'],
    ...['--tmpdir', '--volumepath', '--registries-conf', '--cni-config-dir', '--conmon', '--db-backend'],
  ],
};

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
 * verb, `--`, or argv.length when there is none. `--opt=value` is one word.
 */
export function containerVerbAt(argv: readonly string[]): number {
  const withValue = containerGlobalsWithValue(argv[0] ?? '');
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--') i += withValue.has(argv[i]) ? 2 : 1;
  return Math.min(i, argv.length);
}
