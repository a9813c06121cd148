/**
 * Erlang code (src/normalize/codescan-erlang.ts) run by `erl -eval`, the Erlang shell on stdin
 * and escript: what it deletes, runs or sends becomes the command the extractors read; what
 * cannot be read stays dynamic; what does neither leaves only the interpreter.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { lexErlang } from '../../src/normalize/codescan-erlang.js';

/** Each normalized command as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('the Erlang skeleton', () => {
  it.each<[string, string]>([
    [`os:cmd("x") % comment`, 'os.cmd(\u00010\u0002)  '],
    [`A = "a" ++ B, $", <<"bin">>`, 'A = \u00010\u0002 + B, 0, \u00011\u0002'],
    [`'quoted atom'`, '\u00010\u0002'],
  ])('%s', (src, skel) => expect(lexErlang(src).skel).toBe(skel));

  it('binds variables matched once; clause parameters are unknown', () => {
    const lx = lexErlang('main(Args) -> D = "/srv", X = 1, X = 2, ok.');
    expect(lx.vars.get('D')).toBe('\u00010\u0002');
    expect(lx.vars.get('X')).toBeNull();
    expect(lx.vars.get('Args')).toBeNull();
  });
});

describe('what Erlang code deletes, runs or sends', () => {
  it.each<[string, string]>([
    [`erl -noshell -eval 'file:del_dir_r(os:getenv("HOME")), halt().'`, 'rm -rf /h'],
    [`erl -noshell -eval 'file:delete("/etc/hosts"), halt().'`, 'rm -rf /etc/hosts'],
    [
      `erl -noshell -eval 'D = filename:join(os:getenv("HOME"), ".ssh"), file:del_dir_r(D), halt().'`,
      'rm -rf /h/.ssh',
    ],
    [`erl -noshell -eval 'file:del_dir_r(os:getenv("HOME") ++ "/src"), halt().'`, 'rm -rf /h/src'],
    [`erl -noshell -eval 'os:cmd("rm -rf /srv"), halt().'`, 'rm -rf /srv'],
    [`erl -noshell -eval 'open_port({spawn, "rm -rf /srv"}, []), halt().'`, 'rm -rf /srv'],
    [
      `erl -noshell -eval 'open_port({spawn_executable, "/bin/rm"}, [{args, ["-rf", "/srv"]}]), halt().'`,
      '/bin/rm -rf /srv',
    ],
    [
      `erl -noshell -eval '{ok, T, _} = erl_scan:string("os:cmd(\\"rm -rf /srv\\")."), {ok, E} = erl_parse:parse_exprs(T), erl_eval:exprs(E, []).'`,
      'rm -rf /srv',
    ],
    [`echo 'os:cmd("rm -rf /srv").' | erl`, 'rm -rf /srv'],
    [
      `erl -noshell -eval 'httpc:request(delete, {"https://api.example.com/env/1", [{"authorization", "Token " ++ os:getenv("API_TOKEN")}]}, [], [])'`,
      'curl -X DELETE https://api.example.com/env/1 -H authorization: Token $API_TOKEN',
    ],
    [
      `erl -noshell -eval 'httpc:request(post, {"https://api.example.com/graphql", [], "application/json", "{\\"query\\":\\"mutation { deleteProject(id: 1) }\\"}"}, [], [])'`,
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { deleteProject(id: 1) }"}',
    ],
    [
      `printf 'main(_) -> hackney:request(delete, <<"https://api.example.com/v1/db">>, [], <<>>, []).' > d.erl; escript d.erl`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `erl -noshell -eval 'ibrowse:send_req("https://api.example.com/v1/db", [], delete)'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    [`erl -noshell -eval 'file:delete(hd(init:get_plain_arguments())).' -extra x`, 'dynamic:rm -rf'],
    [`erl -noshell -eval 'os:cmd(io:get_line("> ")).'`, 'dynamic:'],
    [`erl -noshell -eval '{ok, E} = io:read("> "), erl_eval:exprs(E, []).'`, 'dynamic:'],
    [`erl -noshell -eval 'httpc:request(M, {"https://api.example.com/x", []}, [], []).'`, 'curl -X DYNAMIC'],
    [`printf 'main([D]) -> file:del_dir_r(D).' > d.erl; escript d.erl /srv`, 'dynamic:rm -rf'],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string]>([
    [`erl -noshell -eval 'io:format("~p~n", [erlang:system_info(otp_release)]), halt().'`, 'erl'],
    [`erl -noshell -eval 'httpc:request("http://localhost:8080/health"), halt().'`, 'erl'],
    [`erl -noshell -s acme_app start`, 'erl'],
    [`escript -s scripts/check.escript`, 'escript'],
    [`escript scripts/release.escript`, 'escript'],
  ])('%s stays the interpreter', (script, first) => {
    const cmds = commands(script);
    expect(cmds[0].startsWith(first)).toBe(true);
    expect(cmds.some((c) => /^(dynamic:|rm |curl -X (DELETE|POST))/.test(c))).toBe(false);
  });
});
