/**
 * A find root its tests rule out is not deleted itself (src/extract/fs-find-root.ts): the
 * delete is read as what is below it. Through the real pipeline with the filesystem pack.
 */
import { describe, expect, it } from 'vitest';
import { belowRoots } from '../../src/extract/fs-find-root.js';
import { command, packVerdict } from '../helpers/command.js';

const fs = await packVerdict('filesystem');
const DENY = 'deny filesystem/destroy-root-home-system';

describe('belowRoots', () => {
  it.each<[string[], [string, string][]]>([
    [
      ['find', '/tmp', '-maxdepth', '1', '-name', 'pytest-of-*', '-exec', 'rm', '-rf', '{}', '+'],
      [['/tmp', '/tmp/pytest-of-*']],
    ],
    [['find', '/tmp', '-name', 'pytest-of-*', '-delete'], [['/tmp', '/tmp/*']]],
    [['find', '/', '-mindepth', '1', '-maxdepth', '1', '-delete'], [['/', '/*']]],
    [['find', '/srv/a', '-path', '/srv/a/cache/*', '-delete'], [['/srv/a', '/srv/a/*']]],
    [['find', 'x/', '-iname', '*.LOG', '-delete'], [['x/', 'x/*']]],
    // the root may itself match: no test, a name it matches, an operator
    [['find', '/', '-exec', 'rm', '-rf', '{}', '+'], []],
    [['find', '/tmp', '-name', 't*', '-delete'], []],
    [['find', '.', '-name', '.*', '-delete'], []],
    [['find', '/tmp', '-name', 'a*', '-o', '-maxdepth', '0', '-delete'], []],
    [['find', '/tmp', '!', '-name', 'a*', '-delete'], []],
    [['find', '/tmp', '-path', '/t*', '-delete'], []],
    [['find', '/tmp', '-regex', '.*/a', '-delete'], []],
  ])('%j', (argv, want) => expect([...belowRoots(command(argv))]).toEqual(want));
});

describe('find deletes below a root its tests rule out (filesystem pack)', () => {
  it.each([
    ["find /tmp -maxdepth 1 -name 'pytest-of-*' -mtime +7 -exec rm -rf {} +", 'allow'],
    ["find /tmp -mindepth 1 -maxdepth 1 -user $(id -u) -name 'tmp.*' -delete", 'allow'],
    ["find /var/tmp -maxdepth 1 -name 'npm-*' -exec rm -rf {} \\;", 'allow'],
    ["find /tmp -name '*.pyc' -delete", 'allow'],
    // the root itself, or below a root that matters
    ['find / -exec rm -rf {} +', DENY],
    ['find ~ -maxdepth 0 -exec rm -rf {} \\;', DENY],
    ["find /etc -name '*.conf' -delete", DENY],
    ["find /tmp -maxdepth 0 -name 'tmp' -exec rm -rf {} +", DENY],
    ["find /tmp -name 'pytest-*' -o -maxdepth 0 -exec rm -rf {} +", DENY],
    ['find ~ -mindepth 1 -maxdepth 1 -exec rm -rf {} +', DENY],
    ["find /usr -name 'lib*' -exec rm -rf {} +", DENY],
    ["find / -mindepth 1 -maxdepth 1 -name 'e*' -delete", DENY],
  ])('%s → %s', (script, expected) => expect(fs(script)).toBe(expected));
});
