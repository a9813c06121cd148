/**
 * AWS Tools for PowerShell cmdlets read as the aws CLI call they make (src/normalize/pwsh-aws.ts):
 * the translation on its own, and the verdicts of the aws, exposure and capacity packs on cmdlets
 * typed at the prompt, in `pwsh -c` and in ForEach-Object blocks.
 */
import { describe, expect, it } from 'vitest';
import { awsArgv, awsNoun, kebab } from '../../src/normalize/pwsh-aws.js';
import { packVerdict } from '../helpers/command.js';

const words = (argv: string[]) =>
  awsArgv(argv.map((text) => ({ text, dynamic: /^\$/.test(text) })))?.map((f) => f.text);

describe('awsArgv', () => {
  it.each<[string[], string[] | undefined]>([
    [
      ['Remove-EC2Snapshot', '-SnapshotId', 'snap-1', '-Force'],
      ['aws', 'ec2', 'delete-snapshot', '--snapshot-id', 'snap-1'],
    ],
    [
      ['Remove-EC2Instance', '-InstanceId', 'i-1'],
      ['aws', 'ec2', 'terminate-instances', '--instance-id', 'i-1'],
    ],
    [
      ['Stop-CTLogging', '-Name', 'org-trail', '-Force'],
      ['aws', 'cloudtrail', 'stop-logging', '--name', 'org-trail'],
    ],
    [
      ['Request-KMSKeyDeletion', '-KeyId', 'k1', '-PendingWindowInDay', '7'],
      ['aws', 'kms', 'schedule-key-deletion', '--key-id', 'k1', '--pending-window-in-days', '7'],
    ],
    [
      ['Update-CFNTerminationProtection', '-StackName', 'prod', '-EnableTerminationProtection', '$false'],
      [
        'aws',
        'cloudformation',
        'update-termination-protection',
        '--stack-name',
        'prod',
        '--no-enable-termination-protection',
      ],
    ],
    // `-Name:$false` in one word, as bash reads it
    [
      ['Edit-RDSDBInstance', '-DBInstanceIdentifier', 'db1', '-DeletionProtection:$false'],
      ['aws', 'rds', 'modify-db-instance', '--db-instance-identifier', 'db1', '--no-deletion-protection'],
    ],
    [
      [
        'Grant-EC2SecurityGroupIngress',
        '-GroupId',
        'sg-1',
        '-IpPermission',
        "@{IpProtocol='tcp'; FromPort=22; ToPort=22; IpRanges=@('0.0.0.0/0','10.0.0.0/8')}",
      ],
      [
        'aws',
        'ec2',
        'authorize-security-group-ingress',
        '--group-id',
        'sg-1',
        '--ip-permissions',
        'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0},{CidrIp=10.0.0.0/8}]',
      ],
    ],
    [
      [
        'Register-IAMRolePolicy',
        '-RoleName',
        'r',
        '-PolicyArn',
        'arn:aws:iam::aws:policy/AdministratorAccess',
        '-Region',
        'us-east-1',
      ],
      [
        'aws',
        'iam',
        'attach-role-policy',
        '--role-name',
        'r',
        '--policy-arn',
        'arn:aws:iam::aws:policy/AdministratorAccess',
        '--region',
        'us-east-1',
      ],
    ],
    [
      ['Clear-SQSQueue', '-QueueUrl', 'u'],
      ['aws', 'sqs', 'purge-queue', '--queue-url', 'u'],
    ],
    [
      ['Update-GDDetector', '-DetectorId', 'd', '-Enable', '$false'],
      ['aws', 'guardduty', 'update-detector', '--detector-id', 'd', '--no-enable'],
    ],
    // nested members flattened with `_` make one structure
    [
      [
        'Write-S3BucketVersioning',
        '-BucketName',
        'b',
        '-VersioningConfig_Status',
        'Suspended',
        '-VersioningConfig_MfaDelete',
        'Disabled',
      ],
      [
        'aws',
        's3api',
        'put-bucket-versioning',
        '--bucket',
        'b',
        '--versioning-configuration',
        'Status=Suspended,MfaDelete=Disabled',
      ],
    ],
    [
      [
        'Add-S3PublicAccessBlock',
        '-BucketName',
        'b',
        '-PublicAccessBlockConfiguration_BlockPublicAcl',
        '$false',
      ],
      [
        'aws',
        's3api',
        'put-public-access-block',
        '--bucket',
        'b',
        '--public-access-block-configuration',
        'BlockPublicAcl=false',
      ],
    ],
    // reads, `-WhatIf`, and cmdlets of no AWS module are not translated
    [['Get-EC2Snapshot', '-OwnerId', 'self'], undefined],
    [['Test-EC2VolumeAttachment', '-VolumeId', 'v'], undefined],
    [['Remove-EC2Snapshot', '-SnapshotId', 'snap-1', '-WhatIf'], undefined],
    [['Remove-AzResourceGroup', '-Name', 'rg'], undefined],
    [['Remove-Item', 'x'], undefined],
  ])('%j', (argv, want) => expect(words(argv)).toEqual(want));

  it.each([
    ['EC2SecurityGroupIngress', 'ec2', 'SecurityGroupIngress'],
    ['CWLLogGroup', 'logs', 'LogGroup'],
    ['CFNStack', 'cloudformation', 'Stack'],
    ['RDSDBInstance', 'rds', 'DBInstance'],
    ['ECSCluster', 'ecs', 'Cluster'],
  ])('%s → %s %s', (noun, service, rest) => expect(awsNoun(noun)).toEqual({ service, rest }));

  it.each([
    ['DBInstance', 'db-instance'],
    ['TerminationProtection', 'termination-protection'],
    ['KeyDeletion', 'key-deletion'],
  ])('kebab(%s) = %s', (s, want) => expect(kebab(s)).toBe(want));
});

const aws = await packVerdict('aws');
const exposure = await packVerdict('exposure');

describe('AWS Tools cmdlets judged as their aws calls', () => {
  it.each([
    ['Stop-CTLogging -Name org-trail -Force', 'ask aws/audit-off'],
    ['Request-KMSKeyDeletion -KeyId 1234abcd -PendingWindowInDay 7', 'ask aws/delete-data-store'],
    [
      'Get-GDDetectorList | ForEach-Object { Remove-GDDetector -DetectorId $_ -Force }',
      'ask aws/destructive-operation,aws/audit-off',
    ],
    [
      'Get-EC2Snapshot -OwnerId self | % { Remove-EC2Snapshot -SnapshotId $_.SnapshotId -Force }',
      'ask aws/delete-data-store,aws/destructive-operation',
    ],
    [
      'Update-CFNTerminationProtection -StackName prod -EnableTerminationProtection $false',
      'ask aws/destructive-operation',
    ],
    [
      `pwsh -c 'Remove-S3Bucket -BucketName assets -Force'`,
      'ask aws/delete-data-store,aws/destructive-operation',
    ],
    ['Get-EC2Snapshot -OwnerId self | Select-Object SnapshotId, StartTime', 'allow'],
    ['Start-CTLogging -Name org-trail', 'allow'],
    ['Update-CFNTerminationProtection -StackName prod -EnableTerminationProtection $true', 'allow'],
    ['Get-KMSKeyList | ForEach-Object { Get-KMSKey -KeyId $_.KeyId }', 'allow'],
  ])('%s → %s', (script, want) => expect(aws(script)).toBe(want));

  it.each([
    [
      "Grant-EC2SecurityGroupIngress -GroupId sg-1 -IpPermission @{IpProtocol='tcp'; FromPort=5432; ToPort=5432; IpRanges='0.0.0.0/0'}",
      'ask exposure/make-public',
    ],
    [
      "Grant-EC2SecurityGroupIngress -GroupId sg-1 -IpPermission @{IpProtocol='tcp'; FromPort=5432; ToPort=5432; IpRanges='10.0.0.0/16'}",
      'allow',
    ],
  ])('%s → %s', (script, want) => expect(exposure(script)).toBe(want));
});
