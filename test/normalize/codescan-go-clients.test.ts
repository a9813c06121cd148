/** Go HTTP and GraphQL client libraries (src/normalize/codescan-go-clients.ts): the requests they send. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const go = (imp: string, body: string) =>
  `cat > /tmp/m.go <<'EOF'\npackage main\nimport (\n\t"context"\n\t"${imp}"\n)\nfunc main() {\n\tctx := context.Background()\n${body}\n}\nEOF\ngo run /tmp/m.go`;
const MB = 'github.com/machinebox/graphql';
const SH = 'github.com/shurcooL/graphql';

describe('Go client libraries', () => {
  it.each<[string, string]>([
    [
      go(
        'github.com/go-resty/resty/v2',
        'resty.New().R().\n\t\tSetHeader("A", "b").\n\t\tDelete("https://api.example.com/v1/db/1")',
      ),
      'curl -X DELETE https://api.example.com/v1/db/1',
    ],
    [
      go(
        'github.com/go-resty/resty/v2',
        'c := resty.New()\nc.R().SetBody(b).Put("https://api.example.com/v1/x")',
      ),
      'curl -X PUT https://api.example.com/v1/x',
    ],
    [
      go(
        MB,
        'c := graphql.NewClient("https://api.example.com/graphql")\nreq := graphql.NewRequest(`mutation { appDelete(id: "a") { id } }`)\nc.Run(ctx, req, nil)',
      ),
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { appDelete(id: \\"a\\") { id } }"}',
    ],
    [
      go(
        SH,
        'c := graphql.NewClient("https://api.example.com/graphql", nil)\nvar m struct {\n\tX struct{ ID graphql.String } `graphql:"stackDelete(id: \\"prod\\")"`\n}\nc.Mutate(ctx, &m, nil)',
      ),
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { stackDelete(id: \\"prod\\") }"}',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  // A method of the same name on something that is not the library's request: no request.
  it.each<[string, string]>([
    [
      go('net/http', 'var m map[string]int\ndelete(m, "k")\nx.Delete("https://api.example.com/v1/db/1")'),
      'curl -X DELETE',
    ],
    [go('github.com/go-resty/resty/v2', 'cache.Delete("https://api.example.com/v1/db/1")'), 'curl -X DELETE'],
    [go('github.com/example/other', 'c.Mutate(ctx, &m, nil)'), 'curl -X POST'],
  ])('%s', (script, absent) => expect(commands(script).some((c) => c.startsWith(absent))).toBe(false));
});
