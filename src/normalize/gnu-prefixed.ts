/**
 * GNU's utilities installed beside a system's own under a `g` prefix (Homebrew's coreutils,
 * findutils, sed, tar, grep on macOS; the BSDs' ports): `grm`, `gshred`, `gdd`, `gmv`,
 * `gfind`, `gxargs`, `gtimeout` … are the same programs as `rm`, `shred`, `dd`, `mv`, `find`,
 * `xargs`, `timeout`. runArgv (carriers.ts) reads such a head as the bare name, so every
 * reader and wrapper of that program applies. Only GNU's own tools are listed: a `g` name
 * that is another program (`gcc`, `gdb`, `gpg`, `gs`, `gawk`, `gmake`, FreeBSD's GEOM `gstat`) is not.
 */
import { basename } from './state.js';

/** The bare names of GNU coreutils, findutils, sed, tar, grep and diffutils installed with a `g` prefix. */
const GNU_TOOLS = new Set(
  (
    'rm rmdir unlink shred mv cp install ln link dd truncate touch mkdir mktemp mknod mkfifo ' +
    'chmod chown chgrp chroot tee cat split csplit head tail sort uniq cut tr wc du df ls dir vdir ' +
    'readlink realpath basename dirname date echo printf env nice nohup timeout stdbuf kill sync ' +
    'find xargs locate updatedb sed tar grep egrep fgrep diff cmp patch sha256sum md5sum base64'
  ).split(' '),
);

/** The program a `g`-prefixed GNU name runs (`grm` → rm, `/opt/homebrew/bin/gdd` → dd); undefined = not one. */
export function gnuBareName(prog: string): string | undefined {
  if (!prog.startsWith('g') || prog.length < 3) return undefined;
  const bare = prog.slice(1);
  return GNU_TOOLS.has(bare) ? bare : undefined;
}

/**
 * The program a Windows name runs, as the tables spell it: `KUBECTL.EXE`, `gosu.exe`,
 * `C:\tools\kubectl.exe` → `kubectl`, `gosu` (Windows ignores case in names); undefined =
 * not a `.exe` name. runArgv reads such a head as the bare name, as a `g`-prefixed one, and
 * a command's `program` is that name (programName).
 */
export function windowsBareName(prog: string): string | undefined {
  if (!/\.exe$/i.test(prog)) return undefined;
  const bare = (prog.split(/[\\/]/).pop() ?? prog).slice(0, -4).toLowerCase();
  return bare === '' ? undefined : bare;
}

/**
 * The name the readers know the program of command word `word` by (a command's `program`):
 * the end of its path, and a Windows name without `.exe`, case folded, as its `g`-less GNU
 * name (`/bin/rm` → rm, `RM.EXE` → rm, `C:\msys64\usr\bin\grm.exe` → rm). A file run by
 * its path keeps its word in argv[0] (`./setup.exe`: program setup, argv[0] ./setup.exe), so
 * a downloaded file run is still judged as that file.
 */
export function programName(word: string): string {
  const base = basename(word);
  const win = windowsBareName(base) ?? windowsSystemName(base);
  return win === undefined ? base : (gnuBareName(win) ?? win);
}

/**
 * Programs of Windows' own System32 (and cmd.exe's deleting built-ins) that cmd.exe and
 * PowerShell find by their name in any case, without `.exe`: `NET USER bob /DELETE`,
 * `VSSAdmin delete shadows`, `RD /S /Q C:\data`.
 */
const WINDOWS_SYSTEM = new Set(
  (
    'net net1 sc reg vssadmin wbadmin bcdedit wmic diskpart icacls cacls takeown schtasks netsh ' +
    'cipher format dnscmd ntdsutil wevtutil auditpol fsutil robocopy del erase rd rmdir certutil ' +
    'bitsadmin taskkill manage-bde reagentc winrs setx dsacls dsrm dsmod secedit diskshadow ' +
    'mountvol attrib wsl shutdown'
  ).split(' '),
);

/** True when `name` (a bare program name, any case) is one of Windows' System32 programs above, whose verbs cmd.exe takes in any case too. */
export const isWindowsSystem = (name: string): boolean => WINDOWS_SYSTEM.has(name.toLowerCase());

/** A System32 program named in another case (`NET` → net); undefined = not one, or already as the tables spell it. */
function windowsSystemName(base: string): string | undefined {
  const name = base.slice(Math.max(base.lastIndexOf('\\'), base.lastIndexOf('/')) + 1);
  const folded = name.toLowerCase();
  return folded !== base && WINDOWS_SYSTEM.has(folded) ? folded : undefined;
}
