/**
 * Backups, snapshots and restore points switched off by any tool (src/extract/cloud-backups-off.ts),
 * read into cloud facts: `tool|service|verb`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { readBackupsOff } from '../../src/extract/cloud-backups-off.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (argv: string[]) => {
  const c = command(argv);
  return (extractCloud(c, ctx, [c]) as Fact[])
    .map((f) => (f.kind === 'cloud' ? [f.tool, f.service, f.verb].join('|') : ''))
    .filter((s) => s.includes('|backups|'));
};

describe('backups switched off', () => {
  it.each<[string[], string[]]>([
    [['linode-cli', 'linodes', 'backups-cancel', '12345678'], ['linode-cli|backups|disable']],
    [['hcloud', 'server', 'disable-backup', 'web-1'], ['hcloud|backups|disable']],
    [['doctl', 'compute', 'droplet-action', 'disable-backups', '123456'], ['doctl|backups|disable']],
    [['vultr-cli', 'instance', 'backup', 'disable', '9a8b7c'], ['vultr-cli|backups|disable']],
    [['scw', 'instance', 'server', 'update', 'abc', 'backup-enabled=false'], ['scw|backups|disable']],
    [['mycloud', 'db', 'update', 'main', '--backups-enabled=false'], ['mycloud|backups|disable']],
    [['ecctl', 'deployment', 'shutdown', '3a7f9c', '--skip-snapshot', '--force'], ['ecctl|backups|disable']],
    [['ddev', 'delete', '--omit-snapshot', '--yes', 'proj'], ['ddev|backups|disable']],
    [['Disable-ComputerRestore', '-Drive', 'C:\\'], ['Disable-ComputerRestore|backups|disable']],
    [['Stop-Service', 'VSS', '-Force'], ['Stop-Service|backups|disable']],
    [['Set-Service', '-Name', 'vss', '-StartupType', 'Disabled'], ['Set-Service|backups|disable']],
    [['sc', 'config', 'vss', 'start=', 'disabled'], ['sc|backups|disable']],
    [['net', 'stop', 'wbengine'], ['net|backups|disable']],
  ])('%j', (argv, want) => {
    expect(cloud(argv)).toEqual(want);
  });

  it.each<[string[]]>([
    [['linode-cli', 'linodes', 'backups-list', '12345678']],
    [['linode-cli', 'linodes', 'backups-enable', '12345678']],
    [['hcloud', 'server', 'enable-backup', 'web-1']],
    [['doctl', 'compute', 'droplet-action', 'enable-backups', '123456']],
    [['scw', 'instance', 'server', 'update', 'abc', 'backup-enabled=true']],
    [['ddev', 'delete', '--yes', 'proj']],
    [['ddev', 'snapshot', '--name', 'before-upgrade']],
    [['ecctl', 'deployment', 'list', '--skip-snapshot']],
    [['Enable-ComputerRestore', '-Drive', 'C:\\']],
    [['Set-Service', 'VSS', '-StartupType', 'Manual']],
    [['Stop-Service', 'Spooler']],
    [['sc', 'query', 'vss']],
    [['patch', '--no-backup-if-mismatch', '-p1']],
  ])('leaves alone %j', (argv) => {
    expect(readBackupsOff(command(argv))).toBeUndefined();
  });
});

describe('backup schedules removed (group:noun:verb words read apart)', () => {
  it.each<[string[], string[]]>([
    [['heroku', 'pg:backups:unschedule', 'DATABASE_URL', '--app', 'acme-prod'], ['heroku|backups|disable']],
    [['mycloud', 'db', 'backups', 'unschedule', 'main'], ['mycloud|backups|disable']],
    [['mycloud', 'unschedule-backups', 'main'], ['mycloud|backups|disable']],
  ])('%j → %j', (argv, want) => {
    expect(cloud(argv)).toEqual(want);
  });
  it.each<[string[]]>([
    [['heroku', 'pg:backups:schedules', '--app', 'acme-prod']],
    [['heroku', 'pg:backups:schedule', 'DATABASE_URL', '--at', '02:00 UTC', '--app', 'acme-prod']],
    [['heroku', 'pg:backups', '--app', 'acme-prod']],
  ])('leaves alone %j', (argv) => {
    expect(readBackupsOff(command(argv))).toBeUndefined();
  });
});
