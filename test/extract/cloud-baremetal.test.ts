/**
 * Bare-metal servers cleaned, erased, undeployed, rebuilt or powered off
 * (src/extract/cloud-baremetal.ts), through the real pipeline with the cluster and host packs.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const cluster = await packVerdict('cluster');
const host = await packVerdict('host');

describe('bare-metal cleaning and erasing', () => {
  it.each<[string, string]>([
    [
      `baremetal node clean db-node-07 --clean-steps '[{"interface": "deploy", "step": "erase_devices"}]'`,
      'ask cluster/baremetal-wipe',
    ],
    [
      `openstack --os-cloud prod baremetal node clean n3 --clean-steps '[{"interface": "raid", "step": "delete_configuration"}]'`,
      'ask cluster/baremetal-wipe',
    ],
    // steps in a file are not read: still asked
    ['openstack baremetal node clean n3 --clean-steps steps.json', 'ask cluster/baremetal-wipe'],
    ['baremetal node undeploy db-node-07', 'ask cluster/baremetal-wipe'],
    ['openstack baremetal node rebuild db-node-07', 'ask cluster/baremetal-wipe'],
    ['ironic node-set-provision-state db-node-07 deleted', 'ask cluster/baremetal-wipe'],
    [
      'ironic node-set-provision-state db-node-07 clean --clean-steps steps.json',
      'ask cluster/baremetal-wipe',
    ],
    // kept: reading, lifecycle steps that keep the disks
    ['openstack baremetal node show db-node-07', 'allow'],
    ['baremetal node list --provision-state available', 'allow'],
    ['baremetal node provide db-node-07', 'allow'],
    ['baremetal node inspect db-node-07', 'allow'],
    ['ironic node-list', 'allow'],
    ['openstack server list', 'allow'],
  ])('%s', (script, expected) => {
    expect(cluster(script)).toBe(expected);
  });

  it.each<[string, string]>([
    ['baremetal node power off db-node-07', 'ask host/take-down'],
    ['ironic node-set-power-state db-node-07 off', 'ask host/take-down'],
    ['baremetal node power off db-node-07 --soft', 'allow'],
    ['baremetal node power on db-node-07', 'allow'],
  ])('%s', (script, expected) => {
    expect(host(script)).toBe(expected);
  });
});
