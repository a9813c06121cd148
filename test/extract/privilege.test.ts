/**
 * Power handed out (src/extract/privilege.ts): which words say so, for any program;
 * `verb: evidence` of the first finding, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { extractPrivilege } from '../../src/extract/privilege.js';
import type { Fact } from '../../src/engine/types.js';
import { WS, analyzeContext, command } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/all.json`]: '{"Statement":[{"Effect":"Allow","Action":["*"],"Resource":["*"]}]}',
  [`${WS}/logs.json`]: '{"Statement":[{"Effect":"Allow","Action":"logs:Get*","Resource":"*"}]}',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });

const granted = (line: string) => {
  const argv = shellParse(line).map((t) => (typeof t === 'string' ? t : ''));
  return (extractPrivilege(command(argv), ctx, []) as Fact[]).map((f) =>
    f.kind === 'cloud' ? `${f.verb}: ${f.evidence}` : '',
  );
};

describe('administrator power granted', () => {
  it.each<[string, string]>([
    [
      'aws iam attach-user-policy --user-name ci --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      'grant-admin: aws: --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    ],
    [
      'aws iam put-role-policy --role-name r --policy-name p --policy-document file://all.json',
      'grant-admin: aws: --policy-document Action * on Resource *',
    ],
    [
      `aws iam put-user-policy --user-name u --policy-name p --policy-document '{"Statement":[{"Effect":"Allow","Resource":"*","Action":"iam:*"}]}'`,
      'grant-admin: aws: --policy-document Action * on Resource *',
    ],
    [
      'gcloud projects add-iam-policy-binding p --member=user:a --role=roles/owner',
      'grant-admin: gcloud: --role roles/owner',
    ],
    [
      'gcloud projects add-iam-policy-binding p --member=user:a --role=roles/iam.securityAdmin',
      'grant-admin: gcloud: --role roles/iam.securityAdmin',
    ],
    [
      "az role assignment create --assignee sp --role 'User Access Administrator'",
      'grant-admin: az: --role User Access Administrator',
    ],
    [
      'kubectl create clusterrolebinding x --clusterrole cluster-admin --user u',
      'grant-admin: kubectl: --clusterrole cluster-admin',
    ],
    ['usermod -aG sudo ci', 'grant-admin: usermod: group sudo'],
    ['usermod --append --groups video,docker ci', 'grant-admin: usermod: group docker'],
    ['gpasswd -a ci wheel', 'grant-admin: gpasswd: group wheel'],
    ['adduser ci docker', 'grant-admin: adduser: group docker'],
    ['setcap cap_setuid+ep /usr/bin/python3', 'grant-admin: setcap: cap_setuid+ep /usr/bin/python3'],
    // a role named admin, one of a list, one tool's preset admin role
    ['pveum acl modify / --users ci@pve --roles Administrator', 'grant-admin: pveum: --roles Administrator'],
    ['pveum aclmod / -user ci@pve -role PVEAdmin', 'grant-admin: pveum: -role PVEAdmin'],
    [
      'tctl users update agent --set-roles editor,access,auditor',
      'grant-admin: tctl: --set-roles editor,access,auditor',
    ],
    ['tctl users add ci --roles=access,admin', 'grant-admin: tctl: --roles access,admin'],
    [
      'kubectl create rolebinding x --clusterrole=admin --user=bob',
      'grant-admin: kubectl: --clusterrole admin',
    ],
    // a user created to administer the whole cluster
    ['rosa create admin --cluster=prod-ocp', 'grant-admin: rosa: create admin'],
    ['rosa create admin -c prod-ocp --password "$PW"', 'grant-admin: rosa: create admin'],
  ])('%s', (line, want) => expect(granted(line)).toEqual([want]));
});

describe("a tool's own preset that hands out everything", () => {
  it.each<[string, string]>([
    [
      'consul acl token create -description "ci agent" -policy-name global-management',
      'grant-admin: consul: acl token create with the global-management policy',
    ],
    [
      'consul acl role update -id r1 -policy-id=00000000-0000-0000-0000-000000000001',
      'grant-admin: consul: acl role update with the global-management policy',
    ],
    [
      'rabbitmqctl -n rabbit@mq-prod-1 set_user_tags ci-agent administrator',
      'grant-admin: rabbitmqctl: set_user_tags ci-agent administrator',
    ],
    [
      'rabbitmqadmin declare user name=ci password=x tags=monitoring,administrator',
      'grant-admin: rabbitmqadmin: declare user tags=monitoring,administrator',
    ],
    [
      'nomad acl token create -type=management -name ci',
      'grant-admin: nomad: acl token create -type=management',
    ],
    [
      'nomad acl token create -name ci -type management',
      'grant-admin: nomad: acl token create -type=management',
    ],
    ['influx auth create --all-access --org acme', 'grant-admin: influx: auth create --all-access'],
    ['influx auth create --operator', 'grant-admin: influx: auth create --operator'],
    [
      'mc admin policy attach prod consoleAdmin --user ci',
      'grant-admin: mc: admin policy attach prod consoleAdmin',
    ],
  ])('%s', (line, want) => expect(granted(line)).toEqual([want]));

  it.each<[string]>([
    ['consul acl token create -policy-name=readonly'],
    ['consul acl token read -self'],
    ['rabbitmqctl set_user_tags ci-agent monitoring'],
    ['rabbitmqctl list_users'],
    ['nomad acl token create -type client -policy dev'],
    ['influx auth create --org acme --read-buckets'],
    ['mc admin policy attach prod readwrite --user ci'],
    ['mc admin policy info prod consoleAdmin'],
  ])('%s', (line) => expect(granted(line)).toEqual([]));
});

describe('credentials minted, MFA switched off, policies not read', () => {
  it.each<[string, string]>([
    [
      'aws --profile prod iam create-access-key --user-name deploy',
      'mint-credential: aws: iam create-access-key',
    ],
    [
      'gcloud iam service-accounts keys create k.json --iam-account=a@p',
      'mint-credential: gcloud: iam service-accounts keys create',
    ],
    ['az ad sp credential reset --id 1', 'mint-credential: az: ad sp credential reset'],
    [
      'aws iam deactivate-mfa-device --user-name a --serial-number s',
      'weaken-mfa: aws: deactivate-mfa-device',
    ],
    // fail closed: a document that takes effect at once and cannot be read
    [
      'aws iam put-role-policy --role-name r --policy-name p --policy-document file://gone.json',
      'unread-policy: aws: --policy-document file://gone.json',
    ],
  ])('%s', (line, want) => expect(granted(line)).toEqual([want]));
});

describe('narrow grants, reads and mentions', () => {
  it.each<[string]>([
    ['aws iam attach-role-policy --role-name r --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess'],
    ['aws iam put-role-policy --role-name r --policy-name p --policy-document file://logs.json'],
    // a new policy is inert until attached
    ['aws iam create-policy --policy-name p --policy-document file://gone.json'],
    ['gcloud projects add-iam-policy-binding p --member=user:a --role=roles/viewer'],
    ['az role assignment create --assignee sp --role Reader'],
    ['kubectl create clusterrolebinding m --clusterrole=system:aggregate-to-view --serviceaccount=a:b'],
    ['usermod -aG audio,video ci'],
    ['adduser newuser'],
    ['setcap cap_net_bind_service=+ep ./server'],
    ['pveum acl modify /vms/100 --users ci@pve --roles PVEVMUser'],
    ['tctl users update agent --set-roles access,auditor'],
    // an access request asks a human to grant it
    ['tsh request create --roles editor'],
    // `editor` administers Teleport only
    ['gcloud projects add-iam-policy-binding p --member=user:a --role=roles/storage.objectAdmin'],
    ['aws iam list-access-keys --user-name deploy'],
    ['rosa describe admin --cluster=prod-ocp'],
    ['rosa create cluster --cluster-name dev'],
    ['npm create admin@latest my-panel'],
    ['grep -rn AdministratorAccess infra/'],
    [
      'aws iam attach-user-policy --user-name ci --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --dry-run',
    ],
  ])('%s', (line) => expect(granted(line)).toEqual([]));
});
