/**
 * Web applications' admin consoles (src/extract/app-consoles.ts): a PHP script read as a
 * program, and the commands that destroy though their verb does not say so, through the
 * generic reading of src/extract/cloud-generic.ts (`tool|verb|resource`).
 */
import { describe, expect, it } from 'vitest';
import { consoleArgv } from '../../src/extract/app-consoles.js';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const read = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.verb, f.resource].join('|') : '',
  );
};

describe('a PHP script run as a program', () => {
  it.each<[string, string[] | undefined]>([
    ['php occ user:delete bob', ['occ', 'user:delete', 'bob']],
    ['php -d memory_limit=-1 /var/www/nextcloud/occ user:list', ['/var/www/nextcloud/occ', 'user:list']],
    ['php8.2 -f cli/joomla.php user:delete', ['cli/joomla', 'user:delete']],
    ['php wp-cli.phar plugin list', ['wp', 'plugin', 'list']],
    ['php -r echo', undefined],
    ['php -S localhost:8000 -t public', undefined],
    ['node occ user:delete bob', undefined],
  ])('%s', (line, expected) => expect(consoleArgv(line.split(' '))).toEqual(expected));
});

describe('app consoles read by shape', () => {
  it.each<[string, string[]]>([
    ['php occ user:delete alice', ['occ|delete|alice']],
    ['php /var/www/html/occ trashbin:cleanup --all-users', ['occ|trashbin:cleanup|']],
    ['php occ versions:cleanup alice', ['occ|versions:cleanup|alice']],
    ['php occ group:delete admins', ['occ|delete|admins']],
    ['php cli/joomla.php user:delete --username=admin', ['joomla|delete|']],
    ['php admin/cli/delete_course.php --courseid=42', ['delete_course|delete|']],
    ['php admin/cli/uninstall_plugins.php --plugins=mod_forum --run', ['uninstall_plugins|uninstall|']],
    ['wp site empty --yes --uploads', ['wp|site empty|']],
    ['wp db clean --yes', ['wp|db clean|']],
    ['wp plugin uninstall akismet', ['wp|uninstall|akismet']],
    ['drush pm:uninstall devel -y', ['drush|pm:uninstall|devel']],
    ['drush pmu devel', ['drush|pmu|devel']],
    ['drush user:cancel --delete-content admin -y', ['drush|delete-content|']],
    ['php bin/magento module:uninstall Vendor_Module', ['magento|module:uninstall|Vendor_Module']],
    // Yii's routes
    ['php yii user/delete 5', ['yii|delete|5']],
    ['./yii user/index', []],
    // reads, caches, upgrades, a project's own scripts, development tools
    ['php occ user:list', []],
    ['php occ maintenance:mode --on', []],
    ['php occ files:scan --all', []],
    ['php admin/cli/purge_caches.php', []],
    ['php admin/cli/uninstall_plugins.php --show-all', []],
    ['php cli/joomla.php user:list', []],
    ['wp plugin list', []],
    ['drush cr', []],
    ['php bin/magento cache:flush', []],
    ['php delete_old_rows.php', []],
    ['php vendor/bin/phpunit --filter test_delete_user', []],
    ['php composer.phar remove foo/bar', []],
    ['php -S localhost:8000 -t public', []],
  ])('%s', (line, expected) => expect(read(line)).toEqual(expected));
});
