import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { readCacheBan } from '../../src/extract/cloud-cache-bans.js';
import { command } from '../helpers/command.js';

const ADM = ['varnishadm', '-T', 'varnish.example.internal:6082', '-S', '/etc/varnish/secret'];
const read = (argv: string[], stdin?: StdinSource) => {
  const d = readCacheBan(command(argv, { stdin }));
  return d && [d.verb, d.resource];
};

describe('Varnish bans: everything, or named objects', () => {
  it.each<[string[], StdinSource | undefined, string[] | undefined]>([
    [[...ADM, 'ban req.url ~ .'], undefined, ['purge-all', 'req.url ~ .']],
    [[...ADM, 'ban', 'req.url', '~', '/'], undefined, ['purge-all', 'req.url ~ /']],
    [[...ADM, 'ban req.http.host ~ .*'], undefined, ['purge-all', 'req.http.host ~ .*']],
    [[...ADM, 'ban obj.status != 0'], undefined, ['purge-all', 'obj.status != 0']],
    [[...ADM, 'ban.url .'], undefined, ['purge-all', '.']],
    [['varnishadm'], { kind: 'heredoc', text: 'ban req.url ~ ^/\n' }, ['purge-all', 'req.url ~ ^/']],
    // Named paths, hosts and tags: the cache fetches them again.
    [[...ADM, 'ban req.url ~ ^/assets/'], undefined, ['purge', 'req.url ~ ^/assets/']],
    [
      [...ADM, 'ban req.http.host == shop.example.com && req.url ~ .'],
      undefined,
      ['purge', 'req.http.host == shop.example.com && req.url ~ .'],
    ],
    [[...ADM, 'ban obj.http.x-tag ~ product-42'], undefined, ['purge', 'obj.http.x-tag ~ product-42']],
    // Not bans.
    [[...ADM, 'ban.list'], undefined, undefined],
    [[...ADM, 'status'], undefined, undefined],
    [['varnishstat', '-1'], undefined, undefined],
  ])('%j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});
