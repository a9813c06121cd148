/** IPython's syntax rewritten as Python (src/normalize/ipython.ts) and read through `ipython -c`. */
import { describe, expect, it } from 'vitest';
import { ipythonToPython } from '../../src/normalize/ipython.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('IPython cells as Python', () => {
  it.each<[string, string]>([
    ['!rm -rf build', 'os.system("rm -rf build")'],
    ['!!ls -la', 'os.system("ls -la")'],
    ['files = !ls', 'files = os.system("ls")'],
    ['%sx git status', 'os.system("git status")'],
    ['%system make clean', 'os.system("make clean")'],
    ['%%bash\nrm -rf /srv\necho done', 'os.system("rm -rf /srv\\necho done")'],
    ['%%script bash\nrm -rf /srv', 'os.system("rm -rf /srv")'],
    ['!rm -rf {target}', 'os.system(__ipython_command__)'],
    ['!rm -rf $target', 'os.system(__ipython_command__)'],
    ['%timeit sum(range(10))', 'pass'],
    ['%cd /tmp\nprint(1)', 'pass\nprint(1)'],
    ['x = 1 != 2', 'x = 1 != 2'],
    ['print("!not a command")', 'print("!not a command")'],
    ['%%timeit\nx = 1', ''],
  ])('%j → %j', (cell, python) => expect(ipythonToPython(cell)).toBe(python));
});

describe('what ipython -c runs', () => {
  it.each<[string, string]>([
    [
      'ipython -c "import shutil; shutil.rmtree(\'/var/lib/postgresql\')"',
      'ipython -c|rm -rf /var/lib/postgresql',
    ],
    ['ipython -c "!rm -rf ~"', 'ipython -c|rm -rf /h'],
    ['ipython3 -c "%sx git push --force origin main"', 'ipython -c|git push --force origin main'],
    ['ipython -c "!rm -rf {target}"', 'ipython -c|dynamic:__ipython_command__'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    ['ipython -c "%timeit sum(range(10))"', ['|ipython -c %timeit sum(range(10))']],
    [
      'ipython -c "import numpy; print(numpy.__version__)"',
      ['|ipython -c import numpy; print(numpy.__version__)'],
    ],
    ['ipython notebook_export.py', ['|ipython notebook_export.py']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});
