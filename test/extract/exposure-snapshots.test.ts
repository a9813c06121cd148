/**
 * Snapshots, images and database snapshots shared with everyone (src/extract/exposure-snapshots.ts)
 * ask; sharing with an account, removing `all` and reading the attribute do not. Exposure pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('exposure');

describe('snapshots and images made public', () => {
  it.each([
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --attribute createVolumePermission --operation-type add --group-names all',
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --create-volume-permission Add=[{Group=all}]',
    'aws ec2 modify-image-attribute --image-id ami-1 --launch-permission "Add=[{Group=all}]"',
    `aws ec2 modify-image-attribute --image-id ami-1 --launch-permission '{"Add":[{"Group":"all"}]}'`,
    'aws ec2 modify-image-attribute --image-id ami-1 --attribute launchPermission --operation-type add --user-groups all',
    'aws ec2 modify-fpga-image-attribute --fpga-image-id afi-1 --load-permission Add=[{Group=all}]',
    'aws rds modify-db-snapshot-attribute --db-snapshot-identifier s --attribute-name restore --values-to-add all',
    `aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier c --attribute-name restore --values-to-add '["all"]'`,
    'aws ec2 disable-snapshot-block-public-access',
    'aws ec2 disable-image-block-public-access --region eu-west-1',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe('ask exposure/make-public');
  });

  it.each([
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --attribute createVolumePermission --operation-type remove --group-names all',
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --attribute createVolumePermission --operation-type add --user-ids 123456789012',
    "aws ec2 modify-image-attribute --image-id ami-1 --launch-permission 'Add=[{UserId=123456789012}]'",
    "aws ec2 modify-image-attribute --image-id ami-1 --launch-permission 'Remove=[{Group=all}]'",
    'aws rds modify-db-snapshot-attribute --db-snapshot-identifier s --attribute-name restore --values-to-add 123456789012',
    'aws rds modify-db-snapshot-attribute --db-snapshot-identifier s --attribute-name restore --values-to-remove all',
    'aws ec2 describe-snapshot-attribute --snapshot-id snap-1 --attribute createVolumePermission',
    'aws ec2 enable-snapshot-block-public-access --state block-all-sharing',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
