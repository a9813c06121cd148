/**
 * Privilege granted through augtool (src/extract/privilege-augeas.ts), read through the
 * normalizer so heredocs, pipes and `sudo` arrive as they would.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { augeasGrant } from '../../src/extract/privilege-augeas.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';
import { packVerdict } from '../helpers/command.js';

const ctx = filesContext({
  '/w/wheel.aug': 'set /files/etc/group/wheel/user[last()+1] dev\nsave\n',
  '/w/hosts.aug': 'set /files/etc/hosts/01/ipaddr 10.0.0.5\nsave\n',
});
const found = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), ctx)
    .commands.map((c) => augeasGrant(c, ctx))
    .filter((f) => f !== undefined)
    .map(([verb, said]) => `${verb}: ${said}`);

const privilege = await packVerdict('privilege');

const SUDOERS_SPEC = [
  'set /files/etc/sudoers/spec[last()+1]/user dev',
  'set /files/etc/sudoers/spec[last()]/host_group/host ALL',
  'set /files/etc/sudoers/spec[last()]/host_group/command ALL',
  'set /files/etc/sudoers/spec[last()]/host_group/command/tag NOPASSWD',
].join('\n');

describe('augtool edits that grant root', () => {
  it.each<[string, string[]]>([
    [`sudo augtool -s <<'EOF'\n${SUDOERS_SPEC}\nEOF`, ['grant-admin: augtool sudoers command ALL']],
    [
      "augtool -s set '/files/etc/sudoers.d/ci/spec[1]/host_group/command' /bin/bash",
      ['grant-admin: augtool sudoers command /bin/bash'],
    ],
    [
      'printf \'set /files/etc/sudoers/Defaults[last()+1]/authenticate/negate ""\\nsave\\n\' | augtool',
      ['grant-admin: augtool sudoers !authenticate'],
    ],
    ['augtool -s set /files/etc/passwd/dev/uid 0', ['grant-admin: augtool uid 0']],
    ['augtool -f wheel.aug', ['grant-admin: augtool group wheel']],
    // fail closed: commands that cannot be read
    ['augtool -f missing.aug', ['unread-policy: augtool: commands not known']],
    ['echo "$CMDS" | augtool -s', ['unread-policy: augtool: commands not known']],
    // reading, other files, narrow rules, groups that are not root's
    ['augtool print /files/etc/sudoers', []],
    ['augtool match /files/etc/group/wheel/user', []],
    ['augtool -f hosts.aug', []],
    ["augtool -s set '/files/etc/sudoers/spec[1]/host_group/command' /usr/bin/apt", []],
    ["augtool -s set '/files/etc/group/video/user[last()+1]' dev", []],
    ['augtool -s set /files/etc/passwd/dev/shell /bin/zsh', []],
    ['augtool', []],
  ])('%s', (script, want) => expect(found(script)).toEqual(want));
});

describe('an augtool grant asks', () => {
  it.each([
    [`sudo augtool -s <<'EOF'\n${SUDOERS_SPEC}\nEOF`, 'ask privilege/grant-admin'],
    ['augtool print /files/etc/sudoers', 'allow'],
  ])('%s → %s', (script, expected) => expect(privilege(script)).toBe(expected));
});
