/**
 * A web application's guards switched off from its admin console
 * (src/extract/defences-apps.ts, reached through extractDefences): `verb: evidence` of the
 * fact for a command as written, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { defenceFacts as off } from '../helpers/defences.js';

describe('application guards switched off from an admin console', () => {
  it.each<[string, string[]]>([
    ['php occ app:disable twofactor_totp', ['app-security-off: php: occ app:disable twofactor_totp']],
    ['sudo -u www-data php occ encryption:disable', ['app-security-off: php: occ encryption:disable']],
    ['./occ twofactorauth:disable alice totp', ['app-security-off: occ: occ twofactorauth:disable']],
    ['php occ twofactorauth:enforce --off', ['app-security-off: php: occ twofactorauth:enforce --off']],
    ['wp plugin deactivate wordfence two-factor', ['app-security-off: wp: wp plugin deactivate wordfence']],
    [
      'php wp-cli.phar plugin uninstall sucuri-scanner',
      ['app-security-off: php: wp plugin uninstall sucuri-scanner'],
    ],
    ['drush pm:uninstall tfa -y', ['app-security-off: drush: drush pm:uninstall tfa']],
    ['drush pmu captcha recaptcha', ['app-security-off: drush: drush pmu captcha']],
    [
      'php bin/magento module:disable Magento_TwoFactorAuth',
      ['app-security-off: php: magento module:disable Magento_TwoFactorAuth'],
    ],
    [
      'bin/magento security:recaptcha:disable-for-user-login',
      ['app-security-off: magento: magento security:recaptcha:disable-for-user-login'],
    ],
    [
      'php admin/cli/uninstall_plugins.php --plugins=mod_forum,tool_mfa --run',
      ['app-security-off: php: uninstall_plugins tool_mfa'],
    ],
    // a guard's setting turned off by the console's config command
    [
      'php occ config:system:set auth.bruteforce.protection.enabled --value=false --type=boolean',
      ['app-security-off: php: occ config:system:set auth.bruteforce.protection.enabled false'],
    ],
    [
      'wp config set FORCE_SSL_ADMIN false --raw',
      ['app-security-off: wp: wp config set FORCE_SSL_ADMIN false'],
    ],
    [
      'drush config:set tfa.settings enabled 0 -y',
      ['app-security-off: drush: drush config:set tfa.settings 0'],
    ],
    [
      'php bin/magento config:set admin/security/use_form_key 0',
      ['app-security-off: php: magento config:set admin/security/use_form_key 0'],
    ],
    ['php occ config:system:set auth.bruteforce.protection.enabled --value=true --type=boolean', []],
    ['php occ config:app:set files max_chunk_size --value=0', []],
    ['drush cset system.site name Foo', []],
    // other extensions, turning guards on, reading their state, a listing run of Moodle's script
    ['php occ app:disable calendar', []],
    ['php occ app:enable twofactor_totp', []],
    ['php occ twofactorauth:enforce --on', []],
    ['php occ encryption:status', []],
    ['php occ user:delete security-admin', []],
    ['wp plugin deactivate hello-dolly', []],
    ['wp plugin list --status=active', []],
    ['drush pm:install tfa', []],
    ['php bin/magento module:status Magento_TwoFactorAuth', []],
    ['php admin/cli/uninstall_plugins.php --plugins=tool_mfa --show-contents', []],
    ['php -r "echo 1;" app:disable twofactor_totp', []],
  ])('%s', (script, expected) => expect(off(script)).toEqual(expected));
});
