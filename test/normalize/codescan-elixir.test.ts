/**
 * Inline Elixir code (src/normalize/codescan-elixir.ts): what it deletes, runs or sends
 * becomes the command the extractors read; what cannot be read stays dynamic; other code adds
 * nothing.
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

describe('what inline Elixir code deletes, runs or sends', () => {
  it.each<[string, string]>([
    [`elixir -e 'File.rm_rf!(System.user_home!())'`, 'rm -rf /h'],
    [`elixir -e 'File.rm_rf(Path.expand("~"))'`, 'rm -rf /h'],
    [`elixir -e 'System.cmd("rm", ["-rf", "/srv"])'`, 'rm -rf /srv'],
    [`elixir -e ':os.cmd('"'"'ls'"'"'); System.shell("rm -rf /srv")'`, 'rm -rf /srv'],
    [
      `elixir -e 'Req.delete!("https://api.example.com/v1/db")'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `elixir -e 'Req.post!("https://api.example.com/graphql", body: File.read!("q.json"))'`,
      'curl -X POST https://api.example.com/graphql --data-binary @q.json',
    ],
    // Req's url: keyword under the base_url of the Req.new piped in or passed first; a Tesla client first
    [
      `elixir -e 'Req.new(base_url: "https://api.example.com") |> Req.delete!(url: "/v1/db")'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `elixir -e 'r = Req.new(base_url: "https://api.example.com", auth: {:bearer, "t"}); Req.post!(r, url: "/graphql", json: %{query: "{ a }"})'`,
      'curl -X POST https://api.example.com/graphql -d {"query":"{ a }"}',
    ],
    [
      `elixir -e 'c = Tesla.client([Tesla.Middleware.JSON]); Tesla.delete(c, "https://api.example.com/v1/db")'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `elixir -e 'Req.request!(method: :delete, url: "https://api.example.com/v1/db")'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
  ])('%s', (script, want) =>
    expect(
      commands(script).some((c) => c === want || (want.startsWith('dynamic:') && c.startsWith(want))),
    ).toBe(true),
  );

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [`elixir -e 'File.rm_rf!(hd(System.argv()))'`, 'dynamic:rm -rf'],
    [`elixir -e 'Code.eval_string(IO.read(:stdio, :eof))'`, 'dynamic:'],
    [
      `elixir -e 'Req.post!("https://api.example.com/graphql", body: File.read!(hd(System.argv())))'`,
      'dynamic:curl -X POST https://api.example.com/graphql -d (body)',
    ],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing deleted, run or sent
    [`elixir -e 'IO.puts("rm -rf /")'`, ['elixir -e IO.puts("rm -rf /")']],
    [`elixir -e 'IO.inspect(File.ls!("."))'`, ['elixir -e IO.inspect(File.ls!("."))']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
