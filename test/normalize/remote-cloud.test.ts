/**
 * AWS's "run a command on a machine" APIs (src/normalize/remote-cloud.ts): the lines of an SSM
 * script document and an ECS exec or task command are walked as remote commands; a payload not
 * known here is a shell whose script is dynamic; other SSM and ECS calls carry nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({
  '/w/p.json': '{"commands":["sudo rm -rf /srv/data"]}',
  '/w/input.json': '{"DocumentName":"AWS-RunShellScript","Parameters":{"commands":["rm -rf /opt/app"]}}',
});
const remote = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.dynamic ? 'DYNAMIC ' : ''}${c.argv.join(' ')} [${c.wrappers.join(', ')}]`);

describe('commands sent through AWS', () => {
  it.each<[string, string]>([
    [
      `aws ssm send-command --instance-ids i-0a1 --document-name AWS-RunShellScript --parameters 'commands=["sudo rm -rf /var/lib/pg"]' --comment 'free disk'`,
      'rm -rf /var/lib/pg [aws ssm send-command i-0a1, sudo]',
    ],
    [
      `aws ssm send-command --targets Key=tag:Role,Values=db --document-name AWS-RunShellScript --parameters commands="rm -rf /var/lib/mysql"`,
      'rm -rf /var/lib/mysql [aws ssm send-command Key=tag:Role,Values=db]',
    ],
    [
      `aws --region eu-west-1 ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript --parameters '{"commands":["cd /srv","dropdb orders"]}'`,
      'dropdb orders [aws ssm send-command i-1]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript --parameters 'commands=["df -h","rm -rf /a, /b"],workingDirectory=["/tmp"]'`,
      'rm -rf /a, /b [aws ssm send-command i-1]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript --parameters file://p.json`,
      'rm -rf /srv/data [aws ssm send-command i-1, sudo]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --cli-input-json file://input.json`,
      'rm -rf /opt/app [aws ssm send-command i-1]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --document-name arn:aws:ssm:us-east-1::document/AWS-RunPowerShellScript --parameters 'commands=["Remove-Item -Recurse -Force C:\\\\data"]'`,
      'rm -rf C:\\data [aws ssm send-command i-1, pwsh -c]',
    ],
    [
      `aws ssm start-session --target i-1 --document-name AWS-StartInteractiveCommand --parameters command="sudo rm -rf /var/www"`,
      'rm -rf /var/www [aws ssm start-session i-1, sudo]',
    ],
    [
      `aws ssm create-association --name AWS-RunShellScript --targets Key=InstanceIds,Values=i-1 --parameters 'commands=["rm -rf /home/app"]'`,
      'rm -rf /home/app [aws ssm create-association Key=InstanceIds,Values=i-1]',
    ],
    [
      `aws ecs execute-command --cluster prod --task 3f9c --container api --interactive --command "sh -c 'rm -rf /app/storage/*'"`,
      'rm -rf /app/storage/* [aws ecs execute-command 3f9c, sh -c]',
    ],
    [
      `aws ecs run-task --cluster prod --task-definition api:7 --overrides '{"containerOverrides":[{"name":"api","command":["rm","-rf","/data"]}]}'`,
      'rm -rf /data [aws ecs run-task api:7]',
    ],
    // fail closed: payloads not known here
    [
      `aws ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript --parameters file://gone.json`,
      'DYNAMIC sh -c file://gone.json [aws ssm send-command i-1]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript --parameters "commands=$CMD"`,
      // the evidence names the option, not its text (a script, a URL with a password)
      'DYNAMIC sh -c the value of --parameters [aws ssm send-command i-1]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --document-name AWS-RunRemoteScript --parameters sourceType=S3`,
      'DYNAMIC sh -c the code of SSM document AWS-RunRemoteScript [aws ssm send-command i-1]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --document-name Acme-Cleanup`,
      'DYNAMIC sh -c the code of SSM document Acme-Cleanup [aws ssm send-command i-1]',
    ],
    // parameters for a document not named (the association keeps its own) or not known here
    [
      `aws ssm update-association --association-id 8dfe-1 --parameters 'commands=["rm -rf /var/lib/mysql"]'`,
      'rm -rf /var/lib/mysql [aws ssm update-association 8dfe-1]',
    ],
    [
      `aws ssm update-association --association-id 8dfe-1 --name Acme-Run --parameters 'cmd=["dropdb orders"]'`,
      'dropdb orders [aws ssm update-association 8dfe-1]',
    ],
    [
      `aws ssm update-association --association-id 8dfe-1 --parameters "$P"`,
      'DYNAMIC sh -c the value of --parameters [aws ssm update-association 8dfe-1]',
    ],
    [
      `aws ssm send-command --instance-ids i-1 --document-name "$DOC" --parameters 'commands=["ls"]'`,
      'DYNAMIC sh -c the document of --document-name [aws ssm send-command i-1]',
    ],
    [
      `aws ssm send-command --cli-input-yaml file://c.yaml`,
      'DYNAMIC sh -c the input of --cli-input-yaml [aws ssm send-command]',
    ],
    [
      `aws ecs run-task --task-definition api:7 --overrides file://gone.json`,
      'DYNAMIC sh -c file://gone.json [aws ecs run-task api:7]',
    ],
  ])('%s', (script, want) => expect(remote(script)).toContain(want));

  it.each<string>([
    `aws ssm list-command-invocations --command-id 0b2c --details`,
    `aws ssm get-command-invocation --command-id 0b2c --instance-id i-1`,
    `aws ssm start-session --target i-1`,
    `aws ssm start-session --target i-1 --document-name AWS-StartPortForwardingSession --parameters portNumber=5432`,
    `aws ssm send-command --instance-ids i-1 --document-name AWS-RunPatchBaseline --parameters Operation=Scan`,
    `aws ecs execute-command --cluster prod --task t --interactive`,
    `aws ssm update-association --association-id 8dfe-1 --schedule-expression 'rate(1 day)'`,
    `aws ssm update-association --association-id 8dfe-1 --name AWS-RunPatchBaseline --parameters Operation=Install`,
    `aws ecs run-task --cluster prod --task-definition api:7`,
    `aws ecs describe-tasks --cluster prod --tasks t`,
  ])('%s sends no command', (script) => expect(remote(script)).toEqual([]));

  it.each<[string, string]>([
    [
      `aws ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript --parameters 'commands=["df -h"]'`,
      'df -h',
    ],
    [`aws ecs execute-command --cluster prod --task t --interactive --command "ls /app"`, 'ls /app'],
    [`aws ssm update-association --association-id 8dfe-1 --parameters 'commands=["df -h"]'`, 'df -h'],
  ])('%s sends only %s', (script, want) =>
    expect(remote(script).map((c) => c.replace(/ \[.*/, ''))).toEqual([want]),
  );
});
