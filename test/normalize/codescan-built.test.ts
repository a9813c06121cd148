/**
 * Shell commands inline code joins from literals and variables (src/normalize/codescan-built.ts):
 * the program word is read and judged, each variable a value not known; a program word that is a
 * variable stays a command whose name is unknown.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

function run(script: string) {
  const r = normalizeIn(ctx, script);
  return {
    issues: r.issues,
    argvs: r.commands.map((c) => c.argv.join(' ')),
    unknownName: r.commands.some((c) => c.program === ''),
  };
}

describe('commands built by inline code', () => {
  it.each<[string, string]>([
    [`python3 -c 'import os,sys; h=sys.argv[1]; os.system("ping -c1 " + h)'`, 'ping -c1 ${h}'],
    [`python3 -c 'import os,sys; h=sys.argv[1]; os.system(f"ping -c1 {h}")'`, 'ping -c1 ${h}'],
    [`python3 -c 'import os,sys; h=sys.argv[1]; os.system("ping -c1 %s" % h)'`, 'ping -c1 ${h}'],
    [`python3 -c 'import os,sys; h=sys.argv[1]; os.system("ping -c1 {}".format(h))'`, 'ping -c1 ${h}'],
    [
      `python3 -c 'import subprocess,sys; d=sys.argv[1]; subprocess.run(f"rm -rf {d}", shell=True)'`,
      'rm -rf ${d}',
    ],
    [`python3 -c 'import os; os.system("du -sh " + str(p.name))'`, 'du -sh ${value1}'],
    [`ruby -e 'h = ARGV[0]; system("ping -c1 #{h}")'`, 'ping -c1 ${h}'],
    [`ruby -e 'h = ARGV[0]; puts \`ping -c1 #{h}\`'`, 'ping -c1 ${h}'],
    [`perl -e 'my $h = shift; system("ping -c1 $h")'`, 'ping -c1 ${h}'],
    [`perl -e 'my $h = shift; system("ping -c1 " . $h)'`, 'ping -c1 ${h}'],
    [`php -r '$h = $argv[1]; system("ping -c1 $h");'`, 'ping -c1 ${h}'],
    [
      `node -e 'const h = process.argv[1]; require("child_process").execSync(\`ping -c1 \${h}\`)'`,
      'ping -c1 ${h}',
    ],
    [
      `node -e 'const h = process.argv[1]; require("child_process").execSync("ping -c1 " + h)'`,
      'ping -c1 ${h}',
    ],
  ])('%s runs %s', (script, want) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    expect(r.argvs).toContain(want);
    // fail closed: the values are pasted into shell text, so the command is also one not fully known
    expect(r.unknownName).toBe(true);
  });

  it.each<[string]>([
    // the program word is a variable
    [`python3 -c 'import os,sys; p=sys.argv[1]; os.system(p + " --version")'`],
    [`python3 -c 'import os,sys; os.system(f"{sys.argv[1]} -v")'`],
    [`ruby -e 'system("sudo #{ARGV[0]}")'`],
    [`perl -e 'my $c = shift; system("$c --help")'`],
    // not a concatenation of values: a call's result, arithmetic
    [`python3 -c 'import os; os.system("ping " + input().strip() * 2)'`],
  ])('%s: a command whose name is unknown', (script) => {
    expect(run(script).unknownName).toBe(true);
  });
});
