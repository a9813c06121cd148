/** The masker catches netrc-style `password VALUE` lines, not the word in prose. */
import { describe, expect, it } from 'vitest';
import { maskText } from '../../src/secrets/index.js';

// Built at run time so the test source holds no secret-looking literal.
const V = ['Zk29', 'xLq8', 'Vv31'].join('');

describe('netrc passwords', () => {
  it.each([
    [`machine api.example.com login bob password ${V}\n`],
    [`machine api.example.com\n  login bob\n  password ${V}\n`],
    [`default login anonymous password ${V}`],
    [`password\t${V}\n`],
  ])('%#: masked', (text) => {
    const out = maskText(text);
    expect(out.includes(V)).toBe(false);
    expect(out).toContain('agentfw:masked:');
  });

  it.each([['the password reset9 is set'], ['enter password changeme'], ['passwordless login works']])(
    '%s: left alone',
    (text) => expect(maskText(text)).toBe(text),
  );
});
