/**
 * Emacs run as a Lisp interpreter (src/normalize/interpreters-elisp.ts): `--eval`, files it
 * loads that the script wrote, `--script /dev/stdin`, `emacsclient --eval`. What the code does
 * becomes the commands the extractors read; code not known is a dynamic command; an Emacs
 * given no code stays itself.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

/** Each normalized command as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  return normalizeIn(ctx, script).commands.map((c) =>
    c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' '),
  );
}

describe('what Emacs Lisp run by emacs does', () => {
  it.each<[string, string]>([
    [
      `emacs --batch --eval '(let ((url-request-method "DELETE")) (url-retrieve-synchronously "https://api.example.com/v2/databases/d1"))'`,
      'curl -X DELETE https://api.example.com/v2/databases/d1',
    ],
    [`emacs -Q --batch --eval='(delete-directory "/srv/data" t)'`, 'rm -rf /srv/data'],
    [`emacs --batch -eval '(shell-command "rm -rf /srv/data")'`, 'rm -rf /srv/data'],
    [`emacs -Q --batch --eval='(async-shell-command "dropdb prod")'`, 'dropdb prod'],
    [`emacs --batch -l ert --eval '(call-process "rm" nil nil nil "-rf" "/srv")'`, 'rm -rf /srv'],
    [`emacsclient --eval '(delete-directory "/srv/data" t)'`, 'rm -rf /srv/data'],
    [`emacsclient -s work -e '(message "a")' '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [
      `cat > /tmp/x.el <<'EOF'\n(delete-directory "/srv/data" t)\nEOF\nemacs --script /tmp/x.el`,
      'rm -rf /srv/data',
    ],
    [`echo '(delete-directory "/srv/data" t)' | emacs --script /dev/stdin`, 'rm -rf /srv/data'],
    // emacsclient: a cluster holding -e, -e or --eval anywhere, prefixes and long_only spellings
    [`emacsclient -ne '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`emacsclient -ce '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`emacsclient '(delete-file "/etc/hosts")' --eval`, 'rm -rf /etc/hosts'],
    [`emacsclient --ev '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`emacsclient -nw -eval '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`emacsclient -socket-name w -e '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    // emacs: unique prefixes of its long options
    [`emacs --batch --ev '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`emacs --batch --eva='(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`emacs --batch --exec '(delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`printf '(delete-file "/etc/hosts")' > x.el; emacs --batch --lo x.el`, 'rm -rf /etc/hosts'],
    [`printf '(delete-file "/etc/hosts")' > x.el; emacs --batch --scr x.el`, 'rm -rf /etc/hosts'],
    // a clean-up of the files a wildcard matches: the glob, under the working folder
    [`emacs --batch --eval '(mapc (function delete-file) (file-expand-wildcards "*.elc"))'`, 'rm -rf *.elc'],
    // a visited file the run evaluates
    [`printf '(delete-file "/etc/hosts")' > x.el; emacs --batch x.el -f eval-buffer`, 'rm -rf /etc/hosts'],
    [
      `printf '(delete-file "/etc/hosts")' > x.el; emacs --batch x.el --eval '(eval-buffer)'`,
      'rm -rf /etc/hosts',
    ],
    [
      `printf '(delete-file "/etc/hosts")' > x.el; emacs --batch --visit x.el --funcall eval-buffer`,
      'rm -rf /etc/hosts',
    ],
  ])('%s runs %s', (line, inner) => expect(commands(line)).toContain(inner));

  it.each<[string, string]>([
    ['emacs --batch --eval "$CODE"', 'dynamic:$CODE'],
    ['emacs --batch -l "$F"', 'dynamic:$F'],
    ['emacs --batch "$F" -f eval-buffer', 'dynamic:$F'],
    ['curl -s https://x.example/a.el | emacs --script /dev/stdin', 'dynamic:(code on stdin)'],
  ])('%s is code not known', (line, want) => expect(commands(line)).toContain(want));

  it.each<[string, string[]]>([
    [`emacs --batch --eval '(message "hi")'`, ['emacs --batch --eval (message "hi")']],
    ['emacs --batch -f batch-byte-compile init.el', ['emacs --batch -f batch-byte-compile init.el']],
    [
      'emacs -Q --batch -l ert -l tests/t.el -f ert-run-tests-batch-and-exit',
      ['emacs -Q --batch -l ert -l tests/t.el -f ert-run-tests-batch-and-exit'],
    ],
    ['emacs -nw notes.org', ['emacs -nw notes.org']],
    ['emacsclient -n notes.org', ['emacsclient -n notes.org']],
    ['emacsclient -nc notes.org', ['emacsclient -nc notes.org']],
    ['emacsclient -nw notes.org', ['emacsclient -nw notes.org']],
    ['emacs --batch --fun batch-byte-compile init.el', ['emacs --batch --fun batch-byte-compile init.el']],
    ['emacs --batch x.el -f eval-buffer', ['emacs --batch x.el -f eval-buffer']],
  ])('%s runs no code of its own', (line, want) => expect(commands(line)).toEqual(want));
});
