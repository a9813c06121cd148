/**
 * User Account Control bypassed through the current user's registry: programs that Windows
 * elevates without a prompt (fodhelper, computerdefaults, eventvwr, sdclt, wsreset, slui) look
 * up a handler under `HKCU\Software\Classes` first, so a command written there runs as
 * administrator with no prompt. Read: a key of such a handler created or set (`reg add
 * HKCU\Software\Classes\ms-settings\Shell\Open\command /d cmd.exe /f`, `/v DelegateExecute`;
 * `mscfile`, `exefile\shell\runas` with `IsolatedCommand`, `Folder\shell\open`,
 * `Launcher.SystemSettings`, WSReset's AppX class, or a `CurVer` redirect of one), any `shell\VERB\command` key given a
 * `DelegateExecute` value, sdclt's `App Paths\control.exe`, and `windir` or `SystemRoot` set
 * in `HKCU\Environment` (the elevated SilentCleanup task expands it). By `reg add` of the
 * key and by cmdlets (`New-Item`, `Set-Item`, `New-ItemProperty`, `Set-ItemProperty`
 * on `HKCU:\…` or `Registry::HKEY_CURRENT_USER\…`), and by code that writes the key
 * (Python's winreg, .NET's `Registry.SetValue`/`CreateSubKey`). A key whose separators a
 * shell ate (`HKCU\Software\…` unquoted in bash) is read the same. Reads and deletes of these
 * keys, and a user program's own file association (`HKCU\Software\Classes\.txt`,
 * `MyApp.Document\shell\open\command`), are not. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { interpreterCode } from './interpreter-code.js';
import { pwshArgs, valueOf } from './pwsh-params.js';

/** A separator as written: one or more backslashes or slashes, or none (eaten by a shell). */
const S = String.raw`[\\/]*`;

/**
 * Handler keys auto-elevating programs read (after `Software\Classes\`), the verb part
 * matched for the class: `ms-settings` and `mscfile` any verb, executables' types any verb,
 * `Folder` only its default `open`; and such a class's `CurVer`, which sends the lookup to
 * another class the user writes.
 */
const HIJACKED_CLASS = new RegExp(
  String.raw`^software${S}classes${S}(?:(?:(?:ms-settings|mscfile|launcher\.systemsettings|appx82a6gwre4fdg3bt635tn5ctqjf8msdd2|exefile|batfile|cmdfile|comfile|piffile|scrfile|lnkfile)${S}shell${S}[\w-]+|folder${S}shell${S}open)${S}command|(?:ms-settings|mscfile|launcher\.systemsettings|exefile|folder)${S}curver)${S}$`,
  'i',
);
/** Any class's verb command key (a `DelegateExecute` value on one is the bypass's mark). */
const VERB_COMMAND = new RegExp(
  String.raw`^software${S}classes${S}.+${S}shell${S}[\w-]+${S}command${S}$`,
  'i',
);
/** sdclt's lookup of control.exe. */
const APP_PATHS = new RegExp(
  String.raw`^software${S}microsoft${S}windows${S}currentversion${S}app\s?paths${S}control\.exe${S}$`,
  'i',
);
/** The user's environment block, and the names the elevated SilentCleanup task expands. */
const ENVIRONMENT = /^environment[\\/]*$/i;
const ENV_NAMES = /^(windir|systemroot)$/i;
/** Values whose setting makes the handler run (`DelegateExecute`, sdclt's `IsolatedCommand`). */
const MARK_VALUES = /^(delegateexecute|isolatedcommand)$/i;

/**
 * The path below HKEY_CURRENT_USER of a registry path as written (`HKCU\…`, `HKCU:\…`,
 * `Registry::HKEY_CURRENT_USER\…`, `HKCUSoftware…` with its separators eaten); undefined =
 * another hive, or not a registry path.
 */
function underCurrentUser(path: string): string | undefined {
  const m =
    /^(?:(?:microsoft\.powershell\.core[\\/]+)?registry::)?(?:hkcu|hkey_current_user):?[\\/]*(.*)$/i.exec(
      path.trim().replace(/^["']|["']$/g, ''),
    );
  return m ? m[1] : undefined;
}

/** Why a write of value `name` (undefined = the key itself or its default value) under `key` bypasses UAC; '' = it does not. */
function bypass(key: string, name?: string): string {
  const rel = underCurrentUser(key);
  if (rel === undefined) return '';
  if (HIJACKED_CLASS.test(rel) || APP_PATHS.test(rel))
    return 'a handler an auto-elevating program runs as administrator, without a prompt';
  if (VERB_COMMAND.test(rel) && name !== undefined && MARK_VALUES.test(name))
    return `${name} on a shell command handler: the UAC-bypass mark`;
  if (ENVIRONMENT.test(rel) && name !== undefined && ENV_NAMES.test(name))
    return `${name} in the user environment: the elevated SilentCleanup task runs what it names`;
  return '';
}

/** `reg add KEY [/v NAME | /ve] …`. */
function regAdd(args: string[]): Finding | undefined {
  if (!/^add$/i.test(args[0] ?? '')) return undefined;
  const v = args.findIndex((a) => /^[/-]v$/i.test(a));
  const why = bypass(args[1] ?? '', v > 0 ? (args[v + 1] ?? '') : undefined);
  return why ? ['grant-admin', `add ${args[1]}: ${why}`] : undefined;
}

/** `New-Item|Set-Item|New-ItemProperty|Set-ItemProperty [-Path] KEY [-Name NAME] …`. */
function cmdlet(name: string, args: string[]): Finding | undefined {
  const ps = pwshArgs(args);
  const key = valueOf(ps, 'path') ?? valueOf(ps, 'literalpath') ?? ps.positional[0] ?? '';
  const value = /property$/.test(name) ? (valueOf(ps, 'name') ?? '') : undefined;
  const why = bypass(key, value === '' || /^\(default\)$/i.test(value ?? '') ? undefined : value);
  return why ? ['grant-admin', `${key}: ${why}`] : undefined;
}

/** Calls that write a registry key or value in code (winreg, .NET, WScript's RegWrite). */
const CODE_WRITE = /\b(?:CreateKey(?:Ex)?|SetValue(?:Ex)?|CreateSubKey|RegWrite|SetStringValue)\s*\(?/;
/** A hijacked key's path inside a string of code, any escaping of its backslashes. */
const CODE_KEY =
  /software\\*classes\\*(?:ms-settings|mscfile|launcher\.systemsettings|appx82a6gwre4fdg3bt635tn5ctqjf8msdd2|exefile|folder)\\*shell\\*(?:open|runas)\\*command/i;

/** Code (Python's winreg, JScript/.NET registry writes) that writes a hijacked handler key. */
function codeBypass(cmd: NormalizedCommand): Finding | undefined {
  const code = interpreterCode(cmd);
  const key = code === undefined ? null : CODE_KEY.exec(code);
  return key && CODE_WRITE.test(code ?? '')
    ? ['grant-admin', `writes ${key[0]}: a handler an auto-elevating program runs as administrator`]
    : undefined;
}

/** What `cmd` does to bypass User Account Control (see the header); undefined = nothing. */
export function uacBypass(cmd: NormalizedCommand): Finding | undefined {
  const name = cmd.program.toLowerCase();
  const args = cmd.argv.slice(1);
  if (name === 'reg') return regAdd(args);
  if (/^(new-item|set-item|new-itemproperty|set-itemproperty)$/.test(name)) return cmdlet(name, args);
  return codeBypass(cmd);
}
