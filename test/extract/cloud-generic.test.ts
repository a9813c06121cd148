import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import { extractSql } from '../../src/extract/sql.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string, all: string[] = []) => {
  const before = all.map((l) => command(l.split(' ')));
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [...before, c]) as Fact[]).map((f) =>
    f.kind === 'cloud'
      ? [f.tool, f.verb, f.resource, (f as { generic?: boolean }).generic ?? false].join('|')
      : '',
  );
};

describe('CLIs no table models, read by shape', () => {
  it.each<[string, string[]]>([
    ['eksctl delete cluster --name prod', ['eksctl|delete|cluster|true']],
    ['argocd app delete payments --cascade', ['argocd|delete|payments|true']],
    ['vultr-cli instance delete 4f1a', ['vultr-cli|delete|4f1a|true']],
    ['zappa undeploy production -y', ['zappa|undeploy|production|true']],
    ['gitlab-runner unregister --all-runners', ['gitlab-runner|unregister||true']],
    ['heroku-like apps:destroy web', ['heroku-like|destroy|web|true']],
    ['sfdx force:data:record:delete -s Account -i 001xx -u prod', ['sfdx|delete|Account|true']],
    ['sfdx force:data:record:get -s Account -i 001xx', []],
    // `group.verb`, only with a verb that destroys whatever it names
    ['govc vm.destroy /dc1/vm/prod-db', ['govc|destroy|/dc1/vm/prod-db|true']],
    ['govc datastore.delete-cluster dc1', ['govc|delete-cluster|dc1|true']],
    ['govc vm.info /dc1/vm/prod-db', []],
    ['mytool open notes.rm', []],
    // shell builtins: their words are folders and names
    ['cd del', []],
    ['pushd purge', []],
    ['popd', []],
    // subcommands written as options after a group word
    ['hdfs dfs -rm -r -skipTrash /data/warehouse', ['hdfs|rm|/data/warehouse|true']],
    ['hadoop fs -rmr /user/etl/output', ['hadoop|rmr|/user/etl/output|true']],
    ['hdfs dfs -expunge', ['hdfs|expunge||true']],
    ['hdfs dfs -ls /data', []],
    ['hadoop fs -put ./x /data/x', []],
    ['serverless remove --stage prod', ['serverless|remove|prod|true']],
    ['rclone sync ./a remote:b', ['rclone|sync --delete|remote:b|true']],
    ['s3cmd sync ./a s3://b --delete-removed', ['s3cmd|sync --delete|s3://b|true']],
    ['npx sst remove --stage prod', ['sst|remove|prod|true']],
    // a word not known statically is never the verb, and does not stop the reading
    ['etcdctl --endpoints=$ETCD del --prefix /config/', ['etcdctl|del|/config/|true']],
    ['mytool delete $ID', ['mytool|delete|$ID|true']],
    ['mytool get $ID', []],
    ['$TOOL delete x', []],
    // the verb inside a compound subcommand, given as an option, or an unmount of secrets
    [
      'ibmcloud resource service-instance-delete prod-db -f',
      ['ibmcloud|service-instance-delete|prod-db|true'],
    ],
    ['cf delete-app api -f', ['cf|delete-app|api|true']],
    // FreeIPA's `TYPE-del` commands
    ['ipa user-del jdoe --continue', ['ipa|user-del|jdoe|true']],
    ['ipa dnsrecord-del example.com www --del-all', ['ipa|dnsrecord-del|example.com|true']],
    // `del-TYPE`: the verb first, shortened (an unmodelled tool's `del-instance`, `del_user`)
    ['probectl del-instance --name main', ['probectl|del-instance|main|true']],
    ['ipa user-find --login=jdoe', []],
    ['ipa user-mod jdoe --shell=/bin/zsh', []],
    ['kafka-topics --bootstrap-server k:9092 --delete --topic payments', ['kafka-topics|delete||true']],
    ['nomad job stop -purge api', ['nomad|purge||true']],
    // also forced, or named like an API operation (Oracle's single-dash camelCase options)
    ['syncoid --force-delete tank/data backup/data', ['syncoid|delete||true']],
    ['syncoid --recursive tank/data backup/data', []],
    ['dbca -silent -deleteDatabase -sourceDB ORCL', ['dbca|delete-database||true']],
    ['dbca -silent -deletePluggableDatabase -pdbName PDB1', ['dbca|delete-pluggable-database||true']],
    ['dbca -silent -createDatabase -templateName General_Purpose.dbc', []],
    ['acme --deleted-only list', []],
    ['vault secrets disable secret/', ['vault|disable|secret/|true']],
    ['vault auth disable github', ['vault|disable|github|true']],
    // an audit device turned off, Vault's CLI and OpenBao's (`bao`) alike
    ['vault audit disable file/', ['vault|disable|file/|true']],
    ['bao audit disable -namespace=admin syslog/', ['bao|disable|syslog/|true']],
    ['bao secrets disable kv/', ['bao|disable|kv/|true']],
    ['bao audit list -detailed', []],
    ['bao audit enable file file_path=/var/log/bao_audit.log', []],
    ['bao status', []],
    ['rabbitmqctl purge_queue orders', ['rabbitmqctl|purge_queue|orders|true']],
    ['rabbitmqctl delete_vhost /prod', ['rabbitmqctl|delete_vhost|/prod|true']],
    ['rabbitmqctl list_queues name messages', []],
    // a node forced out of a cluster without handing its data over
    ['riak-admin cluster force-remove riak@node3', ['riak-admin|force-remove|riak@node3|true']],
    ['riak-admin cluster force-replace riak@node3 riak@node4', ['riak-admin|force-replace|riak@node3|true']],
    ['riak-admin cluster leave riak@node3', []],
    ['riak-admin cluster plan', []],
    // an API operation called by its PascalCase name, any provider's CLI
    ['aliyun rds DeleteDBInstance --DBInstanceId rm-bp1', ['aliyun|delete-db-instance|rm-bp1|true']],
    ['tccli cvm TerminateInstances --region ap-guangzhou', ['tccli|terminate-instances|ap-guangzhou|true']],
    ['aliyun ecs ReleaseEipAddress --AllocationId eip-1', ['aliyun|release-eip-address|eip-1|true']],
    ['hcloud ECS DeleteServers --cli-region=cn-north-4', ['hcloud|delete-servers||true']],
    ['aliyun ecs DescribeInstances --RegionId cn-hangzhou', []],
    ['tccli cvm DescribeInstances --region ap-guangzhou', []],
    ['aliyun rds ModifyDBInstanceDeletionProtection --DBInstanceId rm-1', []],
    ['tccli help TerminateInstances', []],
    ['acme describe_delete_status job-7', []],
    ['acme describe-delete-status job-7', []],
    ['acme cancel-deletion job-7', []],
    // a verb joined to a short prefix naming its object
    ['cli53 rrpurge --confirm example.com', ['cli53|rrpurge|example.com|true']],
    ['cli53 rrdelete example.com www A', ['cli53|rrdelete|example.com|true']],
    ['cli53 rrcreate example.com www A 192.0.2.1', []],
    // a program named by the verb and what it deletes, also a script
    [
      'kafka-delete-records.sh --bootstrap-server k:9092 --offset-json-file purge.json',
      ['kafka-delete-records.sh|delete|purge.json|true'],
    ],
    ['kafka-delete-records --bootstrap-server k:9092', ['kafka-delete-records|delete|k:9092|true']],
    ['amqp-delete-queue -u amqp://mq.internal -q orders', ['amqp-delete-queue|delete|orders|true']],
    ['amqp-declare-queue -u amqp://mq.internal -q orders', []],
    ['amqp-delete-queue --help', []],
    // the object joined to the verb (Greenplum's `gpdeletesystem`); not a prefix that undoes it
    ['gpdeletesystem -d /data/master/gpseg-1 -f', ['gpdeletesystem|delete|/data/master/gpseg-1|true']],
    ['undelete --list', []],
    ['autopurge-status', []],
    ['kafka-topics.sh --bootstrap-server k:9092 --list', []],
    // test harnesses destroy the throwaway instances of a test run
    ['kitchen destroy default-ubuntu-2204', []],
    ['kitchen destroy', []],
    ['molecule destroy --scenario-name default', []],
    // local development environments remove this project's containers
    ['lando destroy -y', []],
    ['ddev delete -O -y', []],
    // sq's `rm` forgets a source in its own config (its SQL is read by sql-sq.ts)
    ['sq rm @prod_pg', []],
    // simulated clusters: kwok's nodes and pods are fakes; kind's and k3d's clusters are read
    ['kwokctl delete cluster --name scale-test', []],
    ['kwokctl delete cluster --all', []],
    ['kind delete cluster --name staging', ['kind|delete|cluster|true']],
    ['acme undelete job-7', []],
    ['acme config autopurge off', []],
    // a verb joined to the object it destroys, as one word
    ['cbt -project p -instance main-bt deletetable events', ['cbt|deletetable|events|true']],
    ['cbt -project p deleteinstance main-bt', ['cbt|deleteinstance|main-bt|true']],
    ['cbt deleteallrows events', ['cbt|deleteallrows|events|true']],
    ['cbt deleterow events r1', []],
    // cPanel's WHM API: `removeacct` deletes the account with its files, mail and databases
    [
      'whmapi1 --output=jsonpretty removeacct username=blogprod',
      ['whmapi1|removeacct|username=blogprod|true'],
    ],
    ['whmapi1 removeacct user=shop keepdns=1', ['whmapi1|removeacct|user=shop|true']],
    ['uapi --user=shop Mysql delete_database name=shop_wp', ['uapi|delete_database|name=shop_wp|true']],
    ['whmapi1 listaccts', []],
    ['whmapi1 accountsummary user=shop', []],
    ['uapi --user=shop Mysql list_databases', []],
    ['acme removeprefix x', []],
    // an RPC client's method named `group.sub.verb` (TrueNAS's middleware client)
    ['midclt call pool.dataset.delete tank/prod', ['midclt|delete|tank/prod|true']],
    ['midclt call zfs.snapshot.delete tank/db@auto-1', ['midclt|delete|tank/db@auto-1|true']],
    ['midclt call pool.dataset.query', []],
    ['midclt call zfs.snapshot.create', []],
    ['mytool open backup.2024.tar.gz', []],
    ['cbt -project p -instance main-bt ls', []],
    ['acme deletions list', []],
    ['acme show purgeable', []],
    // truncating, trimming or flushing a store; a tool's retention delete given as an option
    ['rpk topic trim-prefix orders -p 0 --offset end --no-confirm', ['rpk|trim-prefix|orders|true']],
    [
      'pulsar-admin topics truncate persistent://t/ns/orders',
      ['pulsar-admin|truncate|persistent://t/ns/orders|true'],
    ],
    ['couchbase-cli bucket-flush -c localhost -b default', ['couchbase-cli|bucket-flush|localhost|true']],
    // pvesm and bpexpdate now have their own tables (cloud-proxmox.ts, cloud-backups-netbackup.ts)
    ['pvesm prune-backups local --keep-last 1', ['pvesm|delete|backups on local not kept|false']],
    [
      'rdiff-backup --force --remove-older-than 0D /srv/backups/app',
      ['rdiff-backup|remove-older-than||true'],
    ],
    ['rdiff-backup --remove-older-than=1W /srv/backups/app', ['rdiff-backup|remove-older-than||true']],
    // the verb given as an option joined to what a server stores
    ['gearadmin -h gearman.internal --drop-function resize_image', ['gearadmin|drop-function||true']],
    ['acme-queue --purge-queue jobs --host mq', ['acme-queue|purge-queue||true']],
    ['acme-sync --delete-after src dst', []],
    ['acme-daemon --drop-privileges --user app', []],
    ['gearadmin -h gearman.internal --status', []],
    ['rpk topic describe orders', []],
    ['sox in.wav out.wav trim 0 10', []],
    ['acme trim-trailing-whitespace src', []],
    ['couchbase-cli bucket-list -c localhost', []],
    ['rdiff-backup --list-increments /srv/backups/app', []],
    // a word that destroys for one tool only
    [
      'pvesm free backup-nfs:backup/vzdump-qemu-105.vma.zst',
      ['pvesm|delete|backup-nfs:backup/vzdump-qemu-105.vma.zst|false'],
    ],
    ['pvesm status', []],
    ['acme free --help', []],
    ['rq empty --all -u redis://redis.internal:6379/0', ['rq|empty|redis://redis.internal:6379/0|true']],
    ['rq empty high default', ['rq|empty|high|true']],
    ['rq info -u redis://redis.internal:6379/0', []],
    ['acme empty', []],
    // a storage array's eradicate, a Postgres cluster manager's init / reinit / remove
    ['purevol eradicate vol-prod-db01', ['purevol|eradicate|vol-prod-db01|true']],
    ['purepgroup eradicate pg-nightly', ['purepgroup|eradicate|pg-nightly|true']],
    ['purevol list --snap', []],
    ['acme eradicate x', []],
    ['stolonctl --cluster-name=main init --yes', ['stolonctl|init||true']],
    ['stolonctl --cluster-name=main status', []],
    ['patronictl reinit pg-main node2', ['patronictl|reinit|pg-main|true']],
    ['patronictl remove pg-main', ['patronictl|remove|pg-main|true']],
    ['patronictl list', []],
    // a search index emptied, a search deployment shut down with its data
    ['algolia indices clear prod_products --confirm', ['algolia|clear|prod_products|true']],
    ['quickwit index clear --index logs --yes', ['quickwit|clear|logs|true']],
    ['ecctl deployment shutdown 3f2a9c1e --force', ['ecctl|shutdown|3f2a9c1e|true']],
    ['algolia indices browse prod_products', []],
    ['quickwit index describe --index logs', []],
    ['ecctl deployment list', []],
    // a GitLab project moved to another namespace
    ['glab repo transfer acme/payments --target-namespace jdoe', ['glab|transfer|acme/payments|true']],
    ['glab repo view acme/payments', []],
    // a restore over the database of that name
    [
      'Restore-SqlDatabase -ServerInstance sql01 -Database Billing -BackupFile b.bak -ReplaceDatabase',
      ['Restore-SqlDatabase|replace||true'],
    ],
    ['Restore-SqlDatabase -ServerInstance sql01 -Database BillingCopy -BackupFile b.bak', []],
    // an import that replaces what the store holds
    [
      'npx convex import --prod --replace --table messages seed/m.jsonl',
      ['convex|import --replace|messages|true'],
    ],
    ['cli53 import --file zone.txt --wipe example.com', ['cli53|import --wipe|zone.txt|true']],
    ['acme firestore:import gs://b/export --truncate', ['acme|import --truncate|gs://b/export|true']],
    ['npx convex import --table messages seed/m.jsonl', []],
    ['cli53 import --file zone.txt example.com', []],
    ['acme import data.csv --replace=false', []],
    ['acme export --replace out.csv', []],
    ['kafka-topics --bootstrap-server k:9092 --describe --topic payments', []],
    ['nomad job stop api', []],
    ['vault secrets list', []],
    ['restic -r s3:host/backups forget --keep-last 0 --prune', ['restic|forget|0|true']],
    ['borg prune --keep-daily 7 /mnt/backup', ['borg|prune|7|true']],
    ['restic -r /srv/restic snapshots', []],
    // backup tools' retention deletes: a compound `remove-…` verb, `expire`, a short option
    ['duplicity remove-older-than 30D --force s3://b', ['duplicity|remove-older-than|30D|true']],
    ['kopia snapshot expire --all --delete', ['kopia|expire||true']],
    ['tarsnap -d -f nightly-1', ['tarsnap|delete||true']],
    ['tarsnap --nuke', ['tarsnap|nuke||true']],
    ['duplicity collection-status s3://b', []],
    ['tarsnap -c -f nightly-2 /srv', []],
    ['nsrmm -s nsr01 -d -y -v ProdFull.001', ['nsrmm|delete||true']],
    ['nsrmm -s nsr01 -C -v ProdFull.001', []],
    ['salt-key -D -y', ['salt-key|delete-all||true']],
    ["salt-key -d 'web*' -y", ['salt-key|delete||true']],
    ['salt-cloud -d web-1 web-2 -y', ['salt-cloud|destroy||true']],
    ['salt-key -L', []],
    ['salt-key -a minion1 -y', []],
    ['salt-cloud -Q', []],
    [
      'bpexpdate -m PRD001 -d 0 -host nbu-media01 -force',
      ['bpexpdate|delete|media PRD001 (expire now)|false'],
    ],
    ['bpexpdate -m PRD001 -d 12/31/2027', []],
    // a program whose name is the verb; one that only drops a local ticket cache is local
    ['ldapdelete -x -D cn=admin -W uid=jdoe,ou=people', ['ldapdelete|delete|uid=jdoe,ou=people|true']],
    ['ldapdelete --help', []],
    ['kdestroy -A', []],
    // a kubectl plugin is a CLI of its own
    ['kubectl -n prod cnpg destroy prod-cluster 1', ['kubectl-cnpg|destroy|prod-cluster|true']],
    ['kubectl cnpg status prod-cluster', []],
    ['kubectl krew install cnpg', []],
    ['kubectl rook-ceph -n rook-ceph destroy-cluster', ['kubectl-rook-ceph|destroy-cluster||true']],
    ['kubectl rook-ceph rook purge-osd 0 --force', ['kubectl-rook-ceph|purge-osd|0|true']],
    ['kubectl rook-ceph ceph osd pool rm pool1 pool1', ['kubectl-rook-ceph|rm|pool1|true']],
    ['kubectl rook-ceph ceph status', []],
    // garbage collection of the remote store, not of a local cache
    ['dvc gc --workspace --cloud', ['dvc|gc --cloud||true']],
    ['dvc gc -w -c -f', ['dvc|gc --cloud||true']],
    ['dvc gc -wcf -r storage', ['dvc|gc --cloud||true']],
    ['dvc gc --workspace', []],
    ['dvc gc -w --cloud --dry', []],
    ['dvc push -r storage', []],
    // local tools, reads, help and dry runs: nothing
    // npm has its own table: not read generically
    ['npm remove left-pad', ['npm|left-pad||false']],
    ['ip route del default', []],
    ['eksctl get cluster', []],
    ['hcloud help server delete', []],
    ['rclone copy ./a remote:b', []],
    ['eksctl delete cluster --name prod --dry-run', []],
    // System32 programs take their verbs in any case; the resource keeps its own
    ['REG DELETE HKLM\\Software\\X /f', ['reg|delete|HKLM\\Software\\X|true']],
    ['reg DELETE HKCU\\X /f', ['reg|delete|HKCU\\X|true']],
    ['Sc Delete MySvc', ['sc|delete|MySvc|true']],
    ['REG QUERY HKLM\\Software\\X', []],
    ['SC QUERY MySvc', []],
    // other programs' verbs stay case-sensitive
    ['mytool DELETE x', []],
  ])('%s → %o', (line, want) => expect(cloud(line)).toEqual(want));

  it.each<[string, string[], string]>([
    [
      'terraform apply tfplan',
      ['terraform plan -destroy -out=tfplan'],
      'terraform|destroy|tfplan (saved plan)|false',
    ],
    [
      'terraform apply p',
      ['terraform plan -replace=aws_instance.a -out=p'],
      'terraform|replace|p (saved plan)|false',
    ],
    ['terraform apply tfplan', ['terraform plan -out=tfplan'], 'terraform|apply|tfplan|false'],
    ['terragrunt run-all destroy', [], 'terragrunt|destroy||false'],
  ])('%s after %o → %s', (line, before, want) => expect(cloud(line, before)).toEqual([want]));
});

describe('SQL through framework shells and warehouse CLIs', () => {
  const sql = (line: string, stdinText?: string) => {
    const c = command(line.split(' '), stdinText ? { stdin: { kind: 'herestring', text: stdinText } } : {});
    return (extractSql(c, ctx, [c]) as Fact[]).map((f) =>
      f.kind === 'sql' ? `${f.tool}:${f.statement}` : '',
    );
  };
  it.each<[string, string | undefined, string[]]>([
    ['python manage.py dbshell', 'DROP TABLE users;', ['django dbshell:DROP']],
    ['rails db', 'TRUNCATE orders;', ['rails dbconsole:TRUNCATE']],
    ['npx prisma db execute --stdin', 'DROP DATABASE shop;', ['prisma db execute:DROP']],
    ['bq query', 'DELETE FROM ds.t WHERE true', ['bq:DELETE']],
    ['pg_restore --clean -d app dump', undefined, ['pg_restore:DROP']],
    ['mongorestore --drop dump/', undefined, ['mongorestore:DROP']],
    ['alembic downgrade base', undefined, ['alembic:RESET']],
    ['flask db downgrade base', undefined, ['flask:RESET']],
    ['dotnet ef database update 0', undefined, ['dotnet:RESET']],
    ['dotnet ef database drop -f', undefined, ['dotnet:DROP']],
    ['dotnet ef database update', undefined, []],
    ['flask db upgrade', undefined, []],
    ['php artisan migrate:fresh', undefined, ['artisan:RESET']],
    ['pg_restore --list dump', undefined, []],
    ['python manage.py migrate', undefined, []],
  ])('%s <<< %s → %o', (line, stdin, want) => expect(sql(line, stdin)).toEqual(want));
});

describe('ORM calls through framework runners and inline code', () => {
  const orm = (argv: string[], stdinText?: string) => {
    const c = command(argv, stdinText ? { stdin: { kind: 'pipe', text: stdinText } } : {});
    return (extractSql(c, ctx, [c]) as Fact[]).map((f) =>
      f.kind === 'sql' ? `${f.statement}${f.where ? '' : ' (no filter)'}` : '',
    );
  };
  it.each<[string[], string | undefined, string[]]>([
    [['rails', 'runner', 'User.delete_all'], undefined, ['DELETE (no filter)']],
    [['rails', 'runner', 'User.where(x: 1).destroy_all'], undefined, ['DELETE']],
    [['python', 'manage.py', 'shell'], 'User.objects.all().delete()', ['DELETE (no filter)']],
    [['php', 'artisan', 'tinker', '--execute=User::truncate()'], undefined, ['TRUNCATE (no filter)']],
    [['python3', '-c', 'Base.metadata.drop_all(engine)'], undefined, ['DROP (no filter)']],
    [['python3', '-c', 'cur.execute("delete from users")'], undefined, ['DELETE (no filter)']],
    [['node', '-e', 'console.log("drop table later")'], undefined, []],
    [['rails', 'runner', 'puts User.count'], undefined, []],
  ])('%o <<< %s → %o', (argv, stdin, want) => expect(orm(argv, stdin)).toEqual(want));
});

describe('programs named for terminating or deregistering (euca2ools, the EC2 API tools)', () => {
  it.each<[string, string[]]>([
    [
      'euca-terminate-instances i-4f2a9c01 i-7be21d4a',
      ['euca-terminate-instances|terminate|i-7be21d4a|true'],
    ],
    ['euca-deregister emi-3a1b2c4d', ['euca-deregister|deregister|emi-3a1b2c4d|true']],
    ['ec2-terminate-instances i-0abc1234', ['ec2-terminate-instances|terminate|i-0abc1234|true']],
    ['euca-delete-snapshot snap-1a2b', ['euca-delete-snapshot|delete|snap-1a2b|true']],
    ['euca-describe-instances i-4f2a9c01', []],
    ['euca-run-instances emi-1234 -t m1.small', []],
    ['euca-terminate-instances --help', []],
  ])('%s → %o', (line, want) => expect(cloud(line)).toEqual(want));
});

describe("cloud drives' delete programs and options (MEGA, megatools, the OneDrive client)", () => {
  it.each<[string, string[]]>([
    ['mega-rm -r -f /Backups', ['mega-rm|rm|/Backups|true']],
    ['megarm /Root/Backups', ['megarm|rm|/Root/Backups|true']],
    ['mega-rmdir /Old', ['mega-rmdir|rmdir|/Old|true']],
    ['mega-deleteversions -f /Docs', ['mega-deleteversions|deleteversions|/Docs|true']],
    ['megatools rm /Root/Backups', ['megatools|rm|/Root/Backups|true']],
    ['dbxcli rm -f /Backups', ['dbxcli|rm|/Backups|true']],
    ['onedrive --remove-directory /Backups', ['onedrive|remove-directory||true']],
    ['onedrive --remove-directory=/Backups', ['onedrive|remove-directory||true']],
    ['pcloud rm /Backups', ['pcloud|rm|/Backups|true']],
    ['mega-ls /Backups', []],
    ['mega-put notes.txt /Docs', []],
    ['megals /Root', []],
    ['mega-rm --help', []],
    ['onedrive --synchronize --single-directory Docs', []],
    ['onedrive --display-config', []],
  ])('%s → %o', (line, want) => expect(cloud(line)).toEqual(want));
});
