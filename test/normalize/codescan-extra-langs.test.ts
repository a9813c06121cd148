/** Haskell, Prolog and Zig code (src/normalize/codescan-extra-langs.ts): what it deletes and runs. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);

describe('Haskell, Prolog and Zig', () => {
  it.each<[string, string]>([
    [`ghc -e 'System.Directory.removeDirectoryRecursive "/srv/www"'`, 'rm -rf /srv/www'],
    [`ghc -e 'import System.Directory' -e 'removePathForcibly "/var/lib/app"'`, 'rm -rf /var/lib/app'],
    [`runghc <<'EOF'\nimport System.Process\nmain = callCommand "rm -rf /srv"\nEOF`, 'rm -rf /srv'],
    [`ghc -e 'System.Process.callProcess "rm" ["-rf", "/srv"]'`, 'rm -rf /srv'],
    [
      `swipl -g "use_module(library(filesex)), delete_directory_and_contents('/etc/nginx')" -t halt`,
      'rm -rf /etc/nginx',
    ],
    [`swipl -g "shell('rm -rf /srv')" -t halt`, 'rm -rf /srv'],
    [`swipl -g "process_create(path(rm), ['-rf', '/srv'], [])" -t halt`, 'rm -rf /srv'],
    // GNU Prolog's goal options, shell/2, system/1, unlink/1; YAP's -g
    [`gprolog --query-goal "shell('rm -rf /srv/data', _), halt"`, 'rm -rf /srv/data'],
    [`gprolog --init-goal "system('rm -rf /opt/app')"`, 'rm -rf /opt/app'],
    [`gprolog --entry-goal "unlink('/etc/hosts')"`, 'rm -rf /etc/hosts'],
    [`yap -g "shell('rm -rf /srv')"`, 'rm -rf /srv'],
    [
      `cat > /tmp/c.zig <<'EOF'\nconst std = @import("std");\npub fn main() !void {\n    try std.fs.deleteTreeAbsolute("/var/lib/postgresql");\n}\nEOF\nzig run /tmp/c.zig`,
      'rm -rf /var/lib/postgresql',
    ],
    [
      `cat > /tmp/d.zig <<'EOF'\nconst std = @import("std");\npub fn main() !void {\n    var c = std.process.Child.init(&.{ "rm", "-rf", "/srv" }, std.heap.page_allocator);\n    _ = try c.spawnAndWait();\n}\nEOF\nzig run /tmp/d.zig`,
      'rm -rf /srv',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`ghc -e 'putStrLn "hi"'`, [`ghc -e putStrLn "hi"`]],
    ['ghc -O2 Main.hs', ['ghc -O2 Main.hs']],
    ['zig build test', ['zig build test']],
    [`swipl -g "format('~w~n', [ok])" -t halt`, [`swipl -g format('~w~n', [ok]) -t halt`]],
    [`gprolog --query-goal "X is 2+3, write(X), halt"`, [`gprolog --query-goal X is 2+3, write(X), halt`]],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});
