/**
 * CDN cache purges (src/extract/cloud-cdn.ts). Facts: `tool|service|verb|resource`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud'
      ? [f.tool, f.service, f.verb, f.resource, 'generic' in f && f.generic ? 'generic' : ''].join('|')
      : '',
  );
};

describe('named cache entries purged', () => {
  it.each<[string, string[]]>([
    [
      'akamai purge invalidate https://www.example.com/index.html',
      ['akamai|cdn-cache|purge invalidate|https://www.example.com/index.html|'],
    ],
    ['akamai purge delete --tag homepage', ['akamai|cdn-cache|purge delete|homepage|']],
    [
      'fastly purge --url https://www.example.com/app.js',
      ['fastly|cdn-cache|purge|https://www.example.com/app.js|'],
    ],
    ['fastly purge --key product-42 -s SVC1', ['fastly|cdn-cache|purge|product-42|']],
    [
      'cloudflare cache purge --files https://www.example.com/a.js',
      ['cloudflare|cdn-cache|purge|https://www.example.com/a.js|'],
    ],
    ['bunny cdn purge /index.html /app.js', ['bunny|cdn-cache|purge|/index.html /app.js|']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('everything a cache holds', () => {
  it.each<[string, string[]]>([
    ['cloudflare cache purge --everything', ['cloudflare|cdn-cache|purge-all||']],
    // fail closed: a cache purge that names nothing
    ['cloudflare cache purge', ['cloudflare|cdn-cache|purge-all||']],
    ['bunny cdn purge /*', ['bunny|cdn-cache|purge-all|/*|']],
    ['acme cdn purge --all -y', ['acme|cdn-cache|purge-all||']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('purges that are not of a cache keep the generic reading', () => {
  it.each<[string, string[]]>([
    ['fastly purge --all --service-id SVC1', ['fastly||purge|SVC1|generic']],
    ['akamai purge invalidate --cpcode 12345', ['akamai||purge|invalidate|generic']],
    ['nats stream purge ORDERS --force', ['nats|stream|purge|ORDERS|generic']],
    ['acme-store purge /srv/data', ['acme-store||purge|/srv/data|generic']],
    ['acme-store purge --prefix logs/', ['acme-store||purge|logs/|generic']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('local simulators and emulators', () => {
  it.each<string>([
    'xcrun simctl erase all',
    'xcrun simctl delete unavailable',
    'avdmanager delete avd -n Pixel_7',
  ])('%s', (line) => expect(cloud(line)).toEqual([]));
});
