/**
 * What keeps data recoverable, switched off (src/extract/protection.ts): which words say so,
 * for any program; `verb: evidence` of the first finding, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { extractProtection } from '../../src/extract/protection.js';
import type { Fact } from '../../src/engine/types.js';
import { WS, analyzeContext, command } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/all.json`]: '{"Rules":[{"ID":"a","Status":"Enabled","Filter":{},"Expiration":{"Days":3}}]}',
  [`${WS}/tmp.json`]:
    '{"Rules":[{"ID":"t","Status":"Enabled","Filter":{"Prefix":"tmp/"},"Expiration":{"Days":3}}]}',
  [`${WS}/gcs.json`]: '{"rule":[{"action":{"type":"Delete"},"condition":{"age":1}}]}',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });

const off = (line: string) => {
  const argv = shellParse(line).map((t) => (typeof t === 'string' ? t : ''));
  return (extractProtection(command(argv), ctx, []) as Fact[]).map((f) =>
    f.kind === 'cloud' ? `${f.verb}: ${f.evidence}` : '',
  );
};

describe('protection switched off', () => {
  it.each<[string, string]>([
    [
      'aws rds modify-db-instance --db-instance-identifier p --backup-retention-period 0',
      'remove-protection: aws: --backup-retention-period 0',
    ],
    [
      'aws rds modify-db-cluster --db-cluster-identifier p --backup-retention-period=0',
      'remove-protection: aws: --backup-retention-period 0',
    ],
    [
      'aws rds modify-db-instance --db-instance-identifier p --no-deletion-protection',
      'remove-protection: aws: --no-deletion-protection',
    ],
    [
      'aws dynamodb update-table --table-name T --no-deletion-protection-enabled',
      'remove-protection: aws: --no-deletion-protection-enabled',
    ],
    [
      'gcloud sql instances patch p --deletion-protection=false',
      'remove-protection: gcloud: --deletion-protection false',
    ],
    [
      'gcloud storage buckets update gs://b --clear-soft-delete',
      'remove-protection: gcloud: --clear-soft-delete',
    ],
    [
      'aws s3api put-bucket-versioning --bucket b --versioning-configuration Status=Suspended',
      'remove-protection: aws: Status=Suspended',
    ],
    ['gsutil versioning set off gs://b', 'remove-protection: gsutil: versioning set off'],
    [
      'aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration file://all.json',
      'remove-protection: aws: --lifecycle-configuration (expires everything)',
    ],
    [
      'gsutil lifecycle set --lifecycle file://gcs.json gs://b',
      'remove-protection: gsutil: --lifecycle (expires everything)',
    ],
    [
      `aws backup update-backup-plan --backup-plan-id x --backup-plan '{"Rules":[{"RuleName":"r","Lifecycle":{"DeleteAfterDays":1}}]}'`,
      'remove-protection: aws: --backup-plan (expires everything)',
    ],
    [
      `kubectl patch pv d -p '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}'`,
      'remove-protection: kubectl: {"spec":{"persistentVolumeReclaimPolicy":"Delete"}}',
    ],
    [
      'az sql db str-policy set -g rg -s srv -n orders --retention-days 1',
      'remove-protection: az: --retention-days 1',
    ],
    [
      'Set-AzSqlDatabaseBackupShortTermRetentionPolicy -ServerName s -DatabaseName d -RetentionDays 1',
      'remove-protection: Set-AzSqlDatabaseBackupShortTermRetentionPolicy: -RetentionDays 1',
    ],
    [
      'Set-AzSqlInstanceDatabaseBackupShortTermRetentionPolicy -InstanceName mi -DatabaseName d -RetentionDays:1',
      'remove-protection: Set-AzSqlInstanceDatabaseBackupShortTermRetentionPolicy: -RetentionDays 1',
    ],
    [
      'az sql db ltr-policy set -g rg -s srv -n orders --weekly-retention P0W',
      'remove-protection: az: --weekly-retention P0W',
    ],
    [
      'az storage account blob-service-properties update --account-name backups --enable-delete-retention false --enable-versioning false',
      'remove-protection: az: --enable-delete-retention false',
    ],
    [
      'az storage account blob-service-properties update -n backups --enable-container-delete-retention=false',
      'remove-protection: az: --enable-container-delete-retention false',
    ],
    [
      'az storage account blob-service-properties update -n backups --enable-versioning false',
      'remove-protection: az: --enable-versioning false',
    ],
    [
      'az storage account file-service-properties update --account-name backups --enable-delete-retention false',
      'remove-protection: az: --enable-delete-retention false',
    ],
    [
      'az backup vault backup-properties set -g rg -n vault1 --soft-delete-feature-state Disable',
      'remove-protection: az: --soft-delete-feature-state Disable',
    ],
    // fail closed: a lifecycle document that cannot be read
    [
      'aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration file://gone.json',
      'unread-policy: aws: --lifecycle-configuration file://gone.json',
    ],
  ])('%s', (line, want) => expect(off(line)).toEqual([want]));

  it.each<[string]>([
    ['aws rds modify-db-instance --db-instance-identifier p --backup-retention-period 14'],
    ['aws rds modify-db-instance --db-instance-identifier p --deletion-protection'],
    ['az sql db str-policy set -g rg -s srv -n orders --retention-days 35'],
    ['Set-AzSqlDatabaseBackupShortTermRetentionPolicy -ServerName s -DatabaseName d -RetentionDays 14'],
    ['Set-AzSqlDatabaseBackupShortTermRetentionPolicy -ServerName s -DatabaseName d -RetentionDays:14'],
    ['az sql db ltr-policy set -g rg -s srv -n orders --weekly-retention P12W'],
    ['az backup policy set --retention-count 1 --policy p'],
    ['aws s3api put-bucket-versioning --bucket b --versioning-configuration Status=Enabled'],
    ['aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration file://tmp.json'],
    [`kubectl patch pv d -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`],
    ['gcloud storage buckets update gs://b --versioning'],
    ['aws rds modify-db-instance --db-instance-identifier p --backup-retention-period 0 --dry-run'],
    ['grep -rn no-deletion-protection infra/'],
    ['az storage account blob-service-properties show --account-name backups'],
    [
      'az storage account blob-service-properties update -n backups --enable-delete-retention true --delete-retention-days 30',
    ],
    ['az storage account blob-service-properties update -n backups --enable-versioning true'],
    ['az backup vault backup-properties set -g rg -n vault1 --soft-delete-feature-state Enable'],
  ])('%s switches nothing off', (line) => expect(off(line)).toEqual([]));
});
