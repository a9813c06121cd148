/**
 * Inline Python/JavaScript read with real grammars: imports and aliases resolve to
 * canonical names, then the scanners find the same effects as for the plain spelling.
 */
import { describe, expect, it } from 'vitest';
import { canonicalCode } from '../../src/normalize/codeparse.js';
import { scanCode, type Effect } from '../../src/normalize/codescan.js';

const brief = (e: Effect): string => {
  if (e.kind === 'rm') return `rm ${e.target.text}`;
  if (e.kind === 'shell') return `shell ${e.script.text}`;
  if (e.kind === 'exec') return `exec ${e.argv.map((a) => a.text).join(' ')}`;
  if (e.kind === 'http') return `http ${e.method} ${e.url.text}`;
  return e.kind;
};

describe('canonicalCode', () => {
  it.each<[string, 'python' | 'node', string]>([
    ['import requests as r; r.post(u)', 'python', 'import requests as r; requests.post(u)'],
    [
      'from shutil import rmtree as nuke\nnuke(p)',
      'python',
      'from shutil import rmtree as nuke\nshutil.rmtree(p)',
    ],
    ['from os import system\nsystem(c)', 'python', 'from os import system\nos.system(c)'],
    [
      'import requests\nd = requests.delete\nd(u)',
      'python',
      'import requests\nd = requests.delete\nrequests.delete(u)',
    ],
    ['def f(r):\n  return r\nf(1)', 'python', 'def f(r):\n  return r\nf(1)'],
    [
      'const {execSync: x} = require("child_process"); x(c)',
      'node',
      'const {execSync: x} = require("child_process"); child_process.execSync(c)',
    ],
    [
      'import * as cp from "node:child_process"; cp.spawn(c)',
      'node',
      'import * as cp from "node:child_process"; child_process.spawn(c)',
    ],
    ['require("https").request(o)', 'node', 'https.request(o)'],
    [
      'const f = require("fs/promises"); f.rm(p)',
      'node',
      'const f = require("fs/promises"); fs.promises.rm(p)',
    ],
  ])('%s', (code, lang, want) => expect(canonicalCode(code, lang)).toBe(want));
});

describe('scanCode through aliases', () => {
  it.each<[string, 'python' | 'node', string[]]>([
    [
      'import requests as rq; rq.delete("https://a.example.com/v1/p/9")',
      'python',
      ['http DELETE https://a.example.com/v1/p/9'],
    ],
    [
      'from requests import delete\ndelete("https://a.example.com/x")',
      'python',
      ['http DELETE https://a.example.com/x'],
    ],
    ['from shutil import rmtree as r; r("/srv")', 'python', ['rm /srv']],
    [
      'import urllib.request as u; u.urlopen(u.Request("https://a.example.com/db", method="DELETE"))',
      'python',
      ['http DELETE https://a.example.com/db'],
    ],
    ['import subprocess as sp; sp.run(["rm", "-rf", "/srv"])', 'python', ['exec rm -rf /srv']],
    ['const {execSync: x} = require("child_process"); x("rm -rf /srv")', 'node', ['shell rm -rf /srv']],
    ['import {rmSync as zap} from "node:fs"; zap("/srv", {recursive: true})', 'node', ['rm /srv']],
    [
      'require("https").request({hostname: "a.example.com", path: "/v1/x", method: "DELETE"}).end()',
      'node',
      ['http DELETE https://a.example.com/v1/x'],
    ],
    [
      'const h = require("http"); h.get("http://a.example.com/s")',
      'node',
      ['http GET http://a.example.com/s'],
    ],
    [
      'import requests as rq; print(rq.get("https://a.example.com/s").text)',
      'python',
      ['http GET https://a.example.com/s'],
    ],
    ['from os import *\nsystem("rm -rf /srv")', 'python', ['shell rm -rf /srv']],
    [
      'from requests import *\ndelete("https://a.example.com/x")',
      'python',
      ['http DELETE https://a.example.com/x'],
    ],
  ])('%s', (code, lang, want) => expect(scanCode(code, lang, '/h').map(brief)).toEqual(want));
});
