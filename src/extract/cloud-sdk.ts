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
 * no table models (`saas/unknown-cli-destroy` asks).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { peelRunner } from './sql-frameworks.js';
import { codeOf } from './sql-orm.js';
import { buildsClientFromSecret, CLEAR_OR_EXPOSE, COMPOUND_CALL } from './cloud-sdk-clients.js';
import { storeCalls } from './cloud-sdk-stores.js';
import { firstLiteral, genericSdkCalls, verbOf } from './cloud-sdk-generic.js';
import { onlyScratchQueueDeletes, scratchQueueDeletes } from './cloud-sdk-scratch.js';
import { RESOURCE_SDKS } from './cloud-sdk-resources.js';
import { goSdkCalls } from './cloud-sdk-go.js';
import { netDeviceCalls } from './cloud-netdev.js';
import { mockedTools } from './sdk-mocks.js';

/** Interpreters whose arguments or stdin are code (.NET's: `dotnet script eval`, `dotnet fsi`, `csi`). */
const INTERPRETER =
  /^(python[\d.]*|node|nodejs|deno|bun|ruby|php[\d.]*|elixir|iex|dotnet|dotnet-script|csi|fsi|scriptcs)$/;

/** Azure's .NET clients (`new BlobContainerClient(…)`), whose methods delete what they front. */
const AZURE_DOTNET_CLIENTS =
  'ArmClient|BlobServiceClient|BlobContainerClient|BlobClient|BlockBlobClient|ShareServiceClient|ShareClient|QueueServiceClient|QueueClient|TableServiceClient|TableClient|CosmosClient|SecretClient|KeyClient|CertificateClient|ServiceBusAdministrationClient|DataLakeServiceClient|DataLakeFileSystemClient|DataLakeDirectoryClient';

/** `import a, b` / `from a.b import c` of one of `mods` (a `|` list) in Python code. */
function pyImport(mods: string): RegExp {
  return new RegExp(`\\b(?:import\\s+(?:[\\w.]+(?:\\s+as\\s+\\w+)?\\s*,\\s*)*|from\\s+)(?:${mods})\\b`);
}

/** The SDK a piece of code loads, by the module it imports; first match wins. */
const SDKS: {
  tool: string;
  loads: RegExp;
  /** Methods that destroy for this SDK beyond the shared verbs, called with or without parentheses or as `&:name`; absent = none. */
  verbs?: RegExp;
}[] = [
  // resource-style SDKs of Ruby and VMware's (cloud-sdk-resources.ts): named by their own namespaces
  ...RESOURCE_SDKS,
  { tool: 'boto3', loads: /\bimport\s+(boto3|botocore)\b|\bfrom\s+(boto3|botocore)[\s.]/ },
  {
    tool: 'aws-sdk',
    loads:
      /['"](@aws-sdk\/[\w-]+|aws-sdk)['"]|\brequire\s+['"]aws-sdk|['"]github\.com\/aws\/aws-sdk-go(?:-v2)?\//,
  },
  { tool: 'aws-sdk', loads: /\busing\s+Amazon\.|#r\s+"nuget:\s*AWSSDK\.|\bnew\s+Amazon\w+Client\s*\(/ },
  // .NET: a namespace imported, a script's package reference, or one of the SDK's clients built
  {
    tool: 'azure-sdk',
    loads: new RegExp(
      `\\busing\\s+Azure\\.|#r\\s+"nuget:\\s*Azure\\.|\\bnew\\s+(?:${AZURE_DOTNET_CLIENTS})\\s*\\(`,
    ),
  },
  {
    tool: 'google-cloud',
    loads: /\busing\s+Google\.Cloud\.|#r\s+"nuget:\s*Google\.Cloud\.|\bStorageClient\.Create(?:Async)?\s*\(/,
  },
  {
    tool: 'google-cloud',
    loads:
      /\bfrom\s+google\.cloud\b|\bimport\s+google\.cloud\b|['"]@google-cloud\/[\w-]+['"]|\bgoogleapiclient\b/,
  },
  { tool: 'azure-sdk', loads: /\bfrom\s+azure\.[\w.]+\s+import\b|\bimport\s+azure\.|['"]@azure\/[\w-]+['"]/ },
  { tool: 'firebase-admin', loads: /\bfirebase_admin\b|['"]firebase-admin(\/[\w-]+)?['"]/ },
  {
    tool: 'digitalocean',
    loads: new RegExp(
      `${pyImport('digitalocean|pydo').source}|['"]digitalocean['"]|['"]github\\.com\\/digitalocean\\/godo['"]`,
    ),
  },
  {
    tool: 'hcloud',
    loads: new RegExp(`${pyImport('hcloud').source}|['"]github\\.com\\/hetznercloud\\/hcloud-go`),
  },
  // Git hosting SDKs of Go: gitea's `client.DeleteRepo(owner, name)`, go-github's
  // `client.Repositories.Delete(ctx, owner, repo)`, GitLab's `Projects.DeleteProject(id)`.
  {
    tool: 'git-host-sdk',
    loads:
      /['"](code\.gitea\.io\/sdk\/gitea|github\.com\/google\/go-github\/[\w/]+|gitlab\.com\/gitlab-org\/api\/client-go|github\.com\/xanzy\/go-gitlab)['"]/,
  },
  // Oracle Cloud (`oci.core.ComputeClient(…).terminate_instance(…)`), Linode, Vultr, Scaleway, Exoscale.
  {
    tool: 'oci-sdk',
    loads: new RegExp(`${pyImport('oci').source}|['"]oci-[\\w-]+['"]`),
  },
  { tool: 'linode', loads: new RegExp(`${pyImport('linode_api4').source}|['"]@linode\\/api-v4['"]`) },
  { tool: 'cloud-sdk', loads: pyImport('scaleway|exoscale|vultr|upcloud_api') },
  // Databases whose client is a query builder, not SQL: RethinkDB's `r.db_drop('app')`,
  // `r.table('t').delete()`.
  { tool: 'rethinkdb', loads: new RegExp(`${pyImport('rethinkdb').source}|['"]rethinkdb(?:dash|-ts)?['"]`) },
  // SaaS SDKs: removing a domain, an API key, a customer is the dashboard's delete button
  // (Resend's `resend.domains.remove(id)`, Stripe's `stripe.customers.del(id)`).
  {
    tool: 'saas-sdk',
    loads: new RegExp(
      `${pyImport('stripe|resend|twilio|sendgrid|postmarker|mailchimp_marketing|cloudflare|clerk_backend_api|workos|linear_sdk|notion_client|supabase').source}|['"](stripe|resend|twilio|postmark|cloudflare|airtable|mailgun\\.js|@sendgrid\\/[\\w-]+|@clerk\\/[\\w-]+|@workos-inc\\/node|@linear\\/sdk|@notionhq\\/client|@supabase\\/supabase-js|@vercel\\/sdk)['"]`,
    ),
    verbs: /\.(remove|del)\s*\(/g,
  },
  // Git hosting APIs: a repository, project or branch deleted there is gone for everyone
  // (PyGithub's `get_repo('a/b').delete()`, python-gitlab's `projects.get(…).delete()`,
  // Octokit's `repos.delete(…)`, gitbeaker's `Projects.remove(…)`).
  {
    tool: 'forge-sdk',
    loads: new RegExp(
      `${pyImport('github|gitlab|gitea|atlassian').source}|['"](octokit|@octokit\\/[\\w-]+|@gitbeaker\\/[\\w-]+|gitea-js|bitbucket)['"]|\\bOctokit::|\\bGitlab\\.client\\b`,
    ),
    // gitbeaker names its deletes `remove` (`api.Projects.remove(id)`)
    verbs: /(?<=\b(?:Projects|Groups|Branches|Tags|Users)\.)(remove)\s*\(/g,
  },
  // Pulumi's Automation API: `select_stack(…).destroy()` tears the stack's resources down
  // like `pulumi destroy`; `remove_stack` forgets the stack and its state.
  {
    tool: 'pulumi-automation',
    loads:
      /\bfrom\s+pulumi\s+import\s+automation\b|\bpulumi\.automation\b|['"]@pulumi\/pulumi\/automation['"]|\bLocalWorkspace\b/,
    verbs: /\.(remove_stack|removeStack)\s*\(/g,
  },
  // Proxmox VE's API wrappers: `ProxmoxAPI(…).nodes('pve1').qemu(101).delete()` is DELETE of that VM.
  {
    tool: 'proxmox-api',
    loads: /\b(?:import|from)\s+proxmoxer\b|['"](proxmox-api|proxmox)['"]/,
    // the JavaScript client names the HTTP verb `$delete()`
    verbs: /\.\$(delete)\s*\(/g,
  },
  // Vector databases and search engines: a dropped collection or index is the data itself.
  {
    tool: 'vector-db',
    loads:
      /\b(?:import|from)\s+(chromadb|pinecone|qdrant_client|pymilvus|weaviate|lancedb|deeplake|marqo|vecs|upstash_vector|turbopuffer|astrapy)\b|['"](chromadb|@pinecone-database\/pinecone|@qdrant\/js-client-rest|@zilliz\/milvus2-sdk-node|weaviate-client|weaviate-ts-client|@lancedb\/lancedb|@upstash\/vector|@turbopuffer\/turbopuffer|@datastax\/astra-db-ts)['"]/,
  },
  {
    tool: 'search-engine',
    loads:
      /\b(?:import|from)\s+(elasticsearch|opensearchpy|meilisearch|typesense|pysolr)\b|['"](@elastic\/elasticsearch|@opensearch-project\/opensearch|meilisearch|typesense)['"]/,
  },
  // Message brokers: a queue purged or deleted drops the messages it holds (pika's
  // `queue_purge`, amqplib's `purgeQueue`, Kafka admin clients' `delete_topics`, NATS streams).
  {
    tool: 'message-broker',
    loads:
      /\b(?:import\s+(?:[\w.]+\s*,\s*)*|from\s+)(pika|aio_pika|aiormq|kombu|kafka|confluent_kafka|aiokafka|nats)\b|['"](amqplib|amqplib\/callback_api|amqp-connection-manager|kafkajs|nats|bunny)['"]|\bBunny\.|['"]github\.com\/(IBM|Shopify)\/sarama['"]|['"]github\.com\/(nats-io\/nats\.go|segmentio\/kafka-go|confluentinc\/confluent-kafka-go|rabbitmq\/amqp091-go|streadway\/amqp)[\w/.]*['"]/,
    // Go clients name them in PascalCase (sarama `DeleteTopic`, nats `DeleteStream`, amqp `QueuePurge`)
    verbs:
      /\.(queue_purge|queue_delete|exchange_delete|purgeQueue|deleteQueue|deleteExchange|delete_topics|deleteTopics|delete_stream|deleteStream|purge_stream|QueuePurge|QueueDelete|ExchangeDelete|PurgeStream)\s*\(/g,
  },
  // Job queues: clearing, purging or draining a queue drops the jobs it holds (Sidekiq's
  // `Sidekiq::Queue.all.each(&:clear)`, BullMQ's `queue.obliterate()`, Celery's `purge()`).
  {
    tool: 'job-queue',
    loads:
      /\bSidekiq::|\bResque(?:::|\.)|\bOban\.|\bFaktory::|['"]faktory-worker['"]|\b(?:import|from)\s+faktory\b|\brequire\s*\(?\s*['"](sidekiq|resque)[\w/]*['"]|['"](bullmq|bull|bee-queue)['"]|\b(?:import|from)\s+(celery|rq|dramatiq|huey)\b|\bfrom\s+[\w.]+\.celery\s+import\b/,
    // huey's and Faktory's `flush()` empty the queue and its results (not a stream's `sys.stdout.flush()`);
    // Oban's `cancel_all_jobs` cancels every job the query matches.
    verbs:
      /(?:\.|&:)(?<!\b(?:stdout|stderr|file|fh?|out|stream)\.)(clear|purge|obliterate|drain|remove_queue|delete_all|discard_all|empty|clean|kill_all|flush|cancel_all_jobs)(?![\w?!=])/g,
  },
  // Last, any other API client package of Node (`@netlify/api`, `@slack/web-api`, `fly-admin-sdk`,
  // `@acme/sdk`) or Python (`netlify_api`, `render_sdk`): its destructive methods
  // (`deleteSite`, `delete_service`) act on the service it fronts.
  {
    tool: 'api-sdk',
    loads: new RegExp(
      `${pyImport('\\w+_(?:api|sdk)').source}|(?:\\brequire\\s*\\(\\s*|\\bfrom\\s+|\\bimport\\s*\\(?\\s*)['"](?:@[\\w.-]+\\/(?:[\\w.-]+-)?(?:api|sdk)|[\\w.-]+-(?:api|sdk)(?:-js|-node)?)['"]`,
    ),
  },
];

/** Code of no named SDK that builds a client from a secret (cloud-sdk-clients.ts): compound verbs only. */
const CREDENTIAL_CLIENT: (typeof SDKS)[number] = { tool: 'api-client', loads: /$^/ };

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
    SDKS.find((s) => s.loads.test(code)) ?? (buildsClientFromSecret(code) ? CREDENTIAL_CLIENT : undefined);
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
  for (const re of [...calls, ...(sdk.verbs ? [sdk.verbs] : [])])
    for (const m of code.matchAll(re)) {
      const name = m[1] ?? '';
      if (scratch.has((m.index ?? 0) + m[0].indexOf(name) + name.length)) continue;
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
