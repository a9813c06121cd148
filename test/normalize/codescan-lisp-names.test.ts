/** Common Lisp names as the Scheme reader knows them (src/normalize/codescan-lisp-names.ts). */
import { describe, expect, it } from 'vitest';
import { lispName } from '../../src/normalize/codescan-lisp-names.js';

describe('Common Lisp names', () => {
  it.each<[string, string]>([
    ['uiop:run-program', 'run-program'],
    ['sb-ext:run-program', 'run-program'],
    ['ext:run-shell-command', 'run-shell-command'],
    ['drakma:http-request', 'http-request'],
    ['dex:delete', 'http-delete'],
    ['dexador:post', 'http-post'],
    // unchanged: Common Lisp's own delete, other packages, plain names
    ['delete', 'delete'],
    ['alexandria:flatten', 'alexandria:flatten'],
    ['system', 'system'],
  ])('%s → %s', (word, name) => expect(lispName(word)).toBe(name));
});
