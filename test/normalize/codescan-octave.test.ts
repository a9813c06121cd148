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
