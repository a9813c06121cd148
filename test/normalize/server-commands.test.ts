/**
 * Commands a server runs for what a client sends it (src/normalize/server-commands.ts): SQL
 * that runs a command on the database server, and the containers of the manifests kubectl
 * applies, walked as commands of that machine.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({ '/w/wipe.sql': "COPY x FROM PROGRAM 'rm -rf /srv/pg';\n" });
/** Each remote command as `label: argv` (`?` marks a command not known). */
const remote = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.wrappers.at(-1)}: ${c.dynamic ? '?' : ''}${c.argv.join(' ')}`);

describe('SQL that runs a command on the database server', () => {
  it.each<[string, string[]]>([
    [
      `psql -h db -c "COPY (SELECT 1) TO PROGRAM 'rm -rf /var/lib/pg/wal'"`,
      ['psql COPY … PROGRAM: rm -rf /var/lib/pg/wal'],
    ],
    [
      `psql -h db <<'SQL'\nCOPY t FROM PROGRAM 'dropdb billing';\nSQL`,
      ['psql COPY … PROGRAM: dropdb billing'],
    ],
    ['psql -h db -f wipe.sql', ['psql COPY … PROGRAM: rm -rf /srv/pg']],
    [
      `ssh db1 "psql -c \\"COPY t TO PROGRAM 'rm -rf /x'\\""`,
      ["ssh db1: psql -c COPY t TO PROGRAM 'rm -rf /x'", 'psql COPY … PROGRAM: rm -rf /x'],
    ],
    [
      `sqlcmd -S sql1 -Q "EXEC sp_configure 'xp_cmdshell', 1; RECONFIGURE; EXEC xp_cmdshell 'rmdir /s /q D:\\Backups'"`,
      ['cmd /c: rmdir /s /q D:\\Backups'],
    ],
    [`mysql -h db -e "SELECT sys_exec('rm -rf /var/lib/mysql')"`, ['mysql sys_exec: rm -rf /var/lib/mysql']],
    // fail closed: a command given by a variable
    [
      `sqlcmd -Q "DECLARE @c varchar(99) = 'x'; EXEC xp_cmdshell @c"`,
      ['sqlcmd xp_cmdshell: ?EXEC xp_cmdshell @c'],
    ],
    // nothing run there: stdout, a client-side file, a read
    [`psql -c "COPY orders TO STDOUT WITH CSV"`, []],
    [`psql -c "\\copy orders to 'orders.csv' csv"`, []],
    [`sqlcmd -Q "EXEC sp_configure 'show advanced options'"`, []],
  ])('%s', (script, want) => expect(remote(script)).toEqual(want));
});

/** `containers` (YAML lines of a pod spec's containers) in a Job applied from a heredoc. */
const JOB = (containers: string, apply = 'kubectl apply -f -') =>
  `${apply} <<'EOF'\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n${containers}\nEOF`;

describe('the containers of manifests kubectl applies', () => {
  it.each<[string, string[]]>([
    [
      JOB(
        '      - name: a\n        image: postgres:16\n        command: ["psql", "-c", "DROP SCHEMA public CASCADE"]',
      ),
      ['kubectl apply Job/j: psql -c DROP SCHEMA public CASCADE'],
    ],
    [
      JOB(
        '      - name: a\n        image: busybox\n        command: ["/bin/sh", "-c"]\n        args: ["rm -rf /data/*"]',
      ),
      ['sh -c: rm -rf /data/*'],
    ],
    [
      JOB(
        '      - name: a\n        image: bitnami/kubectl:1.30\n        args: ["delete", "ns", "prod"]',
        'oc -n ops create -f -',
      ),
      ['oc apply Job/j: kubectl delete ns prod'],
    ],
    // Kubernetes fills $(VAR): a shell's script sees its variable, another word is not known
    [
      JOB(
        '      - name: a\n        image: mysql:8\n        command: ["sh", "-c", "mysql -p$(PW) -e \'DROP DATABASE shop\'"]',
      ),
      ['sh -c: ?mysql -p${PW} -e DROP DATABASE shop'],
    ],
    [
      JOB('      - name: a\n        image: busybox\n        command: ["rm", "-rf", "$(DIR)"]'),
      ['kubectl apply Job/j: ?rm -rf $DIR'],
    ],
    [
      `cat > j.yaml <<'EOF'\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: i\n    image: redis:7\n    command: [redis-cli, -h, cache, FLUSHALL]\n  containers:\n  - name: c\n    image: app\nEOF\nkubectl apply -f j.yaml`,
      ['kubectl apply Pod/p: redis-cli -h cache FLUSHALL'],
    ],
    // nothing runs: a dry run, an image's own command, a manifest not readable
    [
      JOB(
        '      - name: a\n        image: busybox\n        command: ["rm", "-rf", "/data"]',
        'kubectl apply --dry-run=client -f -',
      ),
      [],
    ],
    [JOB('      - name: a\n        image: nginx:1.27'), []],
    ['kubectl apply -f missing.yaml', []],
  ])('%s', (script, want) => expect(remote(script)).toEqual(want));
});
