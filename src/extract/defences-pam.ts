/**
 * The login stack's guards (PAM) switched off by the tools that write it, so passwords can be
 * guessed without lockout, a second factor or a smart card is no longer asked, or weak
 * passwords are taken:
 * - authselect (Fedora, RHEL 8+): `authselect disable-feature with-faillock|with-mfa|
 *   with-smartcard-required|with-pwhistory|with-pamaccess|with-tlog`.
 * - authconfig (RHEL 7 and older): `--disablefaillock`, `--disablepamaccess`,
 *   `--disablerequiresmartcard`, `--disableshadow`, a weak hash (`--passalgo=md5|descrypt|
 *   bigcrypt`), a minimum length below 6 (`--passminlen=4`), a character class no longer
 *   required (`--disablereqlower` …).
 * - pam-auth-update (Debian, Ubuntu): `--remove|--disable PROFILE…` of a profile that guards
 *   (faillock, tally, pwquality, cracklib, passwdqc, pwhistory, u2f, google-authenticator,
 *   oath, duo, yubico, access, tlog).
 * Each finding is [`hardening-off`, the words]. Enabling them, reading the state (`authselect
 * current|check`), and features that only add a way in or a convenience (`with-fingerprint`,
 * `with-mkhomedir`, `mkhomedir`) find nothing. Lines deleted from /etc/pam.d by an editor are
 * system-file writes (fs facts).
 */
import type { Finding } from './word-facts.js';

/** authselect features whose removal weakens sign-in (the `with-` prefix optional). */
const AUTHSELECT_GUARD = /^(with-)?(faillock|mfa|smartcard-required|pwhistory|pamaccess|tlog)$/;
/** authconfig options that switch a guard off. */
const AUTHCONFIG_OFF = /^--disable(faillock|pamaccess|requiresmartcard|shadow|req(lower|upper|digit|other))$/;
/** Password hashes a stolen shadow file gives up at once. */
const WEAK_HASH = /^(md5|descrypt|bigcrypt)$/i;
/** pam-auth-update profiles that guard sign-in. */
const PAM_GUARD =
  /^(faillock|tally2?|pwquality|cracklib|passwdqc|pwhistory|u2f|google-authenticator|oath|duo|yubico|access|tlog|mfa)\b/i;

/** `--opt=V` or `--opt V` of `args`; undefined when not given. */
function value(args: string[], opt: string): string | undefined {
  const i = args.findIndex((a) => a === opt || a.startsWith(`${opt}=`));
  if (i < 0) return undefined;
  return args[i].startsWith(`${opt}=`) ? args[i].slice(opt.length + 1) : args[i + 1];
}

/** What `name args` switches off in the login stack; empty = nothing. */
export function pamLoosened(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`;
  if (name === 'authselect') {
    const at = args.indexOf('disable-feature');
    const off =
      at < 0 ? [] : args.slice(at + 1).filter((a) => !a.startsWith('-') && AUTHSELECT_GUARD.test(a));
    return off.length ? [['hardening-off', said]] : [];
  }
  if (name === 'authconfig' || name === 'authconfig-tui') {
    const minlen = Number(value(args, '--passminlen') ?? 'NaN');
    const off =
      args.some((a) => AUTHCONFIG_OFF.test(a)) ||
      WEAK_HASH.test(value(args, '--passalgo') ?? '') ||
      (Number.isFinite(minlen) && minlen < 6);
    return off ? [['hardening-off', said]] : [];
  }
  if (name === 'pam-auth-update') {
    const at = args.findIndex((a) => a === '--remove' || a === '--disable');
    const off = at < 0 ? [] : args.slice(at + 1).filter((a) => !a.startsWith('-') && PAM_GUARD.test(a));
    return off.length ? [['hardening-off', said]] : [];
  }
  return [];
}
