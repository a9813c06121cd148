/**
 * Backups deleted through a backup server's or a database's own command line
 * (src/extract/cloud-backup-servers.ts): IBM Storage Protect's `dsmadmc` and `dsmc`, Db2's
 * `PRUNE HISTORY … AND DELETE` and `PRUNE LOGFILE`, given as words, in a macro or a script.
 * Through the real pipeline with the protection pack only; queries, backups and history
 * listings stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('protection');
const ASK = 'ask protection/backups-deleted';

describe('backup servers and database logs', () => {
  it.each([
    // the admin command quoted or not, any case, abbreviated as the server allows
    'dsmadmc -id=admin -password="$SP_ADMIN_PASSWORD" -dataonly=yes "delete filespace DBPROD01 * type=any wait=yes"',
    'dsmadmc -se=tsmprod -id=admin -pa="$SP_PW" "del filespace FILESRV01 /home nametype=unicode"',
    'dsmadmc -id=admin -pa="$SP_PW" -noconfirm DELETE FILESPACE NODE7 *',
    'dsmadmc -id=admin -pa="$SP_PW" "delete volume /tsm/stg/vol0042.bfs discarddata=yes"',
    'dsmadmc -id=admin -pa="$SP_PW" "delete volhistory type=dbbackup todate=today"',
    'dsmadmc -id=admin -pa="$SP_PW" "delete backupset NODE7 weekly.*"',
    'dsmadmc -id=admin -pa="$SP_PW" "delete schedule standard nightly"',
    'sudo dsmc delete backup "/data/projects/*" -subdir=yes -deltype=all -noprompt',
    'dsmc delete archive "/exports/2023/*" -noprompt',
    'dsmc expire /data/projects/old.tar',
    // a macro the script wrote, and one that cannot be read (fail closed)
    'cat > /tmp/cleanup.mac <<\'EOF\'\n/* weekly */\ndelete filespace NODE7 * -\n  type=any\nEOF\ndsmadmc -id=admin -pa="$SP_PW" macro /tmp/cleanup.mac',
    'dsmadmc -id=admin -pa="$SP_PW" macro /srv/tsm/missing.mac',
    // Db2: the CLP's words quoted as one or written apart
    'db2 connect to SALES && db2 "PRUNE HISTORY 20991231235959 WITH FORCE OPTION AND DELETE"',
    'db2 -v prune history 20240101 and delete',
    'db2 prune logfile prior to S0004711.LOG',
    "cat > /tmp/prune.sql <<'EOF'\nCONNECT TO SALES;\nPRUNE HISTORY 20240101 WITH FORCE OPTION AND DELETE;\nEOF\ndb2 -tvf /tmp/prune.sql",
    // other backup servers' own deletes
    'urbackupsrv cleanup --amount 100%',
    'sudo urbackupsrv cleanup -a 20G',
    'urbackupsrv remove-unknown',
    'sudo -u backuppc /usr/share/backuppc/bin/BackupPC_delete -h web1 -n 12',
    'amrmtape DailySet1 DailySet1-05',
    'burp -a D -b all -c /etc/burp/burp.conf',
    'burp -c /etc/burp/burp.conf -a D -b 12',
    'burp -aD -b 3',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe(ASK);
  });

  it.each([
    'dsmadmc -id=admin -pa="$SP_PW" -dataonly=yes "query filespace DBPROD01"',
    'dsmadmc -id=admin -pa="$SP_PW" "q volume stgpool=diskpool"',
    'dsmadmc -id=admin -pa="$SP_PW" "delete volume VOL0042"',
    'dsmadmc -id=admin -pa="$SP_PW" "define schedule standard nightly action=incremental"',
    'dsmc query backup "/data/projects/*" -subdir=yes',
    'dsmc incremental /data -subdir=yes',
    'db2 "PRUNE HISTORY 20200101"',
    'db2 "BACKUP DATABASE SALES ONLINE TO /backup COMPRESS INCLUDE LOGS"',
    'db2 list history backup all for SALES',
    'cat > /tmp/report.mac <<\'EOF\'\nquery filespace NODE7\nEOF\ndsmadmc -id=admin -pa="$SP_PW" macro /tmp/report.mac',
    "cat > /tmp/report.sql <<'EOF'\nCONNECT TO SALES;\nSELECT COUNT(*) FROM syscat.tables;\nEOF\ndb2 -tvf /tmp/report.sql",
    'urbackupsrv --help',
    'urbackupsrv cleanup --help',
    'urbackupsrv run --config /etc/default/urbackupsrv',
    'BackupPC_delete',
    'amrmtape -n DailySet1 DailySet1-05',
    'burp -a l -b all',
    'burp -a b',
    'burp -a r -b 12 -d /tmp/restore',
    'burp -a d -b 3',
  ])('%s stays allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
