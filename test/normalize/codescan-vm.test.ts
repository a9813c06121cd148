/**
 * Inline JVM-language (Groovy, Kotlin, Scala) and Rust code
 * (src/normalize/codescan-vm.ts; Elixir: codescan-elixir.test.ts): what it deletes, runs or sends becomes the command the
 * extractors read; what cannot be read stays dynamic; other code adds nothing.
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

describe('what inline JVM and Rust code deletes, runs or sends', () => {
  it.each<[string, string]>([
    [`groovy -e 'new File(System.getProperty("user.home")).deleteDir()'`, 'rm -rf /h'],
    [`groovy -e 'def f = new File("/srv/data"); f.deleteDir()'`, 'rm -rf /srv/data'],
    [`groovy -e '"rm -rf /srv".execute()'`, 'rm -rf /srv'],
    [`groovy -e '["rm", "-rf", "/srv"].execute()'`, 'rm -rf /srv'],
    [`kotlin -e 'java.io.File("/srv").deleteRecursively()'`, 'rm -rf /srv'],
    [`scala -e 'new ProcessBuilder("rm", "-rf", "/srv").start()'`, 'rm -rf /srv'],
    [
      `groovy -e 'def c = new URL("https://api.example.com/v1/db").openConnection(); c.requestMethod = "DELETE"; c.responseCode'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `groovy -e 'def c = new URL("https://api.example.com/v1/db").openConnection(); c.setRequestMethod("DELETE")'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [`rust-script -e 'std::fs::remove_dir_all(std::env::var("HOME").unwrap()).unwrap()'`, 'rm -rf /h'],
    [`rust-script -e 'fs::remove_file("/etc/hosts")?'`, 'rm -rf /etc/hosts'],
    [
      `rust-script -e 'std::process::Command::new("rm").args(["-rf", "/srv"]).status().unwrap()'`,
      'rm -rf /srv',
    ],
    [`rust-script -e 'Command::new("rm").arg("-rf").arg("/srv").status()'`, 'rm -rf /srv'],
    [
      `rust-script -e 'reqwest::blocking::Client::new().delete("https://api.example.com/v1/db").send()'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [`scala-cli --toolkit default -e 'os.remove.all(os.home)'`, 'rm -rf /h'],
    [`scala-cli -e 'os.remove(os.pwd / "x")'`, 'dynamic:rm -rf'],
    [`scala-cli -e 'os.proc("rm", "-rf", "/srv").call()'`, 'rm -rf /srv'],
    [
      `cat > Del.java <<'EOF'\nclass Del { public static void main(String[] a) throws Exception {\n  var r = HttpRequest.newBuilder(URI.create("https://api.example.com/graphql"))\n      .header("Content-Type", "application/json")\n      .POST(HttpRequest.BodyPublishers.ofFile(Path.of("q.json"))).build();\n} }\nEOF\njava Del.java`,
      'curl -X POST https://api.example.com/graphql --data-binary @q.json',
    ],
    [
      `cat > Del.java <<'EOF'\nvar r = HttpRequest.newBuilder(URI.create("https://api.example.com/v1/db")).DELETE().build();\nEOF\njbang run Del.java`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `cat > P.java <<'EOF'\nvar r = HttpRequest.newBuilder()\n  .uri(URI.create("https://api.example.com/graphql"))\n  .POST(BodyPublishers.ofString("{\\"query\\":\\"mutation { deleteUser(id: 1) { id } }\\"}"))\n  .build();\nEOF\njbang P.java`,
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { deleteUser(id: 1) { id } }"}',
    ],
  ])('%s', (script, want) =>
    expect(
      commands(script).some((c) => c === want || (want.startsWith('dynamic:') && c.startsWith(want))),
    ).toBe(true),
  );

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [`groovy -e 'new File(args[0]).deleteDir()'`, 'dynamic:rm -rf'],
    [`groovy -e 'Eval.me(System.in.text)'`, 'dynamic:'],
    [`rust-script -e 'std::fs::remove_dir_all(std::env::args().nth(1).unwrap())'`, 'dynamic:rm -rf'],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing deleted, run or sent
    [`groovy -e 'println new File(".").list()'`, ['groovy -e println new File(".").list()']],
    [`groovy -e 'def m = [a: 1]; m.remove("a")'`, ['groovy -e def m = [a: 1]; m.remove("a")']],
    [`kotlin -e 'println(listOf(1, 2).map { it * 2 })'`, ['kotlin -e println(listOf(1, 2).map { it * 2 })']],
    [
      `rust-script -e 'fn f<'"'"'a>(x: &'"'"'a str) -> &'"'"'a str { x } println!("{}", f("rm -rf /"))'`,
      [`rust-script -e fn f<'a>(x: &'a str) -> &'a str { x } println!("{}", f("rm -rf /"))`],
    ],
    // a program on disk, a jar, the JVM's own options: the project's code, not read here
    [`java -jar build/app.jar --port 8080`, ['java -jar build/app.jar --port 8080']],
    [`java Main.java`, ['java Main.java']],
    [`jbang run tools/Report.java`, ['jbang run tools/Report.java']],
    [`scala-cli compile .`, ['scala-cli compile .']],
    [
      `cat > G.java <<'EOF'\nvar r = HttpRequest.newBuilder(URI.create("https://api.example.com/v1/x"))\n  .GET().build();\nEOF\njava G.java`,
      ['cat', 'java G.java', 'curl -X GET https://api.example.com/v1/x'],
    ],
    [
      `rust-script -e 'println!("{}", std::fs::read_to_string("Cargo.toml").unwrap())'`,
      [`rust-script -e println!("{}", std::fs::read_to_string("Cargo.toml").unwrap())`],
    ],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe('Java single-file programs: walked trees deleted, OkHttp requests', () => {
  const java = (body: string) =>
    `cat > /tmp/W.java <<'EOF'\nimport java.nio.file.*;\nimport okhttp3.*;\npublic class W { public static void main(String[] a) throws Exception {\n${body}\n} }\nEOF\njava /tmp/W.java`;
  it.each<[string, string]>([
    [
      java(
        'try (var ps = Files.walk(Path.of("/var/lib/jenkins"))) {\n  ps.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());\n}',
      ),
      'rm -rf /var/lib/jenkins',
    ],
    [java('Files.walk(Paths.get("/srv/data")).sorted().forEach(Files::delete);'), 'rm -rf /srv/data'],
    [
      java(
        'Request r = new Request.Builder()\n  .url("https://api.example.com/v2/db/1")\n  .header("A", "b")\n  .delete()\n  .build();',
      ),
      'curl -X DELETE https://api.example.com/v2/db/1',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  // A walk that only reads, an OkHttp GET: nothing deleted or sent with a method that changes data.
  it.each<[string, string]>([
    [
      java('Files.walk(Path.of("/var/lib/jenkins")).forEach(System.out::println);'),
      'rm -rf /var/lib/jenkins',
    ],
    [
      java('Request r = new Request.Builder().url("https://api.example.com/v2/db").build();'),
      'curl -X DELETE https://api.example.com/v2/db',
    ],
  ])('%s', (script, absent) => expect(commands(script)).not.toContain(absent));
});

describe("what Scala's sys.process runs (scala -e, amm -c)", () => {
  it.each<[string, string]>([
    [
      `scala -e 'import scala.sys.process._; Seq("rm", "-rf", "/data/kafka-logs").!'`,
      'rm -rf /data/kafka-logs',
    ],
    [`scala -e 'import sys.process._; "rm -rf /srv".!!'`, 'rm -rf /srv'],
    [`amm -c 'import sys.process._; "rm -rf /srv".!'`, 'rm -rf /srv'],
    [`scala -e 'import sys.process._; Process("rm -rf /srv").run()'`, 'rm -rf /srv'],
    [`scala -e 'import sys.process._; val c = List("rm", "-rf", "/srv"); c.!'`, 'rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it('a command built at run time is dynamic', () =>
    expect(
      commands(`scala -e 'import sys.process._; args.mkString(" ").!'`).some((c) =>
        c.startsWith('dynamic:args.mkString'),
      ),
    ).toBe(true));

  it.each<[string, number]>([
    [`scala -e 'println(1 + 1)'`, 1],
    [`scala -e 'val f = Future { 1 }; f.run()'`, 1],
  ])('%s runs nothing else', (script, n) => expect(commands(script)).toHaveLength(n));
});
