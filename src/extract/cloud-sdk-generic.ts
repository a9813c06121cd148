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
 * and names about a delete (`on_delete`) destroy nothing. Pure; reads the code's text. What the
 * code's names hold (imports, clients, values, items): cloud-sdk-names.ts.
 */
import type { CloudDraft } from './cloud-argv.js';
import {
  clientNames,
  imports,
  LOCAL_FS,
  moduleOf,
  obtainsClient,
  receiverOf,
  rootOf,
} from './cloud-sdk-names.js';
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
/** Names a program gives a service client it was handed (`client`, `api`, `s3_client`, `adminApi`), not a test client. */
const CLIENT_VAR = /^(?!test_?client$)(?:\w*_)?(?:client|api|sdk|svc)$|^[a-z]\w*(?:Client|Api|API|Sdk|SDK)$/;
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
