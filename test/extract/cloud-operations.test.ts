import { describe, expect, it } from 'vitest';
import { destroyingOperation } from '../../src/extract/cloud-operations.js';

describe('API operation names whose leading verb destroys', () => {
  it.each<[string, string | undefined]>([
    ['DeleteDBInstance', 'delete-db-instance'],
    ['TerminateInstances', 'terminate-instances'],
    ['deleteSite', 'delete-site'],
    ['ReleaseEipAddresses', 'release-eip-addresses'],
    ['PurgeQueue', 'purge-queue'],
    ['DestroyCluster', 'destroy-cluster'],
    ['DeregisterTaskDefinition', 'deregister-task-definition'],
    ['DeleteDBInstanceV2', 'delete-db-instance-v2'],
    // reads, other verbs, a bare verb, other spellings: not an operation that destroys
    ['DescribeInstances', undefined],
    ['listSites', undefined],
    ['getSite', undefined],
    ['ModifyDBInstanceDeletionProtection', undefined],
    ['CreateSnapshot', undefined],
    ['Delete', undefined],
    ['delete', undefined],
    ['delete-site', undefined],
    ['Deleted', undefined],
    ['DELETEALL', undefined],
    ['delete_site', undefined],
  ])('%s → %s', (word, want) => expect(destroyingOperation(word)).toBe(want));
});
