/**
 * A machine's or a domain's rules for what may run and how strong a password must be,
 * loosened:
 * - PowerShell's execution policy set to `Unrestricted` or `Bypass` for the whole machine
 *   (`Set-ExecutionPolicy Bypass [-Scope LocalMachine] -Force`, LocalMachine being the scope
 *   when none is given; also its registry value under `…\ShellIds\Microsoft.PowerShell` by `reg
 *   add` or `Set-ItemProperty`): every user's scripts then run unsigned and unasked. The
 *   `CurrentUser` and `Process` scopes (and `powershell -ExecutionPolicy Bypass`) are the
 *   user's own daily setting and are not reported; nor are `RemoteSigned`, `AllSigned`,
 *   `Restricted`.
 * - Password and lockout policy cleared or weakened: macOS `pwpolicy -clearaccountpolicies`
 *   (global or `-u USER`), `pwpolicy -setglobalpolicy|-setpolicy "minChars=0 …"`; Windows `net
 *   accounts /minpwlen:0..3 | /lockoutthreshold:0`; Active Directory's
 *   `Set-ADDefaultDomainPasswordPolicy|Set-ADFineGrainedPasswordPolicy -ComplexityEnabled $false
 *   | -MinPasswordLength 0..3 | -LockoutThreshold 0 | -ReversibleEncryptionEnabled $true`.
 * Each finding is [`hardening-off`, the words]. A value not known statically (`$p`) counts as
 * loosening (fail closed).
 */
import type { Finding } from './word-facts.js';
import { pwshArgs, valueOf } from './pwsh-params.js';

/** Execution policies under which any script runs. */
const LOOSE_POLICY = /^(unrestricted|bypass|\$.*)$/i;
/** The registry key that holds the machine's execution policy. */
const POLICY_KEY =
  /^(HKLM:?|HKEY_LOCAL_MACHINE)\\SOFTWARE\\(WOW6432Node\\)?Microsoft\\PowerShell\\1\\ShellIds\\Microsoft\.PowerShell\\?$/i;
/** pwpolicy settings that weaken a password rule (`minChars=0`, `maxFailedLoginAttempts=0`, `requiresAlpha=0`). */
const WEAK_PWPOLICY =
  /\b(minChars=[0-3]|maxFailedLoginAttempts=0|requires(Alpha|Numeric|Symbol|MixedCase)=0)\b/i;
/** A length below which a password is guessed at once. */
const SHORT = /^[0-3]$/;

/** `Set-ExecutionPolicy [-ExecutionPolicy] P [-Scope S]`: the machine's policy loosened. */
function executionPolicy(args: string[]): boolean {
  const p = pwshArgs(args, { unquote: true });
  const policy = valueOf(p, 'executionpolicy') ?? p.positional[0] ?? '';
  const scope = valueOf(p, 'scope') ?? p.positional[1] ?? 'LocalMachine';
  return LOOSE_POLICY.test(policy) && /^(localmachine|\$.*)$/i.test(scope);
}

/** The execution policy written to the registry by `reg add KEY /v ExecutionPolicy /d P` or `Set-ItemProperty -Path KEY -Name ExecutionPolicy -Value P`. */
function policyRegistry(name: string, args: string[]): boolean {
  if (name === 'reg') {
    const lower = args.map((a) => a.toLowerCase());
    const value = (o: string) => args[lower.indexOf(o) + 1] ?? '';
    return (
      lower[0] === 'add' &&
      POLICY_KEY.test(args[1] ?? '') &&
      value('/v').toLowerCase() === 'executionpolicy' &&
      LOOSE_POLICY.test(value('/d'))
    );
  }
  const p = pwshArgs(args, { unquote: true });
  const path = valueOf(p, 'path', 'literalpath') ?? p.positional[0] ?? '';
  const prop = valueOf(p, 'name') ?? p.positional[1] ?? '';
  const value = valueOf(p, 'value') ?? p.positional[2] ?? '';
  return POLICY_KEY.test(path) && /^executionpolicy$/i.test(prop) && LOOSE_POLICY.test(value);
}

/** `Set-AD…PasswordPolicy` parameters that weaken it. */
function adPasswordPolicy(args: string[]): boolean {
  const p = pwshArgs(args, { unquote: true });
  const off = (v: string | undefined) => v !== undefined && /^(\$false|0|\$\w+)$/i.test(v);
  const on = (v: string | undefined) => v !== undefined && /^(\$true|1|\$\w+)$/i.test(v);
  const length = valueOf(p, 'minpasswordlength');
  return (
    off(valueOf(p, 'complexityenabled')) ||
    (length !== undefined && (SHORT.test(length) || length.startsWith('$'))) ||
    /^(0|\$\w+)$/.test(valueOf(p, 'lockoutthreshold') ?? '-') ||
    on(valueOf(p, 'reversibleencryptionenabled'))
  );
}

/** What `name ARGS` (`name`: the program case-folded, `.exe` dropped) loosens; empty = none. */
export function policiesLoosened(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`.trim();
  let loose = false;
  if (name === 'set-executionpolicy') loose = executionPolicy(args);
  else if (name === 'reg' || name === 'set-itemproperty' || name === 'new-itemproperty')
    loose = policyRegistry(name, args);
  else if (name === 'pwpolicy')
    loose = args.some(
      (a, i) =>
        /^-clearaccountpolicies$/i.test(a) ||
        (/^-(setglobalpolicy|setpolicy)$/i.test(a) && WEAK_PWPOLICY.test(args[i + 1] ?? '')),
    );
  else if (name === 'net')
    loose =
      /^accounts$/i.test(args[0] ?? '') &&
      args.some((a) => /^\/minpwlen:[0-3]$/i.test(a) || /^\/lockoutthreshold:0$/i.test(a));
  else if (name === 'set-addefaultdomainpasswordpolicy' || name === 'set-adfinegrainedpasswordpolicy')
    loose = adPasswordPolicy(args);
  return loose ? [['hardening-off', said]] : [];
}
