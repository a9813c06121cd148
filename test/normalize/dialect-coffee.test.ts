/** CoffeeScript rewritten as JavaScript for the code scanner (src/normalize/dialect-coffee.ts). */
import { describe, expect, it } from 'vitest';
import { coffeeToJs } from '../../src/normalize/dialect-coffee.js';

describe('coffeeToJs', () => {
  it.each<[string, string]>([
    // calls without parentheses get them, up to the statement's end
    [
      `fs = require 'fs'; fs.rmSync '/x', recursive: true`,
      `fs = require('fs'); fs.rmSync('/x', recursive: true)`,
    ],
    [`require('cp').execSync 'ls -la'`, `require('cp').execSync('ls -la')`],
    [`console.log execSync 'ls'`, `console.log(execSync('ls'))`],
    [`foo(bar 'x')`, `foo(bar('x'))`],
    [`for f in files then fs.unlinkSync f`, `for f in files then fs.unlinkSync(f)`],
    [`run 'x' if ok`, `run('x') if ok`],
    // keywords and operators are not calls
    [`x = 1 if y is 2`, `x = 1 if y is 2`],
    [`return foo`, `return foo`],
    // comments are dropped, strings kept
    [`run 'a # b' # comment`, `run('a # b')`],
    [`### block\ncomment ###\nrun 'x'`, `\nrun('x')`],
    // interpolation becomes a template literal
    [`execSync "rm -rf #{dir}/x"`, 'execSync(`rm -rf ${dir}/x`)'],
    [`execSync "plain"`, `execSync("plain")`],
    // a `#` in a regex literal is not a comment; division is not a regex
    [`x = s.replace /#/g, ''; run 'y'`, `x = s.replace /\\x23/g, ''; run('y')`],
    [`x = (a) / 2 # half`, `x = (a) / 2 `],
    [`x = ///a # b///g; run 'y'`, `x = /(?:)/g; run('y')`],
  ])('%s → %s', (src, js) => expect(coffeeToJs(src)).toBe(js));
});
