/**
 * Kubernetes RBAC that hands out the cluster: a Role or ClusterRole whose rules allow
 * `escalate` (grant permissions one does not hold), `bind` (bind any role), `impersonate` (act
 * as any user, group or service account) or every verb on every resource; a binding of
 * `cluster-admin` (or of `admin` cluster-wide); and a binding whose subject is anyone
 * (`system:anonymous`, `system:unauthenticated`, or `system:authenticated`: any account the
 * cluster accepts), read as `make-public`. Read from a manifest's documents, from a patch
 * (`kubectl patch clusterrole …`), and from `kubectl|oc create clusterrole|role NAME
 * --verb=… --resource=…` and `create clusterrolebinding|rolebinding --group|--user=…`.
 * Roles that read, or bind an ordinary role, make no finding. Each finding is [verb, words].
 */
import type { Finding } from './word-facts.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string');

/** Verbs that let a holder grant itself more, or act as anyone. */
const ESCALATING = /^(escalate|bind|impersonate)$/i;
/** Subjects that are anyone who reaches the API server. */
const ANYONE = /^system:(anonymous|unauthenticated|authenticated)$/;

/** How one RBAC rule hands out power, as words; undefined = it does not. */
export function ruleGrant(verbs: string[], resources: string[]): string | undefined {
  const escalating = verbs.filter((v) => ESCALATING.test(v));
  const on = resources.length ? resources.join(',') : '*';
  if (escalating.length) return `verbs ${escalating.join(',')} on ${on}`;
  if (verbs.includes('*') && (resources.includes('*') || resources.length === 0))
    return 'every verb on every resource';
  return undefined;
}

/** Every object with a `verbs` list in a document (a role's rules, a patch's values). */
function rulesIn(doc: unknown, depth = 0): Obj[] {
  if (depth > 8) return [];
  if (Array.isArray(doc)) return doc.flatMap((d) => rulesIn(d, depth + 1));
  if (!isObj(doc)) return [];
  const own = Array.isArray(doc.verbs) ? [doc] : [];
  return [...own, ...Object.values(doc).flatMap((v) => rulesIn(v, depth + 1))];
}

/**
 * What one parsed document hands out: a role's rules (`kind` Role or ClusterRole, or any
 * document when `roleTarget`: a patch of a role), a binding's role and subjects.
 */
export function rbacDocument(doc: unknown, roleTarget = false): Finding[] {
  if (!isObj(doc) && !Array.isArray(doc)) return [];
  const kind = isObj(doc) ? String(doc.kind ?? '') : '';
  const out: Finding[] = [];
  if (roleTarget || /^(Cluster)?Role$/.test(kind)) {
    for (const r of rulesIn(doc)) {
      const grant = ruleGrant(strings(r.verbs), strings(r.resources));
      if (grant) out.push(['grant-admin', `${kind || 'role'} allows ${grant}`]);
    }
  }
  if (isObj(doc) && /^(Cluster)?RoleBinding$/.test(kind)) {
    const role = isObj(doc.roleRef) ? String(doc.roleRef.name ?? '') : '';
    if (role === 'cluster-admin' || (kind === 'ClusterRoleBinding' && role === 'admin'))
      out.push(['grant-admin', `${kind} to ${role}`]);
    const anyone = (Array.isArray(doc.subjects) ? doc.subjects : [])
      .filter(isObj)
      .map((s) => String(s.name ?? ''))
      .find((n) => ANYONE.test(n));
    if (anyone) out.push(['make-public', `${kind} of ${role} to ${anyone}`]);
  }
  return out;
}

/** A flag's values: `--verb=a,b`, `--verb a --verb b`. */
function values(args: string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === name) out.push(args[i + 1] ?? '');
    else if (a.startsWith(`${name}=`)) out.push(a.slice(name.length + 1));
  });
  return out.flatMap((v) => v.split(',')).map((v) => v.trim().replace(/^['"]|['"]$/g, ''));
}

/** `kubectl create clusterrole|role NAME --verb … --resource …`, `create (cluster)rolebinding … --group|--user`. */
export function createdRbac(words: string[], args: string[]): Finding[] {
  if (words[0] !== 'create') return [];
  if (/^(clusterrole|role)$/.test(words[1] ?? '')) {
    const grant = ruleGrant(values(args, '--verb'), values(args, '--resource'));
    return grant ? [['grant-admin', `create ${words[1]} ${words[2] ?? ''} allowing ${grant}`]] : [];
  }
  if (/^(clusterrolebinding|rolebinding)$/.test(words[1] ?? '')) {
    const anyone = [...values(args, '--group'), ...values(args, '--user')].find((s) => ANYONE.test(s));
    return anyone ? [['make-public', `create ${words[1]} ${words[2] ?? ''} for ${anyone}`]] : [];
  }
  return [];
}
