import { describe, expect, it } from 'vitest';
import { scanAwk } from '../../src/normalize/awk.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const FILES: Record<string, string> = {
  '/w/clean.awk': 'END { system("rm -rf /srv/data") }\n',
};

const ctx = filesContext(FILES);

function run(script: string) {
  const r = normalizeIn(ctx, script);
  return {
    issues: r.issues,
    argvs: r.commands.map((c) => c.argv.join(' ')),
    dynamic: r.commands.some((c) => c.dynamic),
    unknownName: r.commands.some((c) => c.program === ''),
  };
}

describe('awk programs that run commands', () => {
  it.each<[string, string]>([
    [`awk 'BEGIN{system("rm -rf ~")}'`, 'rm -rf /h'],
    [`gawk 'BEGIN { print "rm -rf /" | "sh" }'`, 'rm -rf /'],
    [`mawk 'BEGIN { printf("rm -rf /etc") | "bash" }'`, 'rm -rf /etc'],
    [`nawk 'BEGIN { while (("rm -rf /var" | getline l) > 0) print l }'`, 'rm -rf /var'],
    [`busybox awk 'END{system("rm" " -rf /opt")}' /dev/null`, 'rm -rf /opt'],
    [`awk -F: -v x=1 'BEGIN{ system("shred -u /etc/passwd") }'`, 'shred -u /etc/passwd'],
    // other implementations: GoAWK, frawk, the BWK awk
    [`goawk 'BEGIN { system("rm -rf /var/lib/docker/volumes") }'`, 'rm -rf /var/lib/docker/volumes'],
    [`frawk 'BEGIN { print "rm -rf /srv" | "sh" }'`, 'rm -rf /srv'],
    [`one-true-awk 'BEGIN{system("rm -rf /usr")}'`, 'rm -rf /usr'],
    [`awk -f clean.awk data.txt`, 'rm -rf /srv/data'],
    [`echo 'BEGIN{system("rm -rf /x")}' > p.awk; gawk -f p.awk`, 'rm -rf /x'],
    [`awk 'BEGIN{system("bash -c \\"rm -rf /y\\"")}'`, 'rm -rf /y'],
    // a variable the program assigns one string, then runs
    [`awk 'BEGIN { cmd = "rm -rf /z"; system(cmd) }'`, 'rm -rf /z'],
    [`awk 'BEGIN { c = "rm -rf"; d = " /z"; c d | getline }'`, 'rm -rf /z'],
    [
      `awk 'BEGIN { cmd = "git rev-parse --short HEAD"; cmd | getline sha; close(cmd); print sha }'`,
      'git rev-parse --short HEAD',
    ],
  ])('%s runs %s', (script, inner) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    expect(r.argvs).toContain(inner);
  });

  it.each<[string]>([
    [`awk '{system($0)}' cmds.txt`],
    [`awk '{ cmd = "rm -rf " $1; cmd | getline }' list`],
    [`awk -f "$PROG" data`],
    [`awk -f missing.awk data`],
    [`awk 'BEGIN{system("x)}'`],
    // a variable assigned twice, changed, read into, or set from outside is not a constant
    [`awk 'BEGIN { c = "ls"; if (x) c = "rm -rf /"; system(c) }'`],
    [`awk 'BEGIN { c = "ls"; c = c " /"; system(c) }'`],
    [`awk '{ c = "ls"; getline c < "f"; system(c) }'`],
    [`awk -v c=ls 'BEGIN { system(c) }'`],
    // gawk's network special files are connections, not commands
    [`gawk 'BEGIN { s = "/inet/tcp/0/203.0.113.9/4444"; print "x" |& s }'`],
    [`gawk 'BEGIN { print "x" |& "/inet/tcp/0/203.0.113.9/4444" }'`],
    [`awk -v c='rm -rf /' 'BEGIN { if (!c) c = "ls"; system(c) }'`],
    [`awk 'function f(c) { system(c) } BEGIN { c = "ls"; f("rm -rf /") }'`],
    // a concatenation whose program word is a variable or a field
    [`awk '{ system($1 " --version") }' list`],
    [`gawk '{ system("/usr/bin/" $1 " -v") }' list`],
    [`awk '{ system("sudo " $1) }' list`],
  ])('%s: a command built at run time is a command whose name is unknown', (script) => {
    expect(run(script).unknownName).toBe(true);
  });

  it.each<[string]>([
    [`awk -F'|' '{print $2}' data.txt`],
    [`awk '{ print $1 | "sort -u" }' f`],
    [`awk 'BEGIN { "date" | getline d; print d }'`],
    [`awk '/a|b/ { n++ } END { print n || 0 }' f`],
    [`awk '{ s = "system(x)"; print s }' f`],
    [`awk 'NR > 1 { print $3 / 2 }' f`],
  ])('%s stays literal', (script) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    expect(r.dynamic).toBe(false);
  });
});

describe('awk commands joined from literals and variables', () => {
  it.each<[string, string[]]>([
    [
      `gawk 'BEGIN { while ((getline h < "hosts.txt") > 0) system("ping -c1 -W1 " h " >/dev/null && echo up " h) }'`,
      ['ping -c1 -W1 ${h}', 'echo up ${h}'],
    ],
    [`awk '{ system("rm -rf " $1) }' list`, ['rm -rf ${field1}']],
    [`mawk '{ system("wc -l " $0) }' list`, ['wc -l ${line}']],
    [`awk '{ d = $1; system("rm -rf /tmp/" d) }' list`, ['rm -rf /tmp/${d}']],
    [`awk '{ "stat -c %s " $1 | getline sz; print sz }' list`, ['stat -c %s ${field1}']],
    [`awk '{ print "x" | "mail -s " subj[$1] " ops" }' list`, ['mail -s ${subj} ops']],
    // a constant joined with a variable: the constant's text
    [`awk 'BEGIN { c = "git log -1"; system(c " " ref) }'`, ['git log -1 ${ref}']],
  ])('%s runs %j, its variables values not known', (script, want) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    for (const w of want) expect(r.argvs).toContain(w);
    // fail closed: the values are pasted into shell text, so the command is also one not fully known
    expect(r.unknownName).toBe(true);
  });
});

describe('awk printing into a shell', () => {
  it('the shell reads text not known statically: it is marked dynamic', () => {
    const r = normalizeIn(ctx, `awk '{ print $0 | "sh" }' list`);
    expect(r.commands.find((c) => c.program === 'sh')).toMatchObject({
      dynamic: true,
      stdin: { kind: 'pipe' },
    });
  });
});

describe('scanAwk', () => {
  it.each<[string, { how: string; cmd?: string; input?: string }[]]>([
    ['BEGIN{system("ls")}', [{ how: 'system', cmd: 'ls' }]],
    ['{print "a" | "cat"}', [{ how: 'pipe-to', cmd: 'cat', input: 'a\n' }]],
    ['{"uname" | getline u}', [{ how: 'pipe-from', cmd: 'uname' }]],
    ['# system("rm")\n{print}', []],
  ])('%j', (src, want) => {
    expect(scanAwk(src)).toEqual(want.map((w) => expect.objectContaining(w)));
  });
});
