/**
 * NetBackup's administration commands (src/extract/cloud-backups-netbackup.ts), by name or by
 * their installed path, through the real pipeline with the protection pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('protection');
const ASK = 'ask protection/backups-deleted';
const ADMIN = '/usr/openv/netbackup/bin/admincmd';

describe('NetBackup images expired or deleted, policies and jobs stopped', () => {
  it.each([
    `${ADMIN}/bpplinfo ORACLE_PROD -modify -inactive`,
    'bpplinfo SQL_DAILY -set -inactive -pt MS-SQL-Server',
    `sudo ${ADMIN}/bpexpdate -backupid web01_1714521600 -d 0 -force`,
    'bpexpdate -m PRD001 -d 0 -host nbu-media01 -force',
    'bpexpdate -policy ORACLE_PROD -client db01 -d 0',
    `${ADMIN}/bpimage -delete -backupid web01_1714521600`,
    'nbdelete -allvolumes -force',
    `${ADMIN}/bppldelete ORACLE_PROD`,
    'bpplsched ORACLE_PROD -delete full_weekly',
    'bpplsched ORACLE_PROD -deleteall',
    'bpplclients ORACLE_PROD -delete db01 linux RedHat',
    'nbstl SLP_PROD -delete',
    'bpdbjobs -cancel 48213',
    'bpdbjobs -cancel_all',
  ])('%s', async (cmd) => expect(await verdict(cmd)).toBe(ASK));

  it.each([
    'bpplinfo ORACLE_PROD -L',
    `${ADMIN}/bpplinfo ORACLE_PROD -modify -active`,
    'bpexpdate -m PRD001 -d 12/31/2027',
    'bpexpdate -backupid web01_1714521600 -d infinity',
    'bpexpdate -deassignempty -force',
    `${ADMIN}/bpimagelist -backupid web01_1714521600`,
    'bpimage -help',
    'bpplsched ORACLE_PROD -L',
    'bpdbjobs -summary',
    'nbstl -L',
  ])('%s stays allowed', async (cmd) => expect(await verdict(cmd)).toBe('allow'));
});
