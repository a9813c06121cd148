import { analyzeContext, command, packVerdict } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { CloudFact, NormalizedCommand } from '../../src/engine/types.js';
import { extractCloud } from '../../src/extract/cloud.js';

const ctx = analyzeContext();
const cmd = (argv: string[], dynamicArgs: number[] = []): NormalizedCommand => command(argv, { dynamicArgs });
const cloud = (argv: string[], dyn: number[] = []) => {
  const [f] = extractCloud(cmd(argv, dyn), ctx, []) as Omit<CloudFact, 'command'>[];
  return f ? [f.tool, f.service, f.verb, f.resource, f.all, f.force] : undefined;
};
const w = (s: string) => s.split(' ');

describe('destructive verbs', () => {
  it.each<[string, (string | boolean)[], number[]?]>([
    ['aws s3 rb s3://prod-backups --force', ['aws', 's3', 'rb', 's3://prod-backups', false, true]],
    ['aws s3 rm s3://b/logs --recursive', ['aws', 's3', 'rm', 's3://b/logs', true, false]],
    [
      'aws --profile prod s3api delete-bucket --bucket assets',
      ['aws', 's3api', 'delete-bucket', 'assets', false, false],
    ],
    [
      'aws ec2 terminate-instances --instance-ids i-0abc123',
      ['aws', 'ec2', 'terminate-instances', 'i-0abc123', false, false],
    ],
    [
      'aws rds delete-db-instance --db-instance-identifier main --skip-final-snapshot',
      ['aws', 'rds', 'delete-db-instance', 'main', false, true],
    ],
    [
      'aws dynamodb delete-table --table-name Orders --region eu-west-1',
      ['aws', 'dynamodb', 'delete-table', 'Orders', false, false],
    ],
    [
      'aws kms schedule-key-deletion --key-id k1 --pending-window-in-days 7',
      ['aws', 'kms', 'schedule-key-deletion', 'k1', false, false],
    ],
    ['aws s3 sync ./site s3://www --delete', ['aws', 's3', 'sync --delete', 's3://www', false, false]],
    ['gsutil -m rm -r gs://bucket/path', ['gsutil', '', 'rm', 'gs://bucket/path', true, false]],
    ['gsutil rb gs://old', ['gsutil', '', 'rb', 'gs://old', false, false]],
    ['gcloud projects delete acme-prod --quiet', ['gcloud', 'projects', 'delete', 'acme-prod', false, true]],
    [
      'gcloud compute disks delete data-disk --zone us-central1-a -q',
      ['gcloud', 'compute disks', 'delete', 'data-disk', false, true],
    ],
    ['gcloud sql instances delete db1', ['gcloud', 'sql instances', 'delete', 'db1', false, false]],
    [
      'gcloud billing projects unlink acme-prod',
      ['gcloud', 'billing projects', 'unlink', 'acme-prod', false, false],
    ],
    ['az group delete --name prod-rg --yes --no-wait', ['az', 'group', 'delete', 'prod-rg', false, true]],
    ['kubectl delete pvc --all -n prod', ['kubectl', 'pvc', 'delete', '', true, false]],
    ['kubectl -n prod delete namespace payments', ['kubectl', 'ns', 'delete', 'payments', false, false]],
    [
      'kubectl delete deploy/api --force --grace-period=0',
      ['kubectl', 'deployment', 'delete', 'api', false, true],
    ],
    ['kubectl delete -f k8s/', ['kubectl', 'manifest', 'delete', 'k8s/', false, false]],
    ['helm uninstall postgres -n prod', ['helm', '', 'uninstall', 'postgres', false, false]],
    ['terraform apply -destroy -auto-approve', ['terraform', '', 'destroy', '', true, true]],
    [
      'terraform -chdir=infra destroy -target=aws_db_instance.main',
      ['terraform', '', 'destroy', 'aws_db_instance.main', false, false],
    ],
    ['tofu state rm module.db', ['tofu', 'state', 'rm', 'module.db', false, false]],
    ['pulumi destroy --yes -s prod', ['pulumi', '', 'destroy', 'prod', true, true]],
    ['pulumi stack rm prod --force', ['pulumi', 'stack', 'rm', 'prod', false, true]],
    // `down` and `dn` are pulumi's own names for destroy
    [
      'pulumi down --yes --skip-preview --stack acme/prod',
      ['pulumi', '', 'destroy', 'acme/prod', true, true],
    ],
    ['pulumi dn -s prod', ['pulumi', '', 'destroy', 'prod', true, false]],
    ['docker system prune -a --volumes -f', ['docker', 'system', 'prune', '', true, true]],
    ['docker volume rm pgdata', ['docker', 'volume', 'rm', 'pgdata', false, false]],
    ['podman pod rm -af', ['podman', 'pod', 'rm', '', true, true]],
    ['podman rm --all', ['podman', 'container', 'rm', '', true, false]],
    ['podman rm web', ['podman', 'container', 'rm', 'web', false, false]],
    ['podman system reset --force', ['podman', 'system', 'reset', '', false, true]],
    // a verb that only turns something off, with an option that deletes what it held
    [
      'az backup protection disable --item-name vm1 --vault-name v --delete-backup-data true --yes',
      ['az', 'backup protection disable --delete-backup-data', 'delete', '', false, true],
    ],
    ['docker compose down -v', ['docker', 'compose', 'down --volumes', '', false, false]],
    ['docker-compose -f prod.yml down --volumes', ['docker', 'compose', 'down --volumes', '', false, false]],
    ['railway volume delete --volume 3f1c9a --yes', ['railway', 'volume', 'delete', '3f1c9a', false, true]],
    ['railway down -y', ['railway', '', 'down', '', false, true]],
    ['flyctl volumes destroy vol_123 -y', ['fly', 'volumes', 'destroy', 'vol_123', false, true]],
    ['fly apps destroy my-app', ['fly', 'apps', 'destroy', 'my-app', false, false]],
    ['heroku apps:destroy --app shop --confirm shop', ['heroku', 'apps', 'destroy', 'shop', false, true]],
    ['heroku pg:reset DATABASE_URL -a shop', ['heroku', 'pg', 'reset', 'DATABASE_URL', false, false]],
    ['vercel remove acme-web --yes', ['vercel', '', 'remove', 'acme-web', false, true]],
    ['vercel project rm acme', ['vercel', 'project', 'rm', 'acme', false, false]],
    ['netlify sites:delete abc123 --force', ['netlify', 'sites', 'delete', 'abc123', false, true]],
    ['supabase projects delete abcdref', ['supabase', 'projects', 'delete', 'abcdref', false, false]],
    ['doctl compute droplet delete 12345 -f', ['doctl', 'compute droplet', 'delete', '12345', false, true]],
    ['firebase firestore:delete --all-collections -f', ['firebase', 'firestore', 'delete', '', true, true]],
    ['gh repo delete acme/site --yes', ['gh', 'repo', 'delete', 'acme/site', false, true]],
    ['npm unpublish my-package --force', ['npm', '', 'unpublish', 'my-package', false, true]],
    ['npx vercel rm old-site -y', ['vercel', '', 'rm', 'old-site', false, true]],
    ['stripe customers delete cus_1', ['stripe', 'customers', 'delete', 'cus_1', false, false]],
    [
      'stripe --api-key sk_x products delete prod_9 --confirm',
      ['stripe', 'products', 'delete', 'prod_9', false, true],
    ],
    [
      'twilio api:core:messages:remove --sid SM1',
      ['twilio', 'api:core:messages', 'remove', 'SM1', false, false],
    ],
    ['sentry-cli -o acme releases delete 1.2.3', ['sentry-cli', 'releases', 'delete', '1.2.3', false, false]],
    ['auth0 users delete auth0|42 --force', ['auth0', 'users', 'delete', 'auth0|42', false, true]],
    ['okta apps delete 0oa1', ['okta', 'apps', 'delete', '0oa1', false, false]],
    ['wrangler d1 delete prod-db -y', ['wrangler', 'd1', 'delete', 'prod-db', false, true]],
    ['wrangler r2 bucket delete assets', ['wrangler', 'r2 bucket', 'delete', 'assets', false, false]],
    [
      'wrangler kv namespace delete --namespace-id 0f2a',
      ['wrangler', 'kv namespace', 'delete', '0f2a', false, false],
    ],
    [
      'atlas clusters delete Cluster0 --projectId p1 --force',
      ['atlas', 'clusters', 'delete', 'Cluster0', false, true],
    ],
    ['pscale database delete app --org acme --force', ['pscale', 'database', 'delete', 'app', false, true]],
    ['pscale branch delete app dev', ['pscale', 'branch', 'delete', 'app', false, false]],
    ['neonctl projects delete still-moon-1', ['neonctl', 'projects', 'delete', 'still-moon-1', false, false]],
    ['turso db destroy app-db --yes', ['turso', 'db', 'destroy', 'app-db', false, true]],
    ['upstash redis delete --id 1234', ['upstash', 'redis', 'delete', '1234', false, false]],
    ['npx wrangler d1 delete prod-db', ['wrangler', 'd1', 'delete', 'prod-db', false, false]],
  ])('%s', (line, want) => {
    expect(cloud(w(line))).toEqual(want);
  });

  it('docker rm -f over a command substitution selects everything', () => {
    expect(cloud(['docker', 'rm', '-f', '$(docker ps -aq)'], [3])).toEqual([
      'docker',
      'container',
      'rm',
      '$(docker ps -aq)',
      true,
      true,
    ]);
  });
});

describe('read-only commands carry a harmless verb', () => {
  it.each<[string, string]>([
    ['aws s3 cp build/ s3://staging-site/ --recursive', 'cp'],
    ['aws s3 sync ./site s3://www', 'sync'],
    ['kubectl logs deploy/api -n prod --tail=100', 'logs'],
    ['kubectl get pods -A', 'get'],
    ['docker ps -a', 'ps'],
    ['gcloud config list', 'list'],
    ['gcloud billing projects link acme --billing-account 0X0X', 'projects'],
    ['railway logs', 'logs'],
    ['helm list -A', 'list'],
    ['terraform plan -out tf.plan', 'plan'],
    // only the plan of the destroy is shown
    ['pulumi destroy --preview-only --stack prod', 'preview'],
    ['pulumi refresh --preview-only', 'preview'],
    ['pulumi down --preview-only --stack prod', 'preview'],
    ['pulumi preview --stack prod', 'preview'],
    ['az vm list -g rg', 'list'],
    ['az backup protection disable --item-name vm1 --vault-name v --delete-backup-data false', 'protection'],
    ['az storage account blob-service-properties update -n a --delete-retention-days 7', 'account'],
    ['gh pr list', 'list'],
    ['heroku logs --tail -a shop', 'logs'],
    ['stripe customers list --limit 3', 'list'],
    ['stripe listen --forward-to localhost:3000', 'listen'],
    ['wrangler d1 list', 'list'],
    ['atlas clusters describe Cluster0', 'describe'],
    ['neonctl projects list', 'list'],
    ['turso db shell app-db', 'shell'],
  ])('%s', (line, verb) => {
    const f = cloud(w(line));
    expect(f?.[2]).toBe(verb);
  });
  it('ignores other programs', () => {
    expect(cloud(w('ls -la'))).toBeUndefined();
  });
});

describe('a dry run only when the dry-run word is an option that is on', () => {
  it.each<[string, boolean]>([
    ['kubectl delete ns prod --dry-run=client', false],
    ['aws ec2 terminate-instances --instance-ids i-1 --dry-run', false],
    ['pvesm prune-backups nfs-backup --keep-last 1 --dry-run 1', false],
    ['pvesm prune-backups nfs-backup --dry-run true --keep-last 1', false],
    // switched off by the next word, written after `--`, or another option's value
    ['pvesm prune-backups nfs-backup --keep-last 1 --dry-run 0', true],
    ['pvesm prune-backups nfs-backup --dry-run false --keep-last 1', true],
    ['kubectl delete ns prod -- --dry-run', true],
    ['kubectl delete ns prod -l --dry-run', true],
  ])('%s → read %s', (line, read) => expect(cloud(w(line)) !== undefined).toBe(read));
});

describe('a Windows program named in any case', () => {
  it.each<[string, (string | boolean)[] | undefined]>([
    [
      'DNSCMD /ZoneDelete corp.example.com /f',
      ['dnscmd', 'dns-server', 'delete', 'zonedelete corp.example.com', false, true],
    ],
    ['WBADMIN delete catalog -quiet', ['wbadmin', 'backups', 'delete', 'catalog', true, true]],
  ])('%s', (line, want) => expect(cloud(w(line))).toEqual(want));
});

describe('an update that switches its subject off', () => {
  it.each<[string, (string | boolean)[] | undefined]>([
    [
      'aws guardduty update-detector --detector-id d1 --no-enable',
      ['aws', 'guardduty', 'disable-by-update', 'd1', false, false],
    ],
    [
      'gcloud logging sinks update audit-sink --disabled',
      ['gcloud', 'logging sinks', 'disable-by-update', 'audit-sink', false, false],
    ],
    [
      'aws guardduty update-detector --detector-id d1 --enable',
      ['aws', 'guardduty', 'update-detector', 'd1', false, false],
    ],
    [
      'gcloud logging sinks update audit-sink --log-filter=x',
      ['gcloud', 'logging', 'sinks', '', false, false],
    ],
  ])('%s', (line, want) => expect(cloud(w(line))).toEqual(want));
});

describe('an API operation called by name, a deployment that deletes what it leaves out', () => {
  it.each<[string[], (string | boolean)[] | undefined]>([
    [
      ['netlify', 'api', 'deleteSite', '--data', '{"site_id": "3970e0fe"}'],
      ['netlify', 'api', 'delete-site', '3970e0fe', false, false],
    ],
    [
      ['netlify', 'api', 'listSites'],
      ['netlify', 'api', 'listSites', '', false, false],
    ],
    [
      w('az deployment group create -g prod-rg --mode Complete --template-file empty.json'),
      ['az', 'deployment group create --mode Complete', 'delete-unlisted', 'prod-rg', false, false],
    ],
    [
      w('az stack group create -n s -g rg --template-file m.bicep --action-on-unmanage deleteAll'),
      ['az', 'stack group create --action-on-unmanage deleteAll', 'delete-unlisted', 's', false, false],
    ],
    // previews, checks and the default (Incremental) mode delete nothing
    [
      w('az deployment group what-if -g prod-rg --mode Complete --template-file main.bicep'),
      ['az', 'deployment', 'group', '', false, false],
    ],
    [
      w('az deployment group validate -g prod-rg --mode Complete --template-file main.bicep'),
      ['az', 'deployment', 'group', '', false, false],
    ],
    [
      w('az deployment group create -g prod-rg --mode Complete --template-file main.bicep --what-if'),
      ['az', 'deployment', 'group', '', false, false],
    ],
    [
      w('az deployment group create -g prod-rg --mode Incremental --template-file main.bicep'),
      ['az', 'deployment', 'group', '', false, false],
    ],
    [
      w('az stack group create -n s -g rg --template-file m.bicep --action-on-unmanage detachAll'),
      ['az', 'stack', 'group', '', false, false],
    ],
    [
      w('az account subscription cancel --id 0000 --yes'),
      ['az', 'account subscription', 'cancel', '', false, true],
    ],
  ])('%o', (argv, want) => expect(cloud(argv)).toEqual(want));
});

const azure = await packVerdict('azure');
const aws = await packVerdict('aws');
const gcp = await packVerdict('gcp');

describe('threat protection switched off or downgraded by an update', () => {
  it.each<[(s: string) => string, string, string]>([
    [azure, 'az security pricing create --name VirtualMachines --tier free', 'ask azure/audit-off'],
    [azure, 'az security pricing create -n KeyVaults --tier=Free', 'ask azure/audit-off'],
    [
      azure,
      'for p in VirtualMachines SqlServers; do az security pricing create --name "$p" --tier free; done',
      'ask azure/audit-off',
    ],
    [azure, 'az security setting update --name MCAS --enabled false', 'ask azure/audit-off'],
    [aws, 'aws macie2 update-macie-session --status PAUSED', 'ask aws/audit-off'],
    [aws, 'aws guardduty update-detector --detector-id abc --no-enable', 'ask aws/audit-off'],
    [
      aws,
      'aws securityhub update-standards-control --standards-control-arn arn:x --control-status DISABLED',
      'ask aws/audit-off',
    ],
    [aws, 'aws securityhub batch-disable-standards --standards-subscription-arns arn:x', 'ask aws/audit-off'],
    [
      aws,
      `aws guardduty update-detector --detector-id abc --features '[{"Name":"EKS_AUDIT_LOGS","Status":"DISABLED"}]'`,
      'ask aws/audit-off',
    ],
    [
      aws,
      'aws guardduty update-detector --detector-id abc --data-sources S3Logs={Enable=false}',
      'ask aws/audit-off',
    ],
    [aws, 'aws securityhub update-organization-configuration --no-auto-enable', 'ask aws/audit-off'],
    [
      aws,
      `aws guardduty update-detector --detector-id abc --features '[{"Name":"EKS_AUDIT_LOGS","Status":"ENABLED"}]'`,
      'allow',
    ],
    [
      gcp,
      'gcloud services disable securitycenter.googleapis.com --project acme-prod --force',
      'ask gcp/audit-off',
    ],
    [
      gcp,
      'gcloud beta scc settings services disable --organization=1 --service=CONTAINER_THREAT_DETECTION',
      'ask gcp/audit-off',
    ],
    [gcp, 'gcloud services disable translate.googleapis.com --project acme-dev', 'allow'],
    [
      aws,
      'aws securityhub update-standards-control --standards-control-arn arn:x --control-status ENABLED',
      'allow',
    ],
    [azure, 'az security pricing create --name VirtualMachines --tier standard', 'allow'],
    [azure, 'az security pricing list -o table', 'allow'],
    [azure, 'az security setting update --name MCAS --enabled true', 'allow'],
    [aws, 'aws macie2 update-macie-session --status ENABLED', 'allow'],
  ])('%#: %s', (verdict, script, expected) => expect(verdict(script)).toBe(expected));
});
