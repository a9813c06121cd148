/**
 * Chef recipes and CFEngine policies run on this machine (src/normalize/config-recipes.ts):
 * each resource or promise that removes or runs something is read as the local command it
 * amounts to, after the runner itself.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

const CF_WIPE = `cat > wipe.cf <<'END'
bundle agent main {
  files:
    linux::
      "/etc/app" delete => tidy, depth_search => recurse("inf"), file_select => all;
      "/etc/motd" delete => tidy;
      "/etc/hosts" perms => m("644");
  commands:
    "/bin/rm" args => "-rf /var/lib/mysql";
  users:
    "deploy" policy => "absent";
  services:
    "auditd" service_policy => "stop";
  reports:
    "done";
}
END
`;

describe('chef-apply and cf-agent: the local commands of their resources', () => {
  it.each<[string, string]>([
    [
      `chef-apply -e "file '/etc/nginx/nginx.conf' do action :delete end"`,
      'chef-apply recipe|rm -f -- /etc/nginx/nginx.conf',
    ],
    [
      `sudo chef-apply -e "directory '/var/lib/postgresql' do recursive true; action :delete end"`,
      'sudo>chef-apply recipe|rm -rf -- /var/lib/postgresql',
    ],
    [`chef-apply -e "directory('/srv/old') { action :delete }"`, 'chef-apply recipe|rmdir -- /srv/old'],
    [
      `chef-apply -e "file 'x' do path '/etc/ssh/sshd_config'; action :delete end"`,
      'chef-apply recipe|rm -f -- /etc/ssh/sshd_config',
    ],
    [`chef-apply -e "execute 'rm -rf /srv/data'"`, 'chef-apply recipe|rm -rf /srv/data'],
    [
      `chef-apply -e "execute 'wipe' do command 'rm -rf /srv/data' end"`,
      'chef-apply recipe|rm -rf /srv/data',
    ],
    [`chef-apply -e "bash 'wipe' do code 'rm -rf /srv/data' end"`, 'chef-apply recipe|rm -rf /srv/data'],
    [
      `chef-apply -e "user 'deploy' do manage_home true; action :remove end"`,
      'chef-apply recipe|userdel -r deploy',
    ],
    [
      `chef-apply -e "service 'auditd' do action [:stop, :disable] end"`,
      'chef-apply recipe|systemctl disable auditd',
    ],
    [
      `chef-apply -e "package 'postgresql' do action :purge end"`,
      'chef-apply recipe|apt-get purge -y postgresql',
    ],
    [`echo "file '/etc/x' do action :delete end" | chef-apply -s`, 'chef-apply recipe|rm -f -- /etc/x'],
    [
      `printf "file '/etc/x' do\\n  action :delete\\nend\\n" > r.rb && cinc-apply r.rb`,
      'cinc-apply recipe|rm -f -- /etc/x',
    ],
    [`${CF_WIPE}cf-agent -KI -f ./wipe.cf`, 'cf-agent policy|rm -rf -- /etc/app'],
    [`${CF_WIPE}cf-agent -f wipe.cf`, 'cf-agent policy|rm -f -- /etc/motd'],
    [`${CF_WIPE}cf-agent --file=wipe.cf`, 'cf-agent policy|/bin/rm -rf /var/lib/mysql'],
    [`${CF_WIPE}cf-agent -f wipe.cf`, 'cf-agent policy|userdel deploy'],
    [`${CF_WIPE}cf-agent -f wipe.cf`, 'cf-agent policy|systemctl stop auditd'],
    // fail closed: a command that holds a recipe's variable
    [`chef-apply -e "execute 'rm -rf #{node[:dir]}'"`, 'chef-apply recipe|dynamic:rm -rf #{node[:dir]}'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // resources made present, properties that are not resources, dry runs, files not written here
    [
      `chef-apply -e "file '/tmp/hello.txt' do content 'hi' end"`,
      [`|chef-apply -e file '/tmp/hello.txt' do content 'hi' end`],
    ],
    [
      `chef-apply -e "execute 'apt-get update' do user 'root' end"`,
      [`|chef-apply -e execute 'apt-get update' do user 'root' end`, 'chef-apply recipe|apt-get update'],
    ],
    [
      `chef-apply --why-run -e "file '/etc/x' do action :delete end"`,
      [`|chef-apply --why-run -e file '/etc/x' do action :delete end`],
    ],
    ['chef-apply recipe.rb', ['|chef-apply recipe.rb']],
    ['cf-agent -K -f ./policy.cf', ['|cf-agent -K -f ./policy.cf']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));

  it('a dry run of a written policy changes nothing', () =>
    expect(commands(`${CF_WIPE}cf-agent --dry-run -f wipe.cf`).filter((c) => c.includes('rm -'))).toEqual(
      [],
    ));
});
