/**
 * API clients of SDKs no table names (cloud-sdk-loads.ts), read by behaviour. Code that imports a
 * third-party module (not one of cloud-sdk-locals.ts) and obtains a client from it (`smart =
 * smartsheet.Smartsheet()`, `client = rg.Argilla(api_url=…)`, `new Mistral({ apiKey })`,
 * `fsspec.filesystem('s3')`, `with X.Client() as c:`: a constructor or factory whose name says
 * client, API, session, connection or file system, or names the module itself, or one handed a
 * credential or an endpoint) acts on the service it fronts. Read as destroying:
 * - a method whose name joins a destroying verb to its object (`delete_sheet`, `deleteRepo`,
 *   `remove_member`, `delete_registered_model`), on the client or on anything it handed back,
 *   or a function of that name of the module itself (`mlflow.delete_run(id)`);
 * - a bare destroying verb (`delete`, `destroy`, `purge`, `terminate`, `rm`, `rm_file`, `rmdir`,
 *   `wipe`, `erase`, `trash`) on the client, on what it handed back (`sheet = …get_sheet(id)`)
 *   or on the items of a listing iterated (`for ds in client.datasets: ds.delete()`); a bare
 *   `remove` only on a namespace of the client (`client.domains.remove(id)`), not on a value it
 *   returned (a list's `remove(x)`);
 * - an fsspec-style delete (`rm`, `rm_file`, `delete`, …) of a remote storage URL (`s3://`,
 *   `gs://`, `abfs://`, `hdfs://`, …), on any receiver.
 * A name a program gives a client it was handed (`def wipe(client):`, `this.api`) counts as one
 * in code that imports such a module. A local file system client (`fsspec.filesystem('file')`)
 * deleting under the workspace or the temporary directory is not read. A call fed by the items
 * of a listing (`client.files.delete(f.id)` in `for f in client.files.list()`), or told
 * `recursive=True`, deletes in bulk (`all`). Event plumbing (`removeListener`, `remove_handler`)
 * and names about a delete (`on_delete`) destroy nothing. Pure; reads the code's text.
 */
import type { CloudDraft } from './cloud-argv.js';
import { isLocalModule } from './cloud-sdk-locals.js';
import { BULK_BARE, BULK_COMPOUND } from './cloud-sdk-bulk.js';

/** Bare destroying verbs. */
const BARE = /^(?:delete|destroy|purge|terminate|rm|rm_file|rmdir|rm_rf|rmtree|erase|wipe|trash)$/;
const VERB = '(?:delete|destroy|purge|terminate|remove|wipe|erase|deregister)';
const CAMEL = '(?:Delete|Destroy|Purge|Terminate|Remove|Wipe|Erase|Deregister)';
/**
 * A destroying verb joined to its object, before or after it: `delete_sheet`, `files_delete_v2`,
 * `chat_delete`, `begin_delete`, `deleteRepo`, `bulkDelete`.
 */
const COMPOUND = new RegExp(
  `^(?:(?:[a-z0-9]+_)*${VERB}_[a-z0-9_]+|(?:[a-z0-9]+_)+${VERB}|${VERB}[A-Z]\\w*|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?${CAMEL}(?:[A-Z]\\w*)?)$`,
);
/**
 * Event, UI and object plumbing named like a delete (`removeListener`, `remove_handler`), and
 * names about a delete rather than doing one (`on_delete`, `onDelete`, `can_delete`, `undoDelete`).
 */
const PLUMBING =
  /^(?:on|pre|post|before|after|can|should|confirm|undo|cancel|restore|handle|is|has|will|did|mark|schedule)(?:_|[A-Z])|^(?:remove|delete|destroy)_?(?:all_?)?(?:(?:event_?)?listeners?|child(?:ren)?|attributes?|class(?:es)?|handlers?|filters?|observers?|(?:done_?)?callbacks?|hooks?|styles?|timers?|watch(?:er)?s?|subscriptions?|middlewares?|widgets?|windows?|prefix|suffix|signal_?handlers?|readers?|writers?)$/i;
/** Deletes of a file system client (fsspec, pyarrow.fs, PyFilesystem). */
const FS_DELETE =
  /^(?:rm|rm_file|rmdir|rm_rf|delete|delete_file|delete_dir|delete_dir_contents|deleteFile|deleteDir|remove_file|remove_dir|removeFile|removeDir)$/;
/** A remote storage URL. */
const REMOTE_URL =
  /^(?:s3a?|s3n|gs|gcs|abfss?|az|adl|wasbs?|hdfs|webhdfs|viewfs|oci|oss|cos|r2|b2|dbfs|hf|lakefs|sftp|ssh|ftp|swift):\/\//i;
/** A constructor or factory of a service client (checked on the chain's names past an import alias). */
const CLIENT_NAME =
  /(?:Client|Api|API|Sdk|SDK|Service|Session|Connection|FileSystem|Storage|Hub|Manager)$|^(?:filesystem|client|connect|login|init|from_env|from_token|access_token|authenticate|FTP|FTP_TLS|IMAP4|IMAP4_SSL|POP3|POP3_SSL|ServerProxy)$/;
/** A credential or endpoint handed to a constructor (`api_key=…`, `{ apiKey: … }`, `token=…`). */
const CREDENTIAL_ARG =
  /\b(?:api_?key|apiKey|(?:access_|auth_|api_)?token|accessToken|authToken|auth|credentials?|api_?url|apiUrl|base_?url|baseURL|endpoint|server_url|host|password|secret)\s*[=:]/;
/** Names a program gives a service client it was handed (`client`, `api`, `s3_client`, `adminApi`), not a test client. */
const CLIENT_VAR = /^(?!test_?client$)(?:\w*_)?(?:client|api|sdk|svc)$|^[a-z]\w*(?:Client|Api|API|Sdk|SDK)$/;
/** A local file system client (`fsspec.filesystem('file')`, `LocalFileSystem()`). */
const LOCAL_FS = /\bfilesystem\(\s*['"](?:file|local|memory)['"]|\b(?:Local|Memory)FileSystem\s*\(/;

/** A name bound by an import: its module, and whether it is the module itself (`import x as y`) or a member (`from x import C`). */
interface Binding {
  module: string;
  member: boolean;
}

/** The names the code's imports bind to third-party modules (Python, JavaScript and Ruby). */
function imports(code: string): Map<string, Binding> {
  const out = new Map<string, Binding>();
  const bind = (name: string, module: string, member: boolean) => {
    if (!isLocalModule(module)) out.set(name, { module, member });
  };
  for (const m of code.matchAll(/(?:^|[;\n])[ \t]*import[ \t]+([\w. \t,]+)/g))
    for (const part of m[1].split(',')) {
      const p = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (p) bind(p[2] ?? p[1].split('.')[0], p[1], false);
    }
  for (const m of code.matchAll(
    /(?:^|[;\n])[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(?:\(([^)]*)\)|([\w \t,]+))/g,
  ))
    for (const part of (m[2] ?? m[3]).split(',')) {
      const p = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (p) bind(p[2] ?? p[1], m[1], true);
    }
  const named = (list: string, module: string) => {
    for (const part of list.split(',')) {
      const p = /^\s*([\w$]+)(?:\s*(?:as|:)\s*([\w$]+))?\s*$/.exec(part);
      if (p) bind(p[2] ?? p[1], module, true);
    }
  };
  for (const m of code.matchAll(
    /\bimport\s+(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+([\w$]+))?\s*from\s+['"]([^'"]+)['"]/g,
  )) {
    if (m[1]) bind(m[1], m[4], true);
    if (m[2]) named(m[2], m[4]);
    if (m[3]) bind(m[3], m[4], false);
  }
  for (const m of code.matchAll(
    /\b(?:const|let|var)\s+(?:([\w$]+)|\{([^}]*)\})\s*=\s*(?:await\s+)?(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    if (m[1]) bind(m[1], m[3], false);
    if (m[2]) named(m[2], m[3]);
  }
  // Ruby: `require 'dropbox_api'`, `ruby -rdropbox_api`, `require "google/apis/drive_v3"` load a gem
  // whose constant is its first name camel-cased (`DropboxApi`, `Google`; `aws-sdk-s3` → `Aws`)
  for (const m of code.matchAll(
    /(?:^|[;\n]|\bbegin\b)[ \t]*(?:require[ \t(]*['"]([\w/.-]+)['"]|-r[ \t\n]?([\w/-]+)(?=\n|$))/g,
  )) {
    const gem = m[1] ?? m[2];
    const constant = (gem.split(/[/-]/)[0] ?? '').replace(/(?:^|_)([a-z\d])/g, (_s, c: string) =>
      c.toUpperCase(),
    );
    if (/^[A-Z]\w*$/.test(constant) && !out.has(constant)) bind(constant, gem, false);
  }
  return out;
}

/**
 * The first name of an expression (`await new X(…)` → X, `(await c.files.list()).data` → c), an
 * object's own field by its name (`this.client.files` → client); '' = none.
 */
const rootOf = (expr: string) =>
  /^(?:\s*(?:await\s+|new\s+|\())*\s*(?:(?:this|self)\s*\.\s*)?([A-Za-z_$][\w$]*)/.exec(expr)?.[1] ?? '';

/** The bracket opening the one that closes at `close`; -1 = none. */
function openOf(code: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= Math.max(0, close - 4000); i--) {
    if (code[i] === ')' || code[i] === ']') depth++;
    else if ((code[i] === '(' || code[i] === '[') && --depth === 0) return i;
  }
  return -1;
}

/** The receiver chain that ends at the `.` at `dot` (`client.beta.files`, `s3fs.S3FileSystem()`); '' = none. */
function receiverOf(code: string, dot: number): string {
  let start = dot;
  for (let i = dot, guard = 0; guard < 32; guard++) {
    let j = i - 1;
    while (j >= 0 && /\s/.test(code[j])) j--;
    if (code[j] === '?') j--; // optional chaining
    while (j >= 0 && (code[j] === ')' || code[j] === ']')) {
      const open = openOf(code, j);
      if (open < 0) return code.slice(start, dot).trim();
      j = open - 1;
    }
    let k = j;
    while (k >= 0 && /[\w$]/.test(code[k])) k--;
    if (k === j) break;
    start = k + 1;
    if (code[k] !== '.') break;
    i = k;
  }
  return code.slice(start, dot).trim();
}

/** Whether `expr`, rooted at an import, obtains a service client (see the header). */
function obtainsClient(expr: string, binding: Binding): boolean {
  const head = expr.replace(/^(?:\s*(?:await\s+|new\s+|\())*/, '');
  const names = [...head.replace(/\([^()]*\)/g, '()').matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => m[0]);
  const own = (binding.module.split('/').pop() ?? '').replace(/[^a-z]/gi, '').toLowerCase();
  // a test client calls this program in-process (`TestClient(app)`)
  const past = (binding.member ? names : names.slice(1)).filter((n) => !/^test_?client$/i.test(n));
  return (
    past.some((n) => CLIENT_NAME.test(n) || (n.length > 3 && own.startsWith(n.toLowerCase()))) ||
    CREDENTIAL_ARG.test(head)
  );
}

/** What the code's names hold, each with the module it came from: a client, a value it handed back, an item of a listing. */
interface Held {
  clients: Map<string, string>;
  values: Map<string, string>;
  items: Map<string, string>;
  /** Names of local file system clients; empty = none. */
  localFs: Set<string>;
}

/** The module behind a name (an import, a client, a value or an item); undefined = none. */
const moduleOf = (h: Held, bindings: Map<string, Binding>, root: string) =>
  bindings.get(root)?.module ?? h.clients.get(root) ?? h.values.get(root) ?? h.items.get(root);

/** What each name of the code holds (see Held). */
function clientNames(code: string, bindings: Map<string, Binding>): Held {
  const h: Held = { clients: new Map(), values: new Map(), items: new Map(), localFs: new Set() };
  const assigned: [string, string][] = [];
  for (const m of code.matchAll(
    /(?:^|[;\n{(])[ \t]*(?:(?:const|let|var)[ \t]+|(?:this|self)\.)?([A-Za-z_$][\w$]*)(?:[ \t]*:[ \t]*[\w.[\], <>|]+)?[ \t]*=(?!=)[ \t]*([^\n;]+)/g,
  ))
    assigned.push([m[1], m[2]]);
  for (const m of code.matchAll(/\bwith[ \t]+([^\n:]+?)[ \t]+as[ \t]+(\w+)/g)) assigned.push([m[2], m[1]]);
  // `const { channels } = await web.conversations.list()`: each name destructured holds what the call handed back
  for (const m of code.matchAll(/\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*([^\n;]+)/g))
    for (const p of m[1].matchAll(/(?:[\w$]+\s*:\s*)?([\w$]+)\s*(?:,|$)/g)) assigned.push([p[1], m[2]]);
  const loops: [string[], string][] = [];
  for (const m of code.matchAll(/\bfor[ \t]+([\w, \t()]+?)[ \t]+in[ \t]+([^\n]+)/g))
    loops.push([m[1].split(/[\s,()]+/).filter(Boolean), m[2]]);
  for (const m of code.matchAll(/\bfor\s*(?:await\s*)?\(\s*(?:const|let|var)\s+([^=]+?)\s+of\s+([^\n]+)/g))
    loops.push([m[1].split(/[^\w$]+/).filter(Boolean), m[2]]);
  for (const m of code.matchAll(/\.(?:forEach|map|flatMap)\(\s*(?:async\s*)?\(?\s*([\w$]+)/g))
    loops.push([[m[1]], receiverOf(code, m.index ?? 0)]);
  // Ruby's blocks: `list.entries.each { |e| … }`, `.each_with_index do |f, i|`, `.map { |x| … }`
  for (const m of code.matchAll(
    /\.(?:each|each_with_index|map|flat_map|collect|select|reject|each_entry)\s*(?:\{|do\b)\s*\|([\w, \t]+)\|/g,
  ))
    loops.push([m[1].split(/[\s,]+/).filter(Boolean), receiverOf(code, m.index ?? 0)]);
  // a few passes: a value handed back by a value the client handed back
  for (let pass = 0; pass < 4; pass++) {
    for (const [name, expr] of assigned) {
      const root = rootOf(expr);
      const binding = bindings.get(root);
      const from = moduleOf(h, bindings, root);
      if (binding && obtainsClient(expr, binding)) h.clients.set(name, binding.module);
      else if (!binding && from !== undefined) h.values.set(name, from);
      if (LOCAL_FS.test(expr)) h.localFs.add(name);
    }
    for (const [names, expr] of loops) {
      const from = moduleOf(h, bindings, rootOf(expr));
      if (from !== undefined) for (const n of names) h.items.set(n, from);
    }
  }
  return h;
}

/** snake_case or camelCase method name → hyphenated verb (`delete_sheet` → `delete-sheet`). */
export function verbOf(name: string): string {
  // .NET's task-returning forms (`DeleteAsync`, `DeleteBlobContainerAsync`) are the verb itself
  return name
    .replace(/Command$/, '')
    .replace(/(?<=.)Async$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

/** The first plain string literal of a call's arguments (`('prod-db')`, `(name='x')`), or ''. */
export function firstLiteral(code: string, at: number): string {
  const m = /^\s*\(?\s*(?:[A-Za-z_]\w*\s*=\s*)?(['"])([\w./:@-]{1,120})\1/.exec(code.slice(at, at + 200));
  return m ? m[2] : '';
}

/** The arguments text of the call whose `(` is at `open`, up to its `)`. */
export function argsOf(code: string, open: number): string {
  let depth = 0;
  for (let i = open; i < Math.min(code.length, open + 2000); i++) {
    if (code[i] === '(' || code[i] === '[' || code[i] === '{') depth++;
    else if ((code[i] === ')' || code[i] === ']' || code[i] === '}') && --depth === 0)
      return code.slice(open, i + 1);
  }
  return code.slice(open, open + 2000);
}

/** A path on this machine that is routine to delete: relative (the workspace) or in the temporary directory. */
const routineLocal = (path: string) => !path.startsWith('/') || /^\/(?:var\/)?tmp\//.test(path);

/** The destroying calls of code through clients of SDKs no table names (see the header). */
export function genericSdkCalls(code: string): CloudDraft[] {
  const bindings = imports(code);
  const held = clientNames(code, bindings);
  const out: CloudDraft[] = [];
  for (const m of code.matchAll(/\.\s*([A-Za-z_$][\w$]*)\s*\(/g)) {
    const name = m[1];
    if (PLUMBING.test(name)) continue;
    const fs = FS_DELETE.test(name);
    const compound = !fs && !BARE.test(name) && COMPOUND.test(name);
    // an admin action (archive, kick, suspend…) counts only when done to a listing's items (cloud-sdk-bulk.ts)
    const bulkOnly =
      !fs && !BARE.test(name) && !compound && (BULK_BARE.test(name) || BULK_COMPOUND.test(name));
    if (!fs && !BARE.test(name) && !compound && name !== 'remove' && !bulkOnly) continue;
    const open = (m.index ?? 0) + m[0].length - 1;
    const receiver = receiverOf(code, m.index ?? 0);
    const root = rootOf(receiver);
    const args = argsOf(code, open);
    const resource = firstLiteral(code, open);
    const remote = REMOTE_URL.test(resource);
    const binding = bindings.get(root);
    // a module's own function (`somelib.delete(x)`) is not a client's method; a resource class
    // of the module is (`somelib.Project.delete(id)`)
    const viaImport =
      binding !== undefined &&
      (receiver === root
        ? compound && !binding.member
        : obtainsClient(receiver, binding) || /^[\w$]+\.[A-Z]\w*$/.test(receiver));
    // a client handed in by name (`def wipe(client): …`, `function purge(api) {…}`) in code that loads an SDK
    const named = bindings.size > 0 && !bindings.has(root) && CLIENT_VAR.test(root);
    const onClient = viaImport || named || held.clients.has(root);
    const sdk = onClient || held.values.has(root) || held.items.has(root);
    if (!(fs && remote) && !sdk) continue;
    // a bare `remove` only on a namespace of the client (`client.domains.remove(id)`)
    if ((name === 'remove' || BULK_BARE.test(name)) && !(onClient && receiver.includes('.'))) continue;
    const local = held.localFs.has(root) || LOCAL_FS.test(receiver);
    if (fs && !remote && local && resource && routineLocal(resource)) continue;
    const fed = [...held.items.keys()].some((i) =>
      new RegExp(`(?<![\\w$.])${i.replace(/\$/g, '\\$')}\\b`).test(args),
    );
    if (bulkOnly && !(held.items.has(root) || fed)) continue;
    out.push({
      tool: moduleOf(held, bindings, root) ?? 'storage-client',
      service: '',
      verb: verbOf(name),
      resource,
      all: held.items.has(root) || fed || /\brecursive\s*[=:]\s*(?:True|true)\b/.test(args),
      force: false,
      generic: true,
    });
  }
  return out;
}
