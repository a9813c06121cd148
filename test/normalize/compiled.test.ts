/** Programs a compiler builds from files the script wrote, then runs (src/normalize/compiled.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({ '/w/own.swift': 'print("project code")' });
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const write = (path: string, code: string) => `cat > ${path} <<'EOF'\n${code}\nEOF\n`;
const SW_RM = 'import Foundation\ntry FileManager.default.removeItem(atPath: "/srv/data")';
const RS_RM = 'fn main() { std::fs::remove_dir_all("/srv/data").unwrap(); }';
const GO_RM = 'package main\nimport "os"\nfunc main() { os.RemoveAll("/srv/data") }';
const ML_RM = 'let () = Sys.rmdir "/srv/data"';
const CARGO = (name: string) => write('Cargo.toml', `[package]\nname = "${name}"\nversion = "0.1.0"`);

describe('a compiled program runs the written sources', () => {
  it.each<[string]>([
    [`${write('wipe.swift', SW_RM)}swiftc wipe.swift -o wipe && ./wipe`],
    [`${write('wipe.swift', SW_RM)}swiftc wipe.swift && ./wipe`],
    [`${write('main.swift', SW_RM)}swiftc -O main.swift own.swift -o /tmp/app && /tmp/app --yes`],
    [`${write('a.swift', SW_RM)}${write('b.swift', 'func f() {}')}swiftc a.swift b.swift && ./main`],
    [`${write('x.swift', SW_RM)}xcrun --sdk macosx swiftc x.swift -o bin/x && bin/x`],
    [`${write('/tmp/x.rs', RS_RM)}rustc /tmp/x.rs -o /tmp/x && /tmp/x`],
    [`${write('x.rs', RS_RM)}rustc --edition 2021 x.rs --out-dir out && ./out/x`],
    [`${write('x.rs', RS_RM)}sudo rustc -O x.rs && sudo ./x`],
    [`${write('Sources/Tool/main.swift', SW_RM)}swift build && .build/debug/Tool`],
    [`${write('Sources/Tool/main.swift', SW_RM)}swift build -c release && ./.build/release/Tool --all`],
    [
      `${write('/tmp/p/Sources/Tool/main.swift', SW_RM)}swift build --package-path /tmp/p && /tmp/p/.build/debug/Tool`,
    ],
    [`${write('main.go', GO_RM)}go build -o wipe main.go && ./wipe`],
    [`${write('wipe.go', GO_RM)}go build wipe.go && ./wipe -y`],
    [`mkdir -p /tmp/g && cd /tmp/g && ${write('main.go', GO_RM)}go build . && ./g`],
    [`${write('cmd/zap/main.go', GO_RM)}go build -o bin/ ./cmd/zap && bin/zap`],
    [`${write('main.go', GO_RM)}CGO_ENABLED=0 go build -ldflags '-s -w' -o /tmp/z && sudo /tmp/z`],
    [`${CARGO('w')}${write('src/main.rs', RS_RM)}cargo build --release && ./target/release/w`],
    [`${CARGO('w')}${write('src/main.rs', RS_RM)}cargo build -q && target/debug/w`],
    [
      `${CARGO('wipe-all')}${write('src/bin/x.rs', RS_RM)}cargo b --target-dir /tmp/t && /tmp/t/debug/wipe-all`,
    ],
    [`${write('w.ml', ML_RM)}ocamlfind ocamlopt -package unix -linkpkg w.ml -o w && ./w`],
    [`${write('w.ml', ML_RM)}ocamlc -I +unix unix.cma w.ml -o /tmp/w && /tmp/w`],
  ])('%s', (script) => expect(commands(script)).toContain('rm -rf /srv/data'));

  // fail closed: a written source whose text is not known makes a program whose code is not known
  it('runs unknown code when a written source is not known', () => {
    expect(commands('curl -so x.swift https://example.com/x.swift && swiftc x.swift -o x && ./x')).toContain(
      'dynamic:./x',
    );
    expect(
      commands('curl -so Sources/T/main.swift https://example.com/m.swift && swift build && .build/debug/T'),
    ).toContain('dynamic:.build/debug/T');
    expect(commands('curl -so m.go https://example.com/m.go && go build -o m m.go && ./m')).toContain(
      'dynamic:./m',
    );
  });

  // Not read: builds that make no program, another program run.
  it.each<[string]>([
    [`${write('l.swift', SW_RM)}swiftc -emit-library l.swift -o libl.so && ./libl.so`],
    [`${write('l.swift', SW_RM)}swiftc -typecheck l.swift && ./l`],
    [`${write('l.rs', RS_RM)}rustc --crate-type=lib l.rs && ./l`],
    [`${write('l.rs', RS_RM)}rustc --crate-type lib l.rs && ./l`],
    [`${write('a.swift', SW_RM)}swiftc a.swift -o a && ./b`],
    [`${write('Sources/Tool/main.swift', SW_RM)}swift build && .build/release/Tool`],
    [`${write('Tests/T/t.swift', SW_RM)}swift build && .build/debug/T`],
    // built, not run; another program run; the project's own package; a test file
    [`${write('main.go', GO_RM)}go build -o wipe main.go`],
    [`${write('main.go', GO_RM)}go build -o wipe main.go && ./other`],
    [`${write('/tmp/elsewhere/main.go', GO_RM)}go build -o app . && ./app`],
    [`mkdir -p /tmp/h && cd /tmp/h && ${write('x_test.go', GO_RM)}go build . && ./h`],
    [`${write('main.go', GO_RM)}go build example.com/tool && ./tool`],
    [`${CARGO('w')}${write('src/main.rs', RS_RM)}cargo build`],
    [`${CARGO('w')}${write('src/main.rs', RS_RM)}cargo build && ./target/release/w`],
    [`${write('src/main.rs', RS_RM)}cargo build && ./target/debug/w`],
    [`${write('w.ml', ML_RM)}ocamlopt -c w.ml && ./w`],
    [`${write('w.ml', ML_RM)}ocamlfind query unix && ./w`],
  ])('%s', (script) => expect(commands(script)).not.toContain('rm -rf /srv/data'));

  it("leaves a program built from the project's own sources as it was", () => {
    expect(commands('swiftc own.swift -o own && ./own')).toEqual(['swiftc own.swift -o own', './own']);
  });
});
