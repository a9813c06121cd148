/**
 * Delete functions handed to a higher-order call by name (src/normalize/codescan-callbacks.ts):
 * the scanner's deletions, and verdicts through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { scanCode } from '../../src/normalize/codescan.js';
import type { Lang } from '../../src/normalize/codelex.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;
/** The deletions the code makes (`<…>` = known only at run time). */
const deleted = (code: string, lang: Lang) =>
  scanCode(code, lang, '/h').flatMap((e) =>
    e.kind === 'rm' ? [e.target.dynamic ? `<${e.target.text}>` : e.target.text] : [],
  );

describe('delete callbacks', () => {
  it.each<[string, Lang, string[]]>([
    ['array_map("unlink", glob("/srv/x/*.pdf"));', 'php', ['/srv/x/*.pdf']],
    ['array_map(\'\\unlink\', glob("/srv/x/*"));', 'php', ['/srv/x/*']],
    ['array_walk(glob("/srv/x/*.csv"), fn($f) => unlink($f));', 'php', ['/srv/x/*.csv', '<$f>']],
    ['array_map(function ($f) { @unlink($f); }, scandir("/srv/y"));', 'php', ['/srv/y/*', '<$f>']],
    ['call_user_func_array("unlink", ["/etc/hosts"]);', 'php', ['/etc/hosts']],
    ['array_map("unlink", $files);', 'php', ['<$files>']],
    ['list(map(os.remove, glob.glob("/var/lib/a/*.pdf")))', 'python', ['/var/lib/a/*.pdf']],
    ['ex.map(shutil.rmtree, ["/srv/a", "/srv/b"])', 'python', ['/srv/a', '/srv/b']],
    ['glob.sync("/srv/x/*").forEach(fs.unlinkSync)', 'node', ['/srv/x/*']],
    ['Dir.glob("/srv/x/*").each(&File.method(:delete))', 'ruby', ['/srv/x/*']],
    // other callbacks delete nothing
    ['print_r(array_map("basename", glob("/srv/x/*")));', 'php', []],
    ['list(map(str.upper, ["a"]))', 'python', []],
    ['files.forEach(console.log)', 'node', []],
  ])('%s (%s)', (code, lang, want) => expect(deleted(code, lang)).toEqual(want));

  it.each<[string, string]>([
    [
      `ssh deploy@app01.prod.example.com "php -r 'array_map(\\"unlink\\", glob(\\"/var/www/acme/storage/app/invoices/*.pdf\\"));'"`,
      'deny',
    ],
    [`python3 -c 'import os,glob; list(map(os.remove, glob.glob("/var/lib/app/invoices/*.pdf")))'`, 'deny'],
    [`php -r 'array_map("unlink", $argv);'`, 'ask'],
    [`php -r 'array_map("unlink", glob(getenv("HOME") . "/.ssh/id_*"));'`, 'ask'],
    [`php -r 'array_map("unlink", [sys_get_temp_dir()]);'`, 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    `php -r 'array_map("unlink", glob("build/cache/*.tmp"));'`,
    // the temp folder, read as the code's values read it
    `php -r 'array_map("unlink", glob(sys_get_temp_dir() . "/phpunit-cache-*"));'`,
    `python3 -c 'import os, glob, tempfile; list(map(os.remove, glob.glob(tempfile.gettempdir() + "/x-*")))'`,
    `php -r 'print_r(array_map("basename", glob("/var/www/shop/uploads/*")));'`,
    `python3 -c 'print(list(map(os.path.basename, glob.glob("/srv/x/*"))))'`,
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
