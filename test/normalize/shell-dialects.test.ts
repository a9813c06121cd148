/** Shells of their own syntax, their command spellings read as bash's (src/normalize/shell-dialects.ts). */
import { describe, expect, it } from 'vitest';
import { dialectScript } from '../../src/normalize/shell-dialects.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

describe("elvish's spellings of a command", () => {
  it.each<[string, string]>([
    ['e:rm -rf ~/.config', 'rm -rf ~/.config'],
    ['e:sudo e:rm -rf /srv', 'sudo rm -rf /srv'],
    ['echo (e:git status); e:ls', 'echo (git status); ls'],
    ['os:remove-all /srv/data', 'rm -rf /srv/data'],
    ['os:remove /tmp/x', 'rm /tmp/x'],
    ['echo file:e:x', 'echo file:e:x'],
  ])('%s', (text, want) => expect(dialectScript('elvish', text)).toBe(want));

  it('leaves other shells alone', () => expect(dialectScript('bash', 'e:rm x')).toBe('e:rm x'));
});

const ctx = filesContext({});
const argvs = (script: string) => normalizeIn(ctx, script).commands.map((c) => c.argv.join(' '));

describe('elvish -c runs the external commands it names', () => {
  it.each<[string, string]>([
    ["elvish -c 'e:rm -rf /srv/x /srv/y'", 'rm -rf /srv/x /srv/y'],
    ["elvish -c 'os:remove-all /srv/data'", 'rm -rf /srv/data'],
  ])('%s', (script, want) => expect(argvs(script)).toContain(want));
});
