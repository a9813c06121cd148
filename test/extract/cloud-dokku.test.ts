/**
 * Dokku commands (src/extract/cloud-dokku.ts), read as `service|verb|resource|all|force`,
 * and end to end with the dokku pack (on the host, and sent as the dokku ssh user).
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { readDokku } from '../../src/extract/cloud-dokku.js';
import { command, packVerdict } from '../helpers/command.js';

const read = (line: string) => {
  const d = readDokku(command(shellParse(line).map((t) => (typeof t === 'string' ? t : ''))));
  return d
    ? [d.service, d.verb, d.resource, d.all ? 'all' : '', d.force ? 'force' : ''].join('|')
    : undefined;
};

describe('dokku commands, read by plugin and verb', () => {
  it.each<[string, string | undefined]>([
    ['dokku apps:destroy acme --force', 'apps|destroy|acme||force'],
    ['dokku --force mongo:destroy analytics', 'mongo|destroy|analytics||force'],
    ['dokku --app acme config:unset DATABASE_URL', 'config|unset|DATABASE_URL acme||'],
    ['dokku postgres:unlink acme-db acme', 'postgres|unlink|acme-db acme||'],
    ['dokku ps:stop --all', 'ps|stop||all|'],
    ['dokku logs acme --tail', '|logs|acme||'],
    ['dokku --quiet', undefined],
  ])('%s → %s', (line, want) => expect(read(line)).toBe(want));
});

const dokku = await packVerdict('dokku');

describe('destroying, overwriting, detaching and stopping ask', () => {
  it.each([
    ['ssh dokku@203.0.113.80 postgres:destroy acme-db --force', 'ask dokku/destroy'],
    ['ssh -l dokku 203.0.113.80 redis:destroy cache --force', 'ask dokku/destroy'],
    ['dokku network:destroy internal', 'ask dokku/destroy'],
    ['dokku mysql:import shop-db < dump.sql', 'ask dokku/overwrite-or-detach-data'],
    [
      'dokku storage:unmount acme /var/lib/dokku/data/storage/acme:/app/storage',
      'ask dokku/overwrite-or-detach-data',
    ],
    ['ssh dokku@h config:clear acme', 'ask dokku/overwrite-or-detach-data'],
    ['dokku postgres:backup-deauth acme-db', 'ask dokku/overwrite-or-detach-data'],
    ['ssh dokku@h ps:stop acme', 'ask dokku/stop'],
  ])('%s', (script, want) => expect(dokku(script)).toBe(want));
});

describe('listing, reports, logs, links made and backups taken stay allowed', () => {
  it.each([
    'ssh dokku@203.0.113.80 apps:list',
    'ssh dokku@203.0.113.80 postgres:info acme-db',
    'dokku postgres:list',
    'dokku logs acme --tail',
    'dokku apps:report acme',
    'dokku storage:list acme',
    'dokku postgres:backup acme-db s3-bucket',
    'dokku config:set acme LOG_LEVEL=debug',
    'dokku ps:restart acme',
    // another ssh user: not the dokku CLI
    'ssh ops@203.0.113.80 apps:destroy acme',
  ])('%s', (script) => expect(dokku(script)).toBe('allow'));
});
