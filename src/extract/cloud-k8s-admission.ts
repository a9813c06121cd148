/**
 * Namespace labels that switch an admission control off for every pod of the namespace, read
 * from `kubectl|oc label ns NAME KEY=VALUE|KEY-…` and from the labels a `kubectl patch ns NAME
 * -p JSON` sets:
 *
 * - Pod Security admission: `pod-security.kubernetes.io/enforce=privileged` (nothing enforced:
 *   privileged, host-network and host-path pods are let in), the enforce label removed
 *   (`…/enforce-`: the cluster's default, often privileged), or lowered to `baseline` over a
 *   value it had (`--overwrite`). `warn` and `audit` only report; `restricted` tightens.
 * - Gatekeeper's `admission.gatekeeper.sh/ignore` (the namespace skipped by its webhook),
 *   Sigstore's policy controller `policy.sigstore.dev/include=false` or removed (image
 *   signatures no longer checked), OpenShift's `openshift.io/run-level=0|1` (security context
 *   constraints not applied).
 */

/** The label words of a command that turn admission off; empty = none. */
export function admissionOffLabels(words: string[], overwrite: boolean): string[] {
  return words.filter((w) => {
    const m = /^([\w.-]+\/[\w.-]+)(?:=(.*)|(-))$/.exec(w);
    if (!m) return false;
    const [, key, value, removed] = m;
    const v = (value ?? '').toLowerCase();
    switch (key) {
      case 'pod-security.kubernetes.io/enforce':
        return removed !== undefined || v === 'privileged' || (overwrite && v === 'baseline');
      case 'admission.gatekeeper.sh/ignore':
        return removed === undefined;
      case 'policy.sigstore.dev/include':
        return removed !== undefined || v === 'false';
      case 'openshift.io/run-level':
        return v === '0' || v === '1';
      default:
        return false;
    }
  });
}

/**
 * The labels a patch body sets, as label words: a merge patch in JSON (`"labels":{"k":"v"}`, a
 * null value removes one) or YAML (`labels: {k: v}`), and JSON-patch operations on
 * `/metadata/labels/K` (`~1` for `/`; `remove` removes it).
 */
export function patchedLabels(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/"([\w.-]+\/[\w.-]+)"\s*:\s*(null|"([^"]*)")/g))
    out.push(m[2] === 'null' ? `${m[1]}-` : `${m[1]}=${m[3]}`);
  for (const m of body.matchAll(/(?:^|[\s{,])([\w.-]+\/[\w.-]+)\s*:\s*['"]?(null|~|[\w.-]+)/g))
    out.push(m[2] === 'null' || m[2] === '~' ? `${m[1]}-` : `${m[1]}=${m[2]}`);
  for (const op of body.match(/\{[^{}]*\}/g) ?? []) {
    const path = /"path"\s*:\s*"\/metadata\/labels\/([^"]+)"/.exec(op)?.[1];
    if (!path) continue;
    const key = path.replace(/~1/g, '/').replace(/~0/g, '~');
    const value = /"value"\s*:\s*"([^"]*)"/.exec(op)?.[1];
    out.push(/"op"\s*:\s*"remove"/.test(op) ? `${key}-` : `${key}=${value ?? ''}`);
  }
  return out;
}
