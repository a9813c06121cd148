/**
 * Windows' permission and ownership tools, read as chmod and chown are: `icacls NAME /grant
 * Everyone:F /T` changes who may read, write or run (op `chmod`, recursive with /T),
 * `takeown /f NAME /r` makes the caller the owner (op `chown`, recursive with /r), and the
 * older `cacls NAME /e /g USER:F /t` edits grants like icacls. Showing, saving or verifying
 * ACLs (`icacls NAME`, `/save`, `/verify`, `/findsid`) changes nothing (no fact). `robocopy`
 * is read like rsync: the destination written, and with /MIR or /PURGE emptied of what the
 * source lacks (op `delete`, recursive and forced).
 *
 * Their operands are Windows paths, classified here by their text: a drive's root is
 * `root`; Windows, Program Files and ProgramData are `system`; a profile under Users is
 * `home`; other drive paths are outside the workspace; a relative path is resolved like any
 * other. Bash drops unquoted backslashes (`C:\Windows\System32` reaches the tool as
 * `C:WindowsSystem32`), so a drive path without separators is read by what it starts with.
 */
import type { AnalyzeContext, FsClass, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { targetOf } from './fs-paths.js';
import { driveClass } from './fs-drives.js';

/** Environment variables naming a Windows folder, by class (lower case, without `%`). */
const FOLDER_VARS: Record<string, FsClass> = {
  systemroot: 'system',
  windir: 'system',
  programfiles: 'system',
  'programfiles(x86)': 'system',
  programdata: 'system',
  allusersprofile: 'system',
  systemdrive: 'root',
  userprofile: 'home',
  homepath: 'home',
  appdata: 'home',
  localappdata: 'home',
  temp: 'tmp',
  tmp: 'tmp',
};

/** Resolves and classifies a Windows path operand (see the header). */
export function windowsTarget(
  raw: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  dynamic = false,
): FsTarget {
  // fail closed: a word the normalizer could not resolve may name anything
  if (dynamic) return { raw, path: '', class: 'unknown', glob: false };
  const glob = /[*?]/.test(raw);
  const v = /^%([^%]+)%(.*)$/.exec(raw);
  if (v) {
    const name = v[1].toLowerCase();
    const cls = Object.hasOwn(FOLDER_VARS, name) ? FOLDER_VARS[name] : undefined;
    // fail closed: another variable may name any folder
    if (cls === undefined) return { raw, path: '', class: 'unknown', glob };
    const deeper = v[2].replace(/^[\\/]+/, '') !== '';
    return { raw, path: raw, class: deeper && cls === 'home' ? 'outside-workspace' : cls, glob };
  }
  const drive = /^[A-Za-z]:(.*)$/.exec(raw);
  if (drive) return { raw, path: raw, class: driveClass(drive[1]), glob };
  if (/^(\\\\|\/\/)/.test(raw)) return { raw, path: raw, class: 'outside-workspace', glob };
  return targetOf(raw.replace(/\\/g, '/'), cmd, ctx);
}

/** The switches (lower case) of a Windows tool's argv, and the other words' indices. */
function switches(argv: string[]): { sw: string[]; words: number[] } {
  const sw: string[] = [];
  const words: number[] = [];
  argv.forEach((a, i) => {
    if (i === 0) return;
    if (/^\/[A-Za-z]/.test(a) && !/^\/[A-Za-z]+\//.test(a)) sw.push(a.toLowerCase());
    else words.push(i);
  });
  return { sw, words };
}

/** icacls' switches that change an ACL, an owner or an integrity level. */
const ICACLS_CHANGES = /^\/(grant|deny|remove|reset|restore|substitute|inheritance|setintegritylevel)\b/;

/** `icacls NAME /grant|/deny|/remove|/reset|/setowner|/inheritance… [/T]`. */
const icacls: FsHandler = (cmd, ctx) => {
  const { sw } = switches(cmd.argv);
  const name = cmd.argv[1];
  if (name === undefined || name.startsWith('/')) return [];
  const t = [windowsTarget(name, cmd, ctx, cmd.dynamicArgs.includes(1))];
  const recursive = sw.includes('/t');
  return [
    ...(sw.some((s) => ICACLS_CHANGES.test(s)) ? fsFact(cmd, 'chmod', t, recursive) : []),
    ...(sw.includes('/setowner') ? fsFact(cmd, 'chown', t, recursive) : []),
  ];
};

/** `takeown [/s HOST …] /f NAME [/a] [/r [/d Y|N]]`: the caller (or Administrators) owns NAME. */
const takeown: FsHandler = (cmd, ctx) => {
  const a = cmd.argv;
  const f = a.findIndex((w) => w.toLowerCase() === '/f');
  if (f < 0 || f + 1 >= a.length) return [];
  const remote = a.some((w) => w.toLowerCase() === '/s');
  const t = remote
    ? { raw: a[f + 1], path: a[f + 1], class: 'outside-workspace' as const, glob: false }
    : windowsTarget(a[f + 1], cmd, ctx, cmd.dynamicArgs.includes(f + 1));
  return fsFact(
    cmd,
    'chown',
    [t],
    a.some((w) => w.toLowerCase() === '/r'),
  );
};

/** `cacls NAME… [/t] [/e] /g|/r|/p|/d …`: the grants of the names edited (/t: below them too). */
const cacls: FsHandler = (cmd, ctx) => {
  const { sw, words } = switches(cmd.argv);
  if (!sw.some((s) => /^\/[grpd]$/.test(s))) return [];
  const at = cmd.argv.findIndex((w) => /^\/[grpd]$/i.test(w));
  const names = words.filter((i) => i < at);
  return fsFact(
    cmd,
    'chmod',
    names.map((i) => windowsTarget(cmd.argv[i], cmd, ctx, cmd.dynamicArgs.includes(i))),
    sw.includes('/t'),
  );
};

/**
 * `robocopy SOURCE DEST [FILE…] [/switches]`: DEST is written (below it with /E or /S); with
 * /MIR or /PURGE whatever DEST holds that SOURCE lacks is deleted, so an empty or wrong
 * SOURCE empties DEST; /MOV deletes the files copied from SOURCE, /MOVE the folders too. /L
 * only lists.
 */
const robocopy: FsHandler = (cmd, ctx) => {
  const { sw, words } = switches(cmd.argv);
  // `/L` only lists what would be done
  if (words.length < 2 || sw.includes('/l')) return [];
  const at = (i: number) => windowsTarget(cmd.argv[i], cmd, ctx, cmd.dynamicArgs.includes(i));
  const [source, dest] = [at(words[0]), at(words[1])];
  const recursive = sw.some((s) => /^\/(e|s|mir)$/.test(s));
  const out = fsFact(cmd, 'overwrite', [dest], recursive);
  if (sw.some((s) => s === '/mir' || s === '/purge')) out.push(...fsFact(cmd, 'delete', [dest], true, true));
  if (sw.some((s) => s === '/mov' || s === '/move'))
    out.push(...fsFact(cmd, 'delete', [source], sw.includes('/move') || recursive));
  return out;
};

/** Windows permission and ownership tools → their readers (read as chmod / chown). */
export const WINDOWS_HANDLERS: Record<string, FsHandler> = {
  robocopy,
  'robocopy.exe': robocopy,
  icacls,
  'icacls.exe': icacls,
  takeown,
  'takeown.exe': takeown,
  cacls,
  'cacls.exe': cacls,
};
