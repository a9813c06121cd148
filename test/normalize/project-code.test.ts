/** Compiled-language projects the script wrote and then builds or runs (src/normalize/project-code.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const write = (path: string, code: string) => `cat > ${path} <<'EOF'\n${code}\nEOF\n`;
const GO_RM = 'package main\nimport "os"\nfunc main() { os.RemoveAll("/srv/data") }';
const RS_RM = 'fn main() { std::fs::remove_dir_all("/srv/data").unwrap(); }';
const CS_RM = 'System.IO.Directory.Delete("/srv/data", true);';
const DART_RM = "import 'dart:io';\nvoid main() { Directory('/srv/data').deleteSync(recursive: true); }";
const SW_RM = 'import Foundation\ntry FileManager.default.removeItem(atPath: "/srv/data")';

describe('written projects that are run', () => {
  it.each<[string, string]>([
    [`mkdir -p /tmp/p && cd /tmp/p && ${write('main.go', GO_RM)}go run .`, 'rm -rf /srv/data'],
    [`cd /tmp/p && ${write('main.go', GO_RM)}go run . ~/src/app`, 'rm -rf /srv/data'],
    [`cd /tmp/p && ${write('cmd/x/main.go', GO_RM)}go run ./cmd/x`, 'rm -rf /srv/data'],
    [`cd /tmp/p && ${write('x_test.go', GO_RM)}go test ./...`, 'rm -rf /srv/data'],
    [
      `cd /tmp/p && printf 'package main\\n//go:generate rm -rf /srv/data\\n' > gen.go && go generate ./...`,
      'rm -rf /srv/data',
    ],
    [`cd /tmp/c && ${write('src/main.rs', RS_RM)}cargo run -q`, 'rm -rf /srv/data'],
    [`cd /tmp/c && ${write('build.rs', RS_RM)}cargo build`, 'rm -rf /srv/data'],
    [`cd /tmp/c && ${write('tests/t.rs', RS_RM)}cargo test`, 'rm -rf /srv/data'],
    [`${write('/tmp/c/build.rs', RS_RM)}cargo check --manifest-path /tmp/c/Cargo.toml`, 'rm -rf /srv/data'],
    [`cd /tmp/d && ${write('Program.cs', CS_RM)}dotnet run`, 'rm -rf /srv/data'],
    [`${write('/tmp/d/Program.cs', CS_RM)}dotnet run --project /tmp/d`, 'rm -rf /srv/data'],
    [`cd /tmp/a && ${write('bin/a.dart', DART_RM)}dart run`, 'rm -rf /srv/data'],
    [`cd /tmp/s && ${write('Sources/App/main.swift', SW_RM)}swift run`, 'rm -rf /srv/data'],
    [`cd /tmp/s && ${write('Sources/App/main.swift', SW_RM)}swift run App --verbose`, 'rm -rf /srv/data'],
    [`cd /tmp/s && ${write('Tests/AppTests/T.swift', SW_RM)}swift test --filter T`, 'rm -rf /srv/data'],
    [`${write('/tmp/s/Sources/App/main.swift', SW_RM)}swift run --package-path /tmp/s`, 'rm -rf /srv/data'],
    // SwiftPM runs the manifest before it builds
    [`cd /tmp/s && ${write('Package.swift', SW_RM)}swift build`, 'rm -rf /srv/data'],
    [
      `cd /tmp/o && ${write('bin/main.ml', 'let () = Sys.rmdir "/srv/data"')}dune exec ./bin/main.exe`,
      'rm -rf /srv/data',
    ],
    [
      `${write('/tmp/o/test/t.ml', 'let () = Sys.rmdir "/srv/data"')}dune test --root /tmp/o`,
      'rm -rf /srv/data',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  // Not read: code the script did not write, a build that runs none of it, the program's arguments.
  it.each<[string, string]>([
    [`cd /tmp/p && ${write('main.go', GO_RM)}go build -o app .`, 'rm -rf /srv/data'],
    [`cd /tmp/p && ${write('main.go', GO_RM)}go vet ./...`, 'rm -rf /srv/data'],
    [`cd /tmp/p && ${write('/tmp/other/main.go', GO_RM)}go run .`, 'rm -rf /srv/data'],
    [`cd /tmp/p && ${write('x_test.go', GO_RM)}go run .`, 'rm -rf /srv/data'],
    [`cd /tmp/c && ${write('src/main.rs', RS_RM)}cargo build`, 'rm -rf /srv/data'],
    [`cd /tmp/c && ${write('src/main.rs', RS_RM)}cargo fmt`, 'rm -rf /srv/data'],
    [`cd /tmp/d && ${write('Program.cs', CS_RM)}dotnet build`, 'rm -rf /srv/data'],
    [`cd /tmp/d && ${write('bin/Debug/x.cs', CS_RM)}dotnet run`, 'rm -rf /srv/data'],
    // `dotnet run FILE.cs` runs that file alone (a file-based app), not the folder's other files
    [
      `cd /tmp/d && ${write('Old.cs', CS_RM)}${write('hello.cs', 'Console.WriteLine(1);')}dotnet run hello.cs`,
      'rm -rf /srv/data',
    ],
    ['cd /tmp/p && go run .', 'rm -rf /srv/data'],
    [`cd /tmp/s && ${write('Sources/App/main.swift', SW_RM)}swift build`, 'rm -rf /srv/data'],
    [`cd /tmp/s && ${write('Tests/AppTests/T.swift', SW_RM)}swift run`, 'rm -rf /srv/data'],
    [`cd /tmp/s && ${write('.build/checkouts/x/Sources/X/x.swift', SW_RM)}swift run`, 'rm -rf /srv/data'],
    [`cd /tmp/o && ${write('bin/main.ml', 'let () = Sys.rmdir "/srv/data"')}dune build`, 'rm -rf /srv/data'],
    [
      `cd /tmp/o && ${write('_build/default/x.ml', 'let () = Sys.rmdir "/srv/data"')}dune exec x`,
      'rm -rf /srv/data',
    ],
  ])('%s', (script, absent) => expect(commands(script)).not.toContain(absent));
});
