/**
 * Making something reachable by anyone (src/extract/exposure.ts): which words say so, for
 * any program; `kind of grant: the words` of the first finding, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { extractExposure } from '../../src/extract/exposure.js';
import type { Fact } from '../../src/engine/types.js';
import { WS, analyzeContext, command, packVerdict } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/open.json`]: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject"}]}',
  [`${WS}/closed.json`]:
    '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject"}]}',
};
const ctx = analyzeContext(WS, { home: '/home/u', readFile: (p) => FILES[p] });

const exposed = (line: string, cwd = WS) => {
  const argv = shellParse(line).map((t) => (typeof t === 'string' ? t : ''));
  return (extractExposure(command(argv, { cwd }), ctx, []) as Fact[]).map((f) =>
    f.kind === 'cloud' ? `${f.service}: ${f.evidence}` : '',
  );
};

describe('grants to everyone', () => {
  it.each<[string, string]>([
    ['aws s3api put-bucket-acl --bucket b --acl public-read', 'acl: aws: --acl public-read (b)'],
    ['aws s3 sync ./x s3://b --acl=public-read-write', 'acl: aws: --acl public-read-write (s3://b)'],
    ['gsutil cp -a public-read f gs://b/f', 'acl: gsutil: -a public-read (gs://b/f)'],
    ['gsutil iam ch allUsers:objectViewer gs://b', 'principal: gsutil: allUsers:objectViewer (gs://b)'],
    [
      'gcloud projects add-iam-policy-binding p --member=allAuthenticatedUsers --role=roles/viewer',
      'principal: gcloud: --member allAuthenticatedUsers',
    ],
    [
      "aws lambda add-permission --function-name f --principal '*' --action lambda:InvokeFunction",
      'principal: aws: --principal * (f)',
    ],
    [
      'aws s3api put-bucket-policy --bucket b --policy file://open.json',
      'principal: aws: --policy Principal * (b)',
    ],
    [
      'az storage container create -n c --public-access container',
      'public-access: az: --public-access container',
    ],
    [
      'aws rds modify-db-instance --db-instance-identifier db --publicly-accessible',
      'database: aws: --publicly-accessible (db)',
    ],
    [
      'aws lambda create-function-url-config --function-name f --auth-type NONE',
      'auth: aws: --auth-type NONE (f)',
    ],
    [
      'aws s3api delete-public-access-block --bucket b',
      'public-access-block: aws: delete-public-access-block (b)',
    ],
    ['gh repo edit a/b --visibility public', 'visibility: gh: --visibility public'],
    // a wrapper script's own flags are read the same way
    ['./tools/publish.sh --acl public-read', 'acl: publish.sh: --acl public-read'],
    // ACLs and anonymous policies of other object stores
    ["swift post --read-acl '.r:*,.rlistings' exports", 'acl: swift: --read-acl .r:*,.rlistings'],
    ["swift post -H 'X-Container-Read: .r:*' exports", 'acl: swift: X-Container-Read: .r:*'],
    ['gsutil defacl set public-read gs://b', 'acl: gsutil: defacl set public-read (gs://b)'],
    ['mc anonymous set download prod/exports', 'acl: mc: anonymous set download'],
    ['s3cmd setacl --acl-public s3://b', 'acl: s3cmd: --acl-public (s3://b)'],
    ['b2 update-bucket exports allPublic', 'acl: b2: allPublic'],
    [
      'oci os bucket update --name b --public-access-type ObjectRead',
      'acl: oci: --public-access-type ObjectRead (b)',
    ],
    // a tunnel, the host firewall, a notebook without a token (exposure-tunnels.ts, exposure-servers.ts)
    ['ngrok tcp 5432', 'tunnel: ngrok: ngrok tcp 5432'],
    ['firewall-cmd --add-port=6379/tcp', 'network: firewall-cmd: --add-port=6379/tcp'],
    [
      "jupyter lab --ip=0.0.0.0 --ServerApp.token=''",
      'notebook: jupyter: jupyter --ip=0.0.0.0 with an empty token',
    ],
  ])('%s', (line, want) => expect(exposed(line)).toEqual([want]));
});

describe('ports opened to every address', () => {
  it.each<[string, string[]]>([
    [
      'aws ec2 authorize-security-group-ingress --group-id sg-1 --port 5432 --cidr 0.0.0.0/0',
      ['network: aws: 0.0.0.0/0 (sg-1)'],
    ],
    [
      'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol -1 --cidr ::/0',
      ['network: aws: ::/0 (sg-1)'],
    ],
    [
      'gcloud compute firewall-rules create x --allow tcp:22 --source-ranges=0.0.0.0/0',
      ['network: gcloud: --source-ranges=0.0.0.0/0'],
    ],
    // web ports are meant to be public; a rule taken away, or outgoing traffic, opens nothing
    ['aws ec2 authorize-security-group-ingress --group-id sg-1 --port 443 --cidr 0.0.0.0/0', []],
    ['gcloud compute firewall-rules create x --allow tcp:80,tcp:443 --source-ranges=0.0.0.0/0', []],
    ['aws ec2 revoke-security-group-ingress --group-id sg-1 --port 22 --cidr 0.0.0.0/0', []],
    ['aws ec2 authorize-security-group-egress --group-id sg-1 --port 5432 --cidr 0.0.0.0/0', []],
    ['aws ec2 authorize-security-group-ingress --group-id sg-1 --port 22 --cidr 10.0.0.0/8', []],
    // an outgoing rule, with `=` or as two words, lets nothing in; other grants still count
    [
      'gcloud compute firewall-rules create x --direction=EGRESS --allow tcp:22 --source-ranges=0.0.0.0/0',
      [],
    ],
    [
      "az network nsg rule create -g rg --nsg-name n -n r --direction Outbound --source-address-prefixes '*' --destination-port-ranges 5432",
      [],
    ],
    [
      "az network nsg rule create -g rg --nsg-name n -n r --direction Inbound --source-address-prefixes '*' --destination-port-ranges 5432",
      ['network: az: --source-address-prefixes *'],
    ],
    [
      'gcloud compute firewall-rules create x --direction=EGRESS --allow tcp:22 --source-ranges=0.0.0.0/0 --member=allUsers',
      ['principal: gcloud: --member allUsers'],
    ],
    // a Kubernetes service reachable from outside the cluster
    [
      'kubectl expose deployment pg --type=LoadBalancer --port 5432',
      ['service: kubectl: --type=LoadBalancer'],
    ],
    [
      `kubectl patch svc pg -p '{"spec":{"type":"NodePort"}}'`,
      ['service: kubectl: {"spec":{"type":"NodePort"}}'],
    ],
    ['kubectl expose deployment web --type=LoadBalancer --port 443', []],
    // `--dry-run=none` acts
    [
      'kubectl expose deployment pg --type=LoadBalancer --port 5432 --dry-run=none',
      ['service: kubectl: --type=LoadBalancer'],
    ],
    ['kubectl expose deployment pg --type=ClusterIP --port 5432', []],
    // the type as two words
    [
      'kubectl -n prod expose deployment pg --type NodePort --port 5432',
      ['service: kubectl: --type NodePort'],
    ],
    ['kubectl expose deployment web --type LoadBalancer --port 443', []],
    [`kubectl patch svc pg --type merge -p '{"spec":{"selector":{"app":"pg"}}}'`, []],
    // a port forward on every address of this machine (IPv4 or IPv6)
    ['kubectl port-forward --address :: svc/pg 5432', ['service: kubectl: port-forward --address ::']],
    [
      'kubectl port-forward --address=127.0.0.1,0.0.0.0 svc/pg 5432',
      ['service: kubectl: port-forward --address 127.0.0.1,0.0.0.0'],
    ],
    ['kubectl port-forward --address 127.0.0.1 svc/pg 5432', []],
  ])('%s', (line, want) => expect(exposed(line)).toEqual(want));
});

describe('files served to the network', () => {
  it.each<[string, string, string[]]>([
    ['python3 -m http.server 8000', '/home/u', ['files: python3: serves /home/u to the network']],
    ['python3 -m http.server 8000 --directory /', WS, ['files: python3: serves / to the network']],
    ['php -S 0.0.0.0:8000 -t /home', WS, ['files: php: serves /home to the network']],
    ['python3 -m http.server 8000 --directory dist', WS, []],
    ['python3 -m http.server --bind 127.0.0.1 8000', '/home/u', []],
  ])('%s in %s', (line, cwd, want) => expect(exposed(line, cwd)).toEqual(want));
});

describe('a resource policy file that cannot be read', () => {
  it.each<[string, string[]]>([
    // fail closed: it may name anyone
    [
      'aws s3api put-bucket-policy --bucket b --policy file://gone.json',
      ['unread-policy: aws: --policy file://gone.json (b)'],
    ],
    // an identity policy names no principal
    ['aws iam create-policy --policy-name p --policy-document file://gone.json', []],
  ])('%s', (line, want) => expect(exposed(line)).toEqual(want));
});

describe('words that only mention it', () => {
  it.each<[string]>([
    ['grep -rn allUsers:objectViewer infra/'],
    ['git commit -m allUsers:objectViewer'],
    ['aws s3api put-bucket-acl --bucket b --acl private'],
    ['aws s3api put-bucket-policy --bucket b --policy file://closed.json'],
    ['aws s3api put-bucket-acl --bucket b --acl public-read --dry-run'],
    ['gh repo edit a/b --visibility private'],
    ['swift post --read-acl acme:ops exports'],
    ['gsutil defacl set private gs://b'],
    ['mc anonymous set none prod/exports'],
    ['mc anonymous get prod/exports'],
    ['b2 update-bucket exports allPrivate'],
  ])('%s', (line) => expect(exposed(line)).toEqual([]));
});

describe('PowerShell forge cmdlets making a repository public', () => {
  it.each([
    [
      'Set-GitHubRepository -OwnerName acme -RepositoryName billing -Private:$false',
      'ask exposure/make-public',
    ],
    [
      'Set-GitHubRepository -OwnerName acme -RepositoryName billing -Visibility Public',
      'ask exposure/make-public',
    ],
    ['Set-GitHubRepository -OwnerName acme -RepositoryName billing -Private:$true', 'allow'],
    ['Get-GitHubRepository -OwnerName acme', 'allow'],
  ])('%s → %s', async (script, expected) => {
    expect((await packVerdict('exposure'))(script)).toBe(expected);
  });
});

describe('an incoming rule whose addresses are known only at run time', () => {
  it.each<[string, string]>([
    [
      'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 5432 --cidr "$CIDR"',
      'ask exposure/unknown-allowlist',
    ],
    [
      'gcloud compute firewall-rules create r --allow tcp:22 --source-ranges="$RANGES"',
      'ask exposure/unknown-allowlist',
    ],
    // web ports only, an outgoing rule, or the rule taken away
    [
      'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 443 --cidr "$CIDR"',
      'allow',
    ],
    [
      'aws ec2 authorize-security-group-egress --group-id sg-1 --protocol tcp --port 22 --cidr "$CIDR"',
      'allow',
    ],
    [
      'gcloud compute firewall-rules create r --direction=EGRESS --allow tcp:22 --destination-ranges="$R"',
      'allow',
    ],
    ['gcloud compute firewall-rules delete r --quiet', 'allow'],
  ])('%s → %s', async (script, expected) => {
    expect((await packVerdict('exposure'))(script)).toBe(expected);
  });
});
