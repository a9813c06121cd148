/**
 * Platforms' consoles that run a command on an application's machines (src/normalize/remote-paas.ts):
 * the command is walked as a remote one; a console without a command, and the platforms' other
 * commands, carry none.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const remote = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.argv.join(' ')} [${c.wrappers.join(', ')}]`);

describe('commands sent to a platform', () => {
  it.each<[string, string]>([
    [`heroku run rails runner 'User.delete_all' -a shop`, 'rails runner User.delete_all [heroku run shop]'],
    [
      `heroku run -a shop rails runner 'User.find_by(email: "a@example.com").destroy'`,
      'rails runner User.find_by(email: "a@example.com").destroy [heroku run shop]',
    ],
    [`heroku run:detached -a shop -- rm -rf /app/public`, 'rm -rf /app/public [heroku run:detached shop]'],
    [`heroku run:inside web.1 'rm -rf /app/tmp' -a shop`, 'rm -rf /app/tmp [heroku run:inside shop]'],
    [`fly ssh console -a shop -C "rm -rf /data"`, 'rm -rf /data [fly ssh console shop]'],
    [
      `flyctl console --command='bin/rails runner "User.delete_all"'`,
      'bin/rails runner User.delete_all [fly ssh console]',
    ],
    [
      `gcloud compute ssh web-1 --zone us-east1-b --command 'sudo rm -rf /srv/app'`,
      'rm -rf /srv/app [gcloud compute ssh web-1, sudo]',
    ],
    [`gcloud beta compute ssh web-1 -- rm -rf /srv/app`, 'rm -rf /srv/app [gcloud compute ssh web-1]'],
    [`cf ssh shop -c 'rm -rf /home/vcap/app'`, 'rm -rf /home/vcap/app [cf ssh shop]'],
    [`eb ssh prod-env --command 'rm -rf /var/app/current'`, 'rm -rf /var/app/current [eb ssh prod-env]'],
    [
      `kamal app exec --reuse -d production 'bin/rails runner "User.delete_all"'`,
      'bin/rails runner User.delete_all [kamal app exec]',
    ],
    [`dokku run shop rm -rf /app/storage`, 'rm -rf /app/storage [dokku run shop]'],
    [`dokku enter shop web rm -rf /app/storage`, 'rm -rf /app/storage [dokku enter shop]'],
    [`dokku enter shop --container-id ab12 rm -rf /app`, 'rm -rf /app [dokku enter shop]'],
    // fail closed: no process type given, the command read from the word after the app
    [`dokku enter shop rm -rf /app`, 'rm -rf /app [dokku enter shop]'],
    [`doctl compute ssh web-1 --ssh-command 'rm -rf /var/www'`, 'rm -rf /var/www [doctl compute ssh web-1]'],
  ])('%s', (script, want) => expect(remote(script)).toContain(want));

  it.each<string>([
    'heroku run bash -a shop',
    'heroku ps -a shop',
    'fly ssh console -a shop',
    'gcloud compute ssh web-1 --zone us-east1-b',
    'gcloud compute instances list',
    'cf ssh shop',
    'kamal app logs',
    'dokku apps:list',
    'dokku enter shop web',
    'doctl compute ssh web-1',
    'doctl compute droplet list',
  ])('%s sends no command (an interactive shell at most)', (script) =>
    expect(remote(script).filter((c) => !/^(bash|rails console)\b/.test(c))).toEqual([]),
  );
});
