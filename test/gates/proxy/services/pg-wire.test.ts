/** PostgreSQL frontend framing and the explainer's protocol sniffing: tables of real byte layouts. */
import { describe, expect, it } from 'vitest';
import { sniff } from '../../../../src/gates/proxy/services/explain.js';
import {
  CODE,
  cutFirst,
  cutTyped,
  errorResponse,
  readyForQuery,
  sqlOf,
} from '../../../../src/gates/proxy/services/pg-wire.js';

const first = (code: number, body = Buffer.alloc(0)) => {
  const b = Buffer.alloc(8);
  b.writeInt32BE(8 + body.length, 0);
  b.writeInt32BE(code, 4);
  return Buffer.concat([b, body]);
};
const typed = (t: string, body: Buffer) => {
  const h = Buffer.alloc(5);
  h.write(t, 0, 'latin1');
  h.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([h, body]);
};
const z = (s: string) => Buffer.from(`${s}\0`);

describe('cutFirst', () => {
  it.each([
    ['ssl', first(CODE.ssl), 'ssl'],
    ['gssenc', first(CODE.gssenc), 'gssenc'],
    ['cancel', first(CODE.cancel, Buffer.alloc(8)), 'cancel'],
    [
      'startup',
      first(CODE.startup, Buffer.concat([z('user'), z('app'), z('database'), z('shop'), z('')])),
      'startup',
    ],
    ['other', first(1234), 'unknown'],
  ])('%s', (_n, buf, kind) => {
    const c = cutFirst(Buffer.concat([buf, Buffer.from('rest')]));
    expect('msg' in c && c.msg.kind).toBe(kind);
    expect('rest' in c && c.rest.toString()).toBe('rest');
  });

  it('reads startup parameters', () => {
    const c = cutFirst(
      first(CODE.startup, Buffer.concat([z('user'), z('app'), z('database'), z('shop'), z('')])),
    );
    expect('msg' in c && c.msg.params).toEqual({ user: 'app', database: 'shop' });
  });

  it.each([
    ['partial', Buffer.from([0, 0, 0]), 'more'],
    ['short length', first(CODE.startup).fill(0, 0, 4), 'error'],
  ])('%s → %s', (_n, buf, what) => {
    expect(what in cutFirst(buf)).toBe(true);
  });
});

describe('cutTyped and sqlOf', () => {
  it.each([
    ['simple query', typed('Q', z('DROP TABLE users')), 'DROP TABLE users'],
    ['parse', typed('P', Buffer.concat([z('s1'), z('DELETE FROM t'), Buffer.from([0, 0])])), 'DELETE FROM t'],
    ['bind', typed('B', Buffer.concat([z(''), z(''), Buffer.alloc(6)])), undefined],
  ])('%s', (_n, raw, sql) => {
    const c = cutTyped(Buffer.concat([raw, typed('S', Buffer.alloc(0))]));
    if (!('msg' in c)) throw new Error('not cut');
    expect(sqlOf(c.msg)).toBe(sql);
    expect(c.rest[0]).toBe('S'.charCodeAt(0));
  });

  it.each([
    ['partial header', Buffer.from('Q\0\0'), 'more'],
    ['partial body', typed('Q', z('select 1')).subarray(0, 8), 'more'],
    ['length under 4', Buffer.from([0x51, 0, 0, 0, 2]), 'error'],
  ])('%s → %s', (_n, buf, what) => {
    expect(what in cutTyped(buf)).toBe(true);
  });

  it('a message over the limit is an error (fail closed)', () => {
    expect('error' in cutTyped(typed('Q', z('x'.repeat(100))), 50)).toBe(true);
  });
});

describe('backend messages', () => {
  it('ErrorResponse carries severity, code, message and detail fields', () => {
    const e = errorResponse({ severity: 'ERROR', code: '42501', message: 'm', detail: 'd' });
    expect(e[0]).toBe(0x45);
    expect(e.readInt32BE(1)).toBe(e.length - 1);
    expect(e.subarray(5).toString('latin1')).toBe('SERROR\0VERROR\0C42501\0Mm\0Dd\0\0');
  });
  it('ReadyForQuery', () => {
    expect([...readyForQuery('T')]).toEqual([0x5a, 0, 0, 0, 5, 0x54]);
  });
});

describe('sniff (explainer)', () => {
  it.each([
    ['postgres ssl', first(CODE.ssl), 'postgres-ssl'],
    ['postgres startup', first(CODE.startup, z('user')), 'postgres'],
    ['http', Buffer.from('GET / HTTP/1.1\r\n'), 'http'],
    ['redis', Buffer.from('*1\r\n$4\r\nPING\r\n'), 'resp'],
    ['tls', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0, 0]), 'tls'],
    ['other', Buffer.from('SSH-2.0-x\r\n'), 'text'],
  ])('%s', (_n, head, kind) => {
    expect(sniff(head)).toBe(kind);
  });
});
