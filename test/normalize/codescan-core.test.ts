/** QuickJS's std and os modules, read with Node's patterns (src/normalize/codescan-core.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('what QuickJS code runs', () => {
  it.each<[string, string]>([
    [`qjs --std -e 'os.exec(["rm","-rf",std.getenv("HOME")])'`, 'qjs -e|rm -rf /h'],
    [`qjs --std -e 'std.popen("rm -rf /srv", "r")'`, 'qjs -e|rm -rf /srv'],
    [`quickjs -e 'os.remove("/etc/hosts")'`, 'quickjs -e|rm -rf /etc/hosts'],
    [`qjs --std -e 'std.evalScript("os.exec([\\"rm\\",\\"-rf\\",\\"/srv\\"])")'`, 'qjs -e|rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`qjs -e 'console.log(1 + 1)'`, ['|qjs -e console.log(1 + 1)']],
    [`qjs --std -e 'print(std.getenv("PATH"))'`, ['|qjs --std -e print(std.getenv("PATH"))']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});

describe('what Node code runs through execa and shelljs, and Perl through system LIST', () => {
  it.each<[string, string]>([
    [
      `node --input-type=module -e "import {execa} from 'execa'; await execa('rm', ['-rf', process.env.HOME])"`,
      'node -e|rm -rf /h',
    ],
    [`node -e "require('execa').execaSync('rm', ['-rf', '/srv'])"`, 'node -e|rm -rf /srv'],
    [`node -e "const {execaCommand}=require('execa'); execaCommand('rm -rf /srv')"`, 'node -e|rm -rf /srv'],
    [`node -e "const shell=require('shelljs'); shell.rm('-rf', '/srv')"`, 'node -e|rm -rf /srv'],
    // an array of paths deletes each; one outside the project is judged as itself
    [`node -e "require('shelljs').rm('-rf', ['dist', '/srv'])"`, 'node -e|rm -rf /srv'],
    [`node -e "require('rimraf').sync(['build', process.env.HOME])"`, 'node -e|rm -rf /h'],
    [`node -e "require('shelljs').rm('-rf', [dir])"`, 'node -e|dynamic:rm -rf dir'],
    [`perl -e 'system("rm", "-rf", $ENV{HOME})'`, 'perl -e|rm -rf /h'],
    [
      `deno eval "new Deno.Command('git', {args: ['push', '--force', 'origin', 'HEAD:main']}).outputSync()"`,
      'deno -e|git push --force origin HEAD:main',
    ],
    [`deno eval "new Deno.Command('rm', {args: ['-rf', '/srv']}).spawn()"`, 'deno -e|rm -rf /srv'],
    [`deno eval "Deno.run({cmd: ['rm', '-rf', '/srv']})"`, 'deno -e|rm -rf /srv'],
    [`deno eval "new Deno.Command('rm', {args: xs}).spawn()"`, 'deno -e|dynamic:rm xs'],
    [
      `perl -MFurl -e 'Furl->new->delete("https://api.example.com/v2/droplets?tag_name=prod")'`,
      'perl -e|curl -X DELETE https://api.example.com/v2/droplets?tag_name=prod',
    ],
    // AnyEvent::HTTP: the method a bareword before `=>`, or a string argument
    [
      `perl -MAnyEvent::HTTP -e 'http_request DELETE => "https://api.example.com/v1/accounts/a1", sub { 1 }'`,
      'perl -e|curl -X DELETE https://api.example.com/v1/accounts/a1',
    ],
    [
      `perl -MAnyEvent::HTTP -e 'http_request("DELETE", "https://api.example.com/v1/x", sub { 1 })'`,
      'perl -e|curl -X DELETE https://api.example.com/v1/x',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`node -e "const shell=require('shelljs'); shell.rm('-rf', 'dist')"`, ['node -e|rm -rf dist']],
    [
      `node -e "require('shelljs').rm('-rf', ['dist', 'coverage', '.nyc_output'])"`,
      ['node -e|rm -rf dist', 'node -e|rm -rf coverage', 'node -e|rm -rf .nyc_output'],
    ],
    [`node -e "require('execa').execa('npm', ['test'])"`, ['node -e|npm test']],
    [`perl -e 'system("make test")'`, ['perl -e|make test']],
    [`deno eval "new Deno.Command('git', {args: ['status']}).outputSync()"`, ['deno -e|git status']],
    [
      `perl -MFurl -e 'print Furl->new->get("https://example.com/")->content'`,
      ['perl -e|curl -X GET https://example.com/'],
    ],
    [
      `perl -MAnyEvent::HTTP -e 'http_request GET => "https://example.com/status", sub { print $_[0] }'`,
      ['perl -e|curl -X GET https://example.com/status'],
    ],
  ])('%s runs only its own commands', (script, want) =>
    expect(commands(script).filter((c) => !c.startsWith('|'))).toEqual(want),
  );
});

describe('Ruby names that only look like command runners', () => {
  it.each<[string, string[]]>([
    // a hash key (`execute:`, `send:`) or a longer name is not `exec` / `send`
    [
      `ruby -e 'c = GraphQL::Client.new(schema: s, execute: http); m = { send: 1, system: 2 }; executor.run'`,
      [
        '|ruby -e c = GraphQL::Client.new(schema: s, execute: http); m = { send: 1, system: 2 }; executor.run',
      ],
    ],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));

  it.each<[string, string]>([
    [`ruby -e 'exec("rm -rf /srv")'`, 'ruby -e|rm -rf /srv'],
    [`ruby -e 'system "rm -rf /srv"'`, 'ruby -e|rm -rf /srv'],
    [`ruby -e 'send(ARGV[0])'`, 'ruby -e|dynamic:ARGV[0]'],
  ])('%s still runs', (script, want) => expect(commands(script)).toContain(want));
});

describe("PHP's command functions, not methods of the same name", () => {
  it.each<[string, string[]]>([
    [`php -r 'exec("rm -rf /srv");'`, ['|php -r exec("rm -rf /srv");', 'php -r|rm -rf /srv']],
    [`php -r '\\exec("rm -rf /srv");'`, ['|php -r \\exec("rm -rf /srv");', 'php -r|rm -rf /srv']],
    // PDO's and SQLite3's exec run SQL (read by the SQL extractor), not a shell command
    [`php -r '$pdo = new PDO($d); $pdo->exec($sql);'`, ['|php -r $pdo = new PDO($d); $pdo->exec($sql);']],
    [
      `php -r '$db = new SQLite3("a.db"); $db->exec("VACUUM");'`,
      ['|php -r $db = new SQLite3("a.db"); $db->exec("VACUUM");'],
    ],
    [`php -r 'Foo::exec("x");'`, ['|php -r Foo::exec("x");']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe("what Laravel's File and Process facades do", () => {
  it.each<[string, string]>([
    [`php -r 'File::deleteDirectory("/srv/storage");'`, 'php -r|rm -rf /srv/storage'],
    [`php -r 'File::delete("/srv/.env");'`, 'php -r|rm -rf /srv/.env'],
    [`php -r 'Process::run("rm -rf /srv");'`, 'php -r|rm -rf /srv'],
    [`php -r 'Process::path("/srv")->run("rm -rf /srv/x");'`, 'php -r|rm -rf /srv/x'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`php -r 'echo File::exists("/srv/.env");'`, ['|php -r echo File::exists("/srv/.env");']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});

describe('the body Node code sends', () => {
  it.each<[string, string]>([
    [
      `node -e "const axios = require('axios'); axios.post('https://api.example.com/graphql', {query: 'mutation { environmentDelete(id: 1) }'})"`,
      `python -c>node -e|curl -X POST https://api.example.com/graphql -d {"query":"mutation { environmentDelete(id: 1) }"}`,
    ],
    [
      `node -e "const q = {query: 'mutation { environmentDelete(id: 1) }'}; const body = JSON.stringify(q); fetch('https://api.example.com/graphql', {method: 'POST', body})"`,
      `node -e|curl -X POST https://api.example.com/graphql -d {"query":"mutation { environmentDelete(id: 1) }"}`,
    ],
  ])('%s', (script, want) =>
    expect(commands(script).map((c) => c.replace(/^python -c>/, ''))).toContain(
      want.replace(/^python -c>/, ''),
    ),
  );
});
