/**
 * A shell or interpreter made setuid (src/extract/privilege-setuid.ts), alone or after the
 * copy that made it: the words, or undefined.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { setuidShell } from '../../src/extract/privilege-setuid.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';

const ctx = filesContext({});
const setuid = (script: string) => {
  const cmds = normalize(parseScript(script, DEFAULT_LIMITS), ctx).commands;
  return cmds.map((c) => setuidShell(c, cmds)).find(Boolean);
};

describe('setuid shells', () => {
  it.each<[string, string | undefined]>([
    ['pkexec chmod 4755 /bin/bash', 'setuid /bin/bash'],
    ['sudo chmod u+s /usr/bin/python3', 'setuid /usr/bin/python3'],
    ['chmod a+rxs /usr/bin/find', 'setuid /usr/bin/find'],
    ['chmod 6755 /usr/local/bin/node', 'setuid /usr/local/bin/node'],
    ['cp /bin/bash /tmp/rb && sudo chmod +s /tmp/rb', 'setuid /tmp/rb'],
    ['cp /bin/sh /tmp/ && chmod 4777 /tmp/sh', 'setuid /tmp/sh'],
    ['sudo install -m 4755 /bin/dash /tmp/x', 'setuid copy of /bin/dash'],
    // the path a lookup prints: the program looked up
    ['sudo chmod u+s "$(command -v python3)"', 'setuid $(command -v python3)'],
    ['sudo chmod 4755 $(which bash)', 'setuid $(which bash)'],
    ['sudo chmod +s `which perl`', 'setuid `which perl`'],
    ['chmod u+s "$(readlink -f "$(which python3)")"', 'setuid $(readlink -f "$(which python3)")'],
    ['chmod u+s "$(type -P node)"', 'setuid $(type -P node)'],
    ['chmod 4755 "$(realpath /usr/bin/python3)"', 'setuid $(realpath /usr/bin/python3)'],
    ['sudo install -m 4755 "$(command -v python3)" /tmp/py', 'setuid copy of $(command -v python3)'],
    ['cp "$(which bash)" /tmp/rb && sudo chmod +s /tmp/rb', 'setuid /tmp/rb'],
    // must not match
    ['chmod +x "$(command -v python3)"', undefined],
    ['chmod u+s "$(command -v mytool)"', undefined],
    ['chmod u+s "$(find build -name helper)"', undefined],
    ['chmod u+s ./build/my-helper', undefined],
    ['chmod 755 /tmp/rb', undefined],
    ['cp /bin/bash /tmp/rb && chmod 755 /tmp/rb', undefined],
    ['chmod g+s shared-dir', undefined],
    ['chmod 2775 /srv/shared', undefined],
    ['install -m 755 build/tool /usr/local/bin/tool', undefined],
    ['chmod +x deploy.sh', undefined],
  ])('%s', (script, expected) => {
    expect(setuid(script)).toBe(expected);
  });
});
