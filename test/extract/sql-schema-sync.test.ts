/**
 * Schema deploy tools that drop what the source lacks (src/extract/sql-schema-sync.ts):
 * sqlpackage Publish with dropping properties, atlas schema apply --auto-approve against a
 * database that is not a throwaway one. Through the real pipeline with the databases pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { schemaSyncOps } from '../../src/extract/sql-schema-sync.js';

const verdict = await packVerdict('databases');
const ASK = 'ask databases/framework-reset';

describe('ops', () => {
  it.each<[string[], string]>([
    [
      [
        'sqlpackage',
        '/Action:Publish',
        '/SourceFile:empty.dacpac',
        '/TargetConnectionString:Server=prod-sql.internal;Database=Orders;User Id=sa;Password=fake-pw',
        '/p:DropObjectsNotInSource=True',
      ],
      'RESET SCHEMA prod-sql.internal/Orders',
    ],
    [
      ['SqlPackage.exe', '/a:Publish', '/tsn:prod-sql', '/tdn:Billing', '/p:CreateNewDatabase=true'],
      'RESET DATABASE prod-sql/Billing',
    ],
    [
      ['atlas', 'schema', 'apply', '--url', 'mysql://root:fake@db.prod:3306/app', '--auto-approve'],
      'RESET SCHEMA mysql://root:***@db.prod:3306/app',
    ],
    [['atlas', 'schema', 'apply', '--env', 'prod', '--auto-approve'], 'RESET SCHEMA env prod'],
    [['sqlpackage', '/Action:Publish', '/tsn:prod-sql', '/tdn:Orders'], ''],
    [['atlas', 'schema', 'apply', '--env', 'local', '--auto-approve'], ''],
  ])('%o → %s', (argv, want) =>
    expect(
      schemaSyncOps(argv[0], argv)
        .map((o) => `${o.statement} ${o.object} ${o.target}`)
        .join(' | '),
    ).toBe(want),
  );
});

describe('deploys that drop what the source lacks ask', () => {
  it.each([
    'sqlpackage /Action:Publish /SourceFile:empty.dacpac /TargetConnectionString:"Server=prod-sql.internal;Database=Orders;User Id=sa;Password=fake-pw" /p:DropObjectsNotInSource=True',
    'SqlPackage.exe /a:Publish /sf:db.dacpac /tsn:prod-sql /tdn:Orders /p:BlockOnPossibleDataLoss=False',
    'sqlpackage -a:publish -sf:db.dacpac -tsn:prod-sql -tdn:Orders -p:CreateNewDatabase=true',
    'sqlpackage /Action:Publish /SourceFile:app.dacpac /TargetServerName:prod-sql /TargetDatabaseName:Orders /p:DropObjectsNotInSource="$DROP"',
    'atlas schema apply --url postgres://app@db.prod:5432/app --to file://schema.hcl --auto-approve',
    'atlas schema apply --env prod --auto-approve',
    'pgschema apply --host db.prod --db app --user app --file schema.sql --auto-approve',
    'pgschema apply --db app --file schema.sql --auto-approve',
    'atlas schema apply -u "mysql://root:fake@10.0.3.4:3306/shop" --to file://schema.sql --dev-url docker://mysql/8/dev --auto-approve',
    // this machine is not enough: an ssh tunnel to production listens on localhost too
    'atlas schema apply --url postgres://app@localhost:5432/prod --to file://schema.hcl --auto-approve',
    'pgschema apply --host 127.0.0.1 --db app --user app --file schema.sql --auto-approve',
    // an option this table does not know, with its value, before the command's words
    'atlas --some-new-option value schema apply --url postgres://app@db.prod:5432/app --auto-approve',
  ])('%s', (script) => expect(verdict(script)).toBe(ASK));
});

describe('previews, reads and throwaway targets stay allowed', () => {
  it.each([
    'sqlpackage /Action:Script /SourceFile:app.dacpac /TargetServerName:prod-sql /TargetDatabaseName:Orders /p:DropObjectsNotInSource=True /OutputPath:deploy.sql',
    'sqlpackage /Action:DeployReport /SourceFile:app.dacpac /TargetServerName:prod-sql /TargetDatabaseName:Orders /OutputPath:report.xml',
    'sqlpackage /Action:Extract /SourceServerName:prod-sql /SourceDatabaseName:Orders /TargetFile:orders.dacpac',
    'sqlpackage /Action:Publish /SourceFile:app.dacpac /TargetServerName:prod-sql /TargetDatabaseName:Orders /p:BlockOnPossibleDataLoss=True',
    'atlas schema apply --url postgres://app@db.prod:5432/app --to file://schema.hcl --dry-run --auto-approve',
    'atlas schema apply -u "postgres://postgres:fake@localhost:5432/dev?sslmode=disable" --to file://schema.sql --dev-url docker://postgres/15/dev --auto-approve',
    'atlas schema apply --env local --auto-approve',
    'atlas schema inspect --url postgres://app@db.prod:5432/app',
    'atlas migrate apply --env prod',
    'pgschema plan --host db.prod --db app --user app --file schema.sql',
    'pgschema apply --host db.prod --db app --user app --file schema.sql',
    'pgschema apply --host localhost --db app_dev --user app --file schema.sql --auto-approve',
  ])('%s', (script) => expect(verdict(script)).toBe('allow'));
});

describe('sqlpackage reads its publish profile', () => {
  const profile = (props: string) =>
    `<?xml version="1.0"?><Project><PropertyGroup>${props}</PropertyGroup></Project>`;
  const files: Record<string, string> = {
    'prod.publish.xml': profile(
      '<TargetConnectionString>Server=prod-sql.internal;Database=Orders</TargetConnectionString><DropObjectsNotInSource>True</DropObjectsNotInSource>',
    ),
    'loss.publish.xml': profile(
      '<TargetDatabaseName>Billing</TargetDatabaseName><BlockOnPossibleDataLoss>false</BlockOnPossibleDataLoss>',
    ),
    'safe.publish.xml': profile(
      '<TargetDatabaseName>Orders</TargetDatabaseName><BlockOnPossibleDataLoss>True</BlockOnPossibleDataLoss>',
    ),
  };
  const ops = (line: string) =>
    schemaSyncOps('sqlpackage', line.split(' '), (f) => files[f])
      .map((o) => `${o.statement} ${o.object} ${o.target}`)
      .join(' | ');
  it.each<[string, string]>([
    [
      'sqlpackage /Action:Publish /sf:app.dacpac /Profile:prod.publish.xml',
      'RESET SCHEMA prod-sql.internal/Orders',
    ],
    ['sqlpackage /a:Publish /pr:loss.publish.xml /tsn:prod-sql', 'RESET SCHEMA prod-sql/Billing'],
    // the command line's properties win over the profile's
    ['sqlpackage /a:Publish /pr:prod.publish.xml /p:DropObjectsNotInSource=False', ''],
    ['sqlpackage /a:Publish /pr:safe.publish.xml /p:DropObjectsNotInSource=True', 'RESET SCHEMA Orders'],
    // fail closed: a profile that can't be read, unless the target named is on this machine
    ['sqlpackage /Action:Publish /Profile:missing.publish.xml', 'RESET SCHEMA '],
    [
      'sqlpackage /Action:Publish /Profile:missing.publish.xml /tsn:prod-sql /tdn:App',
      'RESET SCHEMA prod-sql/App',
    ],
    ['sqlpackage /Action:Publish /Profile:missing.publish.xml /tsn:localhost /tdn:AppDev', ''],
    ['sqlpackage /Action:Publish /Profile:missing.publish.xml /tsn:(localdb)\\MSSQLLocalDB', ''],
    // a profile that sets nothing dropping, an action that changes nothing
    ['sqlpackage /a:Publish /pr:safe.publish.xml', ''],
    ['sqlpackage /Action:Script /Profile:prod.publish.xml', ''],
  ])('%s → %s', (line, want) => expect(ops(line)).toBe(want));
});
