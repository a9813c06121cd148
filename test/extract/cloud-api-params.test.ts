/**
 * Thin API clients (src/extract/cloud-api-params.ts): a raw call whose path or method
 * deletes, and `key=value` parameters (or an object argument's keys) that erase disks or
 * data; through the saas pack.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('raw API calls and erase parameters', () => {
  it.each([
    [
      `caprover api --caproverUrl https://captain.example.com --path /user/apps/appDefinitions/delete --method POST --data '{"appName":"api"}'`,
      ASK,
    ],
    [`caprover api --path=/user/apps/appDefinitions/deleteApp --method POST`, ASK],
    [`sometool api --path /v1/widgets/42 --method DELETE`, ASK],
    [`maas admin machine release 4y3h7n erase=true quick_erase=false`, ASK],
    [`maas admin machines release machines=4y3h7n secure_erase=true`, ASK],
    // the same in a JSON (or YAML flow) object handed to an RPC client, whatever the method is called
    [`midclt call -job pool.export 1 '{"destroy": true, "cascade": true, "restart_services": true}'`, ASK],
    [`midclt call -job pool.export 3 '{"cascade": true, "destroy": true}'`, ASK],
    [`midclt call app.delete web '{"remove_ix_volumes": true}'`, ASK],
    [`acme-rpc call project.archive p1 '{"deleteData": true}'`, ASK],
    [`acme-rpc call project.archive p1 '{options: {purge: yes}}'`, ASK],
    // a remote shell took the JSON's quotes off: the object is still read
    [`ssh root@nas.lan midclt call pool.export 1 '{"destroy":true}'`, ASK],
    [`acme-cli workspace archive w1 delete_data=1`, ASK],
    // reads, a release that keeps the disks, an option's value, local tools
    [`caprover api --path /user/apps/appDefinitions --method GET`, 'allow'],
    [`caprover deploy -a api`, 'allow'],
    [`maas admin machine release 4y3h7n`, 'allow'],
    [`maas admin machine release 4y3h7n erase=false`, 'allow'],
    [`midclt call -job pool.export 1 '{"destroy": false, "cascade": false}'`, 'allow'],
    [`midclt call pool.query`, 'allow'],
    [`midclt call zfs.snapshot.create '{"dataset": "tank/db", "name": "pre-upgrade"}'`, 'allow'],
    [`acme-rpc call project.update p1 '{"destroyed_at": null, "purged": 1}'`, 'allow'],
    [`acme-cli workspace archive w1 delete_data=0`, 'allow'],
    [`maas admin machine deploy 4y3h7n`, 'allow'],
    [`helm upgrade x ./chart --set wipe=true`, 'allow'],
    [`ansible-playbook site.yml -e wipe_disks=true`, 'allow'],
    [`make erase=true`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});
