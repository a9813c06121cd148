/**
 * Inline code of the smaller scripting languages (src/normalize/codescan-langs.ts: Lua, R,
 * Julia), and Python's exec family and directory walks (src/normalize/codescan.ts): what the code deletes or runs becomes the
 * command the extractors read; what cannot be read stays dynamic.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('what inline code deletes or runs', () => {
  it.each<[string, string]>([
    [`lua -e 'os.execute("rm -rf ~")'`, 'rm -rf /h'],
    [
      `lua5.4 -e 'io.popen("curl -X DELETE https://api.example.com/v1/db")'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [`lua -e 'os.remove("/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`echo 'os.execute("rm -rf /srv")' | lua -`, 'rm -rf /srv'],
    [`lua -e 'os.execute([[rm -rf /srv]])'`, 'rm -rf /srv'],
    [`Rscript -e 'unlink(path.expand("~"), recursive = TRUE)'`, 'rm -rf /h'],
    [`Rscript -e 'unlink(Sys.getenv("HOME"), recursive = TRUE)'`, 'rm -rf /h'],
    [`Rscript -e 'system("rm -rf /srv")'`, 'rm -rf /srv'],
    [`Rscript -e 'system2("rm", c("-rf", "/srv"))'`, 'rm -rf /srv'],
    [`julia -e 'rm(homedir(); recursive=true)'`, 'rm -rf /h'],
    ["julia -e 'run(`rm -rf /srv`)'", 'rm -rf /srv'],
    [`python3 -c 'import os; os.execvp("rm", ["rm", "-rf", "/srv"])'`, 'rm -rf /srv'],
    [`python3 -c 'import os; os.execlp("rm", "rm", "-rf", "/srv")'`, 'rm -rf /srv'],
    [`python3 -c 'import os; os.spawnvp(os.P_WAIT, "rm", ["rm", "-rf", "/srv"])'`, 'rm -rf /srv'],
    [`python3 -c 'import pathlib; [p.unlink() for p in pathlib.Path.home().rglob("*")]'`, 'rm -rf /h/*'],
    [
      'python3 -c \'from pathlib import Path\nfor f in Path("/srv/data").iterdir():\n    f.unlink()\'',
      'rm -rf /srv/data/*',
    ],
    [
      `python3 -c 'import asyncio; asyncio.run(asyncio.create_subprocess_shell("rm -rf /srv"))'`,
      'rm -rf /srv',
    ],
    [
      `python3 -c 'import asyncio; asyncio.run(asyncio.create_subprocess_exec("rm", "-rf", "/srv"))'`,
      'rm -rf /srv',
    ],
    // nox sessions run a program with its arguments; grunt deletes through grunt.file
    [
      `python3 -c 'import nox\n@nox.session\ndef reset(session):\n    session.run("rm", "-rf", "/srv", external=True)'`,
      'rm -rf /srv',
    ],
    [`node -e "grunt.file.delete('/srv/uploads', { force: true })"`, 'rm -rf /srv/uploads'],
    ["bun -e 'await Bun.$`rm -rf ${process.env.HOME}`'", 'rm -rf /h'],
    [`node -e 'const {$}=require("zx"); $\`rm -rf /srv\`'`, 'rm -rf /srv'],
    ["echo 'await $`rm -rf /srv`' > c.mjs && zx c.mjs", 'rm -rf /srv'],
    // invoke and fabric tasks run their strings in a shell, here or on the host
    [
      `python3 -c 'from invoke import task\n@task\ndef reset(c):\n    c.run("dropdb shop_prod")'`,
      'dropdb shop_prod',
    ],
    [`python3 -c 'import invoke\ndef wipe(ctx):\n    ctx.sudo("rm -rf /srv")'`, 'rm -rf /srv'],
    [
      `python3 -c 'from fabric import Connection\nConnection("db1.prod").sudo("rm -rf /var/lib/pg")'`,
      'rm -rf /var/lib/pg',
    ],
    [
      `python3 -c 'from fabric import task\n@task\ndef go(c):\n    c.local("rm -rf ~/work")'`,
      'rm -rf /h/work',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [`lua -e 'os.execute(arg[1])'`, 'dynamic:'],
    [`julia -e 'run(\`rm -rf $(ARGS[1])\`)'`, 'dynamic:'],
    [`python3 -c 'x.unlink()'`, 'dynamic:rm -rf x'],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing deleted or run
    [`lua -e 'print(1)'`, ['lua -e print(1)']],
    [`Rscript -e 'print(summary(cars))'`, ['Rscript -e print(summary(cars))']],
    [`julia -e 'println(1+1)'`, ['julia -e println(1+1)']],
    // session.run of code that is not a nox file
    [`python3 -c 'session.run(query)'`, ['python3 -c session.run(query)']],
    // `.run(…)` of code that imports neither invoke nor fabric: not a shell string
    [`python3 -c 'import asyncio\nasyncio.run(main())'`, ['python3 -c import asyncio\nasyncio.run(main())']],
    [
      `python3 -c 'import os; os.execv("/bin/ls", ["ls", "-la"])'`,
      ['python3 -c import os; os.execv("/bin/ls", ["ls", "-la"])', 'ls -la'],
    ],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

/** A Go program the script writes to main.go, then runs with `go run main.go`. */
const goRun = (body: string) => `cat > main.go <<'EOF'\npackage main\n${body}\nEOF\ngo run main.go`;

describe('what a Go program the script wrote does (go run)', () => {
  it.each<[string, string]>([
    [goRun('import "os"\nfunc main() { os.RemoveAll("/srv/data") }'), 'rm -rf /srv/data'],
    [goRun('import "os"\nfunc main() { os.RemoveAll(os.Getenv("HOME")) }'), 'rm -rf /h'],
    [
      goRun(
        'import ("os"; "path/filepath")\nfunc main() { os.RemoveAll(filepath.Join(os.Getenv("HOME"), "src")) }',
      ),
      'rm -rf /h/src',
    ],
    [goRun('import "os/exec"\nfunc main() { exec.Command("rm", "-rf", "/srv").Run() }'), 'rm -rf /srv'],
    [goRun('import "os/exec"\nfunc main() { exec.Command("sh", "-c", "rm -rf /srv").Run() }'), 'rm -rf /srv'],
    [goRun('func main() { exec.CommandContext(ctx, "rm", "-rf", "/srv").Run() }'), 'rm -rf /srv'],
    [goRun('func main() { dir := "/srv/app"\nos.RemoveAll(dir) }'), 'rm -rf /srv/app'],
    [
      goRun('func main() { syscall.Exec("/bin/rm", []string{"rm", "-rf", "/srv"}, os.Environ()) }'),
      '/bin/rm -rf /srv',
    ],
    [
      goRun(
        'func main() { r, _ := http.NewRequest(http.MethodDelete, "https://api.example.com/v1/db", nil); http.DefaultClient.Do(r) }',
      ),
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      goRun('func main() { http.NewRequest("DELETE", "https://api.example.com/v1/db", nil) }'),
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      goRun(
        'func main() { http.Post("https://api.example.com/graphql", "application/json", strings.NewReader(`{"query":"mutation { deleteCluster(id: \\"prod\\") { id } }"}`)) }',
      ),
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { deleteCluster(id: \\"prod\\") { id } }"}',
    ],
    [
      `mkdir -p /tmp/x && cat > /tmp/x/main.go <<'EOF' && go run /tmp/x/main.go\npackage main\nfunc main() { os.Remove("/etc/hosts") }\nEOF`,
      'rm -rf /etc/hosts',
    ],
    [
      `cat > a.go <<'EOF'\npackage main\nfunc main() { os.RemoveAll("/srv") }\nEOF\ngo run -race a.go --flag x`,
      'rm -rf /srv',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [goRun('func main() { os.RemoveAll(os.Args[1]) }'), 'dynamic:rm -rf'],
    [goRun('func main() { exec.Command(os.Args[1], os.Args[2:]...).Run() }'), 'dynamic:'],
    [
      goRun(
        'func main() { http.NewRequest(http.MethodDelete, "https://api.example.com/x/"+os.Getenv("ID"), nil) }',
      ),
      'dynamic:curl -X DELETE',
    ],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing deleted, run or sent; programs not written by the script are the project's own
    [goRun('import "fmt"\nfunc main() { fmt.Println("rm -rf /") }'), ['cat', 'go run main.go']],
    [goRun('func main() { r.Header.Get("X"); os.Getenv("HOME") }'), ['cat', 'go run main.go']],
    [`go run ./cmd/server`, ['go run ./cmd/server']],
    [`go run main.go`, ['go run main.go']],
    [`go build ./...`, ['go build ./...']],
    [`echo 'os.RemoveAll("/")' | go run main.go`, ['echo os.RemoveAll("/")', 'go run main.go']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe("R's HTTP requests (httr, httr2)", () => {
  it.each<[string, string]>([
    [
      `Rscript -e 'httr::DELETE("https://api.example.com/v1/db/1")'`,
      'curl -X DELETE https://api.example.com/v1/db/1',
    ],
    [
      `Rscript -e 'library(httr); POST("https://api.example.com/graphql", add_headers(Authorization = "Bearer x"), body = upload_file("q.json"))'`,
      'curl -X POST https://api.example.com/graphql --data-binary @q.json',
    ],
    [
      `Rscript -e 'httr::POST(url = "https://api.example.com/v1/a", body = "x=1")'`,
      'curl -X POST https://api.example.com/v1/a -d x=1',
    ],
    [
      `Rscript -e 'httr::VERB("DELETE", url = "https://api.example.com/v1/x")'`,
      'curl -X DELETE https://api.example.com/v1/x',
    ],
    [
      `Rscript -e 'library(httr2)\nrequest("https://api.example.com/v1/vol") |>\n  req_method("DELETE") |>\n  req_perform()'`,
      'curl -X DELETE https://api.example.com/v1/vol',
    ],
    [
      `Rscript -e 'httr2::request("https://api.example.com/graphql") %>% req_body_file("q.json") %>% req_perform()'`,
      'curl -X POST https://api.example.com/graphql --data-binary @q.json',
    ],
    // the request held by a name, its steps piped from it, or given it first
    [
      `Rscript -e 'req <- request("https://api.example.com/v2/runs/r1")
req |> req_method("DELETE") |> req_perform()'`,
      'curl -X DELETE https://api.example.com/v2/runs/r1',
    ],
    [
      `Rscript -e 'library(httr2); r <- request("https://api.example.com/v2/runs/r1"); req_perform(req_method(r, "DELETE"))'`,
      'curl -X DELETE https://api.example.com/v2/runs/r1',
    ],
    // a body built as a list (its values through names) is JSON
    [
      `Rscript -e 'b <- "x"; httr::POST("https://api.example.com/v1/a", body = list(name = b, n = 2), encode = "json")'`,
      'curl -X POST https://api.example.com/v1/a -d {"name":"x","n":2}',
    ],
    // a read is a GET; a body not known statically stays unknown
    [
      `Rscript -e 'r <- httr::GET("https://api.example.com/v1/items"); print(r)'`,
      'curl -X GET https://api.example.com/v1/items',
    ],
    [
      `Rscript -e 'httr::PUT("https://api.example.com/v1/a", body = jsonlite::toJSON(x))'`,
      'dynamic:curl -X PUT https://api.example.com/v1/a -d (body)',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // a column or function named like a method is not a request
    [`Rscript -e 'x <- data.frame(DELETE = 1); print(x$DELETE)'`],
    [`Rscript -e 'my_request(1); df$request(2)'`],
  ])('%s sends nothing', (script) => expect(commands(script).some((c) => c.startsWith('curl'))).toBe(false));
});
