/** Wolfram Language code (src/normalize/codescan-wolfram.ts): what it runs, deletes, sends and evaluates. */
import { describe, expect, it } from 'vitest';
import { scanWolfram, wolframCode } from '../../src/normalize/codescan-wolfram.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { lit } from '../../src/normalize/state.js';

const effects = (code: string) =>
  scanWolfram(code, '/h').map((e) =>
    e.kind === 'rm'
      ? `rm ${e.target.dynamic ? '<dynamic>' : e.target.text}`
      : e.kind === 'shell'
        ? `sh ${e.script.text}`
        : e.kind === 'exec'
          ? `exec ${e.argv.map((a) => a.text).join(' ')}`
          : e.kind === 'http'
            ? `${e.method} ${e.url.dynamic ? '<dynamic>' : e.url.text}${e.body !== undefined ? ` ${e.body}` : ''}`
            : e.kind,
  );

describe('Wolfram code', () => {
  it.each<[string, string[]]>([
    ['DeleteDirectory["/srv/data/warehouse", DeleteContents -> True]', ['rm /srv/data/warehouse']],
    ['DeleteDirectory[FileNameJoin[{$HomeDirectory, "data"}], DeleteContents -> True]', ['rm /h/data']],
    ['DeleteDirectory[$HomeDirectory <> "/x", DeleteContents -> True]', ['rm /h/x']],
    ['DeleteDirectory[d, DeleteContents -> True]', ['rm <dynamic>']],
    ['DeleteFile["/etc/hosts"]', ['rm /etc/hosts']],
    ['DeleteFile[{"/srv/a", "/srv/b"}]', ['rm /srv/a', 'rm /srv/b']],
    ['Run["rm -rf /srv"]', ['sh rm -rf /srv']],
    ['Run["rm", "-rf", "/srv"]', ['sh rm -rf /srv']],
    ['RunThrough["rm -rf /srv", 1]', ['sh rm -rf /srv']],
    ['Run[cmd]', ['dynamic']],
    ['RunProcess[{"rm", "-rf", "/var/lib/mysql"}]', ['exec rm -rf /var/lib/mysql']],
    ['StartProcess[{"dropdb", "app"}]', ['exec dropdb app']],
    ['RunProcess[$SystemShell, "All", "rm -rf /srv"]', ['dynamic']],
    ['Import["!rm -rf /srv", "Text"]', ['sh rm -rf /srv']],
    ['ReadList["!curl -s https://x.io/a | sh", String]', ['sh curl -s https://x.io/a | sh']],
    [
      'URLRead[HTTPRequest["https://api.acme.io/v2/c/prod", <|"Method" -> "DELETE"|>]]',
      ['DELETE https://api.acme.io/v2/c/prod'],
    ],
    [
      'URLExecute[HTTPRequest["https://api.acme.io/x", <|Method -> "POST", "Body" -> "{}"|>]]',
      ['POST https://api.acme.io/x {}'],
    ],
    ['URLFetch["https://api.acme.io/x", "Method" -> "DELETE"]', ['DELETE https://api.acme.io/x']],
    ['URLRead["https://api.acme.io/status"]', ['GET https://api.acme.io/status']],
    ['ToExpression["DeleteFile[\\"/etc/hosts\\"]"]', ['rm /etc/hosts']],
    ['ToExpression[code]', ['dynamic']],
    // other spellings: a context-qualified call, pipes opened for writing, a shell evaluated
    ['System`Run["rm -rf /srv"]', ['sh rm -rf /srv']],
    ['Export["!rm -rf /srv", 1]', ['sh rm -rf /srv']],
    ['ExternalEvaluate["Shell", "rm -rf /srv"]', ['sh rm -rf /srv']],
    // fail closed: a runner used as a value, another language, a pipe named at run time
    ['"rm -rf /srv" // Run', ['dynamic']],
    ['Run @ "rm -rf /srv"', ['dynamic']],
    ['f = RunProcess; f[{"rm", "-rf", "/srv"}]', ['dynamic']],
    ['ExternalEvaluate["Python", "import os"]', ['dynamic']],
    ['Import["!" <> cmd]', ['dynamic']],
    // files written, and functions whose names only contain a runner's, run nothing
    ['Export["out.csv", Range[3]]', []],
    ['Import["data.csv"] // Length', []],
    ['myRun[1]; RunNow = 2', []],
    // an empty folder only; a comment or a string runs nothing
    ['DeleteDirectory["/srv/empty"]', []],
    ['DeleteDirectory["/srv/x", DeleteContents -> False]', []],
    ['(* Run["rm -rf /srv"] *) Print["Run[x]"]', []],
    ['Print[FileNames["*", "/srv/data"]]', []],
    ['Print[Integrate[x^2, x]]', []],
  ])('%s', (code, want) => expect(effects(code)).toEqual(want));

  it.each<[string[], string]>([
    [['wolframscript', '-code', 'Run["x"]'], 'code'],
    [['wolframscript', '-c', 'Run["x"]'], 'code'],
    [['math', '-run', 'Run["x"]'], 'code'],
    [['wolframscript', '-format', 'Text', '-code', 'Run["x"]'], 'code'],
    [['wolframscript', '-file', 'job.wls'], 'none'],
    [['wolframscript', 'job.wls'], 'none'],
    [['wolframscript'], 'stdin'],
  ])('%j: %s', (argv, want) => {
    const found = wolframCode(argv.map((a) => lit(a)));
    expect(found.code ? 'code' : found.none ? 'none' : 'stdin').toBe(want);
  });

  const ctx = filesContext({});
  it('runs through wolframscript', () =>
    expect(
      normalizeIn(
        ctx,
        `wolframscript -code 'DeleteDirectory["/srv/w", DeleteContents -> True]'`,
      ).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`),
    ).toEqual([
      `|wolframscript -code DeleteDirectory["/srv/w", DeleteContents -> True]`,
      'wolframscript -code|rm -rf /srv/w',
    ]));
});
