/**
 * The words by which cloud-generic.ts knows that a CLI no table models destroys something: a
 * verb that destroys whatever it names (`delete`, `destroy`, `purge`…), a compound or joined
 * one (`delete-db-cluster`, `deletetable`, `rrpurge`), a verb given as an option
 * (`--delete-queue`, `-deleteDatabase`) or as one tool's short option (`tarsnap -d`), words that
 * destroy for one tool only (`pvesm free`), a program named for the verb (`ldapdelete`), a
 * secrets engine turned off, the remove/prune verbs of remote tools, and the options that make
 * an import replace what the store holds.
 */
import { destroyingOperation } from './cloud-operations.js';

/** Verbs that destroy whatever they name, for any tool. */
export const DESTROY =
  /^(delete|destroy|purge|terminate|teardown|tear-down|wipe|drop|erase|nuke|truncate|decommission|deprovision|undeploy|unregister|deregister|obliterate|delete-all|destroy-all|deleteall|delete-cluster|delete-database)$/;
/**
 * A subcommand that names the verb and what it acts on in one word, with hyphens or
 * underscores: `service-instance-delete`, `delete-db-cluster`, `job-purge`, `purge_queue`,
 * `delete_vhost`, `del-instance` (pg_probackup's instance removed with its backups),
 * `remove-older-than` (a backup tool's retention delete), `user-del` (FreeIPA's
 * `ipa user-del|group-del|host-del|dnsrecord-del`), a node forced out of a cluster without
 * handing its data over (`riak-admin cluster force-remove|force-replace`), `rm-` joined to what
 * goes, in letters only (`cephadm rm-cluster`: the storage cluster and its daemons' data; not an
 * id such as Aliyun's `rm-bp1x2`). Not when the word
 * only reads, undoes or schedules it (`describe-delete-status`, `cancel-deletion`).
 */
export const COMPOUND =
  /^(?:(?!(?:get|list|describe|show|cancel|undo|restore|check|view|help)[-_])[a-z0-9]+[-_])+(?:delete|del|destroy|purge|terminate|wipe|drop|erase|decommission|deprovision|flush|truncate)$|^(?:delete|del|destroy|purge|terminate|wipe|drop|erase|remove|truncate|prune|trim(?![-_](?:trailing|whitespace|spaces|lines)))(?:[-_][a-z0-9]+)+$|^force[-_](?:remove|replace)$|^rm[-_][a-z]{3,}(?:[-_][a-z]+)*$/;
/**
 * A verb joined to the object it destroys, written as one word (`cbt deletetable`,
 * `deleteinstance`, `deleteallrows`, cPanel's `whmapi1 removeacct`): not a word that only inflects the verb (`deletions`,
 * `purgeable`), names something else (`purgecss`) or deletes one record (`deleterow`).
 */
export const VERB_FIRST =
  /^(?:delete|destroy|purge|truncate|remove)(?!(?:ers|ion|ions|ing|able|css|ment|row|key|record|item|entry|prefix|suffix)$)[a-z]{3,16}$/;
/**
 * A verb joined to a short prefix naming what it acts on (`cli53 rrpurge`, `rrdelete`): not
 * when the prefix negates or schedules it (`nodelete`, `autopurge`, `undelete`).
 */
export const JOINED =
  /^(?!(?:un|no|non|pre|anti|auto|soft)(?:delete|destroy|purge)$)[a-z]{1,6}(delete|destroy|purge)$/;
/** Words that load data into a store (`convex import`, `cli53 import`, `firestore:import`). */
export const LOAD = /^(import|restore|load|seed)$/;
/** Options that make a load replace what the store holds instead of adding to it. */
export const REPLACING =
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
export const optionVerb = (o: string) => {
  const m = OPTION_VERB.exec(o);
  // the verb with the object it is joined to (`drop-function`), without a force prefix
  if (m) return m[1] ? o.replace(/^--?((force|hard|recursive)-)?/, '') : m[2];
  return /^--?[a-z]/.test(o) ? destroyingOperation(o.replace(/^--?/, '')) : undefined;
};
/**
 * Short options that are a tool's destructive verb (`tarsnap -d -f ARCHIVE` deletes the
 * archive, NetWorker's `nsrmm -d VOLUME` deletes the volume and its save sets from the media
 * database, `salt-key -D` and `salt-cloud -d` below, `Restore-SqlDatabase -ReplaceDatabase`).
 */
export const SHORT_VERB: Record<string, Record<string, string>> = {
  tarsnap: { '-d': 'delete' },
  nsrmm: { '-d': 'delete' },
  // Salt's master: `salt-key -D` deletes every minion's key (`-d GLOB` the matching ones), and
  // `salt-cloud -d VM…` destroys the machines named
  'salt-key': { '-D': 'delete-all', '-d': 'delete' },
  'salt-cloud': { '-d': 'destroy' },
  // SQL Server's restore over the database of that name (its current data is lost)
  'Restore-SqlDatabase': { '-ReplaceDatabase': 'replace' },
  'restore-sqldatabase': { '-replacedatabase': 'replace' },
  // a machine's membership of its directory domain removed (FreeIPA's client or server
  // uninstalled, macOS's `dsconfigad -remove`)
  'ipa-client-install': { '--uninstall': 'uninstall' },
  'ipa-server-install': { '--uninstall': 'uninstall' },
  'ipa-replica-install': { '--uninstall': 'uninstall' },
  dsconfigad: { '-remove': 'remove', '-leave': 'leave' },
  // the OneDrive client's verbs given as options: a folder (or file) deleted on the drive
  onedrive: { '--remove-directory': 'remove-directory', '--remove-file': 'remove-file' },
};
/**
 * Words that destroy for one tool only (elsewhere they mean something else): `pvesm free
 * VOLUME` deletes the volume; `rq empty QUEUE|--all` deletes every job waiting in Python RQ's
 * queues; a Pure Storage array's `eradicate` frees a destroyed volume, snapshot or pod for
 * good (`purevol eradicate VOL`); `stolonctl init` makes a new cluster over the old one's
 * data; `patronictl reinit` rebuilds a member from scratch and `patronictl remove` wipes the
 * cluster's state; a search service's index cleared or deployment shut down (algolia,
 * quickwit, ecctl).
 */
export const TOOL_VERB: Record<string, RegExp> = {
  pvesm: /^free$/,
  rq: /^empty$/,
  ...Object.fromEntries(
    ['purevol', 'purepgroup', 'purepod', 'purefs', 'purebucket', 'purehost', 'purearray'].map((p) => [
      p,
      /^eradicate$/,
    ]),
  ),
  stolonctl: /^init$/,
  patronictl: /^(reinit|remove)$/,
  // search services: an index emptied of every record (`algolia indices clear INDEX`,
  // `quickwit index clear`), an Elastic Cloud deployment shut down with its data (`ecctl
  // deployment shutdown ID`)
  algolia: /^clear$/,
  quickwit: /^clear$/,
  ecctl: /^shutdown$/,
  // `glab repo transfer REPO --target-namespace NS`: the project leaves its group
  glab: /^transfer$/,
  // storage clusters: a disk's Ceph data zapped (`ceph orch device zap HOST DEV`,
  // `cephadm zap-osds`); a filesystem over an object store emptied (`s3qladm clear URL`)
  ceph: /^zap$/,
  cephadm: /^zap-osds$/,
  s3qladm: /^clear$/,
  // cluster-state surgery that can lose acknowledged data: a node forced to form a new cluster
  // or cut from its own (`elasticsearch-node unsafe-bootstrap|detach-cluster`), its settings or
  // metadata stripped, a Cassandra node declared dead without streaming (`nodetool assassinate`)
  ...Object.fromEntries(
    ['elasticsearch-node', 'opensearch-node'].map((p) => [
      p,
      /^(unsafe-bootstrap|detach-cluster|remove-settings|remove-customs|override-version)$/,
    ]),
  ),
  nodetool: /^assassinate$/,
  // a machine taken out of its directory domain (`realm leave [--remove]`, Samba's `net ads leave`)
  realm: /^leave$/,
};
/**
 * A program whose name is the destructive verb (`ldapdelete DN`, `foo-purge`), also with the
 * object it destroys, joined or not, and a script's suffix (`amqp-delete-queue`,
 * `kafka-delete-records.sh`, Greenplum's `gpdeletesystem`), or a cloud's command-per-program
 * tools that terminate or deregister (Eucalyptus' `euca-terminate-instances`,
 * `euca-deregister`, the EC2 API tools' `ec2-terminate-instances`): what it names is its resource.
 * Not a prefix that undoes or defers it (`undelete`, `autopurge`), nor caches purged (Moodle's
 * `purge_caches.php`). Local ones (`kdestroy`,
 * which drops a ticket cache) are in LOCAL.
 */
export const NAMED_VERB =
  /^(?!.*caches?(?:\.\w+)?$)(?!(?:un|no|non|auto|soft)(?:delete|destroy|purge|terminate|deregister))(?:[a-z][a-z0-9]*[-_]?)?(delete|destroy|purge|terminate|deregister)(?:system|cluster|instance|database|db|segment|node|all)?(?:[-_][a-z][a-z0-9]*){0,2}(?:\.(?:sh|py|pl|rb))?$/;
/**
 * Cloud drives' command-per-verb programs that delete on the drive (MEGAcmd's `mega-rm -r
 * /Backups`, megatools' `megarm /Root/X`, `mega-rmdir`, `mega-deleteversions`): what the last
 * word names is gone from the account, and from every synced machine. Their `-r` deletes a
 * folder with all it holds.
 */
export const DRIVE_NAMED =
  /^(?:mega|megatools|dbx|dbxcli|gdrive|pcloud|onedrive|box|skicka|koofr|jotta|icloud|proton-?drive)-?(rm|rmdir|rmr|del|delete|remove|deleteversions)$/;

/**
 * Turning off a secrets engine or an auth method deletes what it holds (`vault secrets disable
 * secret/`); turning off an audit device stops the record of everything done (`vault audit
 * disable file/`, OpenBao's `bao audit disable`).
 */
export const UNMOUNT = { groups: /^(secrets|secret|auth|audit)$/, verbs: /^(disable|unmount)$/ };

/**
 * Verbs that destroy for remote tools but uninstall or tidy things for local ones; `forget`,
 * `prune` and `expire` are how backup tools delete snapshots and archives (`restic forget
 * --prune`, `borg prune`, `pgbackrest expire`), while local tools prune caches (`npm prune`,
 * `docker system prune`).
 */
export const REMOVE = /^(remove|rm|del|rb|rmdir|purge-all|deletefile|rmdirs|forget|prune|expire)$/;
