/**
 * Scheme code (src/normalize/codescan-scheme.ts) run by guile, racket, csi, gsi and
 * chibi-scheme: what it deletes, runs or sends becomes the command the extractors read; what
 * cannot be read stays dynamic; what does neither leaves only the interpreter.
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

describe('what Scheme code deletes, runs or sends', () => {
  it.each<[string, string]>([
    [`guile -c '(system* "rm" "-rf" "/home")'`, 'rm -rf /home'],
    // Common Lisp's HTTP clients: drakma's http-request :method, dexador's verbs
    [
      `sbcl --eval '(drakma:http-request "https://api.example.net/v1/p/7" :method :delete)'`,
      'curl -X DELETE https://api.example.net/v1/p/7',
    ],
    [
      `sbcl --eval '(dex:delete "https://api.example.net/v1/p/7")'`,
      'curl -X DELETE https://api.example.net/v1/p/7',
    ],
    [
      `clisp -x '(drakma:http-request "https://api.example.net/v1/p/7/purge" :method :post :content "{}")'`,
      'curl -X POST https://api.example.net/v1/p/7/purge -d {}',
    ],
    [`guile -c '(system "rm -rf ~")'`, 'rm -rf /h'],
    [`guile3.0 -c '(delete-file (string-append (getenv "HOME") "/.bashrc"))'`, 'rm -rf /h/.bashrc'],
    [`guile -c '(use-modules (ice-9 popen)) (open-pipe* OPEN_READ "rm" "-rf" "/srv")'`, 'rm -rf /srv'],
    [`guile -c '(open-input-pipe "rm -rf /srv")'`, 'rm -rf /srv'],
    [`guile -c '(define d "/srv/data") (system* "rm" "-rf" d)'`, 'rm -rf /srv/data'],
    [`guile -c '(let ((d "/srv")) (system* "rm" "-rf" d))'`, 'rm -rf /srv'],
    [`guile -c '(apply system* (list "rm" "-rf" "/srv"))'`, 'rm -rf /srv'],
    [`guile -c "(for-each delete-file '(\\"/etc/hosts\\" \\"/etc/passwd\\"))"`, 'rm -rf /etc/passwd'],
    [`guile -c '(define nuke system*) (nuke "rm" "-rf" "/srv")'`, 'rm -rf /srv'],
    [`guile -c '(eval-string "(system \\"rm -rf /srv\\")")'`, 'rm -rf /srv'],
    [`guile -c "(eval '(system \\"rm -rf /srv\\") (interaction-environment))"`, 'rm -rf /srv'],
    [`guile -c '(spawn "rm" (list "rm" "-rf" "/srv"))'`, 'rm -rf /srv'],
    [`echo '(system* "rm" "-rf" "/srv")' | guile`, 'rm -rf /srv'],
    // chibi's (chibi filesystem) and (chibi process): system with several words is an argv
    [
      `chibi-scheme -e '(import (chibi filesystem)) (delete-file-hierarchy "/srv/uploads")'`,
      'rm -rf /srv/uploads',
    ],
    [`chibi-scheme -e '(import (chibi process)) (system "rm" "-rf" "/var/lib/app")'`, 'rm -rf /var/lib/app'],
    // Gauche: gosh -e/-E, sys-system, run-process of a list, remove-directory*
    [`gosh -e '(sys-system "rm -rf /srv/www")' -E exit`, 'rm -rf /srv/www'],
    [`gosh -u gauche.process -e '(run-process (quote ("rm" "-rf" "/srv")) :wait #t)'`, 'rm -rf /srv'],
    [`gosh -e '(remove-directory* "/var/www")'`, 'rm -rf /var/www'],
    [`racket -e '(system* "/bin/rm" "-rf" "/srv")'`, '/bin/rm -rf /srv'],
    [`racket -l racket/base -l racket/file -e '(delete-directory/files "/srv")'`, 'rm -rf /srv'],
    [
      `racket -e '(delete-directory/files (build-path (find-system-path (quote home-dir)) "src"))'`,
      'rm -rf /h/src',
    ],
    [`csi -e '(process-run "rm -rf /srv")'`, 'rm -rf /srv'],
    [
      `guile -c "(use-modules (web client)) (http-request \\"https://api.example.com/v1/db\\" #:method 'DELETE)"`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `racket -e '(delete-pure-port (string->url "https://api.example.com/v1/db"))'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [`guile -c '(system (read-line))'`, 'dynamic:'],
    [`guile -c '(delete-file (cadr (command-line)))'`, 'dynamic:rm -rf'],
    [`guile -c '(eval (read) (interaction-environment))'`, 'dynamic:'],
    [`guile -c '(map (lambda (f) (f "x")) (list system display))'`, 'dynamic:'],
    [`guile -c '(apply system* (cdr (command-line)))'`, 'dynamic:'],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing deleted, run or sent
    [`guile -c '(display (+ 1 2))'`, ['guile -c (display (+ 1 2))']],
    [`guile -c '(display "(system \\"rm -rf /\\")")'`, ['guile -c (display "(system \\"rm -rf /\\")")']],
    [
      `racket -e '(displayln (file->string "notes.txt"))'`,
      ['racket -e (displayln (file->string "notes.txt"))'],
    ],
    [`guile -c '(load "build.scm")'`, ['guile -c (load "build.scm")']],
    [`guile -c '(system* "ls" "-la")'`, ['guile -c (system* "ls" "-la")', 'ls -la']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));

  // a fresh temp folder or file is the one `mktemp -d` makes (codescan-dirs.ts); the system's stays /tmp
  it.each<[string, string]>([
    [
      `racket -e '(define d (make-temporary-directory)) (delete-directory/files d)'`,
      'rm -rf /tmp/tmp.XXXXXXXXXX',
    ],
    [`racket -e '(delete-file (make-temporary-file "x-~a"))'`, 'rm -rf /tmp/tmp.XXXXXXXXXX'],
    [`guile -c '(let ((d (mkdtemp "/tmp/sXXXXXX"))) (rmdir d))'`, 'rm -rf /tmp/tmp.XXXXXXXXXX'],
    [`csi -e '(delete-directory (create-temporary-directory) #t)'`, 'rm -rf /tmp/tmp.XXXXXXXXXX'],
    [`racket -e '(delete-directory/files (find-system-path (quote temp-dir)))'`, 'rm -rf /tmp'],
    [`sbcl --eval '(uiop:delete-directory-tree (uiop:temporary-directory) :validate t)'`, 'rm -rf /tmp'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});
