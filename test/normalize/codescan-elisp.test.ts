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
    // a variable a branch, loop, error handler or later body may assign is not known after it
    ['(setq c "rm -rf ~") (if nil (setq c "ls")) (shell-command c)', ['dynamic c']],
    ['(setq c "rm -rf ~") (when x (setq c "ls")) (shell-command c)', ['dynamic c']],
    ['(setq c "rm -rf ~") (ignore-errors (error "e") (setq c "ls")) (shell-command c)', ['dynamic c']],
    ['(setq c "ls") (dotimes (i 2) (shell-command c) (setq c "rm -rf ~"))', ['dynamic c']],
    ['(setq c "rm -rf ~") (defun f () (setq c "ls")) (shell-command c)', ['dynamic c']],
    [`(let ((c "ls")) (add-hook 'h (lambda () (shell-command c))) (setq c "rm -rf ~"))`, ['dynamic c']],
    [`(setq c "ls") (set v "x") (shell-command c)`, ['dynamic c']],
    // a setq in a let body on a name the let does not bind sets the outer variable
    ['(setq c "ls") (let ((d 1)) (setq c "rm -rf ~")) (shell-command c)', ['shell rm -rf ~']],
    ['(setq c "ls") (let () (setq c "rm -rf ~")) (shell-command c)', ['shell rm -rf ~']],
    ['(setq c "ls") (let ((c "x")) (setq c "rm -rf ~")) (shell-command c)', ['shell ls']],
    // defvar sets only an unbound variable; set and setf of a named variable bind it
    ['(setq c "rm -rf ~") (defvar c "ls") (shell-command c)', ['shell rm -rf ~']],
    [`(set 'c "rm -rf ~") (shell-command c)`, ['shell rm -rf ~']],
    ['(setf c "rm -rf ~") (shell-command c)', ['shell rm -rf ~']],
    // straight-line code keeps its last binding, inside a branch too
    ['(setq c "rm -rf ~") (setq c "ls") (shell-command c)', ['shell ls']],
    ['(when t (setq c "ls") (shell-command c))', ['shell ls']],
    ['(setq c "ls") (defun f () (shell-command c)) (f)', ['shell ls']],
    // the files a wildcard matches: the pattern, read as a glob
    ['(mapc (function delete-file) (file-expand-wildcards "*.elc"))', ['rm *.elc']],
    [`(mapc #'delete-file (file-expand-wildcards "/etc/*"))`, ['rm /etc/*']],
    [`(mapc #'delete-file (file-expand-wildcards p))`, ['rm ?p']],
    [`(mapc #'delete-file (directory-files "/etc" t))`, ['dynamic mapc delete-file']],
    // nothing done
    ['(message "hi")', []],
    [`(require 'request)`, []],
    ['(load "init.el")', []],
    [`(eval '(message "x"))`, []],
    ['(call-process "ls" nil t nil "-la")', ['exec ls -la']],
  ])('%s', (code, want) => expect(effects(code)).toEqual(want));
});
