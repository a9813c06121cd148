/** Dart scripts (src/normalize/codescan-dart.ts): what they delete, run and send. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const dart = (code: string, run = 'dart run /tmp/x.dart') =>
  `cat > /tmp/x.dart <<'EOF'\n${code}\nEOF\n${run}`;

describe('Dart scripts', () => {
  it.each<[string, string]>([
    [
      dart(
        "import 'dart:convert';\nimport 'dart:io';\nFuture<void> main() async {\n  final client = HttpClient();\n  final req = await client.postUrl(Uri.parse('https://api.example.com/graphql'));\n  req.headers.set('Authorization', 'Bearer ${Platform.environment['TOKEN']}');\n  req.write(jsonEncode({'query': 'mutation { deleteApp(appId: \"a1\") { id } }'}));\n  await req.close();\n}",
      ),
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { deleteApp(appId: \\"a1\\") { id } }"}',
    ],
    [
      dart(
        "import 'dart:io';\nvoid main() async { await HttpClient().deleteUrl(Uri.https('api.example.com', '/v1/x/1')); }",
        'dart /tmp/x.dart',
      ),
      'curl -X DELETE https://api.example.com/v1/x/1',
    ],
    [
      dart(
        "import 'package:http/http.dart' as http;\nvoid main() async { await http.delete(Uri.parse('https://api.example.com/v1/x')); }",
      ),
      'curl -X DELETE https://api.example.com/v1/x',
    ],
    [
      dart("import 'dart:io';\nvoid main() { Directory('/srv/www').deleteSync(recursive: true); }"),
      'rm -rf /srv/www',
    ],
    [
      dart("import 'dart:io';\nvoid main() async { await Process.run('rm', ['-rf', '/srv']); }"),
      'rm -rf /srv',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    ['dart pub get', ['dart pub get']],
    ['dart run build_runner build', ['dart run build_runner build']],
    [dart("void main() { print('hi'); }"), ['cat', 'dart run /tmp/x.dart']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});
