/**
 * Windows file sharing (SMB) weakened: SMBv1 served again (`Set-SmbServerConfiguration
 * -EnableSMB1Protocol $true`, the `SMB1Protocol` feature enabled by
 * `Enable-WindowsOptionalFeature` or `dism /enable-feature`), message signing no longer
 * required or offered (`-RequireSecuritySignature $false`, `-EnableSecuritySignature $false`,
 * server and client: sessions can be relayed and tampered with), encryption off
 * (`-EncryptData $false`, `-RejectUnencryptedAccess $false`, the client's `-RequireEncryption
 * $false`), and the client's guest logons to any server allowed (`-EnableInsecureGuestLogons
 * $true`). Parameters are read as PowerShell binds them (any prefix, `-Name:value`); a value
 * that is a variable (`$v`, not `$true`/`$false`) counts as the weakening one (fail closed);
 * an empty one (a bool parameter given no value: PowerShell refuses the call) does not; a
 * feature enabled by a variable's name (`-FeatureName $f`, `$(…)`) counts as SMBv1 too.
 * The registry side of signing (`LanmanServer|LanmanWorkstation\Parameters`
 * `RequireSecuritySignature` 0) is read with the other hardening values in
 * defences-windows.ts. Each finding is ['hardening-off', the words]. Pure.
 */
import { names, pwshArgs } from './pwsh-params.js';
import type { Finding } from './word-facts.js';

const TRUE = /^(\$?true|1)$/i;
const FALSE = /^(\$?false|0)$/i;

/** A variable's value, not known here (`$mode`; `$true`/`$false` are literals). */
const VARIABLE = /^\$(?!(true|false)$)\w/i;
/** The value turns the setting on (or may: a variable). */
const on = (v: string) => TRUE.test(v) || VARIABLE.test(v);
/** The value turns the setting off (or may: a variable). */
const off = (v: string) => FALSE.test(v) || VARIABLE.test(v);

/**
 * Settings of `Set-SmbServerConfiguration` / `Set-SmbClientConfiguration` (full names, lower
 * case) and the test of a value that weakens them.
 */
const WEAKENS: Record<'server' | 'client', [string, (v: string) => boolean][]> = {
  server: [
    ['enablesmb1protocol', on],
    ['requiresecuritysignature', off],
    ['enablesecuritysignature', off],
    ['encryptdata', off],
    ['rejectunencryptedaccess', off],
  ],
  client: [
    ['requiresecuritysignature', off],
    ['enablesecuritysignature', off],
    ['requireencryption', off],
    ['enableinsecureguestlogons', on],
  ],
};

/** An optional feature name that is SMBv1 (`SMB1Protocol`, `SMB1Protocol-Server`, `FS-SMB1`). */
const SMB1_FEATURE = /^(SMB1Protocol(-(Server|Client))?|FS-SMB1)$/i;

/** What `name ARGS` (`name`: the program case-folded, `.exe` dropped) weakens of SMB; empty = none. */
export function smbWeakened(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`.trim();
  const side =
    name === 'set-smbserverconfiguration' ? 'server' : name === 'set-smbclientconfiguration' ? 'client' : '';
  if (side) {
    const named = pwshArgs(args).named;
    const hit = named.some((n) => WEAKENS[side].some(([full, weak]) => names(n.name, full) && weak(n.value)));
    return hit ? [['hardening-off', said]] : [];
  }
  if (
    name === 'enable-windowsoptionalfeature' ||
    name === 'install-windowsfeature' ||
    name === 'add-windowsfeature'
  ) {
    const p = pwshArgs(args);
    const features = [
      ...p.named.filter((n) => names(n.name, 'featurename') || names(n.name, 'name')).map((n) => n.value),
      ...p.positional,
    ];
    // fail closed: a feature name known only at run time (`-FeatureName $f`) may be SMBv1
    return features.some((f) =>
      f.split(',').some((x) => {
        const feature = x.trim().replace(/^['"]|['"]$/g, '');
        return SMB1_FEATURE.test(feature) || VARIABLE.test(feature) || /^\$\(/.test(feature);
      }),
    )
      ? [['hardening-off', said]]
      : [];
  }
  if (name === 'dism') {
    // `dism /online /enable-feature /featurename:SMB1Protocol`
    const lower = args.map((a) => a.toLowerCase());
    const enables = lower.some((a) => a === '/enable-feature');
    const smb1 = args.some(
      (a) => /^\/featurename:/i.test(a) && (SMB1_FEATURE.test(a.slice(13)) || /^[$%!]/.test(a.slice(13))),
    );
    return enables && smb1 ? [['hardening-off', said]] : [];
  }
  return [];
}
