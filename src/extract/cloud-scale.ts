/**
 * How many instances a cloud command leaves running, when it says so: `kubectl scale
 * --replicas=0`, `fly scale count 0`, `heroku ps:scale web=0`, `aws ecs update-service
 * --desired-count 0`, `az aks scale --node-count 0`, `docker service scale api=0`, … The
 * rules read it as the fact's `replicas` (scaling a service to zero takes it down).
 * Pure: reads the argv only.
 */

/** Options whose value is an instance count, per tool. */
const COUNT_OPTIONS: Record<string, string[]> = {
  kubectl: ['--replicas'],
  oc: ['--replicas'],
  aws: ['--desired-count', '--desired-capacity', '--max-size', '--max-capacity'],
  gcloud: ['--max-instances', '--num-nodes', '--max-nodes', '--size', '--max-num-replicas'],
  az: ['--new-capacity', '--node-count', '--max-count', '--replica-count', '--max-replicas'],
  docker: ['--replicas'],
  podman: ['--replicas'],
};

/** Options whose value holds `name=count` pairs (`--scale web=0`, `--scaling-config desiredSize=0,…`). */
const PAIR_OPTIONS: Record<string, string[]> = {
  aws: ['--scaling-config'],
  docker: ['--scale'],
  podman: ['--scale'],
  'docker-compose': ['--scale'],
};

/** Sub-commands whose positional words are `name=count` (or a bare count). */
const PAIR_VERBS: Record<string, string[]> = {
  fly: ['count'],
  flyctl: ['count'],
  heroku: ['ps:scale', 'scale', 'ps:resize'],
  docker: ['scale'],
  podman: ['scale'],
  'docker-compose': ['scale'],
};

const COUNT = /^[0-9]{1,9}$/;
/** `web=0`, `web=0:standard-1x`, `desiredSize=0` (heroku's size suffix is ignored). */
const PAIR = /^[A-Za-z0-9_.-]*[=:]([0-9]{1,9})(?::[A-Za-z0-9-]+)?$/;
/** A `replicas` key set in a patch or JSON argument (`{"spec":{"replicas":0}}`, `spec.replicas=0`). */
const PATCH = /(?:^|[{,\s."'])replicas["']?\s*[:=]\s*([0-9]{1,9})/g;

function counts(value: string, pairs: boolean): number[] {
  if (COUNT.test(value)) return [Number(value)];
  if (!pairs) return [];
  return value
    .split(',')
    .map((part) => PAIR.exec(part)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}

/** The value of option `name` at argv[i] (`--x=V` or `--x V`), or undefined. */
function valueAt(argv: string[], i: number, name: string): string | undefined {
  const a = argv[i];
  if (a === name) return argv[i + 1];
  if (a.startsWith(name + '=')) return a.slice(name.length + 1);
  return undefined;
}

/**
 * The smallest instance count `argv` (a `tool` command) sets; undefined when it sets none
 * as a literal number (a count from a variable is not read).
 */
export function instanceCount(tool: string, argv: string[]): number | undefined {
  const found: number[] = [];
  // (own keys only: a tool named like `valueOf` is in no table)
  const opts = Object.hasOwn(COUNT_OPTIONS, tool) ? COUNT_OPTIONS[tool] : [];
  const pairOpts = Object.hasOwn(PAIR_OPTIONS, tool) ? PAIR_OPTIONS[tool] : [];
  const verbs = Object.hasOwn(PAIR_VERBS, tool) ? PAIR_VERBS[tool] : [];
  let afterVerb = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    for (const o of opts) {
      const v = valueAt(argv, i, o);
      if (v !== undefined) found.push(...counts(v, false));
    }
    for (const o of pairOpts) {
      const v = valueAt(argv, i, o);
      if (v !== undefined) found.push(...counts(v, true));
    }
    if ((tool === 'kubectl' || tool === 'oc') && /replicas/.test(a))
      for (const m of a.matchAll(PATCH)) found.push(Number(m[1]));
    if (afterVerb && !a.startsWith('-')) found.push(...counts(a, true));
    if (verbs.includes(a)) afterVerb = true;
  }
  return found.length ? Math.min(...found) : undefined;
}
