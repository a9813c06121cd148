/**
 * Front ends of languages the scanner reads (src/normalize/front-ends.ts): SageMath as Python
 * and its bundled tools, kscript as Kotlin, CoffeeScript's command line, through the real
 * pipeline (the CoffeeScript rewrite itself: dialect-coffee.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('what language front ends run', () => {
  it.each<[string, string]>([
    [`sage -c 'import shutil; shutil.rmtree("/data/warehouse")'`, 'ask'],
    [`sage -c 'import os; os.system("rm -rf /srv/shared")'`, 'deny'],
    [`sage -python -c 'import shutil; shutil.rmtree("/var/lib/postgresql")'`, 'deny'],
    [`sage --sh -c 'rm -rf /opt/sage/local'`, 'deny'],
    ['sage -git push --force origin main', 'ask'],
    [`echo 'import os; os.system("rm -rf /srv/x")' | sage`, 'deny'],
    [`kscript 'java.io.File(System.getProperty("user.home") + "/projects").deleteRecursively()'`, 'ask'],
    [`kscript 'java.io.File("/srv/data").deleteRecursively()'`, 'deny'],
    [`kscript 'Runtime.getRuntime().exec("rm -rf /var/www")'`, 'deny'],
    [`echo 'java.io.File("/srv/data").deleteRecursively()' | kscript -`, 'deny'],
    [`coffee -e "require('fs').rmSync('/var/www/uploads', {recursive: true, force: true})"`, 'deny'],
    [`coffee --eval "fs = require 'fs'; fs.rmSync '/var/lib/app', recursive: true"`, 'deny'],
    [`echo "require('child_process').execSync 'git push --force origin main'" | coffee -s`, 'ask'],
    [`coffee -b -e "require('child_process').execSync 'rm -rf /srv/data'"`, 'deny'],
    // fail closed: a command interpolated at run time
    [`coffee -e 'execSync "rm -rf #{dir}"'`, 'ask'],
    // -e is a switch: the code is the first operand, after any other option
    [`coffee -e -b "require('child_process').execSync 'rm -rf /srv/data'"`, 'deny'],
    // -t is CoffeeScript 2's --transpile: the code still runs
    [`coffee -t -e "require('child_process').execSync 'rm -rf /srv/data'"`, 'deny'],
    [`coffee -e "x = 'a'.replace /#/g, ''; require('child_process').execSync 'rm -rf /srv/data'"`, 'deny'],
    // fail closed: code or a script known only at run time
    ['kscript "$CODE"', 'ask'],
    ['kotlin -e "$CODE"', 'ask'],
    ['coffee -e "$CODE"', 'ask'],
    ['sage $F', 'ask'],
    // a script fetched from the network and run unread, as `curl … | sh`
    ['kscript https://example.com/x.kts', 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    `sage -c 'print(2+2)'`,
    `sage -c 'factor(2^64 - 1)'`,
    'sage --version',
    'sage -n jupyter',
    'sage -t src/foo.py',
    `kscript 'println("hello")'`,
    'kscript --help',
    'kscript hello.kts',
    `coffee -e 'console.log 1'`,
    'coffee -c src/app.coffee',
    'coffee -bc -o lib/ src/',
    `coffee -p -e "require('fs').rmSync('/srv/data', {recursive: true})"`,
    `coffee -e 'x = 1 if y is 2'`,
    `coffee -e -b 'console.log 1 + 1'`,
    `coffee -e "x = 'a#b'.replace /#/g, ''; console.log x"`,
    `coffee --tokens -e "require('child_process').execSync 'rm -rf /srv/data'"`,
    `kotlin -e 'println(1 + 1)'`,
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
