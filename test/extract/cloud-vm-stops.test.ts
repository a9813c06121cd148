/**
 * Virtual machines and system containers stopped without their guest's shutdown
 * (src/extract/cloud-vm-stops.ts), through the real pipeline with the host pack: asked as a
 * host taken down; a graceful stop, a console and listing stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('VMs and containers stopped by force', () => {
  it.each<[string, string]>([
    ['virtctl stop prod-db-vm -n production --force --grace-period=0', 'ask host/take-down'],
    ['virtctl restart prod-vm --grace-period 0', 'ask host/take-down'],
    ['incus stop prod-db --force', 'ask host/take-down'],
    ['lxc stop web01 web02 -f', 'ask host/take-down'],
    ['lxc stop --all --force', 'ask host/take-down'],
    ['lxc-stop -n web01 -k', 'ask host/take-down'],
    ['qm stop 101', 'ask host/take-down'],
    ['qm reset 101', 'ask host/take-down'],
    ['pct stop 200 --skiplock 1', 'ask host/take-down'],
    ['qm shutdown 101 --forceStop 1 --timeout 30', 'ask host/take-down'],
    ['pvesh create /nodes/pve1/qemu/101/status/stop', 'ask host/take-down'],
    ['govc vm.power -off -force prod-db', 'ask host/take-down'],
    ['xe vm-shutdown vm=billing-db force=true', 'ask host/take-down'],
    ['vim-cmd vmsvc/power.off 12', 'ask host/take-down'],
    ['vim-cmd -H esx1.example.internal vmsvc/power.reset 12', 'ask host/take-down'],
    ['esxcli vm process kill --type=force --world-id=1234567', 'ask host/take-down'],
    ['esxcli vm process kill -t soft -w 1234567', 'ask host/take-down'],
    // KubeVirt's kubectl plugin
    ['kubectl virt stop prod-vm -n production --force --grace-period=0', 'ask host/take-down'],
    // kept: graceful stops, consoles, listing
    ['virtctl stop dev-vm -n sandbox', 'allow'],
    ['virtctl console prod-db-vm', 'allow'],
    ['kubectl virt stop dev-vm', 'allow'],
    ['incus stop dev-box', 'allow'],
    ['lxc list', 'allow'],
    ['qm shutdown 101', 'allow'],
    ['pct start 200', 'allow'],
    ['pvesh get /nodes/pve1/qemu/101/status/current', 'allow'],
    ['govc vm.power -s prod-db', 'allow'],
    ['xe vm-shutdown vm=billing-db', 'allow'],
    ['vim-cmd vmsvc/power.shutdown 12', 'allow'],
    ['vim-cmd vmsvc/power.getstate 12', 'allow'],
    ['esxcli vm process list', 'allow'],
  ])('%s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
