/** PHP run by WP-CLI and Drush (src/normalize/php-runners.ts): read like `php -r`, a PHP file, or stdin. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { phpToolArgs } from '../../src/normalize/php-runners.js';
import { lit } from '../../src/normalize/state.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('where wp and drush have their PHP', () => {
  /** `code:X`, `file:X`, `stdin` or `none`. */
  it.each<[string, string]>([
    ['wp eval X', 'code:X'],
    ['wp --path=/srv/wp --allow-root eval X', 'code:X'],
    ['wp eval-file f.php a b', 'file:f.php'],
    ['wp eval-file -', 'stdin'],
    ['wp shell', 'stdin'],
    ['drush php:eval X', 'code:X'],
    ['drush @prod -y ev X', 'code:X'],
    ['drush php-eval X', 'code:X'],
    ['drush php:script s.php', 'file:s.php'],
    ['drush scr s.php', 'file:s.php'],
    ['drush php:cli', 'stdin'],
    // no PHP of their own
    ['wp plugin list', 'none'],
    ['wp db query X', 'none'],
    ['wp eval', 'none'],
    ['drush cr', 'none'],
    ['drush sql:query X', 'none'],
    // Laravel's tinker and PsySH
    ['artisan tinker', 'stdin'],
    ['artisan tinker --execute=X', 'code:X'],
    ['artisan tinker --execute X', 'code:X'],
    ['artisan migrate:fresh', 'none'],
    ['psysh', 'stdin'],
    ['psysh boot.php', 'file:boot.php'],
  ])('%s', (words, want) => {
    const argv = words.split(' ').map(lit);
    const a = phpToolArgs(argv[0].text, argv);
    expect(a.code ? `code:${a.code.text}` : a.file ? `file:${a.file.text}` : a.none ? 'none' : 'stdin').toBe(
      want,
    );
  });
});

describe('what the PHP they run does', () => {
  it.each<[string, string]>([
    [`wp eval 'exec("rm -rf /srv");'`, 'wp eval|rm -rf /srv'],
    [`drush @prod php:eval 'unlink("/etc/hosts");'`, 'drush php:eval|rm -rf /etc/hosts'],
    [
      `cat > c.php <<'EOF'\n<?php\nsystem("rm -rf /var/www");\nEOF\nwp eval-file c.php`,
      'wp eval-file|rm -rf /var/www',
    ],
    [`echo 'system("rm -rf /opt");' | drush php:cli`, 'drush php:cli|rm -rf /opt'],
    [`echo 'unlink("/var/www/.env");' | vendor/bin/psysh`, 'psysh|rm -rf /var/www/.env'],
    [`echo 'unlink("/var/www/.env");' | php artisan tinker`, 'artisan tinker|rm -rf /var/www/.env'],
    [`php artisan tinker --execute='File::deleteDirectory("/srv/x");'`, 'artisan tinker|rm -rf /srv/x'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    ['wp plugin list'],
    ['drush cr'],
    [`wp eval 'echo get_option("siteurl");'`],
    ['php artisan migrate:status'],
  ])('%s runs nothing else', (script) => expect(commands(script)).toHaveLength(1));
});
