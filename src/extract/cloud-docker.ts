/**
 * docker / podman / nerdctl and compose: prunes, volume and image removal, `rm -f` over
 * every container, `compose down -v` and `compose rm -v` (also in a flag cluster, `rm -sfv`),
 * swarm secrets and configs removed (`secret rm`, read as service `secret`, verb `rm`).
 * Global options before the verb are skipped with their values, per tool (`nerdctl --namespace
 * default volume prune`, `podman --connection prod …`); finch and `nerdctl.lima` are read as
 * nerdctl, `podman-remote` as podman.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { containerGlobalsWithValue, containerTool, containerVerbAt } from '../normalize/container-globals.js';
import { hasOpt, isWildcard, parseArgs, type CloudDraft, type ParsedArgs } from './cloud-argv.js';

const GLOBAL_WITH_ARG = [...containerGlobalsWithValue('docker')];
const COMPOSE_WITH_ARG = [
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--project-directory',
  '--env-file',
  '--profile',
  '--ansi',
  '-t',
  '--timeout',
  '--rmi',
];
/** Management groups that take a sub-verb (`docker volume rm`). */
const GROUPS = new Set([
  'volume',
  'image',
  'container',
  'system',
  'network',
  'builder',
  'buildx',
  'stack',
  'swarm',
  'secret',
  'config',
  'node',
  'service',
  'plugin',
  'context',
  'compose',
  'machine',
  'pod',
]);
/** One-word commands that are a group's verb in disguise. */
const SHORTHAND: Record<string, [string, string]> = {
  rm: ['container', 'rm'],
  rmi: ['image', 'rm'],
  kill: ['container', 'kill'],
};

/** A docker-like command line parsed: `docker-compose …` read as `docker compose …`. */
export interface DockerArgs {
  argv: string[];
  /** True for a compose command (its global options `-f`, `-p` take values). */
  compose: boolean;
  p: ParsedArgs;
}

/** The options and positional words of a docker, podman, nerdctl or compose command. */
export function dockerArgs(cmd: NormalizedCommand): DockerArgs {
  const argv = cmd.program === 'docker-compose' ? ['docker', 'compose', ...cmd.argv.slice(1)] : cmd.argv;
  const compose = argv.includes('compose');
  const withArg = [
    ...GLOBAL_WITH_ARG,
    ...(compose ? COMPOSE_WITH_ARG : []),
    '--filter',
    '--format',
    '--until',
    '-n',
    '--time',
    // `service create --name N`, `stack deploy -c FILE`
    '--name',
    '--compose-file',
  ];
  // from the verb on: the global options' values are not the verb, and their names
  // (nerdctl's `-a` is its socket) are not the verb's options
  return { argv, compose, p: parseArgs(argv, { withArg }, containerVerbAt(argv)) };
}

export function readDocker(cmd: NormalizedCommand): CloudDraft | undefined {
  const tool = cmd.program === 'docker-compose' ? 'docker' : cmd.program;
  const { argv, compose, p } = dockerArgs(cmd);
  const [first, second, ...rest] = p.pos;
  if (!first) return undefined;
  // compose's -f names a file before the verb; after the verb (`compose rm -f`) it skips the prompt.
  const afterVerb = argv.slice((compose ? second?.index : first.index) ?? argv.length);
  const force = afterVerb.some((a) => a === '--force' || /^-[a-zA-Z]*f[a-zA-Z]*$/.test(a));
  let service = '';
  let verb = first.text;
  let targets = [second, ...rest].filter(Boolean);
  if (GROUPS.has(first.text)) {
    service = first.text;
    verb = second?.text ?? '';
    targets = rest;
  } else if (SHORTHAND[first.text]) {
    [service, verb] = SHORTHAND[first.text];
  }
  // `-v` also in a cluster of short flags after the verb (`compose rm -sfv`)
  const volumes = hasOpt(p, ['-v', '--volumes']) || afterVerb.some((a) => /^-[a-zA-Z]*v[a-zA-Z]*$/.test(a));
  if (service === 'compose' && verb === 'down' && volumes) verb = 'down --volumes';
  if (service === 'compose' && verb === 'rm' && volumes) verb = 'rm --volumes';
  const pruneAll = verb === 'prune' && (hasOpt(p, ['-a', '--all']) || hasOpt(p, ['--volumes']));
  // `podman rm -a`, `podman pod rm -af`: every container or pod, not one named.
  const removeAll = (verb === 'rm' || verb === 'remove') && hasOpt(p, ['-a', '--all']);
  return {
    tool: containerTool(tool),
    service,
    verb,
    resource: targets.map((t) => t.text).join(' '),
    all:
      pruneAll ||
      removeAll ||
      targets.some((t) => isWildcard(cmd, t)) ||
      (service === 'system' && verb === 'prune'),
    force,
  };
}
