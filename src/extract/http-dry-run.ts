/**
 * A request that says it only rehearses: a `dryRun` / `dry_run` / `dry-run` flag set true in
 * its query (`?dryRun=All`, Kubernetes' spelling, `?dry_run=1`) or at the top level of its
 * JSON body (`{"name":"refs/heads/x","dryRun":true}`, Bitbucket's branch delete). The server
 * validates and answers without changing anything. Pure.
 */

/** Flag names that ask for a rehearsal, compared lower-case without `_` and `-`. */
const DRY_NAMES = new Set(['dryrun']);
/** Values that turn the flag on (lower-case); anything else, `false` or a variable, does not. */
const ON = new Set(['true', '1', 'yes', 'all']);

function dryName(key: string): boolean {
  return DRY_NAMES.has(key.toLowerCase().replace(/[-_]/g, ''));
}

function on(v: unknown): boolean {
  return v === true || v === 1 || (typeof v === 'string' && ON.has(v.toLowerCase()));
}

/**
 * True when `query` (without `?`) or the JSON object `body` sets a dry-run flag on, and
 * none of the two sets it off. Empty query / undefined body = no flag there.
 * fail closed: a body that is not one JSON object (cut, dynamic, a list) says nothing.
 */
export function dryRunRequest(query: string, body: string | undefined): boolean {
  const values: unknown[] = [];
  for (const [k, v] of new URLSearchParams(query)) if (dryName(k)) values.push(v);
  if (body !== undefined) {
    try {
      const doc: unknown = JSON.parse(body);
      if (doc && typeof doc === 'object' && !Array.isArray(doc))
        for (const [k, v] of Object.entries(doc)) if (dryName(k)) values.push(v);
    } catch {
      // not JSON: no flag read from the body
    }
  }
  return values.length > 0 && values.every(on);
}
