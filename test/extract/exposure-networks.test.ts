/**
 * Allowlists of managed databases, cluster endpoints and cloud firewalls opened to every address
 * (src/extract/exposure-networks.ts) ask; private ranges, single addresses, closing a rule and
 * reading it do not. Exposure pack only.
 */
import { describe, expect, it } from 'vitest';
import { coversEveryone } from '../../src/extract/exposure-networks.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('exposure');

describe('allowlists opened to every address', () => {
  it.each([
    'gcloud sql instances patch orders-prod --authorized-networks=0.0.0.0/0 --quiet',
    'gcloud sql instances create db1 --tier=db-f1-micro --authorized-networks 10.0.0.0/8,0.0.0.0/0',
    'gcloud sql instances patch billing --authorized-networks=0.0.0.0/1,128.0.0.0/1',
    'gcloud container clusters update gke --enable-master-authorized-networks --master-authorized-networks 0.0.0.0/0',
    'gcloud alloydb instances update primary --cluster=prod --authorized-external-networks=0.0.0.0/0',
    'az aks update -g rg -n aks-prod --api-server-authorized-ip-ranges 0.0.0.0/0',
    'hcloud firewall add-rule fw --direction in --protocol tcp --port 6379 --source-ips 0.0.0.0/0,::/0',
    'linode-cli databases mysql-update 123 --allow_list 0.0.0.0/0',
    'aws eks update-cluster-config --name prod --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=0.0.0.0/0',
    'doctl databases firewalls append 9cc10173 --rule ip_addr:0.0.0.0/0',
    'doctl databases firewalls replace 9cc10173 --rules ip_addr:198.51.100.4,ip_addr:0.0.0.0/0',
    'az postgres flexible-server firewall-rule create -g rg -n pg --rule-name all --start-ip-address 0.0.0.0 --end-ip-address 255.255.255.255',
    'az sql server firewall-rule create -g rg -s sql -n any --start-ip-address 0.0.0.0 --end-ip-address 255.255.255.255',
    'az redis firewall-rules create -g rg -n cache --rule-name all --start-ip 1.0.0.0 --end-ip 254.255.255.255',
    'az mysql flexible-server update -g rg -n my --public-access 0.0.0.0-255.255.255.255',
    'az postgres flexible-server create -g rg -n pg --public-access All',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe('ask exposure/make-public');
  });

  it.each([
    'gcloud sql instances patch orders-prod --authorized-networks=203.0.113.7/32 --quiet',
    'gcloud sql instances patch orders-prod --authorized-networks=10.0.0.0/8,192.168.0.0/16',
    'gcloud sql instances patch orders-prod --clear-authorized-networks',
    'gcloud container clusters update gke --master-authorized-networks 198.51.100.0/24',
    'hcloud firewall add-rule fw --direction in --protocol tcp --port 443 --source-ips 0.0.0.0/0',
    'doctl databases firewalls append 9cc10173 --rule ip_addr:198.51.100.4',
    'doctl databases firewalls remove 9cc10173 --uuid 4f1a',
    // Azure's 0.0.0.0–0.0.0.0: its own services, one address
    'az sql server firewall-rule create -g rg -s sql -n azure --start-ip-address 0.0.0.0 --end-ip-address 0.0.0.0',
    'az postgres flexible-server firewall-rule create -g rg -n pg --rule-name office --start-ip-address 203.0.113.10 --end-ip-address 203.0.113.20',
    'az postgres flexible-server create -g rg -n pg --public-access 203.0.113.5',
    'az storage container set-permission --name backups --public-access off',
    'gcloud sql instances describe orders-prod',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});

describe('coversEveryone', () => {
  it.each<[string, boolean]>([
    ['0.0.0.0/0', true],
    ['::/0', true],
    ['0.0.0.0/1,128.0.0.0/1', true],
    ['*', true],
    ['Internet', true],
    ['10.0.0.0/8', false],
    ['203.0.113.7/32,198.51.100.0/24', false],
    ['0.0.0.0', false],
    ['2001:db8::/32', false],
    ['not-an-address', false],
    ['', false],
  ])('%s → %s', (list, want) => expect(coversEveryone(list)).toBe(want));
});

describe('allowlists set from addresses known only at run time', () => {
  it.each([
    'gcloud sql instances patch db --authorized-networks="$NETS"',
    'gcloud container clusters update c --enable-master-authorized-networks --master-authorized-networks "$CIDRS"',
    'az postgres flexible-server firewall-rule create -g rg -n pg -r r --start-ip-address 0.0.0.0 --end-ip-address "$END"',
    'az sql server firewall-rule create -g rg -s sql -n r --start-ip-address "$S" --end-ip-address 255.255.255.255',
    'az mysql flexible-server update -g rg -n my --public-access "$RANGE"',
    'hcloud firewall add-rule fw --direction in --protocol tcp --port 6379 --source-ips "$(cat ips.txt)"',
    'aws eks update-cluster-config --name c --resources-vpc-config "publicAccessCidrs=$CIDRS"',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe('ask exposure/unknown-allowlist');
  });

  it.each<[string, string]>([
    // every address said outright beats the unknown part
    ['gcloud sql instances patch db --authorized-networks="$NETS,0.0.0.0/0"', 'ask exposure/make-public'],
    // the resource named at run time, the addresses written out
    ['gcloud sql instances patch "$DB" --authorized-networks=10.1.0.0/16', 'allow'],
    ['gcloud sql instances describe db --format="$FMT"', 'allow'],
    ['az postgres flexible-server firewall-rule list -g rg -n "$SRV"', 'allow'],
    ['hcloud firewall add-rule fw --direction in --port 443 --source-ips "$IPS"', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
