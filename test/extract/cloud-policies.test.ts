import { describe, expect, it } from 'vitest';
import { readPolicyRun } from '../../src/extract/cloud-policies.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/terminate.yml`]:
    'policies:\n  - name: terminate-all-ec2\n    resource: aws.ec2\n    actions:\n      - terminate\n',
  [`${WS}/old-snapshots.yml`]:
    'policies:\n  - name: old-snaps\n    resource: aws.ebs-snapshot\n    filters:\n      - type: age\n        days: 30\n    actions:\n      - type: delete\n',
  [`${WS}/mark.yml`]:
    'policies:\n  - name: mark-unused\n    resource: aws.ebs\n    actions:\n      - type: mark-for-op\n        op: delete\n        days: 4\n',
  [`${WS}/tag.yml`]:
    'policies:\n  - name: tag-owner\n    resource: aws.ec2\n    actions:\n      - type: tag\n        key: owner\n        value: team\n      - stop\n',
  [`${WS}/report.yml`]:
    'policies:\n  - name: unattached\n    resource: aws.ebs\n    filters:\n      - Attachments: []\n',
  [`${WS}/broken.yml`]: 'policies: [',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const read = (argv: string[]) => readPolicyRun(command(argv), ctx)?.map((d) => `${d.verb} ${d.resource}`);

describe('Cloud Custodian policies: the actions they take', () => {
  it.each<[string[], string[] | undefined]>([
    [['custodian', 'run', '-s', 'out', '-r', 'us-east-1', 'terminate.yml'], ['terminate aws.ec2']],
    [['custodian', 'run', '--output-dir=out', 'old-snapshots.yml'], ['delete aws.ebs-snapshot']],
    [['custodian', 'run', '-s', 'out', 'mark.yml'], ['delete aws.ebs']],
    [['c7n-org', 'run', '-c', 'accounts.yml', '-s', 'out', '-u', 'terminate.yml'], ['terminate aws.ec2']],
    // fail closed: policies that cannot be read
    [['custodian', 'run', '-s', 'out', 'missing.yml'], ['unread missing.yml']],
    [['custodian', 'run', '-s', 'out', 'broken.yml'], ['unread broken.yml']],
    // tags, stops and reports destroy nothing; other commands run no policy
    [['custodian', 'run', '-s', 'out', 'tag.yml'], []],
    [['custodian', 'run', '-s', 'out', 'report.yml'], []],
    [['custodian', 'validate', 'terminate.yml'], undefined],
    [['custodian', 'report', '-s', 'out', 'terminate.yml'], undefined],
  ])('%j', (argv, want) => {
    expect(read(argv)).toEqual(want);
  });
});
