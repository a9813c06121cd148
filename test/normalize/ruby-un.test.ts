/**
 * Ruby's un library (src/normalize/ruby-un.ts): `ruby -run -e CMD` read as the Unix command it
 * runs, and its httpd as a file server (src/extract/exposure-servers.ts), through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { unArgs } from '../../src/normalize/ruby-un.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('ruby -run -e', () => {
  it.each<[string, string]>([
    ['sudo ruby -run -e httpd / --port=80 --bind-address=0.0.0.0', 'ask'],
    ['ruby -run -e httpd / -p 8080', 'ask'],
    ['sudo -u root ruby -r un -e httpd -- ~ --bind-address=0.0.0.0 --port 9000', 'ask'],
    ['env RUBYOPT=-W0 ruby -run -ehttpd / --port=80', 'ask'],
    ['cd ~ && ruby -run -e httpd . -p 8000', 'ask'],
    ['ruby -run -e rm -- -rf /srv/acme/releases', 'deny'],
    ['ruby -r un -e rm -- -f /etc/ssh/sshd_config', 'deny'],
    ['ruby -run -e mv -- ~/.ssh /tmp/x', 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    'ruby -run -e httpd ./public -p 3000',
    'ruby -run -e httpd ./dist --port=8000 --bind-address=127.0.0.1',
    'ruby -run -e httpd / --bind-address=127.0.0.1 --port=8080',
    'ruby -run -e mkdir -- -p tmp/cache',
    'ruby -run -e rm -- -f tmp/x.log',
    'ruby -run -e help httpd',
    'ruby -e httpd /',
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));

  it.each<[string[], ReturnType<typeof unArgs>]>([
    [['ruby', '-run', '-e', 'rm', '--', '-rf', 'x'], { name: 'rm', args: ['-rf', 'x'] }],
    [['ruby', '-r', 'un', '-ehttpd', '/'], { name: 'httpd', args: ['/'] }],
    [['ruby', '-e', 'rm', 'x'], undefined],
    [['ruby', '-run', '-e', 'puts 1'], undefined],
  ])('unArgs(%j)', (words, want) => expect(unArgs(words)).toEqual(want));
});
