/**
 * Hypervisors' command lines deleting virtual machines, disks, snapshots or storage
 * (src/extract/cloud-hypervisors.ts): XCP-ng/XenServer `xe`, ESXi `vim-cmd` and `vmkfstools`,
 * Proxmox `qm`/`pct`, vSphere `govc`. Through the real pipeline (xargs, ssh, loops, a script
 * the command wrote) with the cluster pack only; reads, snapshots and power commands stay
 * allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('cluster');
const ASK = 'ask cluster/vm-destroy';

describe('hypervisors deleting what they host', () => {
  it.each([
    // xe: any connection options, the selector as any parameter, fed by xargs or a loop
    "xe vm-list name-label=prod-erp-01 --minimal | tr ',' '\\n' | xargs -r -I{} xe vm-uninstall uuid={} force=true",
    'xe -s xen01.example.internal -u root -pwf /root/.xepw vm-uninstall vm=billing-db force=true',
    'for u in $(xe vdi-list sr-uuid=6f1c --minimal | tr , " "); do xe vdi-destroy uuid=$u; done',
    'xe vdi-data-destroy uuid=0b9e',
    'xe sr-destroy uuid=6f1c2a0e',
    'xe snapshot-uninstall snapshot-uuid=0b9e force=true',
    'xe template-uninstall template-uuid=77aa',
    'xe vm-destroy --multiple power-state=halted',
    'xe pool-eject host-uuid=7a1d',
    // ESXi, on the host or over ssh, in a loop
    "ssh root@esxi01.example.internal 'for id in 12 14 15; do vim-cmd vmsvc/power.off $id; vim-cmd vmsvc/destroy $id; done'",
    'vim-cmd -H esxi02 -U root -P "$ESXI_PW" vmsvc/unregister 42',
    'vim-cmd vmsvc/snapshot.removeall 17',
    'vim-cmd vmsvc/snapshot.remove 17 3',
    'vim-cmd hostsvc/datastore/destroy ds-old',
    'vmkfstools -U /vmfs/volumes/ds1/web01/web01.vmdk',
    'vmkfstools --deletevirtualdisk /vmfs/volumes/ds1/web01/web01_1.vmdk',
    "cat > /tmp/rm-vms.sh <<'EOF'\nfor id in 12 13; do\n  vim-cmd vmsvc/destroy $id\ndone\nEOF\nbash /tmp/rm-vms.sh",
    // Proxmox VE
    'sudo qm destroy 104 --purge --destroy-unreferenced-disks 1',
    'qm destroy 104',
    'pct destroy 210 --purge --force',
    'qm delsnapshot 104 pre-upgrade',
    'qm disk unlink 104 --idlist scsi1 --force',
    'qm unlink 104 --idlist virtio2 --force 1',
    // vSphere
    'govc datastore.rm -ds=ds-prod-01 web01/',
    'govc snapshot.remove -vm web01 "*"',
    'govc disk.rm 5f8ab2c7',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe(ASK);
  });

  it.each([
    'xe vm-list power-state=running --minimal',
    'xe vm-snapshot vm=billing-db new-name-label=pre-upgrade',
    'xe vm-shutdown vm=billing-db',
    'xe sr-forget uuid=6f1c2a0e',
    'xe help vm-uninstall',
    'vim-cmd vmsvc/getallvms',
    "ssh root@esxi01.example.internal 'vim-cmd vmsvc/power.getstate 12'",
    'vim-cmd vmsvc/snapshot.create 17 pre-upgrade',
    'vmkfstools -X 40G /vmfs/volumes/ds1/web01/web01.vmdk',
    'qm list',
    'pct snapshot 210 pre-upgrade',
    'qm disk unlink 104 --idlist scsi1',
    'qm destroy --help',
    'govc datastore.ls -ds=ds-prod-01',
    'govc vm.info web01',
  ])('%s stays allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
