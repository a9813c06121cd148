/**
 * OCaml code (src/normalize/codescan-ocaml.ts): scripts the toplevel runs, programs the
 * compilers build from written sources, a written dune project; what they delete and run.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
/** `body` written to x.ml and run with `run` (`ocaml x.ml`). */
const ML = (body: string, run = 'ocaml x.ml') => `cat > x.ml <<'EOF'\n${body}\nEOF\n${run}`;

const WALK = `let rec rm p =
  if Sys.is_directory p then begin
    Array.iter (fun f -> rm (Filename.concat p f)) (Sys.readdir p);
    Sys.rmdir p
  end else Sys.remove p`;

describe('what OCaml code deletes and runs', () => {
  it.each<[string, string]>([
    [ML('let () = Sys.remove "/etc/hosts"'), 'rm -rf /etc/hosts'],
    [
      ML('let home = Sys.getenv "HOME"\nlet () = Sys.remove (Filename.concat home ".ssh/id_rsa")'),
      'rm -rf /h/.ssh/id_rsa',
    ],
    [ML('let () = Unix.rmdir ("/srv" ^ "/www")'), 'rm -rf /srv/www'],
    [ML('let () = FileUtil.rm ~recurse:true ["/srv/a"; "/srv/b"]'), 'rm -rf /srv/b'],
    [ML('let code = Sys.command "rm -rf /var/lib/app" in exit code'), 'rm -rf /var/lib/app'],
    [ML('let _ = Unix.system (Printf.sprintf "dropdb %s" "billing")'), 'dropdb billing'],
    [
      ML('let () = ignore (Sys.command "git push --force origin main" |> ignore)'),
      'git push --force origin main',
    ],
    [ML('let () = Unix.execvp "rm" [|"rm"; "-rf"; "/srv"|]'), 'rm -rf /srv'],
    [
      ML('let _ = Unix.create_process "rm" [|"rm"; "-rf"; "/opt/app"|] Unix.stdin Unix.stdout Unix.stderr'),
      'rm -rf /opt/app',
    ],
    // a recursive walk that lists and removes: the tree under the root it is called with
    [ML(`${WALK}\n\nlet () = rm (Filename.concat (Sys.getenv "HOME") "projects")`), 'rm -rf /h/projects'],
    [ML(`${WALK}\n\nlet () = List.iter rm ["/srv/a"; "/srv/b"]`), 'rm -rf /srv/a'],
    // comments are not code; the toplevel reads stdin; a compiled program; a dune project
    [`ocaml -stdin <<'EOF'\n(* Sys.remove "/x" *)\nlet _ = Sys.command "rm -rf /srv";;\nEOF`, 'rm -rf /srv'],
    // libraries loaded before the script
    [ML('let () = ignore (Unix.system "rm -rf /srv/x")', 'ocaml unix.cma x.ml'), 'rm -rf /srv/x'],
    [
      ML('let () = Sys.remove "/etc/passwd"', 'ocamlfind ocamlopt -package unix -linkpkg x.ml -o x && ./x'),
      'rm -rf /etc/passwd',
    ],
    [
      `mkdir -p bin && cat > bin/main.ml <<'EOF'\nlet () = Sys.remove "/etc/shadow"\nEOF\ndune exec ./bin/main.exe`,
      'rm -rf /etc/shadow',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // fail closed: a command or a path not known statically
    [ML('let () = ignore (Sys.command Sys.argv.(1))'), 'dynamic:'],
    [ML('let () = Sys.remove (read_line ())'), 'dynamic:'],
    [ML(`${WALK}\n\nlet () = rm Sys.argv.(1)`), 'dynamic:'],
  ])('%s is not known', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    [ML('let () = Array.iter print_endline (Sys.readdir ".")'), ['cat', 'ocaml x.ml']],
    [ML('let () = ignore (Sys.command "ls -la")'), ['cat', 'ocaml x.ml', 'ls -la']],
    // a removal inside a walk is the walk's own; a walk never called deletes nothing
    [ML(WALK), ['cat', 'ocaml x.ml']],
    [ML('(* let () = Sys.remove "/etc/hosts" *)\nlet x = 1'), ['cat', 'ocaml x.ml']],
    // a char literal and a type variable are not strings
    [ML("let c = 'a'\nlet id (x : 'a) : 'a = x\nlet () = print_char c"), ['cat', 'ocaml x.ml']],
    [ML('let () = print_endline "hi"', 'ocamlfind ocamlopt -c x.ml'), ['cat', 'ocamlfind ocamlopt -c x.ml']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));

  it.each<[string, string]>([
    [ML('let f = Filename.temp_file "r" ".txt" in Sys.remove f'), 'rm -rf /tmp/tmp.XXXXXXXXXX'],
    [ML('let () = Sys.rmdir (Filename.get_temp_dir_name ())'), 'rm -rf /tmp'],
  ])('temp names: %s', (script, want) => expect(commands(script)).toContain(want));
});
