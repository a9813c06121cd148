/**
 * Python's standard HTTP clients (src/normalize/codescan-python.ts, codescan-http.ts): a Request
 * whose method is set after it is made (urllib2's `get_method` override, `req.method = …`) and
 * Python 2's httplib connections, read as the requests they send; and deletes of what a
 * directory walk or glob finds.
 */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

/** The requests the code sends, as `METHOD URL`. */
const requests = (code: string) =>
  scanCode(code, 'python', '/h')
    .filter((e) => e.kind === 'http')
    .map((e) => (e.kind === 'http' ? `${e.method} ${e.url.dynamic ? `<${e.url.text}>` : e.url.text}` : ''));

describe('Python requests whose method is set on the Request', () => {
  it.each<[string, string]>([
    [
      "import urllib2; r = urllib2.Request('https://api.acme.io/v1/orgs/x', headers={'A': 'b'}); r.get_method = lambda: 'DELETE'; urllib2.urlopen(r)",
      'DELETE https://api.acme.io/v1/orgs/x',
    ],
    [
      "import urllib.request as u\nreq = u.Request('https://api.acme.io/v1/repos/x')\nreq.get_method = lambda *a, **k: 'PUT'\nu.urlopen(req)",
      'PUT https://api.acme.io/v1/repos/x',
    ],
    [
      "import urllib.request as u; req = u.Request('https://api.acme.io/v1/repos/x'); req.method = 'DELETE'; u.urlopen(req)",
      'DELETE https://api.acme.io/v1/repos/x',
    ],
    // fail closed: a method not known statically
    [
      "import urllib2; r = urllib2.Request('https://api.acme.io/v1/x'); r.get_method = lambda: verb; urllib2.urlopen(r)",
      'DYNAMIC https://api.acme.io/v1/x',
    ],
    [
      "import httplib; c = httplib.HTTPSConnection('api.acme.io'); c.request('DELETE', '/v1/buckets/logs')",
      'DELETE https://api.acme.io/v1/buckets/logs',
    ],
  ])('%s', (code, want) => expect(requests(code)).toContain(want));

  it.each<[string]>([
    [
      "import urllib2; r = urllib2.Request('https://api.acme.io/v1/users'); r.get_method = lambda: 'GET'; urllib2.urlopen(r)",
    ],
    ["import urllib2; print(urllib2.urlopen('https://api.acme.io/v1/status').read())"],
    // a `method` attribute of something that is not a Request
    ["import urllib2; o = Options(); o.method = 'DELETE'; urllib2.urlopen('https://api.acme.io/v1/x')"],
    ["import httplib; c = httplib.HTTPSConnection('api.acme.io'); c.request('GET', '/v1/status')"],
  ])('%s sends nothing that changes', (code) =>
    expect(requests(code).filter((r) => !r.startsWith('GET '))).toEqual([]),
  );
});

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
