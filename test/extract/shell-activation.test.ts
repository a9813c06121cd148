/**
 * Scripts sourced by name that only set up the environment (src/extract/shell.ts ACTIVATION):
 * absent here, sourcing them runs nothing; any other unreadable script sourced asks.
 * Through the real pipeline with the shell pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('shell');

describe('environment and credential rc files sourced', () => {
  it.each<[string, string]>([
    ['source ~/openrc-prod.sh && nova list --fields name,status,networks', 'allow'],
    ['. ./admin-openrc.sh && openstack server list', 'allow'],
    ['source ~/keystonerc_admin && openstack network list', 'allow'],
    ['source ~/stackrc && openstack baremetal node list', 'allow'],
    ['source .venv/bin/activate && pytest', 'allow'],
    ['source ./deploy.sh && nova list', 'ask shell/dynamic-script'],
    ['source ~/openrc-tools/install.sh', 'ask shell/dynamic-script'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
