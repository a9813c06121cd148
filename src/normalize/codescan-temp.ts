/**
 * Temporary folders in code, as the code readers' values (codescan.ts valueOf): a call that
 * makes a fresh folder (`tempfile.mkdtemp()`, `os.MkdirTemp("", "x")`, `fs.mkdtempSync(…)`,
 * `Dir.mktmpdir`, `tempfile::tempdir()`, `Files.createTempDirectory(…)`,
 * `Directory.CreateTempSubdirectory()`) is read as the folder `mktemp -d` makes, so deleting
 * it is deleting scratch; the system's temp folder itself (`tempfile.gettempdir()`,
 * `os.tmpdir()`, `os.TempDir()`, `Path.GetTempPath()`, `std::env::temp_dir()`) is `/tmp`, and
 * deleting that stays a delete of /tmp. The Lisp readers' calls the same (lispTemp: Racket's
 * `(make-temporary-directory)`, Guile's `(mkdtemp …)`). Pure.
 */

/** A fresh folder, named as the shell's `mktemp -d` names it (src/normalize/producers.ts). */
export const FRESH_TEMP = '/tmp/tmp.XXXXXXXXXX';

/** Calls that make a fresh temporary folder (on the skeleton, blanks removed), up to their opening parenthesis. */
const FRESH_CALL =
  /^(?:(?:tempfile\.)?mkdtemp|os\.MkdirTemp|ioutil\.TempDir|(?:fs\.|fsp\.|fs\.promises\.)?mkdtemp(?:Sync)?|Dir\.mktmpdir|(?:tempfile::)?(?:tempdir|TempDir::new|Builder::new\(\)\.tempdir)|Files\.createTempDirectory|Directory\.CreateTempSubdirectory)\(/;
/** Ruby's `Dir.mktmpdir` without parentheses. */
const FRESH_BARE = /^Dir\.mktmpdir$/;

/** Whether `t` from `open` (just after a `(`) is one balanced call ending the text, optionally followed by `.path()`. */
function callEnds(t: string, open: number): boolean {
  let depth = 1;
  for (let i = open; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth === 0) return /^(?:\.path\(\))?$/.test(t.slice(i + 1));
  }
  return false;
}

/** The system's temporary folder itself. */
const SYSTEM =
  /^(?:tempfile\.gettempdir\(\)|os\.tmpdir\(\)|os\.TempDir\(\)|Path\.GetTempPath\(\)|(?:std::)?env::temp_dir\(\)|Dir\.tmpdir)$/;

/** Lisp calls (by their head) that make a fresh folder or file: Racket's, Guile's `mkdtemp`, CHICKEN's. */
const LISP_FRESH =
  /^(make-temporary-directory\*?|make-temporary-file\*?|mkdtemp|mkstemp|create-temporary-directory|create-temporary-file)$/;

/**
 * The path a Lisp call stands for (`head`, its first argument as text): a fresh folder, or the
 * system's temp folder (`(find-system-path 'temp-dir)`, `(uiop:temporary-directory)`); undefined = neither.
 */
export function lispTemp(head: string, arg: string): string | undefined {
  if (LISP_FRESH.test(head)) return FRESH_TEMP;
  if (head === 'temporary-directory' || (head === 'find-system-path' && /temp-dir/.test(arg))) return '/tmp';
  return undefined;
}

/** The path a temp-folder expression `t` (blanks removed) stands for; undefined = not one. */
export function tempExpr(t: string): string | undefined {
  const call = FRESH_CALL.exec(t);
  if ((call && callEnds(t, call[0].length)) || FRESH_BARE.test(t)) return FRESH_TEMP;
  if (SYSTEM.test(t)) return '/tmp';
  return undefined;
}
