/** Port forwarders that put another machine's service on every interface (src/extract/exposure-forwards.ts). */
import { describe, expect, it } from 'vitest';
import { openedForwards } from '../../src/extract/exposure-forwards.js';
import { command, packVerdict } from '../helpers/command.js';

const exposure = await packVerdict('exposure');
const opened = (argv: string[]) => openedForwards(command(argv)).map(([kind, said]) => `${kind}: ${said}`);

describe('another machine forwarded from every interface asks', () => {
  it.each<[string]>([
    [
      "ssh ops@bastion.prod 'nohup socat TCP-LISTEN:15432,fork,reuseaddr,bind=0.0.0.0 TCP:pg-prod-1.internal:5432 &'",
    ],
    ['socat tcp-l:6379,fork,reuseaddr tcp:redis.prod.internal:6379'],
    ['sudo socat -d -d TCP4-LISTEN:3306,fork TCP4:10.0.4.12:3306'],
    ['socat TCP6-LISTEN:9200,fork,bind=[::] TCP:search.prod:9200'],
    ['socat OPENSSL-LISTEN:443,cert=s.pem,fork TCP:admin.internal:8080'],
    ['socat TCP-LISTEN:15432,fork TCP:127.0.0.1:5432'],
    ['gost -L tcp://0.0.0.0:15432/127.0.0.1:5432'],
    ['gost -L tcp://:6379/10.0.3.4:6379'],
    ['gost -L=tcp://:3307/db.prod.internal:3306'],
    ['gost -L rtcp://:2222/127.0.0.1:22 -F relay+tls://vps.example.com:443'],
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe('forwarders that open nothing new stay allowed', () => {
  it.each<[string]>([
    ['socat TCP-LISTEN:8080,fork TCP:127.0.0.1:3000'],
    ['socat TCP-LISTEN:5432,fork,bind=127.0.0.1 TCP:db.prod:5432'],
    ['socat TCP-LISTEN:5432,fork,range=10.0.0.0/8 TCP:db:5432'],
    ['socat - TCP:db.prod:5432'],
    ['socat UNIX-LISTEN:/tmp/s.sock,fork TCP:db.prod:5432'],
    ['socat TCP-LISTEN:8080,fork TCP:localhost:80'],
    ['gost -L tcp://127.0.0.1:15432/db:5432'],
    ['gost -L tcp://:8080/127.0.0.1:3000'],
    ['gost -L socks5://127.0.0.1:1080'],
    ['gost -L :8080'],
  ])('%s', (script) => expect(exposure(script)).toBe('allow'));
});

it('says what is forwarded where', () => {
  expect(opened(['socat', 'TCP-LISTEN:15432,fork', 'TCP:pg.prod:5432'])).toEqual([
    'forward: listens on port 15432 of every interface, forwarding to pg.prod:5432',
  ]);
});
