/**
 * The cloud, SaaS and data-service SDKs that inline code can load, and how cloud-sdk.ts knows
 * one is loaded: the module the code imports or requires (`import boto3`, `'@aws-sdk/client-s3'`,
 * `using Azure.`, `require('bullmq')`, a Go import path), with the destroying methods an SDK
 * names beyond the shared verbs (a job queue's `obliterate`, a broker's `queue_purge`,
 * gitbeaker's `Projects.remove`). Ruby's and VMware's resource-style SDKs come first
 * (cloud-sdk-resources.ts); the last entry is any other API client package.
 */
import { RESOURCE_SDKS, type ResourceSdk } from './cloud-sdk-resources.js';

/** Azure's .NET clients (`new BlobContainerClient(…)`), whose methods delete what they front. */
const AZURE_DOTNET_CLIENTS =
  'ArmClient|BlobServiceClient|BlobContainerClient|BlobClient|BlockBlobClient|ShareServiceClient|ShareClient|QueueServiceClient|QueueClient|TableServiceClient|TableClient|CosmosClient|SecretClient|KeyClient|CertificateClient|ServiceBusAdministrationClient|DataLakeServiceClient|DataLakeFileSystemClient|DataLakeDirectoryClient';

/** `import a, b` / `from a.b import c` of one of `mods` (a `|` list) in Python code. */
function pyImport(mods: string): RegExp {
  return new RegExp(`\\b(?:import\\s+(?:[\\w.]+(?:\\s+as\\s+\\w+)?\\s*,\\s*)*|from\\s+)(?:${mods})\\b`);
}

/**
 * A SaaS SDK's destructive verbs that are not delete/destroy: its clients' `remove` and `del`
 * (Resend's `domains.remove`, Stripe's `customers.del`); Stripe's cancels of what bills or pays
 * (`Subscription.cancel`, `subscriptions.cancel`, `SubscriptionSchedule.cancel`,
 * `PaymentIntent.cancel`, `Payout.cancel`, a subscription object's `sub.cancel()`), its voided or
 * written-off invoices (`void_invoice`, `voidInvoice`, `mark_uncollectible`), a rejected connected
 * account (`Account.reject`) and a detached payment method (`PaymentMethod.detach`): in Python,
 * Node and Ruby spellings, called with parentheses or (Ruby) with a quoted argument.
 */
const STRIPE_CANCELLED =
  'Subscription|subscriptions|SubscriptionSchedule|subscriptionSchedules|subscription_schedules|PaymentIntent|paymentIntents|payment_intents|SetupIntent|setupIntents|setup_intents|Payout|payouts|Quote|quotes|Topup|topups|sub|subscription';
const SAAS_VERBS = new RegExp(
  '\\.(remove|del|void_invoice|voidInvoice|mark_uncollectible|markUncollectible|' +
    `(?<=\\b(?:${STRIPE_CANCELLED})\\.)cancel|(?<=\\b(?:Account|accounts)\\.)reject|` +
    '(?<=\\b(?:PaymentMethod|paymentMethods|payment_methods)\\.)detach)(?:\\s*\\(|[ \\t]+(?=[\'"]))',
  'g',
);

/**
 * The SDK a piece of code loads, by the module it imports; first match wins. An entry's `verbs`:
 * methods that destroy for this SDK beyond the shared verbs, called with or without parentheses
 * or as `&:name`; absent = none.
 */
export const NAMED_SDKS: ResourceSdk[] = [
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
    verbs: SAAS_VERBS,
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
