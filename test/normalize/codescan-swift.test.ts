/** Swift scripts (src/normalize/codescan-swift.ts): what they delete, run and send. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { swiftArgs } from '../../src/normalize/codescan-swift.js';
import { lit } from '../../src/normalize/state.js';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const swift = (code: string, run = 'swift /tmp/x.swift') =>
  `cat > /tmp/x.swift <<'EOF'\nimport Foundation\n${code}\nEOF\n${run}`;

describe('Swift scripts: deletions', () => {
  it.each<[string, string]>([
    [swift('try FileManager.default.removeItem(atPath: "/srv/www")'), 'rm -rf /srv/www'],
    [swift('try? FileManager.default.removeItem(atPath: NSHomeDirectory())'), 'rm -rf /h'],
    [
      swift('let fm = FileManager.default\nlet p: String = "/var/lib/app"\ntry fm.removeItem(atPath: p)'),
      'rm -rf /var/lib/app',
    ],
    [
      swift(
        'let docs = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("Documents")\ntry FileManager.default.removeItem(at: docs)',
      ),
      'rm -rf /h/Documents',
    ],
    [
      swift('try FileManager.default.removeItem(at: URL(fileURLWithPath: "/etc").appending(path: "nginx"))'),
      'rm -rf /etc/nginx',
    ],
    [
      swift(
        'let home = ProcessInfo.processInfo.environment["HOME"]!\ntry FileManager.default.removeItem(atPath: home + "/.config")',
      ),
      'rm -rf /h/.config',
    ],
    [
      swift(
        'let path = ("~/.aws" as NSString).expandingTildeInPath\ntry FileManager.default.removeItem(atPath: path)',
      ),
      'rm -rf /h/.aws',
    ],
    [
      swift('let d = NSHomeDirectory()\ntry FileManager.default.removeItem(atPath: "\\(d)/.ssh")'),
      'rm -rf /h/.ssh',
    ],
    [
      swift('try FileManager.default.removeItem(atPath: FileManager.default.currentDirectoryPath)'),
      'rm -rf .',
    ],
    [swift('try FileManager.default.removeItem(atPath: #"/srv/raw"#)'), 'rm -rf /srv/raw'],
    // fail closed: a path known only at run time
    [
      swift('try FileManager.default.removeItem(atPath: CommandLine.arguments[1])'),
      'dynamic:rm -rf CommandLine.arguments[1]',
    ],
    [
      swift('for f in items { try FileManager.default.removeItem(atPath: "/srv/\\(f)") }'),
      'dynamic:rm -rf /srv/\\(f)',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});

describe('Swift scripts: processes', () => {
  it.each<[string, string]>([
    [
      swift(
        'let p = Process()\np.executableURL = URL(fileURLWithPath: "/bin/rm")\np.arguments = [\n  "-rf",\n  "/srv/data",\n]\ntry p.run()',
      ),
      '/bin/rm -rf /srv/data',
    ],
    [
      swift(
        'let t = Process()\nt.launchPath = "/bin/bash"\nt.arguments = ["-c", "rm -rf /opt/app"]\nt.launch()',
      ),
      'rm -rf /opt/app',
    ],
    [
      swift('let g = try Process.run(URL(fileURLWithPath: "/usr/bin/git"), arguments: ["push", "--force"])'),
      '/usr/bin/git push --force',
    ],
    [
      swift(
        'Process.launchedProcess(launchPath: "/usr/bin/env", arguments: ["kubectl", "delete", "ns", "prod"])',
      ),
      'kubectl delete ns prod',
    ],
    [swift('import Glibc\nsystem("rm -rf /var/cache/app")'), 'rm -rf /var/cache/app'],
    [swift('let f = popen("dropdb shop", "r")'), 'dropdb shop'],
    [swift('import Glibc\nunlink("/etc/hosts")'), 'rm -rf /etc/hosts'],
    [swift('import ShellOut\ntry shellOut(to: "rm -rf ~/Library/Caches")'), 'rm -rf /h/Library/Caches'],
    [
      swift('try shellOut(to: "git", arguments: ["push", "--force", "origin", "main"])'),
      'git push --force origin main',
    ],
    [swift('try shellOut(to: ["cd /srv", "rm -rf data"])'), 'rm -rf data'],
    [swift('import SwiftShell\ntry runAndPrint("rm", "-rf", "/var/lib/app")'), 'rm -rf /var/lib/app'],
    [swift('import SwiftShell\nlet r = run(bash: "kubectl delete ns prod")'), 'kubectl delete ns prod'],
    // fail closed: arguments built at run time
    [
      swift(
        'let p = Process()\np.executableURL = URL(fileURLWithPath: "/bin/sh")\np.arguments = ["-c", cmd]\ntry p.run()',
      ),
      'dynamic:/bin/sh -c cmd',
    ],
    [
      swift(
        'let p = Process()\np.executableURL = URL(fileURLWithPath: "/bin/rm")\np.arguments = CommandLine.arguments\ntry p.run()',
      ),
      'dynamic:/bin/rm CommandLine.arguments',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});

describe('Swift scripts: HTTP', () => {
  it.each<[string, string]>([
    [
      swift(
        'var request = URLRequest(url: URL(string: "https://api.example.com/v1/projects/42")!)\nrequest.httpMethod = "DELETE"\nrequest.setValue("application/json", forHTTPHeaderField: "Accept")\nURLSession.shared.dataTask(with: request).resume()',
      ),
      'curl -X DELETE https://api.example.com/v1/projects/42 -H Accept: application/json',
    ],
    [
      swift(
        'let u = URL(string: "https://api.example.com/graphql")!\nvar r = URLRequest(url: u)\nr.httpMethod = "POST"\nlet payload: [String: Any] = ["query": "mutation { deleteApp(id: \\"a1\\") { id } }", "variables": [:]]\nr.httpBody = try! JSONSerialization.data(withJSONObject: payload)\n_ = try await URLSession.shared.data(for: r)',
      ),
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { deleteApp(id: \\"a1\\") { id } }","variables":{}}',
    ],
    [
      swift(
        'let body = """\n  {"query": "mutation { purge }"}\n  """\nvar r = URLRequest(url: URL(string: "https://gql.example.com/")!)\nr.httpMethod = "POST"\nr.httpBody = body.data(using: .utf8)',
      ),
      'curl -X POST https://gql.example.com/ -d {"query": "mutation { purge }"}',
    ],
    [
      swift(
        'struct Q: Encodable { let query: String; let variables: [String: String] }\nvar r = URLRequest(url: URL(string: "https://api.example.com/v2")!)\nr.httpMethod = "POST"\nr.httpBody = try JSONEncoder().encode(Q(query: "mutation { dropDb }", variables: ["a": "b"]))',
      ),
      'curl -X POST https://api.example.com/v2 -d {"query":"mutation { dropDb }","variables":{"a":"b"}}',
    ],
    [
      swift(
        'import Alamofire\nAF.request("https://api.example.com/v2/users/7", method: .delete).response { r in print(r) }',
      ),
      'curl -X DELETE https://api.example.com/v2/users/7',
    ],
    [
      swift(
        'AF.request("https://api.example.com/v2/items", method: HTTPMethod.post, parameters: ["name": "x"])',
      ),
      'curl -X POST https://api.example.com/v2/items -d {"name":"x"}',
    ],
    // a method passed in: each verb the code spells; none spelled is an unknown method
    [
      swift(
        'func call(_ m: String, _ path: String) {\n  var r = URLRequest(url: URL(string: "https://api.example.com" + path)!)\n  r.httpMethod = m\n  URLSession.shared.dataTask(with: r).resume()\n}\ncall("GET", "/v1/x")\ncall("DELETE", "/v1/x/1")',
      ),
      'dynamic:curl -X DELETE https://api.example.com\\(path)',
    ],
    [
      swift(
        'var r = URLRequest(url: URL(string: "https://api.example.com/v1/x")!)\nr.httpMethod = CommandLine.arguments[1]',
      ),
      'curl -X UNKNOWN https://api.example.com/v1/x',
    ],
    // a request without a method set is a GET
    [
      swift(
        'let r = URLRequest(url: URL(string: "https://api.example.com/status")!)\nURLSession.shared.dataTask(with: r).resume()',
      ),
      'curl -X GET https://api.example.com/status',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});

describe('Swift scripts that do nothing to read', () => {
  it.each<[string, string[]]>([
    [swift('print("hello")'), ['cat', 'swift /tmp/x.swift']],
    [swift('let s = "rm -rf /srv" // system("rm -rf /")\nprint(s)'), ['cat', 'swift /tmp/x.swift']],
    [
      swift('try FileManager.default.createDirectory(atPath: "out", withIntermediateDirectories: true)'),
      ['cat', 'swift /tmp/x.swift'],
    ],
    [swift('let p = Process()\nprint(p)'), ['cat', 'swift /tmp/x.swift']],
    [swift('extension Array { mutating func drop1() { remove(at: 0) } }'), ['cat', 'swift /tmp/x.swift']],
    [swift('func run(_ s: String) { print(s) }\nrun("rm -rf /")'), ['cat', 'swift /tmp/x.swift']],
    ['swift build -c release', ['swift build -c release']],
    ['swift package resolve', ['swift package resolve']],
    ['swift --version', ['swift --version']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe('where the swift driver finds the code', () => {
  it.each<[string[], { file?: string; none?: boolean; label: string }]>([
    [['swift', 'x.swift', 'a', 'b'], { file: 'x.swift', label: 'swift x.swift' }],
    [['swift', '-O', '-D', 'DEBUG', './x'], { file: './x', label: 'swift ./x' }],
    [['swift', '-'], { label: 'swift -' }],
    [['swift', 'sh', 'tool.swift', 'x'], { file: 'tool.swift', label: 'swift tool.swift' }],
    [['swift-sh', 'tool.swift'], { file: 'tool.swift', label: 'swift tool.swift' }],
    [['swift'], { label: 'swift stdin' }],
    [['swift', 'repl'], { label: 'swift repl' }],
    [['swift', 'run', 'App'], { label: 'swift run', none: true }],
    [['swift', 'test'], { label: 'swift test', none: true }],
  ])('%j', (argv, want) => {
    const got = swiftArgs(argv.map(lit));
    expect({ file: got.file?.text, none: got.none, label: got.label }).toEqual({
      file: want.file,
      none: want.none,
      label: want.label,
    });
  });
});

describe('Swift scripts judged end to end', () => {
  it.each<[string, 'allow' | 'ask' | 'deny']>([
    [swift('try FileManager.default.removeItem(atPath: NSHomeDirectory())'), 'deny'],
    [
      swift(
        'var r = URLRequest(url: URL(string: "https://api.example.com/v1/x/1")!)\nr.httpMethod = "DELETE"',
      ),
      'ask',
    ],
    [swift('try? FileManager.default.removeItem(atPath: "/tmp/build-cache")'), 'allow'],
    [
      swift('let (d, _) = try await URLSession.shared.data(from: URL(string: "https://api.example.com/x")!)'),
      'allow',
    ],
    [
      swift(
        'let p = Process()\np.executableURL = URL(fileURLWithPath: "/usr/bin/git")\np.arguments = ["status"]',
      ),
      'allow',
    ],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
