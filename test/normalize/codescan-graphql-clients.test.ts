/** GraphQL client libraries of Node (src/normalize/codescan-graphql-clients.ts), read as the POST of their document. */
import { describe, expect, it } from 'vitest';
import { canonicalCode } from '../../src/normalize/codeparse.js';
import { scanCode } from '../../src/normalize/codescan.js';

/** The requests the code sends, as `METHOD URL body`. */
const requests = (code: string) =>
  scanCode(canonicalCode(code, 'node'), 'node', '/h')
    .filter((e) => e.kind === 'http')
    .map((e) =>
      e.kind === 'http'
        ? `${e.method} ${e.url.dynamic ? `<${e.url.text}>` : e.url.text} ${e.body ?? (e.bodyUnknown ? '(body)' : '')}`.trim()
        : '',
    );

const APOLLO =
  "import {ApolloClient, InMemoryCache, HttpLink, gql} from '@apollo/client/core/index.js'; const c = new ApolloClient({link: new HttpLink({uri: 'https://api.example.com/graphql'}), cache: new InMemoryCache()});";

describe('GraphQL documents sent by Node client libraries', () => {
  it.each<[string, string[]]>([
    [
      `${APOLLO} await c.mutate({mutation: gql\`mutation { pages { delete(id: 42) { ok } } }\`})`,
      ['POST https://api.example.com/graphql {"query":"mutation { pages { delete(id: 42) { ok } } }"}'],
    ],
    [
      `${APOLLO} const DEL = gql\`mutation { deleteUser(id: 1) { id } }\`; await c.mutate({mutation: DEL})`,
      ['POST https://api.example.com/graphql {"query":"mutation { deleteUser(id: 1) { id } }"}'],
    ],
    [`${APOLLO} await c.mutate({mutation: doc})`, ['POST https://api.example.com/graphql (body)']],
    [
      "import { request, gql } from 'graphql-request'; await request('https://api.example.com/gql', gql`mutation { dropAll }`)",
      ['POST https://api.example.com/gql {"query":"mutation { dropAll }"}'],
    ],
    [
      "const { GraphQLClient } = require('graphql-request'); const g = new GraphQLClient('https://api.example.com/gql'); await g.request(`mutation { appDelete(id: 1) }`)",
      ['POST https://api.example.com/gql {"query":"mutation { appDelete(id: 1) }"}'],
    ],
    // reads, and calls that are not these libraries
    [
      `${APOLLO} await c.query({query: gql\`{ pages { list { id } } }\`})`,
      ['POST https://api.example.com/graphql {"query":"{ pages { list { id } } }"}'],
    ],
    ["const db = require('pg'); await db.query({query: 'SELECT 1'})", []],
    ['const x = sql`SELECT 1`; console.log(x)', []],
  ])('%s', (code, want) => expect(requests(code)).toEqual(want));
});

/** The requests Python code sends, as `METHOD URL body`. */
const pyRequests = (code: string) =>
  scanCode(code, 'python', '/h')
    .filter((e) => e.kind === 'http')
    .map((e) => (e.kind === 'http' ? `${e.method} ${e.url.text} ${e.body ?? '(body)'}`.trim() : ''));

describe('GraphQL documents sent by python_graphql_client', () => {
  it.each<[string, string[]]>([
    [
      "from python_graphql_client import GraphqlClient\nc = GraphqlClient(endpoint='https://api.example.com/graphql')\nq = 'mutation { deleteUser(id: 1) { id } }'\nc.execute(query=q)",
      ['POST https://api.example.com/graphql {"query":"mutation { deleteUser(id: 1) { id } }"}'],
    ],
    [
      "from python_graphql_client import GraphqlClient\nc = GraphqlClient('https://api.example.com/graphql')\nasyncio.run(c.execute_async('query { me { id } }'))",
      ['POST https://api.example.com/graphql {"query":"query { me { id } }"}'],
    ],
    // a client built but never asked, and an unrelated execute()
    [
      "from python_graphql_client import GraphqlClient\nc = GraphqlClient(endpoint='https://api.example.com/graphql')",
      [],
    ],
    ["cur.execute('SELECT 1')", []],
  ])('%s', (code, want) => expect(pyRequests(code)).toEqual(want));
});
