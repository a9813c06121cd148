/**
 * PHP run by the CMS tools (interpreter-args.ts): WP-CLI's `wp eval CODE`, `wp eval-file FILE`
 * (`-` = stdin) and `wp shell` (stdin), Drush's `drush php:eval CODE` (`ev`, `php-eval`),
 * `drush php:script FILE` (`scr`, `php-script`) and `drush php:cli` (stdin), Laravel's
 * `artisan tinker [--execute=CODE]` (stdin without it; also `php artisan tinker`) and PsySH, the
 * REPL tinker is built on (`psysh [FILE]`, `vendor/bin/psysh`: the code piped to it). Their
 * other commands run no PHP read here. Global options (`--path=…`, drush's `@alias`) may come first.
 */
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';

/** Programs whose subcommands run PHP. */
export const PHP_TOOLS = /^(wp|drush|artisan|psysh)$/;

/** Per tool, the subcommands whose operand is PHP code, a PHP file, or that read PHP on stdin. */
const SUBCOMMANDS: Record<string, { code: RegExp; file: RegExp; stdin: RegExp }> = {
  wp: { code: /^eval$/, file: /^eval-file$/, stdin: /^shell$/ },
  drush: {
    code: /^(php:eval|php-eval|eval|ev)$/,
    file: /^(php:script|php-script|scr)$/,
    stdin: /^(php:cli|php|core:cli)$/,
  },
  artisan: { code: /(?!)/, file: /(?!)/, stdin: /^tinker$/ },
};

/** `tinker --execute=CODE` / `--execute CODE`: the code; undefined = none given. */
function tinkerCode(args: Field[]): Field | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t.startsWith('--execute=')) return { text: t.slice(10), dynamic: args[i].dynamic };
    if (t === '--execute') return args[i + 1] ?? { text: '', dynamic: false };
  }
  return undefined;
}

/** Where `wp`'s or `drush`'s PHP is: inline, a file, stdin, or none. */
export function phpToolArgs(prog: string, argv: Field[]): CodeArgs {
  // PsySH: a file operand is run first, then what arrives on stdin
  if (prog === 'psysh') {
    const file = argv.slice(1).find((a) => !a.text.startsWith('-'));
    return file ? { file, label: `psysh ${file.text}` } : { label: 'psysh' };
  }
  const subs = SUBCOMMANDS[prog];
  let i = 1;
  while (
    i < argv.length &&
    (argv[i].text.startsWith('-') || (prog === 'drush' && argv[i].text.startsWith('@')))
  )
    i++;
  const sub = argv[i]?.text ?? '';
  const label = `${prog} ${sub}`;
  const operand = argv.slice(i + 1).find((a) => !a.text.startsWith('-') || a.text === '-');
  if (!subs) return { label, none: true };
  if (subs.code.test(sub)) return operand ? { code: operand, label } : { label, none: true };
  if (subs.file.test(sub)) return !operand || operand.text === '-' ? { label } : { file: operand, label };
  if (prog === 'artisan' && sub === 'tinker') {
    const code = tinkerCode(argv.slice(i + 1));
    if (code) return { code, label };
  }
  if (subs.stdin.test(sub)) return { label };
  return { label, none: true };
}
