/**
 * Temporary folders in code (src/normalize/codescan-dirs.ts), through the whole reading: a fresh folder the code makes is
 * read as the folder `mktemp -d` makes; the system's temp folder itself stays /tmp.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { lispTemp, tempExpr } from '../../src/normalize/codescan-dirs.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const GO = (body: string) =>
  `cat > m.go <<'EOF'\npackage main\nimport "os"\nfunc main() {\n${body}\n}\nEOF\ngo run m.go`;

describe('a delete of a fresh temp folder the code made', () => {
  it.each<[string, string]>([
    [
      `python3 -c 'import tempfile, shutil; d = tempfile.mkdtemp(prefix="x"); shutil.rmtree(d)'`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [
      `python3 -c 'from tempfile import mkdtemp; import shutil; shutil.rmtree(mkdtemp())'`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [
      GO('d, err := os.MkdirTemp("", "x-*")\nif err != nil { panic(err) }\nos.RemoveAll(d)'),
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [GO('d, _ := os.MkdirTemp("", "x")\ndefer os.RemoveAll(d)'), 'rm -rf /tmp/tmp.XXXXXXXXXX'],
    [
      `node -e 'const fs=require("fs"),os=require("os"),path=require("path"); const d=fs.mkdtempSync(path.join(os.tmpdir(),"x-")); fs.rmSync(d,{recursive:true})'`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [`ruby -e 'require "tmpdir"; d = Dir.mktmpdir; FileUtils.rm_rf(d)'`, 'rm -rf /tmp/tmp.XXXXXXXXXX'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});

describe('the system temp folder, and other folders, stay what they are', () => {
  it.each<[string, string]>([
    [`python3 -c 'import tempfile, shutil; shutil.rmtree(tempfile.gettempdir())'`, 'rm -rf /tmp'],
    [`node -e 'require("fs").rmSync(require("os").tmpdir(), {recursive: true})'`, 'rm -rf /tmp'],
    [GO('os.RemoveAll(os.TempDir())'), 'rm -rf /tmp'],
    // a value and its error from another call: not known
    [GO('d, err := os.Getwd()\nif err == nil { os.RemoveAll(d) }'), 'dynamic:rm -rf'],
    [`python3 -c 'import shutil; d = make_dir(); shutil.rmtree(d)'`, 'dynamic:rm -rf'],
  ])('%s', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want) && !c.includes('XXXX'))).toBe(true),
  );
});

describe('tempExpr', () => {
  it.each<[string, string | undefined]>([
    ['tempfile.mkdtemp()', '/tmp/tmp.XXXXXXXXXX'],
    ['Files.createTempDirectory(\u00010\u0002)', '/tmp/tmp.XXXXXXXXXX'],
    ['tempfile::tempdir()', '/tmp/tmp.XXXXXXXXXX'],
    ['Directory.CreateTempSubdirectory()', '/tmp/tmp.XXXXXXXXXX'],
    ['Path.GetTempPath()', '/tmp'],
    // a call after the fresh folder's call is something else
    ['tempfile.mkdtemp().upper()', undefined],
    ['mkdtemp(a)+b(c)', undefined],
    ['make_tmp()', undefined],
  ])('%s → %s', (expr, want) => expect(tempExpr(expr)).toBe(want));
});

describe('lispTemp', () => {
  it.each<[string, string, string | undefined]>([
    ['make-temporary-directory', '', '/tmp/tmp.XXXXXXXXXX'],
    ['make-temporary-file*', '#"x"', '/tmp/tmp.XXXXXXXXXX'],
    ['mkdtemp', '"/tmp/sXXXXXX"', '/tmp/tmp.XXXXXXXXXX'],
    ['find-system-path', '(quote temp-dir)', '/tmp'],
    ['temporary-directory', '', '/tmp'],
    ['find-system-path', '(quote home-dir)', undefined],
    ['make-directory', '"/tmp/x"', undefined],
  ])('%s %s → %s', (head, arg, want) => expect(lispTemp(head, arg)).toBe(want));
});
