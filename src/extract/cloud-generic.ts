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
 * asks for the rest.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { destroyingOperation } from './cloud-operations.js';
import { rcloneLocal } from './fs-rclone.js';
import { LOCAL } from './cloud-generic-local.js';
import { peelRunner } from './sql-frameworks.js';
import { readForcedVerb } from './cloud-generic-forced.js';
import { ADMIN_SCRIPT, consoleArgv, consoleRoutes, consoleVerb } from './app-consoles.js';

/** Verbs that destroy whatever they name, for any tool. */
const DESTROY =
  /^(delete|destroy|purge|terminate|teardown|tear-down|wipe|drop|erase|nuke|truncate|decommission|deprovision|undeploy|unregister|deregister|obliterate|delete-all|destroy-all|deleteall|delete-cluster|delete-database)$/;
/**
 * A subcommand that names the verb and what it acts on in one word, with hyphens or
 * underscores: `service-instance-delete`, `delete-db-cluster`, `job-purge`, `purge_queue`,
 * `delete_vhost`, `remove-older-than` (a backup tool's retention delete), `user-del` (FreeIPA's
 * `ipa user-del|group-del|host-del|dnsrecord-del`), a node forced out of a cluster without
 * handing its data over (`riak-admin cluster force-remove|force-replace`). Not when the word
 * only reads, undoes or schedules it (`describe-delete-status`, `cancel-deletion`).
 */
export const COMPOUND =
  /^(?:(?!(?:get|list|describe|show|cancel|undo|restore|check|view|help)[-_])[a-z0-9]+[-_])+(?:delete|del|destroy|purge|terminate|wipe|drop|erase|decommission|deprovision|flush|truncate)$|^(?:delete|destroy|purge|terminate|wipe|drop|erase|remove|truncate|prune|trim(?![-_](?:trailing|whitespace|spaces|lines)))(?:[-_][a-z0-9]+)+$|^force[-_](?:remove|replace)$/;
/**
 * A verb joined to the object it destroys, written as one word (`cbt deletetable`,
 * `deleteinstance`, `deleteallrows`, cPanel's `whmapi1 removeacct`): not a word that only inflects the verb (`deletions`,
 * `purgeable`), names something else (`purgecss`) or deletes one record (`deleterow`).
 */
const VERB_FIRST =
  /^(?:delete|destroy|purge|truncate|remove)(?!(?:ers|ion|ions|ing|able|css|ment|row|key|record|item|entry|prefix|suffix)$)[a-z]{3,16}$/;
/**
 * A verb joined to a short prefix naming what it acts on (`cli53 rrpurge`, `rrdelete`): not
 * when the prefix negates or schedules it (`nodelete`, `autopurge`, `undelete`).
 */
const JOINED =
  /^(?!(?:un|no|non|pre|anti|auto|soft)(?:delete|destroy|purge)$)[a-z]{1,6}(delete|destroy|purge)$/;
/** Words that load data into a store (`convex import`, `cli53 import`, `firestore:import`). */
const LOAD = /^(import|restore|load|seed)$/;
/** Options that make a load replace what the store holds instead of adding to it. */
const REPLACING =
  /^--(replace|replace-all|wipe|drop|truncate|purge|delete-existing|overwrite-existing|clear)$/;

/**
 * The destructive verb given as an option (`kafka-topics --delete --topic t`, `nomad job stop
 * -purge`), also forced (`syncoid --force-delete`: target datasets destroyed), joined to the
 * kind of thing a server stores (`gearadmin --drop-function F`, `--delete-queue Q`,
 * `--purge-topic T`) or to what an account holds (drush's `user:cancel --delete-content`), or a backup tool's retention delete (`rdiff-backup --remove-older-than 0D`).
 * Not an option about deleting (`--delete-after`, `--drop-privileges`, `--delete-branch`).
 */
const OPTION_VERB =
  /^--?(?:(?:force|hard|recursive)-)?(delete|destroy|purge|drop|wipe|erase|nuke)(?:-(?:function|functions|queue|queues|topic|topics|database|db|table|tables|index|indices|collection|bucket|keyspace|namespace|schema|stream|streams|job|jobs|tube|vhost|exchange|cluster|volume|volumes|instance|server|node|all|content|contents|data|uploads|media))?$|^--((?:remove|delete|purge|expire)-older-than)(?:=|$)/;
/** An option named like an API operation that destroys (Oracle's `dbca -deleteDatabase`, `-deletePluggableDatabase`). */
const optionVerb = (o: string) => {
  const m = OPTION_VERB.exec(o);
  // the verb with the object it is joined to (`drop-function`), without a force prefix
  if (m) return m[1] ? o.replace(/^--?((force|hard|recursive)-)?/, '') : m[2];
  return /^--?[a-z]/.test(o) ? destroyingOperation(o.replace(/^--?/, '')) : undefined;
};
/**
 * Short options that are a tool's destructive verb (`tarsnap -d -f ARCHIVE` deletes the
 * archive, NetWorker's `nsrmm -d VOLUME` deletes the volume and its save sets from the media
 * database, `salt-key -D` and `salt-cloud -d` below).
 */
const SHORT_VERB: Record<string, Record<string, string>> = {
  tarsnap: { '-d': 'delete' },
  nsrmm: { '-d': 'delete' },
  // Salt's master: `salt-key -D` deletes every minion's key (`-d GLOB` the matching ones), and
  // `salt-cloud -d VM…` destroys the machines named
  'salt-key': { '-D': 'delete-all', '-d': 'delete' },
  'salt-cloud': { '-d': 'destroy' },
};
/**
 * Words that destroy for one tool only (elsewhere they mean something else): `pvesm free
 * VOLUME` deletes the volume; `rq empty QUEUE|--all` deletes every job waiting in Python RQ's
 * queues.
 */
const TOOL_VERB: Record<string, RegExp> = {
  pvesm: /^free$/,
  rq: /^empty$/,
};
/**
 * A program whose name is the destructive verb (`ldapdelete DN`, `foo-purge`), also with the
 * object it destroys, joined or not, and a script's suffix (`amqp-delete-queue`,
 * `kafka-delete-records.sh`, Greenplum's `gpdeletesystem`): what it names is its resource.
 * Not a prefix that undoes or defers it (`undelete`, `autopurge`), nor caches purged (Moodle's
 * `purge_caches.php`). Local ones (`kdestroy`,
 * which drops a ticket cache) are in LOCAL.
 */
const NAMED_VERB =
  /^(?!.*caches?(?:\.\w+)?$)(?!(?:un|no|non|auto|soft)(?:delete|destroy|purge))(?:[a-z][a-z0-9]*[-_]?)?(delete|destroy|purge)(?:system|cluster|instance|database|db|segment|node|all)?(?:[-_][a-z][a-z0-9]*){0,2}(?:\.(?:sh|py|pl|rb))?$/;
/**
 * Turning off a secrets engine or an auth method deletes what it holds (`vault secrets disable
 * secret/`); turning off an audit device stops the record of everything done (`vault audit
 * disable file/`, OpenBao's `bao audit disable`).
 */
const UNMOUNT = { groups: /^(secrets|secret|auth|audit)$/, verbs: /^(disable|unmount)$/ };

/**
 * Verbs that destroy for remote tools but uninstall or tidy things for local ones; `forget`,
 * `prune` and `expire` are how backup tools delete snapshots and archives (`restic forget
 * --prune`, `borg prune`, `pgbackrest expire`), while local tools prune caches (`npm prune`,
 * `docker system prune`).
 */
const REMOVE = /^(remove|rm|del|rb|rmdir|purge-all|deletefile|rmdirs|forget|prune|expire)$/;

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
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  // A word not known statically (`--endpoints=$ETCD`, `delete $ID`) is never read as a verb,
  // so only an unknown program stops the reading.
  if (!program || /[$`]/.test(argv[0]) || LOCAL.has(program) || known(program)) return undefined;
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
    if (a.startsWith('-')) opts.push(a);
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
  const named = !script || ADMIN_SCRIPT.test(argv[0]) ? NAMED_VERB.exec(program) : null;
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
    const w = pos[i];
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
        .some((x) => /^(help|docs|man|explain|describe|get|list|ls|show|search|info|schema)$/.test(x))
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
    .map((o) => optionVerb(o) ?? (Object.hasOwn(SHORT_VERB, program) ? SHORT_VERB[program][o] : undefined))
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
