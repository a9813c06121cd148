/**
 * API clients of Go modules no SDK table names (cloud-sdk-loads.ts), read by behaviour: Go code that
 * imports a third-party package (a path whose first element is a host: `github.com/minio/minio-go/v7`,
 * `github.com/cloudflare/cloudflare-go`) and obtains a value from one of its functions that makes
 * a client (`minio.New(…)`, `cf.NewWithAPIToken(…)`, `x.NewClient(…)`, `x.Connect(…)`, `x.Dial(…)`),
 * or from such a client (`b := client.Bucket("x")`), acts on the service it fronts. A PascalCase
 * method whose name starts with a destroying verb (`RemoveBucket`, `RemoveObjects`,
 * `DeleteDNSRecord`, `PurgeQueue`, `DestroyCluster`) on such a value destroys remotely; fed by the
 * items of a listing ranged over (`for o := range c.ListObjects(…)`) it deletes in bulk (`all`).
 * A resource the same code created through its client (`c.MakeBucket(ctx, b, …)` then
 * `c.RemoveBucket(ctx, b)`) is its own scratch. The standard library's packages (`os.RemoveAll`, `slices.DeleteFunc`), the built-in `delete(m,
 * k)` and event plumbing (`RemoveListener`, `DeleteHandler`) are not read. Pure; reads the code's text.
 */
import type { CloudDraft } from './cloud-argv.js';
import { verbOf } from './cloud-sdk-generic.js';

/** A destroying PascalCase method (the verb first, as Go names them). */
const DESTROY =
  /^(?:Delete|Remove|Destroy|Purge|Terminate|Drop|Wipe|Erase|Deregister|Truncate)(?:[A-Z]\w*)?$/;
/** Event and object plumbing named like a delete. */
const PLUMBING =
  /^(?:Remove|Delete)(?:All)?(?:Listeners?|Handlers?|Hooks?|Callbacks?|Func|Watch(?:er)?s?|Middlewares?)$/;
/** A package function that makes a client. */
const MAKES_CLIENT = /^(?:New\w*|Connect\w*|Dial\w*|Open\w*|Login\w*|Client\w*|Default\w*|With\w*)$/;

/** The local names of the code's third-party Go imports (`minio`, `cf`). */
function goImports(code: string): Set<string> {
  const out = new Set<string>();
  const specs: string[] = [];
  for (const m of code.matchAll(/\bimport\s*\(([^)]*)\)/g)) specs.push(...m[1].split('\n'));
  for (const m of code.matchAll(/\bimport\s+((?:[\w.]+\s+)?"[^"\n]+")/g)) specs.push(m[1]);
  for (const spec of specs) {
    const s = /^\s*([\w.]+\s+)?"([^"]+)"/.exec(spec);
    if (!s || !/^[\w-]+\.[\w.-]+\//.test(s[2])) continue; // the standard library's paths have no host
    const alias = s[1]?.trim();
    if (alias === '_' || alias === '.') continue;
    const parts = s[2].split('/').filter((p) => !/^v\d+$/.test(p));
    const last = (parts[parts.length - 1] ?? '').replace(/^go-|-go$/g, '').replace(/[^\w]/g, '');
    out.add(alias ?? last);
  }
  return out;
}

/** The names of Go code that hold a client of an imported package, or a value a client handed back, each with that package. */
function goClients(code: string, pkgs: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const assigned = [...code.matchAll(/(?:^|[\n;{])\s*(?:var\s+)?([\w, \t]+?)\s*:?=\s*([^\n;]+)/g)].map(
    (m) => [m[1].split(',')[0].trim(), m[2]] as const,
  );
  for (let pass = 0; pass < 3; pass++)
    for (const [name, expr] of assigned) {
      const call = /^\s*&?\s*(\w+)\s*\.\s*(\w+)/.exec(expr);
      if (!call || name === '_' || !/^\w+$/.test(name)) continue;
      if (pkgs.has(call[1]) && MAKES_CLIENT.test(call[2])) out.set(name, call[1]);
      else if (out.has(call[1])) out.set(name, out.get(call[1]) ?? call[1]);
    }
  return out;
}

/** The destroying calls of Go code through clients of third-party packages (see the header). */
export function goSdkCalls(code: string): CloudDraft[] {
  if (!/(?:^|\n)\s*package\s+\w+/.test(code)) return [];
  const pkgs = goImports(code);
  if (!pkgs.size) return [];
  const clients = goClients(code, pkgs);
  if (!clients.size) return [];
  // loop variables ranging over what a client lists
  const items = new Set<string>();
  for (const m of code.matchAll(/\bfor\s+([\w, \t]+?)\s*:=\s*range\s+([^\n{]+)/g)) {
    const root = /^\s*(\w+)/.exec(m[2])?.[1] ?? '';
    if (clients.has(root) || items.has(root))
      for (const n of m[1].split(',').map((x) => x.trim())) if (n !== '_') items.add(n);
  }
  // the names and literals the code's clients were told to create (`c.MakeBucket(ctx, b, …)`)
  const created = new Set<string>();
  for (const m of code.matchAll(/\b(\w+)\s*\.\s*(?:Make|Create|Put|New)\w*\s*\(([^\n]*)/g))
    if (clients.has(m[1])) for (const a of m[2].split(',')) created.add(a.replace(/\).*$/, '').trim());
  const out: CloudDraft[] = [];
  for (const m of code.matchAll(/\b(\w+)((?:\s*\.\s*[A-Z]\w*)*)\s*\.\s*([A-Z]\w*)\s*\(/g)) {
    const [, root, , name] = m;
    if (!clients.has(root) || !DESTROY.test(name) || PLUMBING.test(name)) continue;
    const at = (m.index ?? 0) + m[0].length;
    const args = code.slice(at, code.indexOf('\n', at) < 0 ? undefined : code.indexOf('\n', at));
    const literal = /"([\w./:@-]{1,120})"/.exec(args)?.[1] ?? '';
    // a resource the same code created is its own scratch: every name the call is given was created
    const names = args
      .split(',')
      .map((a) => a.replace(/\).*$/, '').trim())
      .filter((a) => /^(?:"[^"]*"|[a-z_]\w*)$/.test(a) && !/^(?:ctx|context)$/.test(a));
    if (names.length && names.every((n) => created.has(n))) continue;
    out.push({
      tool: clients.get(root) ?? root,
      service: '',
      verb: verbOf(name),
      resource: literal,
      all: [...items].some((i) => new RegExp(`\\b${i}\\b`).test(args)),
      force: /\bForce(?:Delete)?\s*:\s*true\b/.test(args),
      generic: true,
    });
  }
  return out;
}
