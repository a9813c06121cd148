/** Octave and MATLAB code (src/normalize/codescan-octave.ts): what it runs, deletes and evaluates. */
import { describe, expect, it } from 'vitest';
import { scanOctave } from '../../src/normalize/codescan-octave.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const effects = (code: string) =>
  scanOctave(code, '/h').map((e) =>
    e.kind === 'rm'
      ? `rm ${e.target.dynamic ? '<dynamic>' : e.target.text}`
      : e.kind === 'shell'
        ? `sh ${e.script.text}`
        : e.kind,
  );

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('Octave code', () => {
  it.each<[string, string[]]>([
    ["confirm_recursive_rmdir(false); rmdir(getenv('HOME'), 's')", ['rm /h']],
    ["rmdir(fullfile(getenv('HOME'), 'data'), 's')", ['rm /h/data']],
    ["rmdir('~/data', 's')", ['rm /h/data']],
    ["delete('build/tmp.mat')", ['rm build/tmp.mat']],
    ['unlink("/etc/hosts")', ['rm /etc/hosts']],
    ["system('rm -rf /srv')", ['sh rm -rf /srv']],
    ["unix('git push --force')", ['sh git push --force']],
    ['x = 1; !rm -rf /srv', ['sh rm -rf /srv']],
    ["eval('system(''rm -rf /srv'')')", ['sh rm -rf /srv']],
    ['rmdir(target, "s")', ['rm <dynamic>']],
    ['eval(cmd)', ['dynamic']],
    ['system(cmd)', ['dynamic']],
    // fail closed: a runner named other than as a call (a handle, command syntax)
    ["f = @system; f('rm -rf /srv')", ['dynamic']],
    ['system rm -rf /srv', ['dynamic']],
    // an empty folder only; nothing run
    ["rmdir('out')", []],
    ['x = 1 + 2; disp(x); y = x != 3', []],
    ["printf('%d\\n', 3)", []],
  ])('%s', (code, want) => expect(effects(code)).toEqual(want));

  it.each<[string, string[]]>([
    [
      `octave --eval "confirm_recursive_rmdir(false); rmdir(getenv('HOME'), 's')"`,
      [
        `|octave --eval confirm_recursive_rmdir(false); rmdir(getenv('HOME'), 's')`,
        'octave --eval|rm -rf /h',
      ],
    ],
    [
      `matlab -batch "system('rm -rf /srv')"`,
      [`|matlab -batch system('rm -rf /srv')`, 'octave --eval|rm -rf /srv'],
    ],
    ['octave run_tests.m', ['|octave run_tests.m']],
    ['octave-cli --eval "disp(pi)"', ['|octave-cli --eval disp(pi)']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

const scilab = (code: string) =>
  scanOctave(code, '/h', 0, true).map((e) =>
    e.kind === 'rm'
      ? `rm ${e.target.dynamic ? '<dynamic>' : e.target.text}`
      : e.kind === 'shell'
        ? `sh ${e.script.text}`
        : e.kind === 'http'
          ? `${e.method} ${e.url.text}${e.body !== undefined ? ` ${e.body}` : ''}`
          : e.kind,
  );

describe('Scilab code', () => {
  it.each<[string, string[]]>([
    ['unix_g("rm -rf /srv/results"); exit', ['sh rm -rf /srv/results']],
    ["unix_w('rm -rf /srv'); quit", ['sh rm -rf /srv']],
    ['unix_x("dropdb app")', ['sh dropdb app']],
    ['unix_s("rm -rf /srv")', ['sh rm -rf /srv']],
    ['host("rm -rf /srv")', ['sh rm -rf /srv']],
    ['powershell("Remove-Item -Recurse C:/data")', ['sh Remove-Item -Recurse C:/data']],
    ['removedir("/home/shared/models")', ['rm /home/shared/models']],
    ['rmdir("/srv/x", "s")', ['rm /srv/x']],
    ['deletefile("/etc/hosts")', ['rm /etc/hosts']],
    ['mdelete("/srv/logs/*.log")', ['rm /srv/logs/*.log']],
    ['removedir(home + "/x")', ['rm <dynamic>']],
    ['execstr("unix_g(""rm -rf /srv"")")', ['sh rm -rf /srv']],
    ['execstr(cmd)', ['dynamic']],
    ['unix_g(cmd)', ['dynamic']],
    // evstr evaluates, deff's body is code; a runner held in a variable is not read
    ['evstr("unix_g(""rm -rf /srv"")")', ['sh rm -rf /srv']],
    ['deff("y=f()", "y=unix_g(""rm -rf /srv"")"); f()', ['sh rm -rf /srv']],
    ['f = unix_g; f("rm -rf /srv")', ['dynamic']],
    ['host = "example.com"; disp(host)', []],
    ['http_delete("https://api.acme.io/v1/x")', ['DELETE https://api.acme.io/v1/x']],
    ['http_post("https://api.acme.io/v1/x", "{}")', ['POST https://api.acme.io/v1/x {}']],
    // `%pi` is a constant and `//` a comment; `delete` is a graphics call; an empty folder only
    ['disp(%pi); removedir("/srv/y") // unix_g("rm -rf /z")', ['rm /srv/y']],
    ['delete(gcf())', []],
    ['rmdir("out")', []],
    ['disp(unix_g("ls -la"))', ['sh ls -la']],
    ['x = 2 + 2; disp(x)', []],
  ])('%s', (code, want) => expect(scilab(code)).toEqual(want));

  it.each<[string, string[]]>([
    [
      `scilab-cli -nwni -e 'unix_g("rm -rf /srv/r"); exit'`,
      [`|scilab-cli -nwni -e unix_g("rm -rf /srv/r"); exit`, 'scilab -e|rm -rf /srv/r'],
    ],
    [
      `scilab -nw -l en -e 'removedir("/srv/m")'`,
      [`|scilab -nw -l en -e removedir("/srv/m")`, 'scilab -e|rm -rf /srv/m'],
    ],
    ['scilab-cli -nwni -f run_all.sce', ['|scilab-cli -nwni -f run_all.sce']],
    ["scilab-cli -nwni -e 'disp(2+2); exit'", ['|scilab-cli -nwni -e disp(2+2); exit']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
