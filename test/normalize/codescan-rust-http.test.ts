/**
 * reqwest and ureq requests of Rust code (src/normalize/codescan-rust-http.ts), in a crate the
 * script wrote and then runs with cargo, or inline: the verb, the URL and the body set anywhere
 * in the builder chain (json! bodies through names included) reach the HTTP and GraphQL readers.
 * Through the real pipeline with one pack loaded, and the requests read on their own.
 */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';
import { packVerdict } from '../helpers/command.js';

const graphql = await packVerdict('graphql');
const http = await packVerdict('http');

/** A script that writes `main` as the crate's src/main.rs, then runs `run`. */
const crate = (main: string, run = 'cargo run') =>
  `mkdir -p src && cat > src/main.rs <<'EOF'\n${main}\nEOF\n${run}`;
const CLIENT = 'let c = reqwest::blocking::Client::new();';

describe('Rust requests (graphql and http packs)', () => {
  it.each<[string, (s: string) => string, string]>([
    [
      crate(
        `use serde_json::json;\nfn main() {\n    ${CLIENT}\n    c.post("https://api.example.com/graphql")\n        .bearer_auth("t")\n        .json(&json!({ "query": "mutation { serviceDelete(id: \\"s\\") }" }))\n        .send().unwrap();\n}`,
      ),
      graphql,
      'ask graphql/destructive-mutation',
    ],
    [
      crate(
        `const M: &str = r#"mutation($id: ID!) { deleteDeployment(id: $id) { id } }"#;\nasync fn go() {\n    let body = serde_json::json!({ "query": M, "variables": { "id": "d4" } });\n    reqwest::Client::new().post("https://api.example.com/graphql").json(&body).send().await.unwrap();\n}`,
        'cargo run --release',
      ),
      graphql,
      'ask graphql/destructive-mutation',
    ],
    [
      crate(
        `fn main() {\n    ${CLIENT}\n    let q = std::fs::read_to_string("op.graphql").unwrap();\n    c.post("https://api.example.com/graphql").json(&serde_json::json!({ "query": q })).send().unwrap();\n}`,
      ),
      graphql,
      'ask graphql/unparsed-body',
    ],
    [
      crate(
        `fn main() {\n    let url = "https://api.example.com/v1/tenants/t1";\n    ${CLIENT}\n    c.delete(url).send().unwrap();\n}`,
        'cargo r',
      ),
      http,
      'ask http/delete-remote',
    ],
    [
      `rust-script -e 'reqwest::blocking::Client::new().request(reqwest::Method::DELETE, "https://api.example.com/v1/x").send()'`,
      http,
      'ask http/delete-remote',
    ],
    [
      crate(
        `fn main() {\n    ${CLIENT}\n    c.post("https://api.example.com/graphql").json(&serde_json::json!({ "query": "{ services { id deletedAt } }" })).send().unwrap();\n}`,
      ),
      graphql,
      'allow',
    ],
    [
      crate(
        `fn main() {\n    ${CLIENT}\n    let b = serde_json::json!({ "query": "mutation { createDeployment(id: \\"s\\") { id } }" });\n    c.post("https://api.example.com/graphql").json(&b).send().unwrap();\n}`,
      ),
      graphql,
      'allow',
    ],
    [
      crate(
        `fn main() {\n    reqwest::blocking::get("https://api.example.com/v1/tenants/t1").unwrap();\n}`,
        'cargo run -q',
      ),
      http,
      'allow',
    ],
  ])('%s', (script, verdict, expected) => expect(verdict(script)).toBe(expected));
});

/** The requests Rust code sends, as `METHOD URL body`. */
const requests = (code: string) =>
  scanCode(code, 'rust', '/h').flatMap((e) =>
    e.kind === 'http'
      ? [`${e.method} ${e.url.text} ${e.body ?? (e.bodyUnknown ? '(body)' : '')}`.trim()]
      : [],
  );

describe('the request a builder chain sends', () => {
  it.each<[string, string[]]>([
    [
      `ureq::post("https://a.example/x").send_json(ureq::json!({"a": 1}))`,
      ['POST https://a.example/x {"a":1}'],
    ],
    [
      `let c = reqwest::Client::new(); c.put("https://a.example/x").body("b").send(); c.get("https://a.example/y").send();`,
      ['PUT https://a.example/x b', 'GET https://a.example/y'],
    ],
    // graphql_client's document is in a file the derive reads: an unknown body
    [
      `use reqwest; post_graphql::<Drop, _>(&client, "https://a.example/graphql", vars)`,
      ['POST https://a.example/graphql (body)'],
    ],
    // not reqwest or ureq
    [`let v = map.get("k"); std::collections::HashMap::new().delete("x");`, []],
  ])('%s', (code, want) => expect(requests(code)).toEqual(want));
});
