/** Deletes of what a directory walk finds in inline Python (src/normalize/codescan-python.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const deletes = (code: string) =>
  normalizeIn(filesContext({}), `python3 - <<'PY'\n${code}\nPY`)
    .commands.filter((c) => c.program === 'rm')
    .map((c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '));

describe('a delete of each file a walk finds', () => {
  it.each<[string, string]>([
    // a selective pattern below this folder: the matching files, as find -name finds them
    [
      "import pathlib, shutil\nfor d in pathlib.Path('.').rglob('__pycache__'):\n    shutil.rmtree(d)",
      'rm -rf ./__pycache__',
    ],
    ["from pathlib import Path\nfor p in Path('src').rglob('*.pyc'):\n    p.unlink()", 'rm -rf src/*.pyc'],
    ["import glob, os\nfor f in glob.glob('build/*.o'):\n    os.remove(f)", 'rm -rf build/*.o'],
    [
      "from pathlib import Path\nfor p in Path('/tmp/x').glob('*.log'):\n    p.unlink()",
      'rm -rf /tmp/x/*.log',
    ],
    ["import glob, os\nfor f in glob.glob('**/*.pyc', recursive=True):\n    os.remove(f)", 'rm -rf *.pyc'],
    [
      "import glob, os\nfor f in glob.glob('/etc/**/*.conf', recursive=True):\n    os.remove(f)",
      'rm -rf /etc/**/*.conf',
    ],
    // everything below the base: a pattern that selects all, an rglob outside this folder, other walks
    ["import pathlib, shutil\nfor d in pathlib.Path('.').glob('*'):\n    shutil.rmtree(d)", 'rm -rf ./*'],
    ["import pathlib\nfor p in pathlib.Path('/etc').rglob('*.conf'):\n    p.unlink()", 'rm -rf /etc/*'],
    [
      "import pathlib, shutil\nfor d in pathlib.Path('..').rglob('node_modules'):\n    shutil.rmtree(d)",
      'rm -rf ../*',
    ],
    ["import os\nfor f in os.listdir('/srv'):\n    os.remove(f)", 'rm -rf /srv/*'],
    // fail closed: a variable no walk binds
    ['import os, sys\nf = sys.argv[1]\nos.remove(f)', 'dynamic:rm -rf sys.argv[1]'],
  ])('%s', (code, want) => expect(deletes(code)).toContain(want));

  it('a move is no delete', () => {
    expect(
      deletes("import glob, shutil\nfor f in glob.glob('*.txt'):\n    shutil.move(f, 'old/')"),
    ).not.toContain('rm -rf *.txt');
  });
});
