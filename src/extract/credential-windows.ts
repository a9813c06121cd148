/**
 * Windows' credential stores copied out: the registry hives that hold local password hashes
 * and LSA secrets saved to a file (`reg save HKLM\SAM FILE`, also SECURITY and SYSTEM, whose
 * boot key decrypts them; `reg export` likewise), the Active Directory database copied as
 * install-from-media (`ntdsutil "ac i ntds" "ifm" "create full DIR"`: NTDS.dit, every domain
 * account's hash), and the dumpers that pull hashes or tickets from a host or a domain
 * controller (impacket's secretsdump, GetNPUsers and GetUserSPNs, mimikatz, pypykatz, lsassy;
 * NetExec/CrackMapExec told `--sam`, `--lsa`, `--ntds` or `-M lsassy`). Reads the words only
 * (bash drops unquoted backslashes, so `HKLM\SAM` may arrive as `HKLMSAM`).
 */

/** A hive of credentials: SAM, SECURITY or SYSTEM under HKLM. */
const HIVE = /^(HKLM|HKEY_LOCAL_MACHINE)[\\/]?(SAM|SECURITY|SYSTEM)$/i;

/** Dumpers whose every run pulls hashes, secrets or tickets (program name, impacket's spellings included). */
const DUMPERS = /^(impacket-)?(secretsdump|GetNPUsers|GetUserSPNs|mimikatz|pypykatz|lsassy)(\.py|\.exe)?$/i;

/** NetExec / CrackMapExec and the options of theirs that dump credentials. */
const SPRAYERS = /^(nxc|netexec|crackmapexec|cme)$/i;
const SPRAY_DUMPS = /^--(sam|lsa|ntds|dpapi|laps)$/i;

/** The Windows credential store `argv` copies out, as a label; '' = none. */
export function windowsCredentials(program: string, argv: string[]): string {
  const p = program.toLowerCase().replace(/\.exe$/, '');
  if (p === 'reg' && /^(save|export)$/i.test(argv[1] ?? '')) {
    const hive = HIVE.exec(argv[2] ?? '');
    return hive ? `registry hive HKLM\\${hive[2].toUpperCase()}` : '';
  }
  if (p === 'ntdsutil' && argv.some((a) => /(^|\s)ifm(\s|$)/i.test(a)))
    return 'Active Directory database (ntdsutil ifm)';
  if (DUMPERS.test(program)) return `credentials dumped by ${program}`;
  if (SPRAYERS.test(p)) {
    const dump = argv.find((a, i) => SPRAY_DUMPS.test(a) || (/^lsassy$/i.test(a) && argv[i - 1] === '-M'));
    if (dump) return `credentials dumped by ${program} ${dump}`;
  }
  return '';
}
