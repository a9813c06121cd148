/**
 * ssh as the `dokku` user (src/normalize/remote-dokku.ts): the words sent are the dokku
 * CLI's arguments on the host; other users' commands stay as written.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.remote ? 'remote:' : ''}${c.argv.join(' ')}`,
  );

describe('ssh as dokku runs the dokku CLI', () => {
  it.each<[string, string]>([
    [
      'ssh dokku@203.0.113.80 postgres:destroy acme-db --force',
      'ssh dokku@203.0.113.80|remote:dokku postgres:destroy acme-db --force',
    ],
    [
      'ssh -t dokku@paas.example.com apps:destroy acme',
      'ssh dokku@paas.example.com|remote:dokku apps:destroy acme',
    ],
    ['ssh -l dokku 203.0.113.80 redis:destroy cache', 'ssh 203.0.113.80|remote:dokku redis:destroy cache'],
    ['ssh -o User=dokku 203.0.113.80 apps:list', 'ssh 203.0.113.80|remote:dokku apps:list'],
    ['ssh dokku@h -- storage:unmount acme /a:/b', 'ssh dokku@h|remote:dokku storage:unmount acme /a:/b'],
    // written with the program name: taken as written
    ['ssh dokku@h dokku ps:stop --all', 'ssh dokku@h|remote:dokku ps:stop --all'],
    // enter: the command runs in the app's container
    ['ssh dokku@h enter acme web rm -rf /app', 'ssh dokku@h>dokku enter acme|remote:rm -rf /app'],
    // another user: a shell command as usual
    ['ssh ops@h postgres:destroy acme-db', 'ssh ops@h|remote:postgres:destroy acme-db'],
    ['ssh dokkuadmin@h apps:list', 'ssh dokkuadmin@h|remote:apps:list'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});
