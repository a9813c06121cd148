/**
 * A program hijacked through Image File Execution Options: Windows starts the `Debugger` value
 * of `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\NAME.exe`
 * instead of NAME.exe, as whoever launched it; set on an accessibility program (sethc.exe,
 * utilman.exe, osk.exe, Magnify.exe, Narrator.exe, DisplaySwitch.exe, AtBroker.exe) it opens a
 * SYSTEM shell at the sign-in screen to anyone at the keyboard or over RDP. Read too: the
 * same key's `VerifierDlls` (a DLL loaded into the program) and `GlobalFlag` (0x200 turns on
 * silent-exit monitoring), and any value under `…\CurrentVersion\SilentProcessExit\NAME.exe`
 * (`MonitorProcess` runs a program whenever NAME exits). Also under `Wow6432Node`. By `reg
 * add KEY /v NAME …` and by `New-ItemProperty` / `Set-ItemProperty -Path KEY -Name NAME` (on
 * `HKLM:\…`, `Registry::HKEY_LOCAL_MACHINE\…`); separators a shell ate are read the same.
 * Reads (`reg query`), deletes and other values of these keys are not. The same backdoor made
 * by replacing the accessibility program itself: a copy or move whose destination is one of
 * them in System32 (`copy cmd.exe C:\Windows\System32\sethc.exe`, `Copy-Item … -Destination
 * …\utilman.exe`, `cp`, `mv`, `xcopy`, `move`, `Move-Item`); copying one out is not. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { pwshArgs, valueOf } from './pwsh-params.js';

/** A separator as written: backslashes or slashes, or none (eaten by a shell). */
const S = String.raw`[\\/]*`;
/** The machine hive as written (`HKLM`, `HKLM:`, `HKEY_LOCAL_MACHINE`, `Registry::…`). */
const HKLM = String.raw`^(?:(?:microsoft\.powershell\.core${S})?registry::)?(?:hklm|hkey_local_machine):?`;
/** `SOFTWARE\[Wow6432Node\]Microsoft\Windows NT\CurrentVersion\`. */
const CURRENT = String.raw`${S}software${S}(?:wow6432node${S})?microsoft${S}windows\s*nt${S}currentversion${S}`;

/** A program's IFEO key, and a program's silent-exit key; group 1 is the program. */
const IFEO = new RegExp(`${HKLM}${CURRENT}image\\s*file\\s*execution\\s*options${S}([^\\\\/]+?)${S}$`, 'i');
const SILENT_EXIT = new RegExp(`${HKLM}${CURRENT}silentprocessexit${S}([^\\\\/]+?)${S}$`, 'i');

/** IFEO values that make Windows run or load something else with the program. */
const IFEO_VALUES = /^(debugger|verifierdlls|globalflag)$/i;

/** Why writing value `name` under registry key `key` hijacks a program; '' = it does not. */
export function ifeoHijack(key: string, name: string): string {
  const k = key.trim().replace(/^["']|["']$/g, '');
  const ifeo = IFEO.exec(k);
  if (ifeo && IFEO_VALUES.test(name))
    return `${name} of ${ifeo[1]}: Windows runs what it names whenever ${ifeo[1]} starts (as SYSTEM at the sign-in screen for an accessibility program)`;
  const exit = SILENT_EXIT.exec(k);
  if (exit && name)
    return `${name} of ${exit[1]}'s silent-exit monitoring: a program runs whenever ${exit[1]} exits`;
  return '';
}

/** `reg add KEY /v NAME …` (also `-v`); `/ve` (the default value) hijacks nothing. */
function regAdd(args: string[]): string {
  if (!/^add$/i.test(args[0] ?? '')) return '';
  const v = args.findIndex((a) => /^[/-]v$/i.test(a));
  return v > 0 ? ifeoHijack(args[1] ?? '', args[v + 1] ?? '') : '';
}

/** `New-ItemProperty|Set-ItemProperty [-Path] KEY [-Name] NAME …`. */
function cmdlet(args: string[]): string {
  const ps = pwshArgs(args);
  const key = valueOf(ps, 'path') ?? valueOf(ps, 'literalpath') ?? ps.positional[0] ?? '';
  const positionalName =
    valueOf(ps, 'path') || valueOf(ps, 'literalpath') ? ps.positional[0] : ps.positional[1];
  return ifeoHijack(key, valueOf(ps, 'name') ?? positionalName ?? '');
}

/** An accessibility program the sign-in screen starts, in System32 (or SysWOW64, Sysnative), separators optional. */
const ACCESSIBILITY = new RegExp(
  `(?:^|[\\\\/]|:)(?:system32|syswow64|sysnative)${S}(sethc|utilman|osk|magnify|narrator|displayswitch|atbroker)\\.exe["']?$`,
  'i',
);

/** Copiers and movers, by lower-case name, and how their destination is found. */
const COPIERS = /^(copy|xcopy|move|cp|mv|copy-item|move-item|cpi|mi)$/;

/** The destination of a copy or move: `-Destination` of the cmdlets, else the last operand. */
function destination(name: string, args: string[]): string {
  if (/-item$|^(cpi|mi)$/.test(name)) {
    const ps = pwshArgs(args);
    return valueOf(ps, 'destination') ?? ps.positional[1] ?? '';
  }
  const ops = args.filter((a) => !/^[-/][a-z-]*$/i.test(a));
  return ops[ops.length - 1] ?? '';
}

/** A program hijacked through its IFEO or silent-exit key (see the header); undefined = not. */
export function ifeoWrite(cmd: NormalizedCommand): Finding | undefined {
  const name = cmd.program.toLowerCase();
  const args = cmd.argv.slice(1);
  let why = '';
  if (name === 'reg') why = regAdd(args);
  else if (name === 'new-itemproperty' || name === 'set-itemproperty') why = cmdlet(args);
  else if (COPIERS.test(name)) {
    const over = ACCESSIBILITY.exec(destination(name, args));
    if (over) why = `${over[1]}.exe replaced: the sign-in screen runs what was copied there as SYSTEM`;
  }
  return why ? ['grant-admin', why] : undefined;
}
