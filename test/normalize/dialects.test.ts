/** Hy read as Python, Raku as Perl, Common Lisp as Scheme (src/normalize/dialects.ts, codescan-scheme.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { hyToPython, rakuToPerl } from '../../src/normalize/dialects.js';

const ctx = filesContext({});
/** Each normalized command as `wrappers|argv…` (dynamic ones marked), in order. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('languages read through another', () => {
  it.each<[string, string]>([
    [`hy -c '(import shutil) (shutil.rmtree "/var/www")'`, 'hy -c|rm -rf /var/www'],
    [`hy -c '(import os) (os.system "rm -rf /srv")'`, 'hy -c|rm -rf /srv'],
    [`hy -c '(import subprocess) (subprocess.run ["rm" "-rf" "/srv"] :check True)'`, 'hy -c|rm -rf /srv'],
    [`raku -e 'run <rm -rf>, %*ENV<HOME>'`, 'raku -e|rm -rf /h'],
    [`raku -e 'shell "rm -rf /srv"'`, 'raku -e|rm -rf /srv'],
    [`perl6 -e 'my @c = <rm -rf /srv>; run |@c'`, 'perl -e|dynamic:|@c'],
    [
      `sbcl --non-interactive --eval '(require :asdf)' --eval '(uiop:delete-directory-tree (user-homedir-pathname) :validate t)'`,
      'sbcl -c|rm -rf /h',
    ],
    [`sbcl --eval '(uiop:run-program "rm -rf /srv")' --quit`, 'sbcl -c|rm -rf /srv'],
    [`ecl --eval '(sb-ext:run-program "/bin/rm" (list "-rf" "/srv"))'`, 'ecl -c|/bin/rm -rf /srv'],
    [`ccl --eval '(uiop:run-program (list "rm" "-rf" "/srv"))'`, 'ccl -c|rm -rf /srv'],
    [
      `sbcl --eval '(delete-file (merge-pathnames ".bashrc" (user-homedir-pathname)))'`,
      'sbcl -c|rm -rf /h/.bashrc',
    ],
    // CLISP: `-x` is its code; `ext:shell`, `ext:execute`, `ext:run-program … :arguments`
    [`clisp -x '(ext:run-shell-command "rm -rf /srv/app/uploads")'`, 'clisp -c|rm -rf /srv/app/uploads'],
    [`clisp -x '(ext:shell "rm -rf /srv")'`, 'clisp -c|rm -rf /srv'],
    [`clisp -x '(ext:execute "/bin/rm" "-rf" "/srv")'`, 'clisp -c|/bin/rm -rf /srv'],
    [`clisp -x '(ext:run-program "rm" :arguments (list "-rf" "/srv"))'`, 'clisp -c|rm -rf /srv'],
    // Raku's HTTP clients read as Perl's
    [
      `raku -MHTTP::UserAgent -MHTTP::Request -e 'my $ua = HTTP::UserAgent.new; say $ua.request(HTTP::Request.new(DELETE => "https://api.example.net/v1/deals?ids=1")).status-line'`,
      'raku -e|curl -X DELETE https://api.example.net/v1/deals?ids=1',
    ],
    [
      `raku -MHTTP::UserAgent -e 'HTTP::UserAgent.new.delete("https://api.example.net/v1/p/7")'`,
      'raku -e|curl -X DELETE https://api.example.net/v1/p/7',
    ],
    [
      `raku -MCro::HTTP::Client -e 'await Cro::HTTP::Client.delete("https://api.example.net/v1/p/7")'`,
      'raku -e|curl -X DELETE https://api.example.net/v1/p/7',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    [`hy -c '(print (+ 1 2))'`],
    [`raku -e 'say "hello"'`],
    [`sbcl --non-interactive --eval '(print (+ 1 2))'`],
    ['sbcl --non-interactive --load build.lisp'],
    [`clisp -x '(+ 1 2)'`],
    // Common Lisp's sequence `delete` is not a request
    [`sbcl --eval '(print (delete 3 (list 1 2 3)))'`],
    [`raku -e 'say 1+1'`],
  ])('%s runs nothing', (script) => expect(commands(script).filter((c) => !c.startsWith('|'))).toEqual([]));

  it.each<[string, string]>([
    ['(shutil.rmtree "/x")', 'shutil.rmtree("/x")'],
    ['(setv p "/x") (.unlink p)', 'p = "/x"\np.unlink()'],
    ['(f a :check True)', 'f(a, check=True)'],
  ])('hy %s', (hy, py) => expect(hyToPython(hy)).toBe(py));

  it.each<[string, string]>([
    ['run <rm -rf>, %*ENV<HOME>', "system 'rm','-rf', getenv('HOME')"],
    ["'/srv'.IO.rmdir", "unlink('/srv')"],
    ['say $*HOME', "say getenv('HOME')"],
    ['HTTP::UserAgent.new.get($u)', 'LWP::UserAgent->new->get($u)'],
    ['$ua.request(HTTP::Request.new(DELETE => $u))', '$ua->request(HTTP::Request->new(DELETE => $u))'],
    ['say "api.example.net".uc', 'say "api.example.net".uc'],
  ])('raku %s', (raku, perl) => expect(rakuToPerl(raku)).toBe(perl));
});
