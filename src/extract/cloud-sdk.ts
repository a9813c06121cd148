/**
 * Cloud and data-store SDKs called from inline interpreter code (`python3 -c`, `node -e`,
 * code on stdin or in a heredoc): `boto3.client('rds').delete_db_instance(…)`,
 * `new DeleteBucketCommand(…)` of the AWS SDK for JavaScript, `storage.Client().bucket('b').delete()`, Azure's
 * `begin_delete(…)`. The same call a CLI would make, without the CLI: read by behaviour, a
 * call whose method is a destructive verb (delete, terminate, purge, destroy, drop, in
 * snake_case, camelCase or as an SDK command class) in code that loads a cloud SDK, or the
 * client of a vector database or search engine (`delete_collection`, `deleteIndex`,
 * `indices.delete`), or a job queue (`Sidekiq::Queue.all.each(&:clear)`, `queue.obliterate()`,
 * `app.control.purge()`, `Faktory::Client.new.flush`: the queue's own verbs, with or without parentheses), a message broker
 * (`channel.queue_purge('q')`, `ch.deleteQueue('q')`), or Proxmox VE's API (`proxmoxer`).
 * Without such an import only a REST client's `.delete('/api/path')` is read (`ovh.Client(…)
 * .delete('/cloud/project/…')`), and the clients of other third-party SDKs by what they are
 * (cloud-sdk-generic.ts); a `.delete()` of the program's own objects is the ORM's or the
 * program's business (src/extract/sql-orm.ts).
 *
 * Each call becomes a cloud fact of the SDK (tool `boto3`, `aws-sdk`, …), generic like a CLI
 * no table models (`saas/unknown-cli-destroy` asks). Which SDK the code loads: cloud-sdk-loads.ts.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { peelRunner } from './sql-frameworks.js';
import { codeOf } from './sql-orm.js';
import { buildsClientFromSecret, CLEAR_OR_EXPOSE, COMPOUND_CALL } from './cloud-sdk-clients.js';
import { storeCalls } from './cloud-sdk-stores.js';
import { firstLiteral, genericSdkCalls, verbOf } from './cloud-sdk-generic.js';
import { onlyScratchQueueDeletes, scratchQueueDeletes } from './cloud-sdk-scratch.js';
import type { ResourceSdk } from './cloud-sdk-resources.js';
import { NAMED_SDKS } from './cloud-sdk-loads.js';
import { goSdkCalls } from './cloud-sdk-go.js';
import { netDeviceCalls } from './cloud-netdev.js';
import { mockedTools } from './sdk-mocks.js';
import { sdkReceiver } from './cloud-sdk-receivers.js';

/** Interpreters whose arguments or stdin are code (.NET's: `dotnet script eval`, `dotnet fsi`, `csi`). */
const INTERPRETER =
  /^(python[\d.]*|node|nodejs|deno|bun|ruby|php[\d.]*|elixir|iex|dotnet|dotnet-script|csi|fsi|scriptcs)$/;

/** Code of no named SDK that builds a client from a secret (cloud-sdk-clients.ts): compound verbs only. */
const CREDENTIAL_CLIENT: ResourceSdk = { tool: 'api-client', loads: /$^/ };

/** Longest code read call by call (chars). */
const MAX_CODE = 256 * 1024;

const VERB = '(?:delete|terminate|purge|destroy|drop|deregister)';
const CAMEL_VERB = '(?:Delete|Terminate|Purge|Destroy|Drop|Deregister)';
/**
 * Method calls whose name holds a destructive verb as a word: `.delete_db_instance(`,
 * `.deleteBucket(`, `.begin_delete(`, `.delete(`, `.delete_all(`, `.recursive_delete(`,
 * `.db_drop(`, `.destroy_by_tag(`, `.recursiveDelete(`, `.tableDrop(`, and Go's and C#'s
 * PascalCase (`.DeleteByTag(`, `.DeleteRepo(`, `.DeleteTopic(`).
 */
const CALL = new RegExp(
  `\\.((?:[a-z0-9]+_)*${VERB}(?:_[a-z0-9_]+|[A-Z]\\w*)?|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?${CAMEL_VERB}(?:[A-Z]\\w*)?|(?:[A-Z][a-z0-9]*)*?${CAMEL_VERB}(?:[A-Z]\\w*)?)\\s*\\(`,
  'g',
);
/** SDK command classes (`new DeleteBucketCommand(…)`, `new TerminateInstancesCommand(…)`). */
const COMMAND_CLASS = /\bnew\s+((?:Delete|Terminate|Purge|Destroy|Drop|Deregister)\w*Command)\s*\(/g;

/**
 * `.delete('/x/…')` on a client object (`ovh.Client(…)`, `client`, `api`, `conn`, or a name
 * assigned from a `…Client(…)` / `…Session(…)` / `…Api(…)` call): a generic REST client asked
 * to delete the resource at an absolute API path. Not a decorator (`@router.delete('/x')`
 * declares a route), not a test client, and not a path that is not absolute (a dict's or a
 * cache's key).
 */
const CLIENT_DELETE =
  /(@\s*)?\b((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:\([^()]*\))?)\.delete\s*\(\s*(['"])(\/[\w.~%@:{}-]+(?:\/[\w.~%@:{}-]*)*)\3\s*[,)]/g;
const CLIENTISH = /client|api|session|conn|sdk|http/i;

function clientDeletes(code: string): CloudDraft[] {
  const out: CloudDraft[] = [];
  for (const m of code.matchAll(CLIENT_DELETE)) {
    const [, decorator, receiver, , path] = m;
    if (decorator || /test_?client|router|blueprint/i.test(receiver)) continue;
    const name = /^[A-Za-z_]\w*$/.test(receiver) ? receiver : '';
    const assigned = name ? new RegExp(`\\b${name}\\s*=\\s*([^\\n;]+)`).exec(code)?.[1] : undefined;
    const client =
      CLIENTISH.test(receiver.replace(/\(.*$/, '')) ||
      (assigned !== undefined && /(?:Client|Session|Api|API|Connection)\s*\(/.test(assigned));
    if (!client || (assigned && /test_?client|router/i.test(assigned))) continue;
    // the module the client comes from (`ovh.Client(…)` → ovh), else a generic name
    const module = /^([a-z_]\w*)\./.exec(receiver.includes('(') ? receiver : (assigned ?? receiver))?.[1];
    out.push({
      tool: module ?? 'api-client',
      service: '',
      verb: 'delete',
      resource: path,
      all: false,
      force: false,
      generic: true,
    });
  }
  return out;
}

/** The destructive SDK calls of `cmd`'s inline code, one draft each (none when no SDK is loaded). */
export function readSdk(cmd: NormalizedCommand): CloudDraft[] {
  const argv = peelRunner(cmd.argv);
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  // `rails runner CODE` runs its argument as Ruby, `mix run -e CODE` as Elixir
  const runner =
    (/^(?:gitlab-)?rails$/.test(program) && /^(runner|r)$/.test(argv[1] ?? '')) ||
    (program === 'mix' && argv[1] === 'run');
  // a program the script wrote to files and runs (`go run .`, `dotnet run`) is read whatever its language
  if (!INTERPRETER.test(program) && !runner && cmd.source === undefined) return [];
  const code = codeOf({ ...cmd, argv });
  // the container engine's prunes and removals, tables' vacuums (cloud-sdk-stores.ts), and the
  // clients of SDKs no entry names (cloud-sdk-generic.ts) where the named SDK's reading has not
  // read the same call
  const named = sdkCalls(code);
  const seen = new Set(named.map((d) => `${d.verb} ${d.resource}`));
  // a queue the code declared transient and deletes is its own scratch, for any client (cloud-sdk-scratch.ts)
  const scratchOnly = onlyScratchQueueDeletes(code);
  const generic = (
    code.length > MAX_CODE ? [] : [...genericSdkCalls(code), ...goSdkCalls(code), ...netDeviceCalls(code)]
  ).filter((d) => !(scratchOnly && /^(queue[-_]?delete|delete[-_]?queue)$/i.test(d.verb)));
  // calls of an SDK the code mocks touch nothing real (sdk-mocks.ts)
  const mocked = mockedTools(code);
  return [
    ...storeCalls(code),
    ...named,
    ...generic.filter((d) => !seen.has(`${d.verb} ${d.resource}`)),
  ].filter((d) => !mocked.has(d.tool));
}

/** The destructive calls of code that loads an SDK (or builds an API client from a secret). */
function sdkCalls(code: string): CloudDraft[] {
  // an API client built from a secret in the environment, of an SDK no entry names
  const sdk =
    NAMED_SDKS.find((s) => s.loads.test(code)) ??
    (buildsClientFromSecret(code) ? CREDENTIAL_CLIENT : undefined);
  if (!sdk) return code.length > MAX_CODE ? [] : clientDeletes(code);
  // fail closed: code that loads an SDK but is too large to read call by call is asked whole
  if (code.length > MAX_CODE)
    return [
      {
        tool: sdk.tool,
        service: '',
        verb: 'code-too-large-to-read',
        resource: '',
        all: false,
        force: false,
        generic: true,
      },
    ];
  const out: CloudDraft[] = [];
  const seen = new Set<string>();
  // a queue the same code declared exclusive or auto-delete is its own scratch (cloud-sdk-scratch.ts)
  const scratch = sdk.tool === 'message-broker' ? scratchQueueDeletes(code) : new Set<number>();
  const calls = sdk === CREDENTIAL_CLIENT ? [COMPOUND_CALL] : [CALL, COMMAND_CLASS, CLEAR_OR_EXPOSE];
  // a list's remove, a set's clear: not the SDK's (cloud-sdk-receivers.ts)
  const ofSdk = sdkReceiver(code);
  for (const re of [...calls, ...(sdk.verbs ? [sdk.verbs] : [])])
    for (const m of code.matchAll(re)) {
      const name = m[1] ?? '';
      if (scratch.has((m.index ?? 0) + m[0].indexOf(name) + name.length)) continue;
      if (!ofSdk(name, m.index ?? 0)) continue;
      // just past the name (the call's `(`, when it has one, is skipped by firstLiteral)
      const at = (m.index ?? 0) + m[0].length - (m[0].endsWith('(') ? 1 : 0);
      const d: CloudDraft = {
        tool: sdk.tool,
        service: '',
        verb: verbOf(name),
        resource: firstLiteral(code, at),
        all: /all/i.test(name),
        force: false,
        generic: true,
      };
      const key = `${d.verb} ${d.resource}`;
      if (!seen.has(key)) out.push(d);
      seen.add(key);
    }
  return out;
}
