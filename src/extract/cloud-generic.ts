/**
 * CLIs no table models, read by their shape: `tool [group…] VERB [resource]` or
 * `tool group:VERB` where VERB is an unmistakable destructive verb (delete, destroy,
 * purge, terminate, teardown, wipe, drop, erase, nuke, truncate, decommission, deprovision,
 * undeploy, unregister, deregister; remove/rm too for tools that are not package managers;
 * joined to its object, `rrpurge`, `deletetable`, `trim-prefix`; an API operation whose name
 * starts with such a verb, `DeleteDBInstance`: cloud-operations.ts), a backup tool's
 * retention delete given as an option (`--remove-older-than 0D`), sync tools told to delete
 * at the destination (`rclone sync … --delete-during`, `s3cmd sync --delete-removed`),
 * imports told to replace what the store holds (`convex import --replace`, `cli53 import
 * --wipe`), and garbage collection of a remote store (`dvc gc --cloud`). Programs that act
 * on the local machine (package managers, build tools, editors, shells, the file utilities
 * other extractors read) are left out.
 *
 * The fact's tool is the program name, so rules can name known ones and a catch-all rule
 * asks for the rest. The verbs and options it knows: cloud-generic-verbs.ts.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { destroyingOperation } from './cloud-operations.js';
import {
  DESTROY,
  COMPOUND,
  VERB_FIRST,
  JOINED,
  LOAD,
  REPLACING,
  optionVerb,
  SHORT_VERB,
  TOOL_VERB,
  NAMED_VERB,
  UNMOUNT,
  REMOVE,
  DRIVE_NAMED,
} from './cloud-generic-verbs.js';
import { rcloneLocal } from './fs-rclone.js';
import { isWindowsSystem, windowsBareName } from '../normalize/gnu-prefixed.js';
import { LOCAL } from './cloud-generic-local.js';
import { peelRunner } from './sql-frameworks.js';
import { readForcedVerb } from './cloud-generic-forced.js';
import { ADMIN_SCRIPT, consoleArgv, consoleRoutes, consoleVerb } from './app-consoles.js';
import { windowsOption, windowsOptionVerb } from './cloud-generic-windows.js';
import { trailingShortHelp } from './help-words.js';

/**
 * Tools whose subcommands after a group word are written as options (`hdfs dfs -rm -r
 * /data`, `hadoop fs -rmr …`): the group, and its subcommands that delete.
 */
const HDFS_DESTROY = /^-(rm|rmr|rmdir|expunge|truncate)$/;
const DASH_COMMANDS: Record<string, { group: RegExp; destroy: RegExp }> = {
  hdfs: { group: /^dfs$/, destroy: HDFS_DESTROY },
  hadoop: { group: /^(fs|dfs)$/, destroy: HDFS_DESTROY },
};

/** Package runners that launch another CLI (peeled first). */
const RUNNERS = new Set('npx pnpx bunx pnpm yarn bun npm bundle poetry uv pipenv'.split(' '));

/** Options that never take a value word (so the next word is positional). Most tools' options are unknown: `--x v` is read as option + value only when v is not a verb. */
export function readGeneric(
  cmd: NormalizedCommand,
  known: (program: string) => boolean,
): CloudDraft | undefined {
  // `php occ user:delete bob`: a web application's console run by the interpreter (app-consoles.ts)
  const script = consoleArgv(cmd.argv);
  if (!script && LOCAL.has(cmd.program) && !RUNNERS.has(cmd.program)) return undefined;
  const argv = consoleRoutes(script ?? (RUNNERS.has(cmd.program) ? peelRunner(cmd.argv) : cmd.argv));
  const typed = (argv[0] ?? '').split('/').pop() ?? '';
  // System32 programs take their name and verbs in any case (`REG DELETE …`): read folded
  // (also by its `.exe` name: `schtasks.exe /delete …`)
  const bare = windowsBareName(typed) ?? typed;
  const windows = isWindowsSystem(bare);
  const program = windows ? bare.toLowerCase() : typed;
  // A word not known statically (`--endpoints=$ETCD`, `delete $ID`) is never read as a verb,
  // so only an unknown program stops the reading.
  if (!program || /[$`]/.test(argv[0]) || LOCAL.has(program) || known(program)) return undefined;
  // `tool delete x -h`: most CLIs' parsers (argparse, cobra, getopt_long) print help for a
  // `-h` after the operands and quit; a tool of known options has its own reader instead
  if (trailingShortHelp(argv)) return undefined;
  // rclone between local folders is judged by its paths (fs-rclone.ts).
  if (argv === cmd.argv && rcloneLocal(cmd)) return undefined;
  const dash = Object.hasOwn(DASH_COMMANDS, program) ? DASH_COMMANDS[program] : undefined;
  if (dash && dash.group.test(argv[1] ?? '')) {
    const sub = argv.slice(2).find((a) => dash.destroy.test(a));
    if (!sub) return undefined;
    const rest = argv.slice(argv.indexOf(sub) + 1);
    return {
      tool: program,
      service: argv[1],
      verb: sub.slice(1),
      resource: rest.filter((a) => !a.startsWith('-')).pop() ?? '',
      all: rest.some((a) => /^-[rR]$|^-skipTrash$/.test(a)),
      force: rest.includes('-f'),
      generic: true,
    };
  }
  // NetBackup's `bpexpdate … -d 0`: the backup images or media named expire now and are gone.
  const expiry = program === 'bpexpdate' ? argv.indexOf('-d') : -1;
  if (expiry > 0 && argv[expiry + 1] === '0')
    return {
      tool: program,
      service: '',
      verb: 'expire now',
      resource: '',
      all: false,
      force: false,
      generic: true,
    };
  const pos: string[] = [];
  const opts: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '--') break;
    // a System32 program's `/VERB` and `-verb` are options, in any case (cloud-generic-windows.ts)
    const option = windows ? windowsOption(a) : undefined;
    if (option) opts.push(option);
    else if (a.startsWith('-')) opts.push(a);
    else pos.push(a);
  }
  const force = opts.some((o) =>
    /^(--yes|-y|--force|-f|--confirm|--no-confirm|--quiet|-q|--auto-approve|--non-interactive)$/.test(o),
  );
  // Sync/mirror with deletes at the destination.
  const syncAt = pos.slice(0, 2).findIndex((w) => /^(sync|mirror|rsync)$/.test(w));
  // rclone's `sync` makes the destination identical: it deletes there by default.
  if (
    syncAt >= 0 &&
    (program === 'rclone' ||
      opts.some((o) =>
        /^--delete|^--delete-(removed|destination|during|after|before|excluded)|^--remove$|^-d$/.test(o),
      ))
  ) {
    const dest = pos[pos.length - 1] ?? '';
    return {
      tool: program,
      service: pos.slice(0, syncAt).join(' '),
      verb: 'sync --delete',
      resource: dest,
      all: false,
      force,
      generic: true,
    };
  }
  // Garbage collection aimed at the remote store (`dvc gc --workspace --cloud`): what no
  // local reference keeps is deleted there too, where it is often the only copy. Without
  // that option, or as a dry run, it only tidies a local cache.
  const gcAt = pos.slice(0, 2).findIndex((w) => /^(gc|garbage-collect)$/.test(w));
  if (
    gcAt >= 0 &&
    opts.some((o) => o === '--cloud' || /^-[a-zA-Z]*c[a-zA-Z]*$/.test(o)) &&
    !opts.some((o) => /^--dry(-run)?$/.test(o))
  )
    return {
      tool: program,
      service: pos.slice(0, gcAt).join(' '),
      verb: 'gc --cloud',
      resource: '',
      all: false,
      force,
      generic: true,
    };
  // An import that replaces the data already there (`convex import --replace --table t f`):
  // what the file does not hold is deleted.
  const loadAt = pos.slice(0, 3).findIndex((w) => LOAD.test(w.split(':').pop() ?? ''));
  const replacing = opts.find((o) => REPLACING.test(o.split('=')[0]) && !/=(false|no|0)$/i.test(o));
  if (loadAt >= 0 && replacing)
    return {
      tool: program,
      service: pos.slice(0, loadAt + 1).join(' '),
      verb: `import ${replacing.split('=')[0]}`,
      resource: pos[loadAt + 1] ?? '',
      all: false,
      force,
      generic: true,
    };
  // an app console's command that destroys though its verb does not say so (`wp site empty`)
  const hidden = consoleVerb(program, pos, opts, force);
  if (hidden) return hidden;
  // a PHP script's name is read only for an application's admin scripts
  const named =
    !script || ADMIN_SCRIPT.test(argv[0]) ? (NAMED_VERB.exec(program) ?? DRIVE_NAMED.exec(program)) : null;
  if (named && !opts.some((o) => /^(--help|-h|--version|-V)$/.test(o)))
    return {
      tool: program,
      service: '',
      verb: named[1],
      // Its options' values are not known: the last word is the usual place of what it deletes.
      resource: pos[pos.length - 1] ?? '',
      all: opts.some((o) => o === '--all' || o === '-a' || o === '-r'),
      force,
      generic: true,
    };
  for (let i = 0; i < Math.min(pos.length, 4); i++) {
    const w = windows ? pos[i].toLowerCase() : pos[i];
    // `group:verb`, also nested (`force:data:record:delete`): the verb is after the last colon;
    // `group.verb`, also nested (`govc vm.destroy`, TrueNAS's `midclt call pool.dataset.delete`),
    // only with a verb that destroys whatever it names (a file name such as `notes.rm` is not a verb)
    const dotted = /^([a-z][\w-]*(?:\.[a-z][\w-]*)*)\.([a-z][\w-]*)$/.exec(w);
    const colon =
      /^([\w.:-]+):([\w-]+)$/.exec(w) ??
      (dotted && (DESTROY.test(dotted[2]) || COMPOUND.test(dotted[2])) ? dotted : null);
    // An API operation named in PascalCase or camelCase (`aliyun rds DeleteDBInstance`).
    const operation = colon ? undefined : destroyingOperation(w);
    const verb = colon ? colon[2] : (operation ?? w);
    const destroy =
      operation !== undefined ||
      DESTROY.test(verb) ||
      REMOVE.test(verb) ||
      COMPOUND.test(verb) ||
      JOINED.test(verb) ||
      VERB_FIRST.test(verb) ||
      (Object.hasOwn(TOOL_VERB, program) && TOOL_VERB[program].test(verb)) ||
      (i > 0 && UNMOUNT.groups.test(pos[i - 1]) && UNMOUNT.verbs.test(verb));
    if (!destroy) continue;
    // `tool help delete`, `tool docs destroy`: about the verb, not the verb.
    if (
      pos
        .slice(0, i)
        .some((x) =>
          /^(help|docs|man|explain|describe|get|list|ls|show|search|info|schema)$/.test(
            windows ? x.toLowerCase() : x,
          ),
        )
    )
      return undefined;
    const resource = pos[i + 1] ?? '';
    const service = [...pos.slice(0, i), ...(colon ? [colon[1]] : [])].join(' ');
    return {
      tool: program,
      service,
      verb,
      resource,
      all: opts.some((o) => o === '--all' || o === '-a'),
      force,
      generic: true,
    };
  }
  const optVerb = opts
    .map(
      (o) =>
        optionVerb(o) ??
        (windows ? windowsOptionVerb(o) : undefined) ??
        (Object.hasOwn(SHORT_VERB, program) ? SHORT_VERB[program][o.split('=')[0]] : undefined),
    )
    .find(Boolean);
  if (optVerb && !pos.slice(0, 1).some((x) => /^(help|docs|man)$/.test(x)))
    return {
      tool: program,
      service: pos.join(' '),
      verb: optVerb,
      resource: '',
      all: opts.some((o) => o === '--all' || o === '-a'),
      force,
      generic: true,
    };
  return readForcedVerb(program, argv);
}
