import { describe, expect, it } from 'vitest';
import { revealedSecret } from '../../src/extract/credential-reveal.js';
import { command, packVerdict } from '../helpers/command.js';

const secrets = await packVerdict('secrets');

describe('what a password manager or secret store prints', () => {
  it.each<[string[], string]>([
    [['gopass', 'show', '-o', 'prod/db/password'], 'gopass show'],
    [['gopass', 'cat', 'certs/key'], 'gopass cat'],
    [['gopass', 'prod/db/password'], 'gopass show'],
    [['pass', 'show', 'github/token'], 'pass show'],
    [['pass', 'github/token'], 'pass show'],
    [['pass', 'grep', 'AKIA'], 'pass grep'],
    [['pass', 'otp', 'aws/root'], 'pass otp'],
    [['op', 'read', 'op://Prod/DB/password'], 'op read'],
    [['op', 'inject', '-i', 'env.tpl'], 'op inject'],
    [['op', 'item', 'get', 'Prod DB', '--reveal'], 'op item get'],
    [['op', 'item', 'get', 'Prod DB', '--fields', 'label=password'], 'op item get'],
    [['op', 'item', 'get', 'Prod DB', '--format', 'json'], 'op item get'],
    [['bw', 'get', 'password', 'github'], 'bw get password'],
    [['bw', 'get', 'item', 'github'], 'bw get item'],
    [['rbw', 'get', 'github'], 'rbw get'],
    [['lpass', 'show', 'prod/db'], 'lpass show'],
    [['lpass', 'show', '--password', 'prod/db'], 'lpass show'],
    [['keepassxc-cli', 'show', '-s', 'vault.kdbx', 'AWS root'], 'keepassxc-cli show'],
    [['keepassxc-cli', 'show', '-a', 'Password', 'vault.kdbx', 'AWS root'], 'keepassxc-cli show'],
    [['keepassxc-cli', 'export', 'vault.kdbx'], 'keepassxc-cli export'],
    [['kwallet-query', '-r', 'github', 'kdewallet'], 'kwallet-query --read-password'],
    [['chamber', 'export', 'prod-api'], 'chamber export'],
    [['chamber', 'read', 'prod-api', 'db_password'], 'chamber read'],
    [['chamber', 'list', '-e', 'prod-api'], 'chamber list --expand'],
    [['doppler', 'secrets'], 'doppler secrets'],
    [
      ['doppler', 'secrets', 'download', '--no-file', '--format', 'env'],
      'doppler secrets download --no-file',
    ],
    [['infisical', 'export', '--env', 'prod'], 'infisical export'],
    // listings, names, usernames, the clipboard, a file the tool writes
    [['gopass', 'ls', 'prod'], ''],
    [['gopass', 'sync'], ''],
    [['gopass', 'show', '-c', 'prod/db/password'], ''],
    [['pass'], ''],
    [['pass', 'ls'], ''],
    [['pass', 'insert', 'github/token'], ''],
    [['pass', 'show', '-c', 'github/token'], ''],
    [['op', 'item', 'get', 'Prod DB', '--fields', 'username'], ''],
    [['op', 'item', 'list'], ''],
    [['op', 'read', '-o', '/tmp/key', 'op://Prod/ssh/private key'], ''],
    [['op', 'run', '--env-file=.env.tpl', '--', 'npm', 'test'], ''],
    [['bw', 'get', 'username', 'github'], ''],
    [['bw', 'list', 'items', '--search', 'github'], ''],
    [['rbw', 'get', '--field', 'username', 'github'], ''],
    [['lpass', 'show', '--username', 'prod/db'], ''],
    [['lpass', 'show', '-c', '--password', 'prod/db'], ''],
    [['keepassxc-cli', 'show', 'vault.kdbx', 'AWS root'], ''],
    [['keepassxc-cli', 'show', '-a', 'UserName', 'vault.kdbx', 'AWS root'], ''],
    [['keepassxc-cli', 'clip', 'vault.kdbx', 'AWS root'], ''],
    [['chamber', 'list', 'prod-api'], ''],
    [['chamber', 'export', '-o', 'prod.json', 'prod-api'], ''],
    [['chamber', 'exec', 'prod-api', '--', 'node', 'server.js'], ''],
    [['doppler', 'secrets', '--only-names'], ''],
    [['infisical', 'export', '--output-file', '.env'], ''],
    [['aws-vault', 'list'], ''],
  ])('%o → %s', (argv, want) => {
    const c = command(argv);
    expect(revealedSecret(c, [c])).toBe(want);
  });
});

describe('a stored secret printed to the terminal asks; piped into another command, that command decides', () => {
  it.each([
    ['gopass show -o prod/db/password', 'ask secrets/credential-store-read'],
    ['keepassxc-cli show -s -a Password vault.kdbx "AWS root"', 'ask secrets/credential-store-read'],
    ['chamber export prod-api', 'ask secrets/credential-store-read'],
    ['op read op://Prod/DB/password > /tmp/pw', 'ask secrets/credential-store-read'],
    ['op read op://Prod/DB/password | docker login -u ci --password-stdin registry.example.com', 'allow'],
    ['doppler secrets download --no-file --format env --project api --config dev | wc -l', 'allow'],
    ['gopass ls prod', 'allow'],
    ['chamber list prod-api', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(secrets(script)).toBe(expected);
  });
});
