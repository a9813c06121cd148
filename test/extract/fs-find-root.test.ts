/**
 * A find root its tests rule out is not deleted itself (src/extract/fs-find-root.ts): the
 * delete is read as what is below it. Through the real pipeline with the filesystem pack.
 */
import { describe, expect, it } from 'vitest';
import { belowRoots, sparesPath } from '../../src/extract/fs-find-root.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

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

describe('sparesPath: the tests leave out a path below the root and its parents', () => {
  it.each<[string[], string, string, boolean]>([
    [['find', '/tmp', '-name', '*.pyc', '-delete'], '/tmp', 'ci/ws', true],
    [['find', '/tmp', '-iname', '__PYCACHE__', '-exec', 'rm', '-rf', '{}', '+'], '/tmp', 'ci/ws', true],
    [['find', '/tmp/', '-path', '*/__pycache__/*', '-delete'], '/tmp/', 'ci/ws', true],
    [['find', '..', '-name', '*.o', '-delete'], '..', 'ws', true],
    [['find', '/tmp', '-maxdepth', '1', '-name', '*', '-delete'], '/tmp', 'ci/ws', false],
    [
      ['find', '/tmp', '-mindepth', '2', '-maxdepth', '2', '-name', '*.log', '-delete'],
      '/tmp',
      'ci/ws',
      true,
    ],
    // a test that takes the workspace, one of its parents, or all that is in it
    [['find', '/tmp', '-name', 'ws', '-exec', 'rm', '-rf', '{}', '+'], '/tmp', 'ci/ws', false],
    [['find', '/tmp', '-name', 'c*', '-exec', 'rm', '-rf', '{}', '+'], '/tmp', 'ci/ws', false],
    [['find', '/tmp', '-path', '/tmp/ci/*', '-delete'], '/tmp', 'ci/ws', false],
    [['find', '/tmp', '-mindepth', '3', '-delete'], '/tmp', 'ci/ws', false],
    [['find', '/tmp', '-mindepth', '1', '-name', '?*', '-delete'], '/tmp', 'ci/ws', false],
    [['find', '/tmp', '-type', 'f', '-delete'], '/tmp', 'ci/ws', false],
    [['find', '/tmp', '-name', 'a*', '-o', '-name', 'b*', '-delete'], '/tmp', 'ci/ws', false],
    [['find', '/tmp', '-name', '*.pyc', '-delete'], '/tmp', '', false],
  ])('%j below %s: %s → %s', (argv, root, rel, want) =>
    expect(sparesPath(command(argv), root, rel)).toBe(want),
  );
});

// The corpus tests make their workspace under /tmp: the verdict must not depend on that.
const tmpWs = await packVerdict('filesystem', analyzeContext('/tmp/ci/ws', { home: '/home/ana' }));

describe('a selective find below a parent of the workspace (workspace under /tmp)', () => {
  it.each([
    ["find /tmp -name '*.pyc' -delete", 'allow'],
    ["find /tmp -iname '__pycache__' -type d -exec rm -rf {} +", 'allow'],
    ["find /tmp -path '*/node_modules/.cache/*' -delete", 'allow'],
    ["find .. -name '*.pyc' -delete", 'allow'],
    // the workspace, its parents or all it holds, or no selective test
    ["find /tmp -name 'ws' -exec rm -rf {} +", DENY],
    ["find /tmp -name 'c?' -exec rm -rf {} +", DENY],
    ["find /tmp -path '/tmp/ci/ws/*' -delete", DENY],
    ['find /tmp -mindepth 3 -delete', DENY],
    ['find /tmp -type f -delete', DENY],
    ['find /tmp -delete', DENY],
    ["find / -name '*.pyc' -delete", DENY],
    ['find ~ -mindepth 1 -delete', DENY],
  ])('%s → %s', (script, expected) => expect(tmpWs(script)).toBe(expected));
});
