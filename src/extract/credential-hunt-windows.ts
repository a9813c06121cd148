/**
 * Credential hunting on Windows, judged as `grep -r password /etc` is on Unix: a recursive
 * search for secret words over the places logins and configuration are kept — a drive's
 * root, `C:\Users` or a user's home itself, a user's `AppData`, `C:\ProgramData`,
 * `C:\inetpub`, `C:\Windows` (unattend files), `C:\Documents and Settings`, or such a place
 * named by a variable (`%USERPROFILE%`, `%APPDATA%`, `$env:ProgramData`). Read from `findstr
 * /s` (its strings from `/c:` or the first word; its files after them and in `/d:`), from
 * `Select-String` over a path with a wildcard folder (`C:\Users\*\Documents\*.txt`), and from
 * `Select-String` fed by `Get-ChildItem -Recurse` of such a place. A project deeper in a home
 * (`C:\Users\me\src\app`), a relative path and a search for other words are not reported.
 * Bash drops an unquoted word's backslashes (`C:\Users\*.xml` arrives as `C:Users*.xml`):
 * such a word is read as the place its first name says (fail closed).
 */

/** Variables that name a home, its profile data, or the system's folders. */
const PLACE_VAR =
  /%(USERPROFILE|APPDATA|LOCALAPPDATA|PROGRAMDATA|ALLUSERSPROFILE|SYSTEMROOT|WINDIR|SYSTEMDRIVE|HOMEDRIVE|HOMEPATH)%|\$env:(USERPROFILE|APPDATA|LOCALAPPDATA|PROGRAMDATA|ALLUSERSPROFILE|SYSTEMROOT|WINDIR|SYSTEMDRIVE|HOMEPATH)/i;

/** Folders right under a drive that hold system-wide configuration and logins. */
const SYSTEM_DIR = /^(programdata|inetpub|windows|documents and settings)/i;

const WILD = /[*?]/;

/**
 * True when a recursive search of `word` (a path as written, maybe ending in a file pattern)
 * searches a place where logins are kept (see the header).
 */
export function huntedWindowsPlace(word: string): boolean {
  const w = word.replace(/^["']|["']$/g, '');
  if (PLACE_VAR.test(w)) return true;
  const drive = /^[a-z]:(.*)$/i.exec(w);
  if (!drive) return false;
  const parts = drive[1].split(/[\\/]+/).filter(Boolean);
  if (parts.length && WILD.test(parts[parts.length - 1])) parts.pop(); // the file pattern
  if (parts.length === 0) return true; // the drive's root
  if (WILD.test(parts[0]) || SYSTEM_DIR.test(parts[0])) return true;
  if (!/^users/i.test(parts[0])) return false;
  // C:\Users, every user (`C:\Users\*\…`), a home itself, or its AppData
  return parts.length <= 2 || WILD.test(parts[1]) || /^appdata$/i.test(parts[2]);
}

/** findstr: [strings, files] (`/c:STRING` or the first word; the rest, and `/d:` folders). */
function findstrWords(args: string[]): [string[], string[], boolean] {
  const strings: string[] = [];
  const files: string[] = [];
  let recursive = false;
  let literal = false;
  for (const a of args) {
    const opt = /^[/-](.*)$/.exec(a);
    if (opt) {
      const [name, value] = opt[1].split(/:(.*)/s, 2);
      if (/^c$/i.test(name)) {
        strings.push(value ?? '');
        literal = true;
      } else if (/^d$/i.test(name)) files.push(...(value ?? '').split(/[;,]/).map((d) => `${d}\\*`));
      else if (/^[a-z]+$/i.test(name) && !/^off/i.test(name) && /s/i.test(name)) recursive = true;
      continue;
    }
    if (!literal && strings.length === 0) strings.push(...a.split(/\s+/));
    else files.push(a);
  }
  return [strings, files, recursive];
}

/** A PowerShell parameter's values (`-Path A,B`, `-Path:A`; any unambiguous prefix given). */
function param(args: string[], name: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(args[i]);
    if (m && name.test(m[1])) out.push(...(m[2] ?? args[++i] ?? '').split(','));
  }
  return out;
}

/** A folder segment (not the last, the file pattern) holds a wildcard: every user's, every app's. */
const wildFolder = (p: string) =>
  p
    .split(/[\\/]+/)
    .slice(0, -1)
    .some((s) => WILD.test(s));

/**
 * The place `program ARGS` hunts for secrets (`secret(word)`: a word a search for secrets
 * uses), as written; '' = none. `upstream` is the program and words piped into it.
 */
export function windowsHunt(
  program: string,
  args: string[],
  secret: (w: string) => boolean,
  upstream?: { program: string; args: string[] },
): string {
  const p = program.toLowerCase();
  if (p === 'findstr') {
    const [strings, files, recursive] = findstrWords(args);
    if (!recursive || !strings.some(secret)) return '';
    return files.find(huntedWindowsPlace) ?? '';
  }
  if (p !== 'select-string' && p !== 'sls') return '';
  const loose = (ws: string[]) => ws.filter((a) => !a.startsWith('-') && !a.startsWith('/'));
  const patterns = param(args, /^pa(t(t(e(r(n)?)?)?)?)?$/i);
  const given = patterns.length ? patterns : loose(args).slice(0, 1);
  if (!given.some(secret)) return '';
  // fail closed: every other word may be a path (a switch's neighbour is not a value)
  const paths = [...param(args, /^(p(a(t(h)?)?)?|literalpath|lp)$/i), ...loose(args)].filter(
    (w) => !given.includes(w),
  );
  const across = paths.find((w) => wildFolder(w) && huntedWindowsPlace(w));
  if (across) return across;
  // `Get-ChildItem -Path C:\ProgramData -Recurse | Select-String password`
  const up = upstream?.program.toLowerCase() ?? '';
  if (!upstream || !/^(get-childitem|gci|dir|ls|childitem)$/.test(up)) return '';
  const ua = upstream.args;
  if (!ua.some((a) => /^-(r|re|rec|recu|recur|recurs|recurse)$/i.test(a) || /^\/s$/i.test(a))) return '';
  const roots = [...param(ua, /^(p(a(t(h)?)?)?|literalpath|lp)$/i), ...loose(ua)];
  return roots.find(huntedWindowsPlace) ?? '';
}
