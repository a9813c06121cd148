/**
 * Hosting panels and VPS CLIs removing or cancelling what they host
 * (src/extract/cloud-hosting.ts). Through the real pipeline with the hosting pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('hosting');
const REMOVED = 'ask hosting/hosting-removed';

describe('hosted things removed or cancelled (hosting pack)', () => {
  it.each([
    ['sudo plesk bin subscription --remove acme-prod.com', REMOVED],
    ['plesk bin site -r shop.example.com', REMOVED],
    ['plesk bin customer --remove acme', REMOVED],
    ['plesk bin database --remove wp_shop', REMOVED],
    ['sudo /usr/local/psa/bin/domain --remove example.org', REMOVED],
    ['/opt/psa/bin/subscription -remove acme.com', REMOVED],
    ['/scripts/removeacct --force shopuser', REMOVED],
    ['sudo /usr/local/cpanel/scripts/killacct shopuser', REMOVED],
    ['cntb cancel instance 200123456', REMOVED],
    ['cat ids.txt | xargs -I{} cntb cancel instance {}', REMOVED],
    [
      "cntb get instances --output json | jq -r '.[].instanceId' | xargs -r -n1 cntb cancel instance",
      REMOVED,
    ],
    ['cntb cancel objectStorage 3f1b', REMOVED],
    ['ionos server cancel 42', REMOVED],
    ['slcli -y vs cancel 118273645', REMOVED],
    ["slcli hw cancel 4412 --immediate --reason 'no longer needed'", REMOVED],
    ['slcli block volume-cancel 88123 --immediate', REMOVED],
    ['slcli file snapshot-cancel 88123', REMOVED],
    ['ibmcloud sl vs cancel 118273645 -f', REMOVED],
    ["linode-cli account cancel --comments 'moving'", REMOVED],
    ['slcli vs list', 'allow'],
    ['slcli vs detail 118273645', 'allow'],
    ['ibmcloud sl vs list', 'allow'],
    ['gcloud sql operations cancel op-1', 'allow'],
    ['plesk bin subscription --info acme-prod.com', 'allow'],
    ['plesk bin subscription --list', 'allow'],
    ['plesk bin site --create shop.example.com -webspace-name acme.com', 'allow'],
    ['cntb get instances --output json', 'allow'],
    ['cntb create instance --productId V45', 'allow'],
    ['gh run cancel 123456', 'allow'],
    ['/scripts/listaccts', 'allow'],
    ['cntb cancel instance --help', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
