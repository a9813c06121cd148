/** Carriers into system containers and VMs (src/normalize/remote-guests.ts): the command runs in the guest. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.remote ? 'remote:' : ''}${c.wrappers.join('>')}|${c.argv.join(' ')}`,
  );

describe('what a guest carrier runs in the guest', () => {
  it.each<[string, string]>([
    [
      'lxc exec prod-web -- rm -rf /var/www /etc/nginx',
      'remote:lxc exec prod-web|rm -rf /var/www /etc/nginx',
    ],
    ['lxc exec --cwd /srv prod:web -- rm -rf app', 'remote:lxc exec prod:web|rm -rf app'],
    [
      'incus exec db1 --user 0 -- sh -c "rm -rf /var/lib/pg"',
      'remote:incus exec db1>sh -c|rm -rf /var/lib/pg',
    ],
    ['lxc-attach -n web01 -- rm -rf /etc', 'remote:lxc-attach web01|rm -rf /etc'],
    ['lxc-attach web01 -- rm -rf /etc', 'remote:lxc-attach web01|rm -rf /etc'],
    [
      'multipass exec primary -- sudo rm -rf /home/ubuntu',
      'remote:multipass exec primary>sudo|rm -rf /home/ubuntu',
    ],
    [`vagrant ssh web -c 'rm -rf /var/www'`, 'remote:vagrant ssh web|rm -rf /var/www'],
    [`vagrant ssh --command 'rm -rf /var/www'`, 'remote:vagrant ssh default|rm -rf /var/www'],
    [
      `oc rsh -n prod dc/postgresql psql -c 'DROP DATABASE orders'`,
      `remote:oc rsh dc/postgresql|psql -c DROP DATABASE orders`,
    ],
    [`oc rsh pod/web-1 'rm -rf /opt/app'`, 'remote:oc rsh pod/web-1|rm -rf /opt/app'],
    [`oc exec -n prod deploy/api -- rm -rf /data`, 'remote:oc exec deploy/api|rm -rf /data'],
    ['pct exec 101 -- rm -rf /var/lib/mysql', 'remote:pct exec 101|rm -rf /var/lib/mysql'],
    ['qm guest exec 100 --timeout 30 -- rm -rf /etc', 'remote:qm guest exec 100|rm -rf /etc'],
    ['limactl shell --workdir / default rm -rf /var/lib', 'remote:limactl shell default|rm -rf /var/lib'],
    ['lima sudo rm -rf /var/lib/containerd', 'remote:lima default>sudo|rm -rf /var/lib/containerd'],
    ['colima ssh -- sudo rm -rf /var/lib/docker', 'remote:colima ssh>sudo|rm -rf /var/lib/docker'],
    [`minikube ssh 'sudo rm -rf /var/lib/etcd'`, 'remote:minikube ssh>sudo|rm -rf /var/lib/etcd'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // an interactive shell, a listing, help: nothing carried
    ['lxc exec web -- ', '|lxc exec web --'],
    ['lxc list', '|lxc list'],
    ['lxc-attach -n web01', '|lxc-attach -n web01'],
    ['multipass list', '|multipass list'],
    ['vagrant ssh web', '|vagrant ssh web'],
    ['oc rsh pod/web-1', '|oc rsh pod/web-1'],
    ['pct list', '|pct list'],
    ['qm guest cmd 100 ping', '|qm guest cmd 100 ping'],
    ['limactl list', '|limactl list'],
    ['colima ssh', '|colima ssh'],
    ['minikube ssh', '|minikube ssh'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
