/**
 * Emacs Lisp read for what it does (src/normalize/codescan-elisp.ts): requests with the
 * method, headers and body url.el reads from its bound variables, request.el's and plz's
 * calls, deletions, commands run through a shell or as an argv, and code evaluated. What is
 * not known statically is a dynamic effect.
 */
import { describe, expect, it } from 'vitest';
import { scanElisp } from '../../src/normalize/codescan-elisp.js';

/** Each effect as one line: `http METHOD URL`, `rm PATH`, `shell LINE`, `exec ARGV`, `dynamic TEXT`. */
function effects(code: string): string[] {
  return scanElisp(code, '/h').map((e) =>
    e.kind === 'http'
      ? `http ${e.method} ${e.url.text}${e.headers ? ` [${e.headers.join('; ')}]` : ''}${e.body !== undefined ? ` <${e.body}>` : ''}${e.bodyUnknown ? ' <?>' : ''}`
      : e.kind === 'rm'
        ? `rm ${e.target.dynamic ? '?' : ''}${e.target.text}`
        : e.kind === 'shell'
          ? `shell ${e.script.text}`
          : e.kind === 'exec'
            ? `exec ${e.argv.map((a) => a.text).join(' ')}`
            : e.kind === 'dynamic'
              ? `dynamic ${e.text}`
              : e.kind,
  );
}

describe('Emacs Lisp effects', () => {
  it.each<[string, string[]]>([
    // url.el: the method, headers and body are the bound variables
    [
      '(let ((url-request-method "DELETE") (url-request-extra-headers (list (cons "Authorization" (concat "Bearer " (getenv "FAKE_TOKEN")))))) (url-retrieve-synchronously "https://api.example.com/v2/db/1"))',
      ['http DELETE https://api.example.com/v2/db/1 [Authorization: Bearer $FAKE_TOKEN]'],
    ],
    [
      `(let* ((url-request-method "POST") (url-request-data "{\\"a\\":1}") (url-request-extra-headers '(("Content-Type" . "application/json")))) (url-retrieve "https://api.example.com/v1/jobs" #'ignore))`,
      ['http POST https://api.example.com/v1/jobs [Content-Type: application/json] <{"a":1}>'],
    ],
    [
      '(progn (setq url-request-method "PUT") (url-insert-file-contents "https://api.example.com/x"))',
      ['http PUT https://api.example.com/x'],
    ],
    ['(url-retrieve-synchronously "https://api.example.com/x")', ['http GET https://api.example.com/x']],
    // the binding ends with its let
    [
      '(progn (let ((url-request-method "DELETE")) (message "x")) (url-retrieve-synchronously "https://e.example/x"))',
      ['http GET https://e.example/x'],
    ],
    [
      '(let ((url-request-method m)) (url-retrieve-synchronously "https://e.example/x"))',
      ['http DYNAMIC https://e.example/x'],
    ],
    // request.el, plz, ghub
    [
      '(request "https://api.example.com/v/1" :type "DELETE" :sync t)',
      ['http DELETE https://api.example.com/v/1'],
    ],
    ['(request "https://api.example.com/v/1")', ['http GET https://api.example.com/v/1']],
    [`(plz 'delete "https://api.example.com/v/1")`, ['http DELETE https://api.example.com/v/1']],
    [`(plz 'post "https://api.example.com/v/1" :body "x")`, ['http POST https://api.example.com/v/1 <x>']],
    ['(ghub-delete "/repos/acme/app")', ['http DELETE https://api.github.com/repos/acme/app']],
    // deletions, shells, argvs
    ['(delete-directory (expand-file-name "~") t)', ['rm /h']],
    ['(delete-directory (expand-file-name "cache" user-emacs-directory) t)', ['rm /h/.emacs.d/cache']],
    ['(delete-file "/etc/hosts")', ['rm /etc/hosts']],
    ['(delete-directory (concat x "/y") t)', ['rm ?x/y']],
    ['(shell-command "rm -rf /srv")', ['shell rm -rf /srv']],
    ['(start-process-shell-command "w" nil "dropdb prod")', ['shell dropdb prod']],
    ['(call-process "rm" nil nil nil "-rf" "/srv")', ['exec rm -rf /srv']],
    ['(start-process "p" nil "rm" "-rf" "/srv")', ['exec rm -rf /srv']],
    ['(make-process :name "x" :command (list "rm" "-rf" "/srv"))', ['exec rm -rf /srv']],
    [`(funcall #'shell-command "rm -rf /srv")`, ['shell rm -rf /srv']],
    [`(mapc #'delete-file '("/etc/a" "/etc/b"))`, ['rm /etc/a', 'rm /etc/b']],
    // code evaluated
    ['(eval (car (read-from-string "(delete-file \\"/etc/hosts\\")")))', ['rm /etc/hosts']],
    ['(eval x)', ['dynamic (eval x)']],
    ['(load f)', ['dynamic (load f)']],
    ['(shell-command cmd)', ['dynamic cmd']],
    [`(mapc #'delete-file files)`, ['dynamic mapc delete-file']],
    [
      `(add-hook 'kill-emacs-hook #'delete-file)`,
      [`dynamic (add-hook (quote kill-emacs-hook) (quote delete-file))`],
    ],
    // nothing done
    ['(message "hi")', []],
    [`(require 'request)`, []],
    ['(load "init.el")', []],
    [`(eval '(message "x"))`, []],
    ['(call-process "ls" nil t nil "-la")', ['exec ls -la']],
  ])('%s', (code, want) => expect(effects(code)).toEqual(want));
});
