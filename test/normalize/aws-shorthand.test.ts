/** The AWS CLI's parameter maps (src/normalize/aws-shorthand.ts): JSON or shorthand, key → values. */
import { describe, expect, it } from 'vitest';
import { parseParamMap } from '../../src/normalize/aws-shorthand.js';

const read = (text: string) => {
  const m = parseParamMap(text);
  return m ? Object.fromEntries(m) : undefined;
};

describe('AWS parameter maps', () => {
  it.each<[string, Record<string, string[]> | undefined]>([
    ['commands=["rm -rf /x"]', { commands: ['rm -rf /x'] }],
    [`commands=['a, b', "c \\"d\\""]`, { commands: ['a, b', 'c "d"'] }],
    ['commands=rm -rf /x', { commands: ['rm -rf /x'] }],
    ['commands=ls,pwd', { commands: ['ls', 'pwd'] }],
    ['commands=ls,workingDirectory=/srv', { commands: ['ls'], workingDirectory: ['/srv'] }],
    ['commands=["ls"],executionTimeout=["60"]', { commands: ['ls'], executionTimeout: ['60'] }],
    ['{"commands":["a","b"],"executionTimeout":"60"}', { commands: ['a', 'b'], executionTimeout: ['60'] }],
    ['commands=a,FOO=1 rm -rf /x', { commands: ['a'], FOO: ['1 rm -rf /x'] }],
    // not readable: the caller fails closed
    ['{"commands":', undefined],
    ['{"commands":[{"x":1}]}', undefined],
    ['commands=["unterminated', undefined],
    ['just words', undefined],
  ])('%s', (text, want) => expect(read(text)).toEqual(want));
});
