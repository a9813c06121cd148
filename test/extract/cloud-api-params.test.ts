/**
 * Thin API clients (src/extract/cloud-api-params.ts): a raw call whose path or method
 * deletes, and `key=value` parameters that erase disks; through the saas pack.
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
    // reads, a release that keeps the disks, an option's value, local tools
    [`caprover api --path /user/apps/appDefinitions --method GET`, 'allow'],
    [`caprover deploy -a api`, 'allow'],
    [`maas admin machine release 4y3h7n`, 'allow'],
    [`maas admin machine release 4y3h7n erase=false`, 'allow'],
    [`maas admin machine deploy 4y3h7n`, 'allow'],
    [`helm upgrade x ./chart --set wipe=true`, 'allow'],
    [`ansible-playbook site.yml -e wipe_disks=true`, 'allow'],
    [`make erase=true`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});
