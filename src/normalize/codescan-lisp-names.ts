/**
 * Common Lisp names as the Scheme reader (codescan-scheme.ts) knows them: package prefixes
 * dropped (`uiop:run-program`, `sb-ext:run-program`, `drakma:http-request` → `run-program`,
 * `http-request`), and dexador's request functions read as guile's (`dex:delete` →
 * `http-delete`; its bare `delete` would be Common Lisp's sequence function). Pure.
 */

/** Common Lisp package prefixes (`uiop:run-program`, `sb-ext:run-program`): the name is read without them. */
const CL_PACKAGE =
  /^(?:uiop(?:\/[\w-]+)?|sb-ext|sb-posix|sb-impl|ccl|ext|asdf|cl-fad|cl|common-lisp|inferior-shell|osicat|drakma):{1,2}(?=[\w*])/i;

/** dexador's request functions (`dex:delete URL`), read as `http-VERB`. */
const CL_HTTP = /^(?:dex|dexador):(get|post|put|patch|delete|head|request)$/i;

/** A symbol as the reader names it (see the header); other symbols unchanged. */
export const lispName = (word: string): string => word.replace(CL_PACKAGE, '').replace(CL_HTTP, 'http-$1');
