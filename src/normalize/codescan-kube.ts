/**
 * Kubernetes API clients in code, read as the `kubectl delete` they amount to, so the
 * Kubernetes rules judge them as they judge the CLI (a namespace, storage or a workload asks;
 * one pod restarts and passes):
 * - Go's client-go (code importing `k8s.io/client-go`): `cs.CoreV1().Namespaces().Delete(ctx,
 *   NAME, opts)`, `.Pods(NS).Delete(ctx, NAME, …)`, `.Pods(NS).DeleteCollection(ctx, …)` (every
 *   one: `--all`), any typed client's `.KINDS(NS).Delete…`, and the dynamic client's
 *   `.Resource(GVR)…Delete(…)` (its kind not known); controller-runtime's `c.Delete(ctx,
 *   &corev1.Namespace{…Name: N…})` and `c.DeleteAllOf(ctx, &KIND{}, client.InNamespace(NS))`;
 * - Python's `kubernetes` client: `delete_namespace(NAME)`, `delete_namespaced_pod(NAME, NS)`,
 *   `delete_collection_namespaced_pod(NS)`, `delete_namespaced_custom_object(…, plural=P, name=N)`;
 * - JavaScript's `@kubernetes/client-node`: `deleteNamespace(NAME)` or `({ name })`,
 *   `deleteNamespacedPod({ name, namespace })`, `deleteCollectionNamespacedPod(…)`.
 * A name or namespace not known statically stays a word not known (the command is then asked
 * unless the kind alone decides). Pure.
 */
import { callArgs, kwarg, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import { lit, type Field } from './state.js';

/** A word whose value the code does not give here. */
const unknown = (what: string): Field => ({ text: `(${what})`, dynamic: true });

/**
 * `kubectl delete KIND [NAME] [-n NS] [--all]` as an argv; a kind not known is a word not known,
 * and so is a name not given to a delete of one object (fail closed).
 */
function kubectlDelete(kind: Field, given: Field | undefined, ns: Field | undefined, all: boolean): Effect {
  const name = given ?? unknown('name');
  return {
    kind: 'exec',
    argv: [
      lit('kubectl'),
      lit('delete'),
      kind,
      ...(name && !all ? [name] : []),
      ...(ns ? [lit('-n'), ns] : []),
      ...(all ? [lit('--all')] : []),
    ],
  };
}

/** Whether the code loads the client the patterns read. */
const loads = (lx: Lexed, re: RegExp) => lx.lits.some((l) => re.test(l.value)) || re.test(lx.skel);

/** `persistent_volume_claim`, `PersistentVolumeClaims` → `persistentvolumeclaim(s)`: kubectl's spelling. */
const kindWord = (s: string) => s.replace(/_/g, '').toLowerCase();

export function kubePatterns(h: Helpers): Record<'go' | 'python' | 'node', Pattern[]> {
  const v = (e: string | undefined, lx: Lexed, home: string): Field | undefined =>
    e === undefined || e.trim() === '' ? undefined : h.valueOf(e, lx, home);
  return {
    go: [
      {
        // `.Pods(ns).Delete(ctx, name, opts)`, `.Namespaces().DeleteCollection(ctx, …)`, `.Resource(gvr).Namespace(ns).Delete(…)`
        re: /\.\s*([A-Z]\w*)\s*\(([^()]*)\)\s*(?:\.\s*Namespace\s*\(([^()]*)\)\s*)?\.\s*(Delete|DeleteCollection)\s*\(/g,
        handle: (a, lx, home, m) => {
          if (!loads(lx, /k8s\.io\/client-go/)) return [];
          const all = m[4] === 'DeleteCollection';
          // fail closed: the dynamic client's resource is a value, not a kind named here
          const kind = m[1] === 'Resource' ? unknown('resource') : lit(kindWord(m[1]));
          const ns = m[1] === 'Resource' ? v(m[3], lx, home) : v(m[2], lx, home);
          return [kubectlDelete(kind, v(a[1], lx, home), ns, all)];
        },
      },
      {
        // controller-runtime: `c.Delete(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "x"}})`, `c.DeleteAllOf(ctx, &appsv1.Deployment{}, client.InNamespace("prod"))`
        re: /\.\s*(Delete|DeleteAllOf)\s*\(/g,
        handle: (a, lx, home, m) => {
          const obj = /^\s*&\s*(?:\w+\.)?([A-Z]\w*)\s*\{/.exec(a[1] ?? '');
          if (!obj || !loads(lx, /sigs\.k8s\.io\/controller-runtime/)) return [];
          const field = (key: string) => new RegExp(`\\b${key}\\s*:\\s*([^,}]+)`).exec(a[1])?.[1];
          const all = m[1] === 'DeleteAllOf';
          const inNs = /\bInNamespace\s*\(([^()]*)\)/.exec(a.slice(2).join(','))?.[1];
          const ns = v(all ? inNs : field('Namespace'), lx, home);
          return [kubectlDelete(lit(kindWord(obj[1])), v(field('Name'), lx, home), ns, all)];
        },
      },
    ],
    python: [
      {
        re: /\.delete_(collection_)?(namespaced_|cluster_)?(\w+?)\s*\(/g,
        handle: (a, lx, home, m) => {
          if (!loads(lx, /\b(?:from\s+kubernetes\b|import\s+kubernetes\b)/)) return [];
          const custom = m[3] === 'custom_object';
          const namespaced = m[2] === 'namespaced_';
          const positional = a.filter((x) => !/^\s*\w+\s*=(?!=)/.test(x));
          // custom objects: (group, version, [namespace,] plural, name)
          const plural = kwarg(a, 'plural') ?? positional[namespaced ? 3 : 2];
          const kind = custom
            ? (v(plural, lx, home) ?? unknown('plural'))
            : lit(kindWord(`${m[2] === 'cluster_' ? 'cluster' : ''}${m[3]}`));
          const name = v(kwarg(a, 'name') ?? positional[custom ? (namespaced ? 4 : 3) : 0], lx, home);
          const nsAt = custom ? 2 : m[1] ? 0 : 1;
          const ns = namespaced ? v(kwarg(a, 'namespace') ?? positional[nsAt], lx, home) : undefined;
          return [kubectlDelete(kind, name, ns, !!m[1])];
        },
      },
    ],
    node: [
      {
        re: /\.delete(Collection)?(Namespaced)?([A-Z]\w*)\s*\(/g,
        handle: (a, lx, home, m) => {
          if (!loads(lx, /@kubernetes\/client-node/)) return [];
          // the client's newer calls take one object (`{ name, namespace }`), older ones positions
          const obj = /^\s*\{[\s\S]*\}\s*$/.test(a[0] ?? '')
            ? callArgs(a[0].trim().slice(1, -1) + ')', 0).args
            : [];
          // `{ name: n }`, or the shorthand `{ name }`
          const field = (key: string, pos: number) =>
            obj.length ? (kwarg(obj, key) ?? obj.find((x) => x.trim() === key)) : a[pos];
          const all = !!m[1];
          const name = all ? undefined : v(field('name', 0), lx, home);
          const ns = m[2] ? v(field('namespace', all ? 0 : 1), lx, home) : undefined;
          return [kubectlDelete(lit(kindWord(m[3])), name, ns, all)];
        },
      },
    ],
  };
}
