/**
 * Clients of SDKs no table names (src/extract/cloud-sdk-generic.ts): a destroying method on a
 * client obtained from a third-party module, on what it handed back or on the items of a
 * listing, and fsspec-style deletes of remote storage URLs; through the real pipeline with
 * the saas pack (heredocs, `-c`, a written file run, sudo and timeout wrappers), and the
 * reader itself for what a call amounts to (verb, resource, bulk).
 */
import { describe, expect, it } from 'vitest';
import { genericSdkCalls } from '../../src/extract/cloud-sdk-generic.js';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';
const py = (code: string) => `python3 - <<'EOF'\n${code}\nEOF`;

describe('destroying calls through SDK clients no table names', () => {
  it.each([
    // a compound method on the client, fed by a listing of the same client
    py(
      'import smartsheet\nsmart = smartsheet.Smartsheet()\nfor sheet in smart.Sheets.list_sheets(include_all=True).data:\n    smart.Sheets.delete_sheet(sheet.id)',
    ),
    py(
      'from smartsheet import Smartsheet\nss = Smartsheet()\nsheets = ss.Sheets.list_sheets().data\nfor s in sheets:\n    ss.Sheets.delete_sheet(s.id)',
    ),
    py(
      'import mlflow\nclient = mlflow.MlflowClient()\nfor m in client.search_registered_models():\n    client.delete_registered_model(m.name)',
    ),
    py(
      'from langsmith import Client\nclient = Client()\n[client.delete_dataset(dataset_id=d.id) for d in client.list_datasets()]',
    ),
    `python3 -c "from huggingface_hub import HfApi; HfApi().delete_repo('acme/prod-model')"`,
    // a bare verb on a namespace of the client, or on the items a listing hands back
    py(
      'import anthropic\nclient = anthropic.Anthropic()\nfor f in client.beta.files.list():\n    client.beta.files.delete(f.id)',
    ),
    py(
      'import argilla as rg\nclient = rg.Argilla(api_url="https://argilla.example.net")\nfor ds in client.datasets:\n    ds.delete()',
    ),
    py('import wandb\napi = wandb.Api()\nfor run in api.runs("acme/prod"):\n    run.delete()'),
    py('import comet_ml\nwith comet_ml.API() as api:\n    api.get_experiment("acme", "prod", "e1").delete()'),
    `node -e "const { Mistral } = require('@mistralai/mistralai'); const c = new Mistral({ apiKey: process.env.MISTRAL_API_KEY }); (async () => { for (const f of (await c.files.list()).data) await c.files.delete({ fileId: f.id }); })()"`,
    `node -e "import Acme from 'acme-cloud'; const acme = new Acme({ token: 't' }); (await acme.projects.list()).forEach((p) => acme.projects.remove(p.id))"`,
    // fsspec-style file systems: a tree under a remote URL, a bucket named without a scheme
    `python3 -c "import s3fs; s3fs.S3FileSystem().rm('s3://acme-prod-datalake/', recursive=True)"`,
    `python3 -c "import gcsfs; fs = gcsfs.GCSFileSystem(project='acme'); fs.rm('gs://acme-models', recursive=True)"`,
    py(
      'from adlfs import AzureBlobFileSystem\nAzureBlobFileSystem(account_name="acme").rm("abfs://prod/warehouse", recursive=True)',
    ),
    py('import s3fs\nfs = s3fs.S3FileSystem()\nfor p in fs.ls("acme-logs/2024"):\n    fs.rm_file(p)'),
    `timeout 300 python3 -c 'import s3fs; s3fs.S3FileSystem(profile="prod").delete("acme-exports", recursive=True)'`,
    `cat > wipe.py <<'EOF'\nimport fsspec\nfs = fsspec.filesystem("s3")\nfs.rm("s3://acme-backups/db/", recursive=True)\nEOF\npython3 wipe.py`,
    `sudo -u app python3 -c "import pyarrow.fs as pafs; pafs.HadoopFileSystem('nn').delete_dir('hdfs://nn/warehouse')"`,
    // a verb after its object, a module's own compound function, a remote tree
    py(
      'import slack_sdk\nclient = slack_sdk.WebClient(token="xoxb-fake")\nclient.chat_delete(channel="C1", ts="1")',
    ),
    py(
      'import mlflow\nfor r in mlflow.search_runs(output_format="list"):\n    mlflow.delete_run(r.info.run_id)',
    ),
    py('import pysftp\nwith pysftp.Connection("h", username="u") as sftp:\n    sftp.rmtree("/srv/data")'),
    py('from kubernetes import client, config\nv1 = client.CoreV1Api()\nv1.delete_namespace("prod")'),
    // a client handed in by name, or held in an object's field
    py(
      'import anthropic\ndef wipe(client):\n    for f in client.beta.files.list():\n        client.beta.files.delete(f.id)\nwipe(anthropic.Anthropic())',
    ),
    `node -e "const Acme = require('acme-rest'); class W { constructor() { this.api = new Acme({ apiKey: 'k' }); } async run() { for (const r of await this.api.records()) await this.api.deleteRecord(r.id); } }"`,
    // a resource class of the module, and a remote file server of Python's standard library
    `python3 -c "import acmecloud; acmecloud.Project.delete('p-1')"`,
    py(
      'import ftplib\nftp = ftplib.FTP("ftp.example.net")\nftp.login()\nfor n in ftp.nlst():\n    ftp.delete(n)',
    ),
    // Ruby: a gem loaded by `-r` or `require`, its constant camel-cased, a listing's items in a block
    `ruby -rdropbox_api -e 'c = DropboxApi::Client.new(ENV["DROPBOX_TOKEN"]); c.list_folder("").entries.each { |e| c.delete(e.path_lower) }'`,
    `ruby -e 'require "google/apis/drive_v3"; s = Google::Apis::DriveV3::DriveService.new; s.list_files.files.each { |f| s.delete_file(f.id) }'`,
    `ruby -e 'require "boxr"; c = Boxr::Client.new(ENV["BOX_TOKEN"]); c.folder_items(Boxr::ROOT).each do |i| c.delete_file(i) end'`,
  ])('%s asks', (script) => {
    expect(saas(script)).toBe(ASK);
  });

  it.each([
    // reads, listings, downloads
    py(
      'import anthropic\nclient = anthropic.Anthropic()\nfor f in client.beta.files.list():\n    print(f.id)',
    ),
    `python3 -c "import s3fs; fs = s3fs.S3FileSystem(); print(fs.ls('s3://acme-prod-datalake/'))"`,
    `python3 -c "import s3fs; s3fs.S3FileSystem().get('s3://acme/report.csv', 'report.csv')"`,
    py('import mlflow\nclient = mlflow.MlflowClient()\nprint(client.download_artifacts("run1", "model"))'),
    py(
      'import argilla as rg\nclient = rg.Argilla(api_url="https://argilla.example.net")\nfor ds in client.datasets:\n    print(ds.records.to_list())',
    ),
    // the program's own lists, sets, dicts and temporary files
    py(
      'import openai\nclient = openai.OpenAI()\nids = [f.id for f in client.files.list()]\nids.remove(ids[0])\nseen = set(ids)\nseen.remove(ids[-1])\ncache = {}\ncache.pop("k", None)',
    ),
    py(
      'import os, tempfile\nimport smartsheet\nsmart = smartsheet.Smartsheet()\ntmp = tempfile.mkdtemp()\nsmart.Sheets.get_sheet_as_csv(1, tmp)\nos.remove(os.path.join(tmp, "sheet.csv"))',
    ),
    py(
      'import openai\nclient = openai.OpenAI()\nsheets = client.files.list().data\nsheets.remove(sheets[0])',
    ),
    // a local file system in the temporary directory or the workspace
    py('import fsspec\nfs = fsspec.filesystem("file")\nfs.rm("/tmp/scratch-run", recursive=True)'),
    py(
      'from fsspec.implementations.local import LocalFileSystem\nLocalFileSystem().rm("build/cache", recursive=True)',
    ),
    // libraries of this program's own data, a module function, event plumbing, a test client
    py('import networkx as nx\nG = nx.Graph()\nG.add_node(1)\nG.remove_node(1)'),
    py('import openpyxl\nwb = openpyxl.load_workbook("r.xlsx")\nws = wb.active\nws.delete_rows(1)'),
    `python3 -c "import somelib; somelib.delete('k')"`,
    `node -e "const { Client } = require('acme-sdk-lite'); const c = new Client(); c.removeListener('x', f); c.on('error', f)"`,
    `python3 -c "from fastapi.testclient import TestClient; from main import app; TestClient(app).delete('/items/1')"`,
    py('import sentry_sdk\nwith sentry_sdk.push_scope() as scope:\n    scope.remove_tag("x")'),
    py(
      'import slack_sdk\nclient = slack_sdk.WebClient(token="xoxb-fake")\nclient.chat_postMessage(channel="C1", text="done")',
    ),
    `node -e "const { Client } = require('acme-rest'); const c = new Client(); c.on_delete(f); c.onDelete(f); c.canDelete('x')"`,
    // a remote URL in a list of the program, removed from it
    `python3 -c "urls = ['s3://a/b']; urls.remove('s3://a/b')"`,
    // Ruby: listings and downloads, and the standard library's own files
    `ruby -rdropbox_api -e 'c = DropboxApi::Client.new(ENV["DROPBOX_TOKEN"]); c.list_folder("").entries.each { |e| puts e.path_lower }'`,
    `ruby -e 'require "google/apis/drive_v3"; s = Google::Apis::DriveV3::DriveService.new; s.list_files.files.each { |f| puts f.name }'`,
    `ruby -rfileutils -e 'Dir.glob("tmp/*.log").each { |f| FileUtils.remove_file(f) }'`,
    `ruby -e 'require "json"; h = JSON.parse("{}"); h.keys.each { |k| h.delete(k) }'`,
  ])('%s is allowed', (script) => {
    expect(saas(script)).toBe('allow');
  });
});

describe('what a call through such a client amounts to', () => {
  const read = (code: string) =>
    genericSdkCalls(code).map((d) => [d.tool, d.verb, d.resource, d.all ? 'all' : 'one'].join('|'));
  it.each<[string, string[]]>([
    [
      'import acme_sheets\nc = acme_sheets.Client()\nfor s in c.sheets.list():\n    c.sheets.delete(s.id)',
      ['acme_sheets|delete||all'],
    ],
    [
      `import acme_sheets\nc = acme_sheets.Client()\nc.delete_sheet('q1')`,
      ['acme_sheets|delete-sheet|q1|one'],
    ],
    [`import s3fs\ns3fs.S3FileSystem().rm('s3://b/x', recursive=True)`, ['s3fs|rm|s3://b/x|all']],
    [
      `const { Vendor } = require('@vendor/client');\nconst v = new Vendor({ apiKey: k });\nawait v.bulkDeleteUsers(['u1'])`,
      ['@vendor/client|bulk-delete-users||one'],
    ],
    // any receiver deleting a remote storage URL
    [`fs = get_fs()\nfs.rm('gs://bucket/tree', recursive=True)`, ['storage-client|rm|gs://bucket/tree|all']],
    [`import acme_sheets\nc = acme_sheets.Client()\nc.sheets.get('q1')`, []],
  ])('%s', (code, want) => {
    expect(read(code)).toEqual(want);
  });
});
