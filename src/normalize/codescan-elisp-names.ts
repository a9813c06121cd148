/**
 * The Emacs Lisp functions codescan-elisp.ts reads, by what they do: delete, run a shell line,
 * run a program with its arguments, send a request (url.el, ghub/glab), evaluate code. Pure.
 */
/** Functions that delete their first argument (a file or, with RECURSIVE, a tree). */
export const DELETE = /^(delete-directory|delete-file|f-delete|dired-delete-file)$/;
/** Functions that run a shell line → the index of the line among their arguments. */
export const SHELL: Record<string, number> = {
  'shell-command': 0,
  'async-shell-command': 0,
  'shell-command-to-string': 0,
  'call-process-shell-command': 0,
  'process-file-shell-command': 0,
  'start-process-shell-command': 2,
  'start-file-process-shell-command': 2,
};
/** Functions that run a program with its arguments → [index of the program, index of the first argument]. */
export const ARGV: Record<string, [number, number]> = {
  'call-process': [0, 4],
  'process-file': [0, 4],
  'start-process': [2, 3],
  'start-file-process': [2, 3],
  'process-lines': [0, 1],
  'process-lines-ignore-status': [0, 1],
  'call-process-region': [2, 6],
};
/** url.el's fetchers: they send `url-request-method` (GET when unbound). */
export const URL_FETCH = /^(url-retrieve|url-retrieve-synchronously|url-insert-file-contents|url-copy-file)$/;
/** ghub's and glab's verbs (`ghub-delete RESOURCE`) → the API they address. */
export const FORGE_API = /^(ghub|glab|gtea|gogs|buck)-(get|head|put|post|patch|delete)$/;
/** A forge's API root (`ghub` → GitHub's); a forge not listed is sent to a host not known (dynamic). */
export const FORGE_HOST: Record<string, string> = {
  ghub: 'https://api.github.com',
  glab: 'https://gitlab.com/api/v4',
};
/** Functions that evaluate code: `eval` its argument form, `load`/`load-file` the file it names. */
export const EVAL = /^(eval|load|load-file)$/;
/** Names whose use as a value (passed, not called) may run them anywhere; false for an empty name. */
export const EFFECTFUL = (s: string): boolean =>
  DELETE.test(s) ||
  Object.hasOwn(SHELL, s) ||
  Object.hasOwn(ARGV, s) ||
  URL_FETCH.test(s) ||
  FORGE_API.test(s) ||
  s === 'make-process' ||
  s === 'request' ||
  s === 'plz' ||
  EVAL.test(s);
/** Higher-order calls whose first argument is a function applied to the rest. */
export const HIGHER = /^(funcall|apply|mapc|mapcar|seq-do|seq-map|mapconcat)$/;
/** Forms that name a feature or function without calling it (`(require 'request)`). */
export const DECLARES = /^(require|provide|featurep|fboundp|boundp|autoload|declare-function|function-get)$/;
