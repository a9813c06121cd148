/** F# and C# scripts (src/normalize/codescan-dotnet.ts): what they delete, run and send. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
/** A script that writes FILE with CODE, then runs it with RUN. */
const written = (file: string, code: string, run: string) => `cat > ${file} <<'EOF'\n${code}\nEOF\n${run}`;

describe('.NET scripts', () => {
  it.each<[string, string]>([
    [
      written(
        '/tmp/del.fsx',
        'open System.Net.Http\nlet client = new HttpClient()\nlet res = client.DeleteAsync("https://api.example.com/v1/services/srv-1").Result',
        'dotnet fsi /tmp/del.fsx',
      ),
      'curl -X DELETE https://api.example.com/v1/services/srv-1',
    ],
    [
      written(
        '/tmp/rm.fsx',
        'System.IO.Directory.Delete("/srv/www", true)',
        'dotnet fsi --quiet /tmp/rm.fsx',
      ),
      'rm -rf /srv/www',
    ],
    [
      written(
        '/tmp/home.csx',
        'Directory.Delete(Environment.GetEnvironmentVariable("HOME"), true);',
        'dotnet script /tmp/home.csx',
      ),
      'rm -rf /h',
    ],
    [
      written(
        '/tmp/p.csx',
        'var c = new HttpClient(); await c.PostAsync("https://api.example.com/graphql", new StringContent("{\\"query\\":\\"mutation { appDelete(id: 1) }\\"}", Encoding.UTF8, "application/json"));',
        'dotnet script /tmp/p.csx',
      ),
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { appDelete(id: 1) }"}',
    ],
    [`dotnet script eval 'System.Diagnostics.Process.Start("rm", "-rf /srv")'`, 'rm -rf /srv'],
    [
      written(
        '/tmp/m.fsx',
        'let c = new HttpClient()\nc.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "https://api.example.com/v1/x")).Result',
        'fsi /tmp/m.fsx',
      ),
      'curl -X DELETE https://api.example.com/v1/x',
    ],
    // .NET 10 file-based apps: one .cs file run by `dotnet run FILE`, `dotnet FILE`, `--file FILE`
    [
      written(
        '/tmp/reset.cs',
        'Directory.Delete("/srv/app/uploads", recursive: true);',
        'dotnet run /tmp/reset.cs',
      ),
      'rm -rf /srv/app/uploads',
    ],
    [
      written('clean.cs', 'File.Delete("/etc/nginx/nginx.conf");', 'dotnet clean.cs'),
      'rm -rf /etc/nginx/nginx.conf',
    ],
    [
      written(
        'app.cs',
        '#:package Spectre.Console@0.49.1\nProcess.Start("rm", "-rf /opt/app");',
        'dotnet run -c Release --file app.cs -- --yes',
      ),
      'rm -rf /opt/app',
    ],
    [written('a.cs', 'File.Delete("/srv/a");', 'dotnet run --file=a.cs'), 'rm -rf /srv/a'],
    // DirectoryInfo / FileInfo deleted, also through a variable
    [
      written('t.cs', 'new DirectoryInfo("/opt/app/data").Delete(true);', 'dotnet run t.cs'),
      'rm -rf /opt/app/data',
    ],
    [
      written('t.cs', 'var f = new System.IO.FileInfo("/etc/hosts");\nf.Delete();', 'dotnet t.cs'),
      'rm -rf /etc/hosts',
    ],
    // a process started from a ProcessStartInfo, given by constructor, initializer or variable
    [
      written(
        'p.cs',
        'Process.Start(new ProcessStartInfo("bash", "-c \\"rm -rf /opt/app\\""));',
        'dotnet run p.cs',
      ),
      'rm -rf /opt/app',
    ],
    [
      written(
        'p.cs',
        'Process.Start(new ProcessStartInfo { FileName = "rm", Arguments = "-rf /srv/www" });',
        'dotnet p.cs',
      ),
      'rm -rf /srv/www',
    ],
    [
      written(
        'p.cs',
        'var psi = new ProcessStartInfo("rm", "-rf /var/lib/app");\nProcess.Start(psi);',
        'dotnet p.cs',
      ),
      'rm -rf /var/lib/app',
    ],
    // the home directory by .NET's own name, joined with Path.Combine
    [
      written(
        '/tmp/home.cs',
        'var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);\nDirectory.Delete(Path.Combine(home, "projects"), recursive: true);',
        'sudo dotnet run /tmp/home.cs',
      ),
      'rm -rf /h/projects',
    ],
    // C# Interactive's csi (not CHICKEN Scheme's) runs a .csx file
    [written('nuke.csx', 'Directory.Delete("/srv/backups", true);', 'csi nuke.csx'), 'rm -rf /srv/backups'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [
      written('hello.cs', 'Console.WriteLine("hello");', 'dotnet run hello.cs'),
      ['cat', 'dotnet run hello.cs'],
    ],
    [
      written(
        'read.cs',
        'var d = new DirectoryInfo("/etc");\nConsole.WriteLine(d.GetFiles().Length);',
        'dotnet read.cs',
      ),
      ['cat', 'dotnet read.cs'],
    ],
    [
      written('g.cs', 'Process.Start(new ProcessStartInfo("git", "status"));', 'dotnet g.cs'),
      ['cat', 'dotnet g.cs', 'git status'],
    ],
    [
      'dotnet run --project src/Api -- --urls http://localhost:5000',
      ['dotnet run --project src/Api -- --urls http://localhost:5000'],
    ],
    ['dotnet build -c Release', ['dotnet build -c Release']],
    ['dotnet test --no-build', ['dotnet test --no-build']],
    [
      written('/tmp/ok.fsx', 'printfn "%d" (1 + 1)', 'dotnet fsi /tmp/ok.fsx'),
      ['cat', 'dotnet fsi /tmp/ok.fsx'],
    ],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});

describe('GraphQL.Client requests', () => {
  const gql = (query: string, send = 'SendMutationAsync<object>(req)') =>
    written(
      '/tmp/g.csx',
      `var client = new GraphQLHttpClient("https://shop.example.com/admin-api", new SystemTextJsonSerializer());\nvar req = new GraphQLRequest { Query = ${query} };\nvar res = await client.${send};`,
      'dotnet script /tmp/g.csx',
    );
  it.each<[string, string]>([
    [
      gql('"mutation { deleteProducts(ids: [\\"1\\"]) { result } }"'),
      'curl -X POST https://shop.example.com/admin-api -d {"query":"mutation { deleteProducts(ids: [\\"1\\"]) { result } }"}',
    ],
    [
      gql('"query { products { id } }"', 'SendQueryAsync<object>(req)'),
      'curl -X POST https://shop.example.com/admin-api -d {"query":"query { products { id } }"}',
    ],
    [gql('Console.ReadLine()'), 'dynamic:curl -X POST https://shop.example.com/admin-api -d (body)'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});
