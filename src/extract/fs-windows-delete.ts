/**
 * cmd.exe's deleting built-ins: `rd|rmdir [/s] [/q] DIR…` removes each folder (with /s the
 * whole tree below it; /q without asking) and `del|erase [/s] [/q] [/f] [/a[:ATTR]] NAME…`
 * deletes files (with /s in every subfolder too). Their operands are Windows paths,
 * classified as in fs-windows.ts (`%USERPROFILE%\Documents` is a folder of the home, a
 * workspace-relative folder is the workspace's). `rmdir` without a Windows switch is the
 * POSIX one (fs-commands.ts); given PowerShell's parameters (`rd -Recurse -Force X`) they are
 * Remove-Item's aliases (fs-pwsh-delete.ts, whose reading of `$env:TEMP`, `~\`, `..\` the
 * operands share). Reads the words only.
 */
import { fsFact, type FsHandler } from './fs-fact.js';
import { pwshStyle, pwshTarget, removeItem } from './fs-pwsh-delete.js';

/** The switches (lower case, `/a:h` as `/a`) and the operand indices of a cmd built-in's argv. */
function split(argv: string[]): { sw: Set<string>; operands: number[] } {
  const sw = new Set<string>();
  const operands: number[] = [];
  argv.forEach((a, i) => {
    if (i === 0) return;
    const m = /^\/([A-Za-z])(?::?\S*)?$/.exec(a);
    if (m && !/^\/[A-Za-z]\w*\//.test(a)) sw.add('/' + m[1].toLowerCase());
    else operands.push(i);
  });
  return { sw, operands };
}

/** True when an argv carries one of cmd's switches for rd (so `rmdir` is cmd's, not POSIX's). */
export function hasCmdSwitch(argv: string[]): boolean {
  return argv.some((a, i) => i > 0 && /^\/[sqSQ]$/.test(a));
}

/** `rd /s /q DIR…`: each folder deleted, recursively with /s. */
export const rd: FsHandler = (cmd, ctx) => {
  // `rd -Recurse -Force X`: PowerShell's alias of Remove-Item
  if (pwshStyle(cmd.argv)) return removeItem(cmd, ctx);
  const { sw, operands } = split(cmd.argv);
  const targets = operands.map((i) => pwshTarget(cmd.argv[i], cmd, ctx, cmd.dynamicArgs.includes(i)));
  return fsFact(cmd, 'delete', targets, sw.has('/s'), sw.has('/q'));
};

/** `del /s /q NAME…`: the files named deleted, in every subfolder with /s. */
const del: FsHandler = (cmd, ctx) => {
  if (pwshStyle(cmd.argv)) return removeItem(cmd, ctx);
  const { sw, operands } = split(cmd.argv);
  const targets = operands.map((i) => pwshTarget(cmd.argv[i], cmd, ctx, cmd.dynamicArgs.includes(i)));
  return fsFact(cmd, 'delete', targets, sw.has('/s'), sw.has('/q') || sw.has('/f'));
};

/** cmd.exe's deleting built-ins → their readers. */
export const CMD_DELETE_HANDLERS: Record<string, FsHandler> = { rd, del, erase: del };
