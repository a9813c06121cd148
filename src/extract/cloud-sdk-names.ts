/**
 * What the names of inline code hold, for the reading of SDKs no table names
 * (cloud-sdk-generic.ts): the names its imports bind to third-party modules (Python,
 * JavaScript and Ruby; not the modules of cloud-sdk-locals.ts), the clients obtained from them
 * (a constructor or factory named like a client, or handed a credential or an endpoint), the
 * values those handed back, the items of a listing iterated, and local file system clients;
 * and the receiver chain before a method call. Pure; reads the code's text.
 */
import { isLocalModule } from './cloud-sdk-locals.js';

/** A constructor or factory of a service client (checked on the chain's names past an import alias). */
const CLIENT_NAME =
  /(?:Client|Api|API|Sdk|SDK|Service|Session|Connection|FileSystem|Storage|Hub|Manager)$|^(?:filesystem|client|connect|login|init|from_env|from_token|access_token|authenticate|FTP|FTP_TLS|IMAP4|IMAP4_SSL|POP3|POP3_SSL|ServerProxy)$/;
/** A credential or endpoint handed to a constructor (`api_key=…`, `{ apiKey: … }`, `token=…`). */
const CREDENTIAL_ARG =
  /\b(?:api_?key|apiKey|(?:access_|auth_|api_)?token|accessToken|authToken|auth|credentials?|api_?url|apiUrl|base_?url|baseURL|endpoint|server_url|host|password|secret)\s*[=:]/;
/** A local file system client (`fsspec.filesystem('file')`, `LocalFileSystem()`). */
export const LOCAL_FS = /\bfilesystem\(\s*['"](?:file|local|memory)['"]|\b(?:Local|Memory)FileSystem\s*\(/;

/** A name bound by an import: its module, and whether it is the module itself (`import x as y`) or a member (`from x import C`). */
export interface Binding {
  module: string;
  member: boolean;
}

/** The names the code's imports bind to third-party modules (Python, JavaScript and Ruby). */
export function imports(code: string): Map<string, Binding> {
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
export const rootOf = (expr: string) =>
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
export function receiverOf(code: string, dot: number): string {
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
export function obtainsClient(expr: string, binding: Binding): boolean {
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
export interface Held {
  clients: Map<string, string>;
  values: Map<string, string>;
  items: Map<string, string>;
  /** Names of local file system clients; empty = none. */
  localFs: Set<string>;
}

/** The module behind a name (an import, a client, a value or an item); undefined = none. */
export const moduleOf = (h: Held, bindings: Map<string, Binding>, root: string) =>
  bindings.get(root)?.module ?? h.clients.get(root) ?? h.values.get(root) ?? h.items.get(root);

/** What each name of the code holds (see Held). */
export function clientNames(code: string, bindings: Map<string, Binding>): Held {
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
