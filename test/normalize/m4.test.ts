/**
 * m4 input that runs shell commands (src/normalize/m4.ts): syscmd/esyscmd read from stdin,
 * input files, -D definitions and includes; what cannot be read is unknown.
 */
import { describe, expect, it } from 'vitest';
import { scanM4 } from '../../src/normalize/m4.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({
  '/w/build.m4': "divert(-1)\nsyscmd(`rm -rf /srv/app')\ndivert(0)dnl\n",
  '/w/top.m4': "include(`build.m4')dnl\n",
  '/w/plain.m4': "define(`NAME', `world')dnl\nHello NAME\n",
});

function run(script: string) {
  const r = normalizeIn(ctx, script);
  return {
    issues: r.issues,
    argvs: r.commands.map((c) => c.argv.join(' ')),
    unknown: r.commands.some((c) => c.program === '' && c.dynamic),
  };
}

describe('m4 input that runs commands', () => {
  it.each<[string, string]>([
    ["m4 <<< 'syscmd(rm -rf /srv/app)'", 'rm -rf /srv/app'],
    ["m4 <<'EOF'\nesyscmd(`rm -rf /srv/app')\nEOF", 'rm -rf /srv/app'],
    ["printf 'syscmd(rm -rf /srv/app)' | m4", 'rm -rf /srv/app'],
    ['m4 build.m4', 'rm -rf /srv/app'],
    ['m4 top.m4', 'rm -rf /srv/app'],
    ["echo 'syscmd(rm -rf /x)' > /tmp/a.m4; m4 /tmp/a.m4", 'rm -rf /x'],
    ["m4 -D 'X=syscmd(rm -rf /x)' /dev/null", 'rm -rf /x'],
    ["m4 -P <<< 'm4_esyscmd(rm -rf /x)'", 'rm -rf /x'],
    ["m4 <<'EOF'\nindir(`syscmd', `rm -rf /x')\nEOF", 'rm -rf /x'],
    ['m4 <<EOF\nchangequote([,])syscmd([rm -rf /x])\nEOF', 'rm -rf /x'],
  ])('%s runs %s', (script, inner) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    expect(r.argvs).toContain(inner);
  });

  it.each<[string]>([
    // the macro renamed or built: not read
    ["m4 <<< 'define(x, syscmd)x(rm -rf /x)'"],
    ["m4 <<'EOF'\ndefine(`run', defn(`esyscmd'))run(ls)\nEOF"],
    // input not known statically
    ['m4 missing.m4'],
    ['m4 "$F"'],
    ['cat x.m4 | m4'],
    ["m4 -R state.m4f <<< 'x'"],
  ])('%s runs something unknown', (script) => expect(run(script).unknown).toBe(true));

  it.each<[string]>([['m4 plain.m4'], ["m4 <<< 'define(NAME, world)Hello NAME'"], ['m4 --version']])(
    '%s runs nothing',
    (script) => {
      const r = run(script);
      expect(r.unknown).toBe(false);
      expect(r.argvs).toHaveLength(1);
    },
  );

  it.each<[string, string[], boolean]>([
    ["syscmd(`ls -l')", ['ls -l'], false],
    ["syscmd(`echo `nested' quotes')", ["echo `nested' quotes"], false],
    ['syscmd(echo (a, b))', ['echo (a, b)'], false],
    ["esyscmd(date) and syscmd(`rm x')", ['date', 'rm x'], false],
    ['syscmd(unclosed', [], true],
    ['no commands here', [], false],
  ])('scanM4(%j)', (text, cmds, unknown) => {
    const s = scanM4(text);
    expect(s.cmds).toEqual(cmds);
    expect(s.unknown).toBe(unknown);
  });
});
