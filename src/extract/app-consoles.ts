/**
 * Web applications' admin consoles: the command-line tools a site's administrator runs on the
 * server, which act on the site's users, files and database. Most are PHP scripts run by the
 * interpreter (`php occ user:delete bob` for Nextcloud and ownCloud, `php cli/joomla.php
 * user:delete`, `php bin/magento module:uninstall`, `php yii`, Moodle's `php
 * admin/cli/delete_course.php`), others are programs (`wp`, `drush`, `./occ`).
 *
 * - consoleArgv reads `php [options] SCRIPT ARGS…` as a program named for the script
 *   (`occ`, `joomla`, `delete_course`), so the shape reading of cloud-generic.ts reads its
 *   verbs like any other CLI's (Yii's routes, `user/delete`, as `user:delete`). Code run inline (`php -r`) and the PHP tools of development
 *   (test runners, linters: cloud-generic-local.ts) are not consoles.
 * - consoleVerb reads the commands that destroy though their verb does not say so: a site
 *   emptied (`wp site empty`), an app's trash or old versions purged (`occ trashbin:cleanup`),
 *   and a plugin or module uninstalled, which drops its tables and settings (`drush
 *   pm:uninstall`, `magento module:uninstall`, `wp plugin uninstall`, Moodle's
 *   `uninstall_plugins.php --run`).
 */
import type { CloudDraft } from './cloud-argv.js';

/** PHP's options that take the next word as their value (`-d memory_limit=-1`, `-c php.ini`). */
const PHP_VALUED = /^-[cdStz]$/;
/** PHP's options whose value is code run inline: no script. */
const PHP_CODE = /^-[rBRFE]$/;

/**
 * The words of a PHP script run by the interpreter, as a program named for the script without
 * its `.php` (`php -d x=1 occ user:list` → `occ user:list`, `php admin/cli/delete_course.php`
 * → `admin/cli/delete_course`); undefined = not a script's run.
 */
export function consoleArgv(argv: string[]): string[] | undefined {
  if (!/^php[\d.]*$/.test((argv[0] ?? '').split('/').pop() ?? '')) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (PHP_CODE.test(a)) return undefined;
    if (a === '-f' && argv[i + 1]) return [name(argv[i + 1]), ...argv.slice(i + 2)];
    if (PHP_VALUED.test(a)) i++;
    else if (a === '--') continue;
    else if (!a.startsWith('-')) return /[$`]/.test(a) ? undefined : [name(a), ...argv.slice(i + 1)];
  }
  return undefined;
}

/** Yii's console routes, `controller/action` (`yii user/delete 5`), read as `controller:action`. */
export function consoleRoutes(argv: string[]): string[] {
  if (!/(^|\/)yii$/.test(argv[0] ?? '')) return argv;
  const at = argv.findIndex((a, i) => i > 0 && !a.startsWith('-'));
  if (at < 0 || !/^[a-z][\w-]*(\/[a-z][\w-]*)+$/.test(argv[at])) return argv;
  return [...argv.slice(0, at), argv[at].replace(/\//g, ':'), ...argv.slice(at + 1)];
}

/** A script's path as a program's: without `.php` or `.phar` (`wp-cli.phar` is `wp`). */
const name = (script: string) => script.replace(/\.(php|phar)$/, '').replace(/(^|\/)wp-cli$/, '$1wp');

/**
 * A script in an application's folder of admin scripts (`admin/cli/`, `cli/`, `bin/`), whose
 * name says what it does (`delete_course`); a project's other scripts are read by their code.
 */
export const ADMIN_SCRIPT = /(^|\/)(cli|bin|admin|scripts\/admin)\/[^/]+$/;

/**
 * Per console, the command paths (its positional words joined by a space, up to the verb)
 * that destroy though no destructive verb names them.
 */
const HIDDEN_VERBS: Record<string, RegExp> = {
  // Nextcloud, ownCloud: files in the trash bin or old file versions deleted for good
  occ: /^(trashbin|versions):cleanup$/,
  // WordPress: every post, page and comment deleted (`site empty`); tables with the site's prefix dropped (`db clean`)
  wp: /^(site empty|db clean)$/,
};

/** Uninstalling a plugin or module: its tables and settings are dropped with it. */
const UNINSTALL = /^(?:[\w-]+:)*uninstall$|^(pmu|pm-uninstall)$/;
/** Consoles whose uninstall drops an extension's data (Drupal, Magento, WordPress, Nextcloud, Joomla, Shopware, Symfony apps, Yii). */
const UNINSTALLS_DATA = /^(drush|magento|wp|occ|joomla|console|yii|sw)$/;

/** A destructive command of an app console by its path, read like cloud-generic.ts's; undefined = none. */
export function consoleVerb(
  program: string,
  pos: string[],
  opts: string[],
  force: boolean,
): CloudDraft | undefined {
  const draft = (verb: string, at: number): CloudDraft => ({
    tool: program,
    service: pos.slice(0, Math.max(at, 0)).join(' '),
    verb,
    resource: pos[at + 1] ?? '',
    all: opts.some((o) => /^--(all|all-users)$/.test(o)),
    force,
    generic: true,
  });
  const hidden = Object.hasOwn(HIDDEN_VERBS, program) ? HIDDEN_VERBS[program] : undefined;
  for (let i = 0; i < Math.min(pos.length, 3); i++) {
    const path = pos.slice(0, i + 1).join(' ');
    if (hidden?.test(path)) return draft(path, i);
    if (UNINSTALLS_DATA.test(program) && UNINSTALL.test(pos[i])) return draft(pos[i], i);
  }
  // Moodle: `admin/cli/uninstall_plugins.php --plugins=LIST --run` (without --run it only lists)
  if (program === 'uninstall_plugins' && opts.includes('--run')) return draft('uninstall', -1);
  return undefined;
}
