/**
 * A container or pod given its host: whoever runs in it is root on the machine or node.
 * - `docker|podman|nerdctl run|create` options: the host's process namespace (`--pid=host`)
 *   with `--privileged` or a capability that reaches into other processes (SYS_ADMIN,
 *   SYS_PTRACE, ALL), so `nsenter -t 1` is a root shell on the host; or the host's `/` or a
 *   system folder (`/etc`, `/root`, `/boot`, `/usr`…) bind-mounted writable into a container
 *   that runs as root. `--privileged` alone (binfmt and docker-in-docker images), a read-only
 *   mount of `/` (node exporters), `--pid=host` alone and a workspace mount are not.
 * - a pod spec (`kubectl run --privileged|--overrides=JSON`, a manifest, a patch): a privileged
 *   container (on a cluster, unlike on one's own Docker, that is root on a node the user may
 *   not otherwise reach), the host's process or IPC namespace with such a capability, or a
 *   hostPath of `/` or a system folder mounted writable into a container not told to run as
 *   another user; and `kubectl debug node/NAME` (a pod with the node's `/` at /host).
 * Used by the normalizer (container-run.ts, remote.ts: a carrier that holds the host stays a
 * command of its own) and by src/extract/privilege-containers.ts. Pure.
 */
import { RUN_LONG, RUN_SHORT } from './container-run-options.js';

const RUN_WITH_VALUE = new Set(RUN_LONG);
/** Capabilities that reach into the host's processes once its process namespace is shared. */
const REACHING_CAPS = /^(CAP_)?(SYS_ADMIN|SYS_PTRACE|ALL)$/i;
/**
 * Host folders whose writing makes a root container root on the host (root's home itself and
 * its keys, not a checkout under it: a workspace may live there).
 */
const SYSTEM_DIR =
  /^\/(etc|boot|usr|bin|sbin|lib|lib32|lib64|var\/spool\/cron|var\/lib\/kubelet|var\/lib\/docker)(\/|$)|^\/root(\/\.ssh)?$/;
/** Files under those folders that carry no power (time zone, host name, name resolution, CA certificates). */
const HARMLESS =
  /^\/etc\/(localtime|timezone|machine-id|hostname|hosts|resolv\.conf|ssl\/certs|ca-certificates|pki\/ca-trust)(\/|$)/;

/** True when host path `p` is `/` or a system folder (see SYSTEM_DIR). */
export const systemPath = (p: string) => {
  const n = p.replace(/\/+$/, '') || '/';
  return n === '/' || (SYSTEM_DIR.test(n) && !HARMLESS.test(n));
};

/**
 * `docker run` options as [long name or letter, value] (flags have ''), and the index of the
 * image among `words` (the words after `run`); image = words.length when there is none.
 */
export function runOptionsOf(words: string[]): { pairs: [string, string][]; image: number } {
  const pairs: [string, string][] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-') || w === '-') break;
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq >= 0 ? w.slice(2, eq) : w.slice(2);
      if (eq >= 0) pairs.push([name, w.slice(eq + 1)]);
      else pairs.push([name, RUN_WITH_VALUE.has(name) ? (words[++i] ?? '') : '']);
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      if (!RUN_SHORT.includes(w[j])) {
        pairs.push([w[j], '']);
        continue;
      }
      pairs.push([w[j], w.slice(j + 1) || (words[++i] ?? '')]);
      break;
    }
  }
  return { pairs, image: i };
}

/** A bind mount's host source and whether it is read-only: `-v SRC:DST[:ro]`, `--mount type=bind,src=…,readonly`. */
function bindOf(name: string, value: string): { source: string; readOnly: boolean } | undefined {
  if (name === 'v' || name === 'volume') {
    const [src, dst, opts = ''] = value.split(':');
    if (dst === undefined || !src.startsWith('/')) return undefined;
    return { source: src, readOnly: opts.split(',').some((o) => o === 'ro' || o === 'readonly') };
  }
  if (name !== 'mount') return undefined;
  const kv = new Map(
    value.split(',').map((p) => [p.split('=')[0], p.split('=').slice(1).join('=')] as const),
  );
  const src = kv.get('source') ?? kv.get('src') ?? '';
  if (kv.get('type') !== 'bind' || !src.startsWith('/')) return undefined;
  const ro = kv.get('readonly') ?? kv.get('ro');
  return { source: src, readOnly: ro !== undefined && !/^(false|0)$/i.test(ro) };
}

/** A user that is not root (`-u 1000`, `--user node:node`). */
const nonRoot = (u: string | undefined) => u !== undefined && u !== '' && !/^(0|root)(:|$)/.test(u);

/**
 * How the options of `docker run` (the words after `run`, up to the image) give the container
 * its host, as words; undefined = they do not.
 */
export function runEscape(words: string[]): string | undefined {
  const { pairs } = runOptionsOf(words);
  const value = (...names: string[]) => pairs.filter(([n]) => names.includes(n)).map(([, v]) => v);
  const privileged = value('privileged').some((v) => v === '' || /^true$/i.test(v));
  const caps = value('cap-add').flatMap((v) => v.split(','));
  const reaching = caps.find((c) => REACHING_CAPS.test(c));
  if (value('pid').includes('host') && (privileged || reaching))
    return `--pid=host ${privileged ? '--privileged' : `--cap-add=${reaching ?? ''}`}`;
  if (nonRoot(value('u', 'user').pop())) return undefined;
  const bind = pairs.map(([n, v]) => bindOf(n, v)).find((b) => b && !b.readOnly && systemPath(b.source));
  return bind ? `the host's ${bind.source} mounted writable, as root` : undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A security context that runs as another user than root. */
const runsAsOther = (sc: unknown) =>
  isObj(sc) && (sc.runAsNonRoot === true || (typeof sc.runAsUser === 'number' && sc.runAsUser > 0));

/** How a pod spec (`spec` of a Pod, a template's spec) holds its node, as words; undefined = it does not. */
export function podEscape(spec: Obj): string | undefined {
  const containers = [
    ...list(spec.containers),
    ...list(spec.initContainers),
    ...list(spec.ephemeralContainers),
  ].filter(isObj);
  const hostNs = spec.hostPID === true || spec.hostIPC === true;
  for (const c of containers) {
    const sc = isObj(c.securityContext) ? c.securityContext : {};
    if (sc.privileged === true) return `container ${str(c.name)} privileged`;
    const add = isObj(sc.capabilities) ? list(sc.capabilities.add).map(str) : [];
    const reaching = add.find((a) => REACHING_CAPS.test(a));
    if (hostNs && reaching) return `the node's process namespace with ${reaching}`;
  }
  const hostPaths = new Map(
    list(spec.volumes)
      .filter(isObj)
      .filter((v) => isObj(v.hostPath) && systemPath(str(v.hostPath.path)))
      .map((v) => [str(v.name), str((v.hostPath as Obj).path)] as const),
  );
  for (const c of containers) {
    if (runsAsOther(c.securityContext) || (runsAsOther(spec.securityContext) && !isObj(c.securityContext)))
      continue;
    const m = list(c.volumeMounts)
      .filter(isObj)
      .find((vm) => hostPaths.has(str(vm.name)) && vm.readOnly !== true);
    if (m) return `the node's ${hostPaths.get(str(m.name)) ?? ''} mounted writable into ${str(c.name)}`;
  }
  return undefined;
}

/** Every pod spec in a parsed document: any object holding a `containers` list (a Pod, a template, a patch). */
export function podSpecs(doc: unknown, depth = 0): Obj[] {
  if (depth > 12) return [];
  if (Array.isArray(doc)) return doc.flatMap((d) => podSpecs(d, depth + 1));
  if (!isObj(doc)) return [];
  const own = Array.isArray(doc.containers) ? [doc] : [];
  return [...own, ...Object.values(doc).flatMap((v) => podSpecs(v, depth + 1))];
}

/** kubectl's run/debug options that take a value (the pod's name is the first other word). */
const KUBECTL_VALUED =
  /^(-n|--namespace|--image|--context|--kubeconfig|--cluster|--user|--overrides|--profile|--env|--labels|-l|--port|--restart|--serviceaccount|--image-pull-policy|--target|-c|--container|--copy-to|--share-processes|--custom|--pod-running-timeout|--annotations|--limits|--requests|--command|--attach|--as|--as-group|-o|--output|--field-manager|--dry-run)$/;

/**
 * How `kubectl|oc run NAME …` or `kubectl debug node/NAME …` (the words after the program, up
 * to `--`) makes a pod that holds its node, as words; undefined = it does not.
 */
export function kubectlRunEscape(args: string[]): string | undefined {
  const words: string[] = [];
  const opts: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (!a.startsWith('-')) words.push(a);
    else if (a.includes('=')) opts.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
    else opts.push([a, KUBECTL_VALUED.test(a) ? (args[++i] ?? '') : '']);
  }
  const verb = words[0];
  if (verb === 'debug' && /^nodes?\//.test(words[1] ?? '')) return `debug ${words[1]}, the node's / at /host`;
  if (verb !== 'run') return undefined;
  const flag = opts.find(([o]) => o === '--privileged');
  if (flag && !/^false$/i.test(flag[1])) return 'run --privileged';
  const overrides = opts.find(([o]) => o === '--overrides')?.[1];
  if (overrides === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(overrides);
  } catch {
    // fail closed: overrides that cannot be read may make the pod privileged
    return 'run --overrides that cannot be read';
  }
  for (const spec of podSpecs(parsed)) {
    const found = podEscape(spec);
    if (found) return `run --overrides: ${found}`;
  }
  return undefined;
}
