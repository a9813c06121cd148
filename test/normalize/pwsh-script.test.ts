/**
 * A script typed as PowerShell is also read as PowerShell (src/normalize/pwsh-script.ts): script
 * blocks, hashtables and `$false` are PowerShell's, not bash's. Scripts with no cmdlet of their
 * own (lower-case tools such as `update-grub`) are not re-read.
 */
import { describe, expect, it } from 'vitest';
import { expectCommands, filesContext, normalizeIn, type Expect } from '../helpers/normalize.js';
import { isTypedCmdlet } from '../../src/normalize/pwsh-script.js';

const norm = (script: string) => normalizeIn(filesContext({}), script);
const via = ['PowerShell'];

describe('a script typed as PowerShell', () => {
  it.each<[string, Expect[]]>([
    [
      'Get-GDDetectorList | ForEach-Object { Remove-GDDetector -DetectorId $_ -Force }',
      [
        {
          program: 'Remove-GDDetector',
          argv: ['Remove-GDDetector', '-DetectorId', '$_', '-Force'],
          wrappers: via,
        },
      ],
    ],
    [
      "Grant-EC2SecurityGroupIngress -GroupId sg-1 -IpPermission @{IpProtocol='tcp'; IpRanges='0.0.0.0/0'}",
      [
        {
          program: 'Grant-EC2SecurityGroupIngress',
          argv: [
            'Grant-EC2SecurityGroupIngress',
            '-GroupId',
            'sg-1',
            '-IpPermission',
            "@{IpProtocol='tcp'; IpRanges='0.0.0.0/0'}",
          ],
          wrappers: via,
        },
      ],
    ],
    // `$false` is PowerShell's literal, not a shell variable
    [
      'Update-CFNTerminationProtection -StackName prod -EnableTerminationProtection $false',
      [{ program: 'Update-CFNTerminationProtection', dynamic: false, wrappers: via }],
    ],
    // a native command inside a script block runs
    [
      'Get-ChildItem | ForEach-Object { rm -rf /srv/data }',
      [{ program: 'rm', argv: ['rm', '-rf', '/srv/data'] }],
    ],
  ])('%s', (script, want) => expectCommands(norm(script), want));

  it.each([
    // an expression in a Where-Object block runs nothing
    "Get-EC2Instance | Where-Object { $_.State.Name -eq 'running' } | Select-Object InstanceId",
    'Get-MgUser -All | ForEach-Object { $_.DisplayName }',
  ])('%s: no unknown command', (script) => {
    const r = norm(script);
    expect(r.issues).toEqual([]);
    expect(r.commands.filter((c) => c.program === '')).toEqual([]);
  });

  it.each([
    'update-grub',
    'start-stop-daemon --start --exec /usr/bin/app',
    'docker-compose up -d',
    'git status; ls -la',
  ])('%s: not re-read', (script) => {
    expect(norm(script).commands.some((c) => c.wrappers.includes('PowerShell'))).toBe(false);
  });

  it.each([
    ['Remove-EC2Snapshot', true],
    ['ForEach-Object', true],
    ['Get-MgUser', true],
    ['update-grub', false],
    ['Frobnicate-Thing', false],
    ['apt-get', false],
  ])('isTypedCmdlet(%s) = %s', (name, want) => expect(isTypedCmdlet(name)).toBe(want));
});
