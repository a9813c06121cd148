/**
 * The forms in which verbs of CLIs no table models erase (src/extract/cloud-generic-forced.ts):
 * reset, uninstall, clean or reinstall with the tool's prompt skipped, a reset that never
 * asks, `down` aimed at production, a playbook named for what it destroys; and a compound
 * destroying verb a table does not list (src/extract/cloud-verbs.ts). Through the real
 * pipeline (sudo, nohup, cd, timeout, runners) with the saas pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('verbs that erase once the prompt is skipped, or aimed at production', () => {
  it.each([
    'sudo sealos reset --force',
    'sealos reset --cluster prod-k8s -f',
    'ykman piv reset --force',
    'cd /var/www/blog && ghost uninstall --no-prompt',
    'appctl uninstall --yes',
    'tt clean billing --force',
    'tt clean orders-replica -f',
    'npx some-cli cluster reset --yes',
    // never asks
    'rabbitmqctl force_reset',
    'rdctl factory-reset',
    // a take-down told to erase the data too
    'abctl local uninstall --persisted',
    'sudo abctl local uninstall --persisted --force',
    'acmectl down --delete-volumes',
    'acmectl cluster remove-node n1 --wipe-data',
    'acmectl uninstall --purge=true',
    // down on a production target, as a word, an option value or a flag
    'mycloud compose down --project-name storefront-prod',
    'deployer down --stage=production',
    'deployer env down live',
    'deployer down --prod',
    // fail closed: a target the shell fills in may be production
    'deployer down --stage "$STAGE"',
    // a compound verb a table does not list (Concourse's fly under flyctl's table)
    'fly -t prod destroy-pipeline -p deploy-api -n',
    'fly --target ci destroy-team --team-name payments --non-interactive',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe(ASK);
  });

  it.each([
    // the tool asks its own question
    'sealos reset',
    'tt clean billing',
    'ghost uninstall',
    // without the option the data stays for the next install
    'abctl local uninstall',
    'abctl local status',
    'acmectl down',
    'acmectl uninstall --keep-data',
    // help, status, reads, and `-f` naming a file
    'sealos reset --help',
    'tt status billing',
    'ykman piv info',
    'appctl list',
    'pm2 reset all',
    './mvnw clean install -f backend/pom.xml',
    './gradlew clean build',
    'npm cache clean --force',
    // package managers uninstall from this machine
    'choco uninstall git -y',
    'winget uninstall --id Git.Git --force',
    'mytool help reset --force',
    // down of local tools, and of a target that is not production
    'tilt down',
    'mycloud compose down --project-name storefront-staging',
    'podman-compose down',
    // Concourse's reads, and flyctl's own commands
    'fly -t prod pipelines',
    'fly -t prod get-pipeline -p deploy-api',
    'fly status -a acme-api',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});

describe('playbooks named for what they destroy', () => {
  it.each([
    'cd kubespray && nohup ansible-playbook -i inventory/prod/hosts.yaml --become --become-user=root reset.yml -e reset_confirmation=yes > /tmp/reset.log 2>&1 &',
    'ansible-playbook -i inventory/prod/hosts.yaml -b remove-node.yml -e node=worker-3',
    'timeout 3h ansible-playbook -i hosts.ini infrastructure-playbooks/purge-cluster.yml',
    'ansible-playbook -i hosts playbooks/k8s_teardown.yaml',
    'ansible-navigator run playbooks/decommission.yml -i inventory/prod -m stdout',
    // Chef's run-list names the recipe or role
    "sudo chef-client -z -o 'recipe[cleanup::wipe_data]'",
    'chef-solo -c solo.rb -o role[decommission]',
    'cinc-client --local-mode --override-runlist=recipe[app::default],recipe[app::purge_uploads]',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe(ASK);
  });

  it.each([
    'ansible-playbook -i inventory/prod/hosts.yaml --become cluster.yml',
    'ansible-playbook -i inventory/prod/hosts.yaml upgrade-cluster.yml',
    'ansible-playbook --check -i inventory/prod/hosts.yaml reset.yml',
    'ansible-playbook --syntax-check reset.yml',
    'ansible-playbook --list-tasks -i hosts purge-cluster.yml',
    // an inventory file is not the playbook
    'ansible-playbook -i destroy-hosts.yml site.yml',
    "chef-client -z -o 'recipe[nginx::default]'",
    "chef-client -z --why-run -o 'recipe[cleanup::wipe_data]'",
    'chef-client',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
