/**
 * The machine's TPM cleared, or keys kept in it deleted: whatever was sealed to it (a disk's
 * unlock key for BitLocker, LUKS through systemd-cryptenroll or Clevis, attestation and
 * device-identity keys) is gone, so the disk asks for its recovery key at the next boot, or
 * the data sealed to it is lost. Read: `tpm2_clear` and `tpm2 clear` (tpm2-tools), `tpm_clear`
 * (TPM 1.2's tpm-tools), PowerShell's `Clear-Tpm` and `Initialize-Tpm -AllowClear` (verb
 * `tpm-cleared`); `tpm2_evictcontrol -c 0x81……` of a persistent handle (the key evicted, where
 * `-c FILE` makes an object persistent instead) and `tpm2_nvundefine` of an NV index (verb
 * `tpm-key-deleted`). Reading the TPM (`tpm2_getcap`, `tpm2_pcrread`), help and version make
 * no finding.
 */
import type { Finding } from './word-facts.js';

/** A persistent handle (`0x81000001`): a key kept in the TPM across boots. */
const PERSISTENT = /^0x81[0-9a-f]{6}$/i;

/** What `name ARGS` (`name`: the program case-folded, `.exe` dropped) does to the TPM; empty = nothing. */
export function tpmCleared(name: string, args: string[]): Finding[] {
  // `tpm2 clear …`: the single binary of tpm2-tools 5 takes the tool's name as its first word
  const [tool, rest] = name === 'tpm2' ? [`tpm2_${args[0] ?? ''}`, args.slice(1)] : [name, args];
  if (rest.some((a) => /^(-h|--help|-v|--version)$/.test(a))) return [];
  const said = `${name} ${args.join(' ')}`.trim();
  switch (tool) {
    case 'tpm2_clear':
    case 'tpm_clear':
    case 'clear-tpm':
      return [['tpm-cleared', said]];
    case 'initialize-tpm':
      return rest.some((a) => /^-allowclear(:\$?true)?$/i.test(a)) ? [['tpm-cleared', said]] : [];
    case 'tpm2_evictcontrol': {
      // `-c HANDLE`, `--object-context=HANDLE`; a bare handle as the last word is where a
      // transient object is made persistent, so only the object named by -c counts
      const at = rest.findIndex((a) => /^(-c|--object-context)(=|$)/.test(a));
      const object = at < 0 ? '' : rest[at].includes('=') ? rest[at].split('=')[1] : (rest[at + 1] ?? '');
      return PERSISTENT.test(object) ? [['tpm-key-deleted', said]] : [];
    }
    case 'tpm2_nvundefine':
      return rest.some((a) => !a.startsWith('-')) ? [['tpm-key-deleted', said]] : [];
    default:
      return [];
  }
}
