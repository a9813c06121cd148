/**
 * Cloud SDKs and data-store clients called from inline interpreter code
 * (src/extract/cloud-sdk.ts, and the store clients of src/extract/sql-orm.ts): a
 * destructive call in code that loads an SDK is asked like the CLI it replaces; reads and
 * uploads are not, and neither is a destructive-looking call in code that loads no SDK.
 * Through the real pipeline with one pack loaded.
 */
import { describe, expect, it } from 'vitest';
import { readSdk } from '../../src/extract/cloud-sdk.js';
import { commandBuilder, packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const databases = await packVerdict('databases');
const ASK = 'ask saas/unknown-cli-destroy';
const cmd = commandBuilder();

describe('cloud SDK calls in inline code (saas pack)', () => {
  it.each([
    [`python3 -c "import boto3; boto3.client('rds').delete_db_instance(DBInstanceIdentifier='prod')"`, ASK],
    [`python3 -c "import boto3; boto3.client('ec2').terminate_instances(InstanceIds=['i-1'])"`, ASK],
    [`python3 -c "import boto3; boto3.resource('dynamodb').Table('Orders').delete()"`, ASK],
    [`node -e "const AWS=require('aws-sdk'); new AWS.S3().deleteBucket({Bucket:'b'}).promise()"`, ASK],
    [
      `node -e "const {S3Client, DeleteBucketCommand}=require('@aws-sdk/client-s3'); new S3Client({}).send(new DeleteBucketCommand({Bucket:'b'}))"`,
      ASK,
    ],
    [`python3 -c "from google.cloud import storage; storage.Client().bucket('b').delete(force=True)"`, ASK],
    [
      `python3 -c "from azure.mgmt.resource import ResourceManagementClient; c.resource_groups.begin_delete('rg')"`,
      ASK,
    ],
    // code on stdin (a heredoc) is read the same way
    [`python3 - <<'EOF'\nimport boto3\nboto3.client('sqs').purge_queue(QueueUrl='q')\nEOF`, ASK],
    // reads, uploads, and no SDK loaded
    [`python3 -c "import boto3; print(boto3.client('ec2').describe_instances())"`, 'allow'],
    [`python3 -c "import boto3; boto3.client('s3').upload_file('r.csv', 'reports', 'r.csv')"`, 'allow'],
    [
      `node -e "const {S3Client, ListBucketsCommand}=require('@aws-sdk/client-s3'); new S3Client({}).send(new ListBucketsCommand({}))"`,
      'allow',
    ],
    [`python3 -c "d = {}; d.setdefault('a', 1); cache.delete('k')"`, 'allow'],
    [`node -e "const m = new Map([[1, 2]]); m.delete(1)"`, 'allow'],
    // an SDK no table names: a client built from a secret, and a compound destructive method
    [
      `node -e "const { NetlifyAPI } = require('@netlify/api'); new NetlifyAPI(process.env.NETLIFY_AUTH_TOKEN).deleteSite({ site_id: 'x' })"`,
      ASK,
    ],
    [`ruby -e 'Acme::Client.new(token: ENV.fetch("ACME_TOKEN")).destroy_project("p1")'`, ASK],
    [
      `node -e "const { NetlifyAPI } = require('@netlify/api'); new NetlifyAPI(process.env.NETLIFY_AUTH_TOKEN).listSites()"`,
      'allow',
    ],
    [
      `node -e "const c = new Acme(process.env.ACME_TOKEN); const m = new Map(); m.delete(1); c.end()"`,
      'allow',
    ],
    [`node -e "const db = connect(process.env.PORT); db.deleteAll()"`, 'allow'],
    // clearing a store and making data public, in code that loads an SDK
    [
      `node -e "const { QueueServiceClient } = require('@azure/storage-queue'); QueueServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING).getQueueClient('q').clearMessages()"`,
      ASK,
    ],
    [
      `node -e "const { Storage } = require('@google-cloud/storage'); new Storage().bucket('exports').makePublic({ includeFiles: true })"`,
      ASK,
    ],
    [
      `node -e "const { Storage } = require('@google-cloud/storage'); const t = setTimeout(f, 9); clearTimeout(t); new Storage().bucket('b').getFiles()"`,
      'allow',
    ],
    [`ruby -rfaktory -e 'Faktory::Client.new(url: ENV.fetch("FAKTORY_URL")).flush'`, ASK],
    [`ruby -rfaktory -e 'Faktory::Client.new.push({"jobtype" => "Report", "args" => [1]})'`, 'allow'],
    // .NET: a namespace imported, a script's package reference, or an SDK client built
    [
      `dotnet script eval 'using Azure.ResourceManager; var rg = (await sub.GetResourceGroupAsync("prod-rg")).Value; await rg.DeleteAsync(WaitUntil.Completed);'`,
      ASK,
    ],
    [`csi -e 'var c = new BlobContainerClient(conn, "backups"); await c.DeleteAsync();'`, ASK],
    [`dotnet script eval 'var s3 = new AmazonS3Client(); await s3.DeleteBucketAsync("prod");'`, ASK],
    [
      `dotnet script eval '#r "nuget: Google.Cloud.Storage.V1"\nvar gcs = StorageClient.Create(); await gcs.DeleteBucketAsync("exports");'`,
      ASK,
    ],
    [
      `dotnet script - <<'EOF'\nvar svc = new BlobServiceClient(conn);\nawait svc.DeleteBlobContainerAsync("prod-data");\nEOF`,
      ASK,
    ],
    [
      `dotnet script eval 'var arm = new ArmClient(new DefaultAzureCredential()); await foreach (var rg in sub.GetResourceGroups()) Console.WriteLine(rg.Data.Name);'`,
      'allow',
    ],
    [
      `dotnet script eval 'var c = new BlobContainerClient(conn, "x"); await c.CreateIfNotExistsAsync();'`,
      'allow',
    ],
    [`dotnet test --filter DeleteAsyncTests`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });

  // Vector databases and search engines: a dropped collection or index is the data itself.
  it.each([
    [`python3 -c "import chromadb; chromadb.PersistentClient(path='db').delete_collection('docs')"`, ASK],
    [
      `python3 -c "from qdrant_client import QdrantClient; QdrantClient('localhost').delete_collection('docs')"`,
      ASK,
    ],
    [`python3 -c "from pinecone import Pinecone; Pinecone().delete_index('prod')"`, ASK],
    [`python3 -c "from pymilvus import utility; utility.drop_collection('book')"`, ASK],
    [`python3 -c "import weaviate; weaviate.connect_to_local().collections.delete_all()"`, ASK],
    [
      `python3 -c "from elasticsearch import Elasticsearch; Elasticsearch().indices.delete(index='orders')"`,
      ASK,
    ],
    [
      `node -e "const {Client}=require('@elastic/elasticsearch'); new Client({}).indices.delete({index:'o'})"`,
      ASK,
    ],
    [
      `node -e "const {MeiliSearch}=require('meilisearch'); new MeiliSearch({}).deleteIndex('products')"`,
      ASK,
    ],
    [`python3 -c "import deeplake; deeplake.delete('hub://acme/prod-embeddings', force=True)"`, ASK],
    [`node -e "const {Index}=require('@upstash/vector'); new Index().deleteNamespace('prod')"`, ASK],
    // reads and writes of the same clients
    [`python3 -c "import deeplake; print(len(deeplake.load('hub://acme/prod-embeddings')))"`, 'allow'],
    [`python3 -c "import chromadb; print(chromadb.PersistentClient(path='db').list_collections())"`, 'allow'],
    [
      `python3 -c "from elasticsearch import Elasticsearch; Elasticsearch().index(index='o', document={})"`,
      'allow',
    ],
    [
      `node -e "const {QdrantClient}=require('@qdrant/js-client-rest'); new QdrantClient({}).getCollections()"`,
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });

  it('code that loads an SDK but is too large to read call by call is asked (fail closed)', () => {
    // Only stdin can carry that much (a script is limited to 128 KiB): `cat big.py | python3 -`.
    const text = `import boto3\n${'x = 1\n'.repeat(50_000)}`;
    const big = cmd(['python3', '-'], { stdin: { kind: 'pipe', text } });
    expect(readSdk(big).map((d) => [d.tool, d.verb, d.generic])).toEqual([
      ['boto3', 'code-too-large-to-read', true],
    ]);
    // control: the same code without the SDK import is not read here
    expect(readSdk(cmd(['python3', '-'], { stdin: { kind: 'pipe', text: text.slice(13) } }))).toEqual([]);
  });
});

describe('generic REST clients deleting at an API path (saas pack)', () => {
  it.each([
    [
      `python3 -c "import ovh; ovh.Client(endpoint='ovh-eu').delete('/cloud/project/5d1c/instance/9b3a')"`,
      ASK,
    ],
    [
      `python3 -c "import ovh; c = ovh.Client(endpoint='ovh-eu'); c.delete('/domain/zone/example.com/record/1')"`,
      ASK,
    ],
    [
      `node -e "const api = require('axios').create({baseURL: 'https://api.example.com'}); api.delete('/v1/users/42')"`,
      ASK,
    ],
    [`ruby -e 'conn = Faraday.new(url: "https://api.example.com"); conn.delete("/v1/volumes/7")'`, ASK],
    // reads, routes declared, test clients, and keys of local objects
    [`python3 -c "import ovh; print(ovh.Client().get('/me'))"`, 'allow'],
    [
      `node -e "const app = require('express')(); app.delete('/items/:id', (q, r) => r.end()); app.listen(3000)"`,
      'allow',
    ],
    [
      `python3 -c "from fastapi.testclient import TestClient; from main import app; TestClient(app).delete('/items/1')"`,
      'allow',
    ],
    [`python3 -c "cache.delete('/api/users'); d = {}; d.pop('/x', None)"`, 'allow'],
    [`ruby -e 'paths = ["/usr/lib"]; paths.delete("/usr/lib"); p paths'`, 'allow'],
    [`python3 -c "client.delete('cache-key')"`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('document and key-value store clients in inline code (databases pack)', () => {
  it.each([
    [
      `python3 -c "import pymongo; pymongo.MongoClient('mongodb://prod').drop_database('shop')"`,
      'ask databases/drop-database',
    ],
    [`node -e "require('mongodb'); client.db('shop').dropDatabase()"`, 'ask databases/drop-database'],
    [`python3 -c "import redis; redis.Redis(host='cache').flushall()"`, 'ask databases/keyvalue-flush'],
    [`python3 - <<'EOF'\nimport redis\nredis.Redis().flushdb()\nEOF`, 'ask databases/keyvalue-flush'],
    [`python3 -c "import redis; print(redis.Redis().ping())"`, 'allow'],
    [
      `python3 -c "from pymemcache.client.base import Client; Client(('memcache.prod', 11211)).flush_all()"`,
      'ask databases/keyvalue-flush',
    ],
    [
      `python3 -c "from neo4j import GraphDatabase; GraphDatabase.driver(u).session().run('MATCH (n) DETACH DELETE n')"`,
      'ask databases/unfiltered-delete-or-update',
    ],
    [
      `python3 -c "from influxdb_client import InfluxDBClient; c.delete_api().delete('1970-01-01T00:00:00Z', '2030-01-01T00:00:00Z', '', bucket='prod')"`,
      'ask databases/unfiltered-delete-or-update',
    ],
    [
      `python3 -c "from pymemcache.client.base import Client; print(Client(('localhost', 11211)).stats())"`,
      'allow',
    ],
    [
      `python3 -c "from neo4j import GraphDatabase; GraphDatabase.driver(u).session().run('MATCH (n) RETURN n LIMIT 5')"`,
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    expect(databases(script)).toBe(expected);
  });
});

describe('more SDKs: cloud providers, SaaS, RethinkDB, verbs inside a method name (saas pack)', () => {
  it.each([
    [
      `python3 -c "import oci; c = oci.core.ComputeClient(oci.config.from_file()); c.terminate_instance('ocid1.instance.oc1..x')"`,
      ASK,
    ],
    // an import list (`import os, pydo`) loads the SDK too
    [
      `python3 -c "import os, pydo; pydo.Client(token='t').droplets.destroy_by_tag(tag_name='production')"`,
      ASK,
    ],
    [`python3 -c "import linode_api4; linode_api4.LinodeClient('t').instances()[0].delete()"`, ASK],
    // the verb as a word of the method name: recursive_delete, recursiveDelete, db_drop, dbDrop
    [
      `python3 -c "from google.cloud import firestore; db = firestore.Client(); db.recursive_delete(db.collection('users'))"`,
      ASK,
    ],
    [
      `node -e "const {Firestore}=require('@google-cloud/firestore'); const db=new Firestore(); db.recursiveDelete(db.collection('users'))"`,
      ASK,
    ],
    [`python3 -c "from rethinkdb import r; print(r.db_drop('app').run(r.connect('db', 28015)))"`, ASK],
    [`python3 -c "from rethinkdb import r; r.db('app').table_drop('users').run(r.connect())"`, ASK],
    [`python3 -c "from rethinkdb import r; r.table('users').delete().run(r.connect())"`, ASK],
    [`node -e "const r=require('rethinkdb'); r.dbDrop('app').run(conn)"`, ASK],
    // SaaS SDKs: remove / del of a resource
    [`node -e "const {Resend}=require('resend'); new Resend(process.env.K).domains.remove('d91cd9bd')"`, ASK],
    [`node -e "const {Resend}=require('resend'); new Resend(process.env.K).apiKeys.remove('k1')"`, ASK],
    [`node -e "const Stripe=require('stripe'); Stripe(process.env.K).customers.del('cus_1')"`, ASK],
    // reads and writes of the same clients
    [
      `python3 -c "import oci; c = oci.core.ComputeClient(oci.config.from_file()); print(c.get_instance('x').data)"`,
      'allow',
    ],
    [`python3 -c "import os, pydo; print(pydo.Client(token='t').droplets.list())"`, 'allow'],
    [
      `python3 -c "from google.cloud import firestore; print(firestore.Client().collection('u').get())"`,
      'allow',
    ],
    [`python3 -c "from rethinkdb import r; print(r.table('t').run(r.connect()))"`, 'allow'],
    [
      `node -e "const {Resend}=require('resend'); new Resend(process.env.K).emails.send({to:'a@example.com'})"`,
      'allow',
    ],
    [`node -e "const Stripe=require('stripe'); Stripe(process.env.K).customers.list()"`, 'allow'],
    // a name that only contains a verb's letters, and remove() without a SaaS SDK
    [
      `python3 -c "import oci; print(oci.core.ComputeClient(c).list_instances(x, lifecycle_state='deleted'))"`,
      'allow',
    ],
    [`node -e "document.querySelector('#x').remove()"`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('wide-column drivers in inline code (databases pack)', () => {
  it.each([
    [
      `python3 -c "from cassandra.cluster import Cluster; Cluster(['scylla-1']).connect().execute('DROP KEYSPACE analytics')"`,
      'ask databases/drop-database',
    ],
    [
      `node -e "const c=require('cassandra-driver'); new c.Client({}).execute('DROP KEYSPACE analytics')"`,
      'ask databases/drop-database',
    ],
    [
      `python3 -c "from cassandra.cluster import Cluster; print(Cluster(['h']).connect().execute('SELECT * FROM ks.t'))"`,
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    expect(databases(script)).toBe(expected);
  });
});

describe('SDK calls in programs the script wrote and runs (saas and databases packs)', () => {
  const goMain = (imp: string, body: string) =>
    `mkdir -p /tmp/p && cd /tmp/p && cat > main.go <<'EOF'\npackage main\nimport (\n\t"context"\n\t"${imp}"\n)\nfunc main() {\n\tctx := context.Background()\n\t${body}\n}\nEOF\ngo run .`;
  it.each([
    [
      goMain(
        'github.com/digitalocean/godo',
        'godo.NewFromToken("t").Droplets.DeleteByTag(ctx, "production")',
      ),
      ASK,
    ],
    [
      goMain(
        'code.gitea.io/sdk/gitea',
        'c, _ := gitea.NewClient("https://git.example.com"); c.DeleteRepo("org", "app")',
      ),
      ASK,
    ],
    [
      goMain('github.com/IBM/sarama', 'a, _ := sarama.NewClusterAdmin(nil, nil); a.DeleteTopic("orders")'),
      ASK,
    ],
    [
      goMain(
        'github.com/nats-io/nats.go',
        'nc, _ := nats.Connect("nats://n:4222"); js, _ := nc.JetStream(); js.DeleteStream("ORDERS")',
      ),
      ASK,
    ],
    [
      `cat > /tmp/j.py <<'EOF'\nimport boto3\nboto3.client('rds').delete_db_instance(DBInstanceIdentifier='prod')\nEOF\npython3 /tmp/j.py`,
      ASK,
    ],
    // reads and creates, a map's Delete in code that loads no SDK, a program on disk not written here
    [goMain('github.com/digitalocean/godo', 'godo.NewFromToken("t").Droplets.List(ctx, nil)'), 'allow'],
    [
      goMain(
        'github.com/IBM/sarama',
        'a, _ := sarama.NewClusterAdmin(nil, nil); a.CreateTopic("orders", nil, false)',
      ),
      'allow',
    ],
    [goMain('sync', 'var m sync.Map; m.Delete("k"); _ = ctx'), 'allow'],
    ['cd /tmp/p && go run .', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });

  it.each([
    [
      goMain('gorm.io/gorm', 'db, _ := gorm.Open(nil, nil); db.Migrator().DropTable("users"); _ = ctx'),
      'FLUSH-or-DROP',
    ],
    [
      `cd /tmp/d && cat > Program.cs <<'EOF'\nusing StackExchange.Redis;\nvar mux = ConnectionMultiplexer.Connect("cache:6379,allowAdmin=true");\nforeach (var ep in mux.GetEndPoints()) mux.GetServer(ep).FlushAllDatabases();\nEOF\ndotnet run`,
      'FLUSH-or-DROP',
    ],
    [
      goMain('gorm.io/gorm', 'db, _ := gorm.Open(nil, nil); db.Migrator().HasTable("users"); _ = ctx'),
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    const got = databases(script);
    if (expected === 'allow') expect(got).toBe('allow');
    else expect(got).not.toBe('allow');
  });
});
