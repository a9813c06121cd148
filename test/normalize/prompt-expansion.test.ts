/** `${x@P}` (src/normalize/prompt-expansion.ts): a prompt expansion runs the $(…) its value holds. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
/** Each normalized command as `wrappers|argv…` (dynamic ones marked), in order. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );
/** The issue codes of a script. */
const issues = (script: string) => normalizeIn(ctx, script).issues.map((i) => i.code);

describe('prompt expansion', () => {
  it.each<[string, string]>([
    ['x=\'$(rm -rf ~)\'; echo "${x@P}"', '${@P}|rm -rf /h'],
    ['x=\'`rm -rf /srv`\'; printf %s "${x@P}"', '${@P}|rm -rf /srv'],
    ['x=\'a "$(rm -rf /srv)" b\'; echo ${x@P}', '${@P}|rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // set by the script, not readable
    ['x=$(cat f); echo "${x@P}"'],
    // never set here: the environment's value may come from an earlier command of the agent
    ['echo "${PS1@P}"'],
    ['echo "${X@P}"'],
  ])('fails closed on a value not known: %s', (script) => expect(issues(script)).toContain('E_DYNAMIC_WORD'));

  it.each<[string]>([
    // runs nothing: no substitution in the value, other @ operators
    ['x=\'\\u@\\h:\\w\'; echo "${x@P}"'],
    ['x=hello; echo "${x@Q}" "${x@U}" "${x@E}"'],
    ['x=\'$(rm -rf ~)\'; echo "${x@Q}"'],
    ['echo "${X@Q}"'],
  ])('%s runs nothing', (script) => {
    expect(commands(script).filter((c) => !c.startsWith('|'))).toEqual([]);
    expect(issues(script)).toEqual([]);
  });
});
