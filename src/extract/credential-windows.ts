/**
 * Windows' credential stores copied out: the registry hives that hold local password hashes
 * and LSA secrets saved to a file (`reg save HKLM\SAM FILE`, also SECURITY and SYSTEM, whose
 * boot key decrypts them; `reg export` likewise), the same hives or the Active Directory
 * database (NTDS.dit, every domain account's hash) copied as files by any program that names
 * them (`esentutl /y /vss C:\Windows\NTDS\ntds.dit`, `copy \\?\GLOBALROOT\…ShadowCopy1\
 * Windows\System32\config\SAM`, `Copy-Item`, `robocopy`), the database copied as
 * install-from-media (`ntdsutil "ac i ntds" "ifm" "create full DIR"`), LSASS's memory dumped
 * through comsvcs.dll (`rundll32 comsvcs.dll, MiniDump PID FILE full`), the Windows vault's
 * stored credentials enumerated (`vaultcmd /listcreds:VAULT`; `vaultcmd /list`, the vaults'
 * names only, and `cmdkey /list`, targets and user names only, are not reported), and the
 * dumpers whose every run pulls hashes, secrets, tickets or saved passwords (impacket's
 * secretsdump, GetNPUsers, GetUserSPNs and dpapi, mimikatz, pypykatz, lsassy, LaZagne,
 * SharpDPAPI and SharpChrome, DonPAPI, dploot, HackBrowserData, mimipenguin, and LSASS
 * dumpers: nanodump, SharpDump, SafetyKatz, HandleKatz, Dumpert, PPLdump, PPLBlade,
 * MirrorDump, NativeDump, SharpKatz, PowerSploit's Out-Minidump, Invoke-Mimikatz; named as
 * built, `nanodump.x64.exe`, `Outflank-Dumpert.exe`);
 * NetExec/CrackMapExec told `--sam`, `--lsa`, `--ntds` or `-M lsassy`. Reads the words only
 * (bash drops unquoted backslashes, so `HKLM\SAM` may arrive as `HKLMSAM`).
 */

import { toolName } from './credential-attacks.js';

/** A hive of credentials: SAM, SECURITY or SYSTEM under HKLM. */
const HIVE = /^(HKLM|HKEY_LOCAL_MACHINE)[\\/]?(SAM|SECURITY|SYSTEM)$/i;

/**
 * The files of those stores: the hives under `System32\config` and NTDS.dit (its usual
 * `NTDS\` folder, or any folder: it is only ever the directory's database). Separators may
 * be missing (an unquoted word in bash).
 */
const STORE_FILE = /(^|[\\/:]|ntds)(ntds\.dit)$|system32[\\/]*config[\\/]*(SAM|SECURITY|SYSTEM)$/i;

/** Dumpers whose every run pulls hashes, secrets, tickets or saved passwords (program name, impacket's spellings included). */
const DUMPERS =
  /^(impacket-)?(secretsdump|GetNPUsers|GetUserSPNs|dpapi|mimikatz|pypykatz|lsassy|lazagne|SharpDPAPI|SharpChrome|donpapi|dploot|hack-browser-data|HackBrowserData|nanodump|mimipenguin|SharpDump|SafetyKatz|BetterSafetyKatz|HandleKatz|(outflank-)?dumpert|PPLdump|PPLBlade|MirrorDump|NativeDump|SharpKatz|Out-Minidump|Invoke-Mimikatz|Invoke-NanoDump)(\.py|\.exe)?$/i;

/** Interpreters that run a dumper given as their script (`python3 laZagne.py all`). */
const INTERPRETER = /^(python[\d.]*|py|pythonw)$/i;

/** NetExec / CrackMapExec and the options of theirs that dump credentials. */
const SPRAYERS = /^(nxc|netexec|crackmapexec|cme)$/i;
const SPRAY_DUMPS = /^--(sam|lsa|ntds|dpapi|laps)$/i;

/** Programs that only list or test names: naming a store file copies nothing. */
const LISTERS = /^(dir|ls|get-childitem|gci|test-path|icacls|get-acl|where)$/i;

/** The dumper run by `program ARGV` (itself, or the script an interpreter runs); '' = none. */
function dumper(program: string, argv: string[]): string {
  // named as typed (`SharpDPAPI.exe`); `.\laZagne.exe` loses its backslash in bash: `.laZagne.exe`
  const own =
    (argv[0] ?? program)
      .split(/[\\/]/)
      .pop()
      ?.replace(/^\.(?=[a-z])/i, '') ?? '';
  if (DUMPERS.test(own) || DUMPERS.test(toolName(own))) return own;
  if (!INTERPRETER.test(program)) return '';
  const script = argv.slice(1).find((a) => !a.startsWith('-')) ?? '';
  const base = script.split(/[\\/]/).pop() ?? '';
  return DUMPERS.test(base) ? base : '';
}

/** The Windows credential store `argv` copies out, as a label; '' = none. */
export function windowsCredentials(program: string, argv: string[]): string {
  const p = program.toLowerCase();
  if (p === 'reg' && /^(save|export)$/i.test(argv[1] ?? '')) {
    const hive = HIVE.exec(argv[2] ?? '');
    return hive ? `registry hive HKLM\\${hive[2].toUpperCase()}` : '';
  }
  if (p === 'ntdsutil' && argv.some((a) => /(^|\s)ifm(\s|$)/i.test(a)))
    return 'Active Directory database (ntdsutil ifm)';
  const run = dumper(program, argv);
  if (run) return `credentials dumped by ${run}`;
  if (SPRAYERS.test(p)) {
    const dump = argv.find((a, i) => SPRAY_DUMPS.test(a) || (/^lsassy$/i.test(a) && argv[i - 1] === '-M'));
    if (dump) return `credentials dumped by ${program} ${dump}`;
  }
  if (p === 'vaultcmd' && argv.some((a) => /^\/listcreds(:|$)/i.test(a)))
    return 'Windows vault (vaultcmd /listcreds)';
  // `rundll32 comsvcs.dll, MiniDump PID FILE full`: a process's memory (LSASS's, in practice) dumped
  if (
    p === 'rundll32' &&
    argv.some((a) => /comsvcs(\.dll)?,?$/i.test(a)) &&
    argv.some((a) => /minidump/i.test(a))
  )
    return 'process memory dumped through comsvcs.dll MiniDump';
  if (LISTERS.test(p)) return '';
  const store = argv
    .slice(1)
    .map((a) => STORE_FILE.exec(a.replace(/["']/g, '')))
    .find(Boolean);
  if (store)
    return store[2]
      ? 'Active Directory database (NTDS.dit)'
      : `registry hive ${store[3].toUpperCase()} (file)`;
  return '';
}
