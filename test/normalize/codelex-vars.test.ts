/**
 * What the code lexer knows of a program's variables (src/normalize/codelex-vars.ts): names
 * assigned once, in each language's spelling, with values over several lines while brackets
 * are open; names bound otherwise are unknown.
 */
import { describe, expect, it } from 'vitest';
import { lex, show, type Lang } from '../../src/normalize/codelex.js';

/** The value `name` holds, as source text; null = not known; undefined = not assigned. */
function valueOf(lang: Lang, code: string, name: string): string | null | undefined {
  const lx = lex(code, lang);
  const v = lx.vars.get(name);
  return v === undefined || v === null ? v : show(v, lx);
}

describe('variables assigned once', () => {
  it.each<[Lang, string, string, string | null | undefined]>([
    ['r', 'url <- "https://a.example"\nGET(url)', 'url', '"https://a.example"'],
    ['r', 'my.q <<- "q"', 'my.q', '"q"'],
    [
      'r',
      'cli <- GraphqlClient$new(url = "u",\n  headers = list(a = "b"))\nx',
      'cli',
      'GraphqlClient$new(url = "u",\n  headers = list(a = "b"))',
    ],
    ['rust', 'const M: &str = r#"mutation { a }"#;', 'M', '"mutation { a }"'],
    ['rust', 'let mut url: String = "u".to_string();', 'url', '"u".to_string()'],
    [
      'elixir',
      '@mutation """\nmutation { a }\n"""\n@mutation |> Neuron.query()',
      'mutation',
      '"\\nmutation { a }\\n"',
    ],
    ['node', 'const body = {\n  query: "q",\n};\nfetch(u, body)', 'body', '{\n  query: "q",\n}'],
    // pipes are not block parameters: what they pass stays known
    ['r', 'm <- "q"\nrequest(u) |>\n  req_body_json(list(query = m)) |>\n  req_perform()', 'm', '"q"'],
    // bound otherwise, or more than once: not known
    ['ruby', 'q = "a"\nitems.each { |q| puts q }', 'q', null],
    ['python', 'q = "a"\nq = "b"', 'q', null],
    ['r', 'x <- 1', 'y', undefined],
  ])('%s: %j → %s', (lang, code, name, want) => expect(valueOf(lang, code, name)).toBe(want));
});
