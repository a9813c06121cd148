/**
 * Well-known directories named by code (src/normalize/codescan-dirs.ts): the home directory
 * and the temporary directory (or a fresh one made in it), per language, as the path a delete
 * in that code targets.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);

describe('directories code names', () => {
  it.each<[string, string]>([
    // a fresh temporary directory: deleting in it deletes only what the code made
    [
      `python3 -c "import os, tempfile; d = tempfile.mkdtemp(); os.remove(os.path.join(d, 'sheet.csv'))"`,
      'rm -rf /tmp/tmp.XXXXXXXXXX/sheet.csv',
    ],
    [
      `python3 -c "import shutil, tempfile; shutil.rmtree(tempfile.mkdtemp(prefix='run-'))"`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [
      `node -e "const fs = require('fs'); fs.rmSync(fs.mkdtempSync('x-'), { recursive: true })"`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [
      `node -e "const fs = require('fs'), os = require('os'), path = require('path'); const d = fs.mkdtempSync(path.join(os.tmpdir(), 'f-')); fs.rmSync(d, { recursive: true })"`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [
      `dotnet script eval 'var dir = Directory.CreateTempSubdirectory("x-"); Directory.Delete(dir.FullName, recursive: true);'`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [
      `deno eval 'const p = await Deno.makeTempFile({ suffix: ".kv" }); await Deno.remove(p);'`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    // the temporary directory itself, and files in it
    [
      `python3 -c "import os, tempfile; os.remove(os.path.join(tempfile.gettempdir(), 'x.lock'))"`,
      'rm -rf /tmp/x.lock',
    ],
    [`python3 -c "import shutil, tempfile; shutil.rmtree(tempfile.gettempdir())"`, 'rm -rf /tmp'],
    [
      `node -e "const fs = require('fs'), os = require('os'); fs.rmSync(os.tmpdir(), { recursive: true })"`,
      'rm -rf /tmp',
    ],
    [`dotnet script eval 'File.Delete(Path.Combine(Path.GetTempPath(), "a.txt"))'`, 'rm -rf /tmp/a.txt'],
    // the home directory, by each language's name for it
    [
      `dotnet script eval 'Directory.Delete(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), true)'`,
      'rm -rf /h',
    ],
    [`python3 -c "import shutil, pathlib; shutil.rmtree(pathlib.Path.home())"`, 'rm -rf /h'],
    [
      `node -e "const fs = require('fs'); fs.rmSync(require('os').homedir(), { recursive: true })"`,
      'rm -rf /h',
    ],
    // other expressions stay unknown
    [`python3 -c "import shutil, tempfile; shutil.rmtree(make_dir())"`, 'dynamic:rm -rf make_dir()'],
    [
      `dotnet script eval 'Directory.Delete(Environment.GetFolderPath(Environment.SpecialFolder.Fonts), true)'`,
      'dynamic:rm -rf Environment.GetFolderPath(Environment.SpecialFolder.Fonts)',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});
