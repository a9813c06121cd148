/**
 * Windows' Antimalware Scan Interface switched off, so the scripts that run next go unscanned:
 * from PowerShell code (inline, on stdin, or a script file the command runs), the reflection that
 * marks AMSI as failed to start (`[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils')
 * .GetField('amsiInitFailed','NonPublic,Static').SetValue($null,$true)`, also its `amsiContext`
 * and `amsiSession` fields, with the names split into concatenated strings), and a patch of
 * `AmsiScanBuffer` in memory (its address taken, then `VirtualProtect`, `WriteProcessMemory` or
 * `Marshal]::Copy` over it); from any program, the script host's `AmsiEnable` value set to 0.
 * Each finding is ['antivirus-off', the words that say so]. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { codeOf } from './sql-orm.js';
import type { Finding } from './word-facts.js';

/** The programs that run PowerShell. */
const PWSH = /^(pwsh|powershell|pwsh-preview)$/;

/** AMSI's state fields reached by reflection on the AmsiUtils class. */
const AMSI_FIELD = /\bAmsiUtils\b[\s\S]*\bamsi(InitFailed|Context|Session)\b/i;
/** A patch of the scan function in memory: its name, then a write over code. */
const AMSI_PATCH =
  /\bAmsi(ScanBuffer|ScanString|OpenSession)\b[\s\S]*(VirtualProtect|WriteProcessMemory|Marshal\]::Copy)/i;
/** `reg add …\Windows Script\Settings /v AmsiEnable /d 0`, `Set-ItemProperty … -Name AmsiEnable -Value 0`. */
const AMSI_ENABLE_OFF = /\bAmsiEnable\b[\s\S]*?(?:\/d|-Value)\s+['"]?0\b/i;

/** What `cmd` (`name`: its program case-folded, `.exe` dropped) switches off of AMSI; empty = none. */
export function amsiOff(name: string, cmd: NormalizedCommand): Finding[] {
  const words = cmd.argv.slice(1).join(' ');
  if (AMSI_ENABLE_OFF.test(words)) return [['antivirus-off', `${cmd.program} ${words}`]];
  if (!PWSH.test(name)) return [];
  // `'Am'+'siUt'+'ils'`: the concatenated pieces read as the one name they make
  const code = codeOf(cmd).replace(/(['"])\s*\+\s*(['"])/g, '');
  const m = AMSI_FIELD.exec(code) ?? AMSI_PATCH.exec(code);
  return m ? [['antivirus-off', `AMSI's ${m[1]} changed, scripts no longer scanned`]] : [];
}
