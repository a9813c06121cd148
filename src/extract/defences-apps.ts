/**
 * A web application's own guards switched off from its admin console (app-consoles.ts): a
 * security plugin, app or module disabled or removed (`wp plugin deactivate wordfence`, `occ
 * app:disable twofactor_totp`, `drush pm:uninstall tfa`, `magento module:disable
 * Magento_TwoFactorAuth`, Moodle's `uninstall_plugins.php --plugins=tool_mfa --run`), or a
 * guard turned off by its own command (`occ encryption:disable`, `occ twofactorauth:disable
 * alice`, `occ twofactorauth:enforce --off`, `magento security:recaptcha:disable-for-user-login`),
 * or its setting set off (`occ config:system:set auth.bruteforce.protection.enabled --value=false`).
 * Sign-ins then need a password alone, files are stored in clear, or attacks go unchecked.
 * Read as the finding `app-security-off`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { consoleArgv } from './app-consoles.js';
import type { Finding } from './word-facts.js';

/**
 * Names of extensions that guard the application: second factors, login throttling and
 * captchas, firewalls and scanners, encryption, audit logs, password rules.
 */
const GUARD =
  /two-?factor|2fa|(^|[_./-])tfa([_./-]|$)|mfa|totp|u2f|webauthn|(^|[_./-])otp([_./-]|$)|force_?ssl|wordfence|sucuri|ithemes|solid-security|better-wp-security|aiowps|all-in-one-wp-security|limit-login|loginizer|captcha|brute-?force|antivirus|suspicious_?login|password_?policy|seckit|security|firewall|encryption|(^|[_-])audit/i;

/** What a console calls its extensions. */
const EXTENSION = '(?:app|apps|plugin|plugins|module|modules|pm|extension|extensions|component)';
/** Verbs that disable or remove an extension. */
const OFF_VERB = '(?:disable|deactivate|uninstall|remove|delete)';
/** A command that disables or removes extensions: `app:disable`, `pm:uninstall`, drush's `pmu`, `dis`. */
const DISABLE = new RegExp(`^${EXTENSION}:${OFF_VERB}$|^(pmu|pm-uninstall|dis)$`);
/** The same as two words (`wp plugin deactivate`). */
const DISABLE_WORDS = new RegExp(`^${EXTENSION} ${OFF_VERB}$`);

/** Commands of a guard whose path names it and whose verb turns it off (`encryption:disable`, `security:recaptcha:disable-for-user-login`). */
const GUARD_OFF = /^(?:[\w-]+:)+(disable|disable-[\w-]+|off|reset)$/;

/** Consoles read here (the program, or the PHP script, named as cloud-generic.ts names it). */
const CONSOLES = /^(occ|wp|drush|magento|joomla|console|yii|uninstall_plugins)$/;

/** Values that turn a setting off. */
const FALSY = /^(false|0|off|no|disabled?)$/i;

/**
 * A guard's setting turned off by the console's config command (`occ config:system:set
 * auth.bruteforce.protection.enabled --value=false`, `wp config set FORCE_SSL_ADMIN false`,
 * `drush config:set tfa.settings enabled 0`, `magento config:set admin/security/use_form_key 0`):
 * the words said, or undefined.
 */
function guardSetOff(program: string, pos: string[], opts: string[]): string | undefined {
  const at = pos.findIndex(
    (w, i) => /^config(:[\w-]+)*:set$|^(cset|cset-\w+)$/.test(w) || (w === 'set' && pos[i - 1] === 'config'),
  );
  if (at < 0 || at > 2) return undefined;
  const key = pos[at + 1] ?? '';
  const values = [
    ...pos.slice(at + 2),
    ...opts.filter((o) => o.startsWith('--value=')).map((o) => o.slice(8)),
  ];
  if (!GUARD.test(key) || !values.some((v) => FALSY.test(v))) return undefined;
  return `${program} ${pos.slice(0, at + 2).join(' ')} ${values.find((v) => FALSY.test(v)) ?? ''}`;
}

/** The application guards `cmd` switches off, as findings; empty = none. */
export function appDefencesOff(cmd: NormalizedCommand): Finding[] {
  const argv = consoleArgv(cmd.argv) ?? cmd.argv;
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  if (!CONSOLES.test(program)) return [];
  const pos = argv.slice(1).filter((a) => !a.startsWith('-'));
  const opts = argv.slice(1).filter((a) => a.startsWith('-'));
  // Moodle: `uninstall_plugins.php --plugins=tool_mfa,auth_x --run`
  if (program === 'uninstall_plugins') {
    const plugins = opts.find((o) => o.startsWith('--plugins='))?.slice(10) ?? '';
    const guard = plugins.split(',').find((p) => GUARD.test(p));
    return guard && opts.includes('--run') ? [['app-security-off', `uninstall_plugins ${guard}`]] : [];
  }
  const set = guardSetOff(program, pos, opts);
  if (set) return [['app-security-off', set]];
  for (let i = 0; i < Math.min(pos.length, 3); i++) {
    const w = pos[i];
    if (GUARD_OFF.test(w) && GUARD.test(w.replace(/:[^:]*$/, '')))
      return [['app-security-off', `${program} ${w}`]];
    // `occ twofactorauth:enforce --off`: the second factor no longer required
    if (/(^|:)enforce$/.test(w) && GUARD.test(w) && opts.includes('--off'))
      return [['app-security-off', `${program} ${w} --off`]];
    if (!DISABLE.test(w) && !DISABLE_WORDS.test(`${pos[i - 1] ?? ''} ${w}`)) continue;
    const guard = pos.slice(i + 1).find((x) => GUARD.test(x));
    if (guard) return [['app-security-off', `${program} ${pos.slice(0, i + 1).join(' ')} ${guard}`]];
  }
  return [];
}
