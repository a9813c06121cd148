/**
 * find's -delete and -exec (src/normalize/fanout.ts) under `-L`: links are followed anywhere,
 * so what is reached below a root is not named by the root's path (fail closed: unknown).
 * Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('find -L reaching through links', () => {
  it.each([
    ['find -L build -delete', 'ask'],
    ["find -L build -name '*.tmp' -exec rm -f {} \\;", 'ask'],
    ['find -P -L . -type f -delete', 'ask'],
    // `-follow` among the tests follows links as -L does, wherever it is written
    ["find build -follow -name '*' -delete", 'ask'],
    ["find build -name '*.tmp' -follow -exec rm -f {} \\;", 'ask'],
    ['find -P build -type f -follow -delete', 'ask'],
    // without -L (or with -P last) a link is not followed: the root names what is reached
    ['find build -delete', 'allow'],
    ["find build -name '*.tmp' -exec rm -f {} \\;", 'allow'],
    ['find -L -P build -delete', 'allow'],
    ['find -H build -delete', 'allow'],
    ["find build -name '*.follow' -delete", 'allow'],
  ])('%s → %s', (script, want) => expect(verdict(script).split(' ')[0]).toBe(want));
});
