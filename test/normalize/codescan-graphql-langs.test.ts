/**
 * GraphQL clients of Ruby, Elixir and R (src/normalize/codescan-graphql-langs.ts): the document
 * they send reaches the GraphQL reader, whether the code is inline or a file the script wrote
 * and then runs; a client's document not known is asked; queries and harmless mutations pass.
 * Through the real pipeline with the graphql pack loaded, and the requests read on their own.
 */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';
import type { Lang } from '../../src/normalize/codelex.js';
import { packVerdict } from '../helpers/command.js';

const graphql = await packVerdict('graphql');
const DELETE = 'ask graphql/destructive-mutation';
const UNREAD = 'ask graphql/unparsed-body';

/** A script that writes `code` to `file` with a heredoc, then runs `run`. */
const written = (file: string, code: string, run: string) => `cat > ${file} <<'EOF'\n${code}\nEOF\n${run}`;

const GRAPHLIENT = `require 'graphlient'\nclient = Graphlient::Client.new('https://api.example.com/graphql',\n  headers: { 'Authorization' => "Bearer #{ENV['TOKEN']}" })`;
const GQL_GEM = `require 'graphql/client'\nrequire 'graphql/client/http'\nHTTP = GraphQL::Client::HTTP.new('https://api.example.com/graphql')\nSchema = GraphQL::Client.load_schema(HTTP)\nClient = GraphQL::Client.new(schema: Schema, execute: HTTP)`;
const GHQL = `library(ghql)\ncli <- GraphqlClient$new(url = "https://api.example.com/graphql")`;

describe('GraphQL clients of Ruby, Elixir and R (graphql pack)', () => {
  it.each([
    // Ruby: Graphlient (heredoc, constant, chained, parse + execute, block DSL), the graphql-client gem
    [
      written(
        'd.rb',
        `${GRAPHLIENT}\nclient.query <<~GQL\n  mutation { volumeDelete(volumeId: "v1") }\nGQL`,
        'ruby d.rb',
      ),
      DELETE,
    ],
    [
      written(
        'd.rb',
        `${GRAPHLIENT}\nDEL = <<-'GQL'\n  mutation($id: ID!) { environmentDelete(id: $id) }\n  GQL\nclient.query(DEL, id: "e1")`,
        'bundle exec ruby d.rb',
      ),
      DELETE,
    ],
    [
      `ruby -rgraphlient -e 'Graphlient::Client.new(ARGV[0]).execute("mutation { deleteProject(id: \\"p\\") { id } }")' https://api.example.com/v2`,
      DELETE,
    ],
    [
      written(
        'd.rb',
        `${GRAPHLIENT}\nop = client.parse('mutation { teamRemove(id: "t") { ok } }')\nclient.execute(op)`,
        'ruby d.rb',
      ),
      DELETE,
    ],
    [
      written(
        'd.rb',
        `${GRAPHLIENT}\nclient.query do\n  mutation do\n    purgeCache(zone: "z1") do\n      ok\n    end\n  end\nend`,
        'ruby d.rb',
      ),
      DELETE,
    ],
    [
      written(
        'd.rb',
        `${GQL_GEM}\nDrop = Client.parse <<~'GRAPHQL'\n  mutation($o: ID!) { organizationDestroy(id: $o) { ok } }\nGRAPHQL\nClient.query(Drop, variables: { o: "org1" })`,
        'ruby d.rb',
      ),
      DELETE,
    ],
    [written('d.rb', `${GRAPHLIENT}\nclient.query(File.read(ARGV[0]))`, 'ruby d.rb op.graphql'), UNREAD],
    // Elixir: Neuron with its endpoint set once, a sigil held by a name, a piped module attribute; mix run
    [
      written(
        'd.exs',
        `Neuron.Config.set(url: "https://api.example.com/graphql")\nNeuron.query("""\n  mutation { deleteWorkspace(id: "w1") { id } }\n""")`,
        'elixir d.exs',
      ),
      DELETE,
    ],
    [
      written(
        'd.exs',
        `m = ~S"""\nmutation($id: ID!) { tableDrop(id: $id) { ok } }\n"""\nNeuron.query(m, %{id: "t3"}, url: "https://api.example.com/graphql")`,
        'mix run d.exs',
      ),
      DELETE,
    ],
    [
      written(
        'd.exs',
        `@m "mutation { wipeTenant(id: \\"t\\") { ok } }"\n@m |> Neuron.query()`,
        'mix run --no-halt d.exs',
      ),
      DELETE,
    ],
    [
      written(
        'd.exs',
        `Req.post!("https://api.example.com/graphql", json: %{query: "mutation { volumeDelete(volumeId: \\"v\\") }"})`,
        'elixir d.exs',
      ),
      DELETE,
    ],
    [
      written(
        'd.exs',
        `Neuron.query(File.read!("op.graphql"), %{}, url: "https://api.example.com/graphql")`,
        'elixir d.exs',
      ),
      UNREAD,
    ],
    // R: ghql's stored query and direct document, httr2 and httr bodies built from lists
    [
      written(
        'd.R',
        `${GHQL}\nq <- Query$new()\nq$query("drop", 'mutation { datasetDelete(id: "d") { id } }')\ncli$exec(q$queries$drop)`,
        'Rscript d.R',
      ),
      DELETE,
    ],
    [
      `R -q -e 'library(ghql); x <- GraphqlClient$new(url = "https://api.example.com/graphql"); x$exec("mutation { userRemove(id: \\"u\\") { id } }")'`,
      DELETE,
    ],
    [
      written(
        'd.R',
        `m <- r"(mutation { wipeBucket(name: "raw") { ok } })"\nhttr2::request("https://api.example.com/graphql") |>\n  httr2::req_body_json(list(query = m)) |>\n  httr2::req_perform()`,
        'R --vanilla -f d.R',
      ),
      DELETE,
    ],
    [
      written(
        'd.R',
        `httr::POST("https://api.example.com/graphql", body = list(query = "mutation { destroyCluster(id: \\"c\\") { id } }"), encode = "json")`,
        'R CMD BATCH d.R',
      ),
      DELETE,
    ],
    [written('d.R', `${GHQL}\ncli$exec(readLines(commandArgs(TRUE)[1]))`, 'Rscript d.R op.graphql'), UNREAD],
    // reads, harmless mutations, and calls of the same names that send no GraphQL
    [
      written(
        'd.rb',
        `${GRAPHLIENT}\nputs client.query(<<~GQL).data\n  query { volumes { id deletedAt } }\nGQL`,
        'ruby d.rb',
      ),
      'allow',
    ],
    [
      written(
        'd.rb',
        `${GRAPHLIENT}\nclient.query('mutation { projectUpdate(id: "p", name: "n") { id } }')`,
        'ruby d.rb',
      ),
      'allow',
    ],
    [
      written(
        'd.rb',
        `${GQL_GEM}\nV = Client.parse('query { viewer { login } }')\nputs Client.query(V).data`,
        'ruby d.rb',
      ),
      'allow',
    ],
    [`ruby -e 'db.query("SELECT id FROM users LIMIT 5")'`, 'allow'],
    [
      written(
        'd.exs',
        `Neuron.Config.set(url: "https://api.example.com/graphql")\n{:ok, r} = Neuron.query("{ workspaces { id removedAt } }")`,
        'mix run d.exs',
      ),
      'allow',
    ],
    [
      written(
        'd.exs',
        `Req.post!("https://api.example.com/graphql", json: %{query: "mutation { createIssue(title: \\"x\\") { id } }"})`,
        'elixir d.exs',
      ),
      'allow',
    ],
    [
      written(
        'd.R',
        `${GHQL}\nq <- Query$new()\nq$query("ds", 'query { datasets { id } }')\nprint(cli$exec(q$queries$ds))`,
        'Rscript d.R',
      ),
      'allow',
    ],
    [
      written(
        'd.R',
        `httr2::request("https://api.example.com/graphql") |> httr2::req_body_json(list(query = '{ runs { id } }')) |> httr2::req_perform()`,
        'Rscript d.R',
      ),
      'allow',
    ],
  ])('%s → %s', (script, expected) => expect(graphql(script)).toBe(expected));
});

/** The requests code sends, as `METHOD URL body`. */
const requests = (lang: Lang, code: string) =>
  scanCode(code, lang, '/h').flatMap((e) =>
    e.kind === 'http'
      ? [
          `${e.method} ${e.url.dynamic ? '?' : e.url.text} ${e.body ?? (e.bodyUnknown ? '(body)' : '')}`.trim(),
        ]
      : [],
  );

describe('the request a client sends', () => {
  it.each<[Lang, string, string[]]>([
    // the endpoint through names and constructors; unknown when none is written
    [
      'ruby',
      `u = "https://a.example/gql"\nc = Graphlient::Client.new(u)\nc.query("{ a }")`,
      ['POST https://a.example/gql {"query":"{ a }"}'],
    ],
    [
      'ruby',
      `GqlClient.execute("https://a.example/graphql", "mutation { x }", {}, { id: 1 })`,
      ['POST https://a.example/graphql {"query":"mutation { x }","variables":{"id":1}}'],
    ],
    ['elixir', `Neuron.query("{ a }")`, ['POST ? {"query":"{ a }"}']],
    [
      'r',
      `cli <- GraphqlClient$new("https://a.example/graphql")\ncli$exec("{ a }", variables = list(id = 1))`,
      ['POST https://a.example/graphql {"query":"{ a }","variables":{"id":1}}'],
    ],
    // a text that is not a document is not GraphQL; an unknown one on a client that is not GraphQL's neither
    ['ruby', `conn.query("SELECT 1")\nredis.execute(cmd)`, []],
    ['r', `con$exec(sql)`, []],
  ])('%s: %j', (lang, code, want) => expect(requests(lang, code)).toEqual(want));
});
