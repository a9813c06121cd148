/** Cloud instance-metadata credential endpoints (src/normalize/metadata-credentials.ts). */
import { describe, expect, it } from 'vitest';
import {
  fetchesMetadataCredential,
  isMetadataCredentialUrl,
} from '../../src/normalize/metadata-credentials.js';

describe('isMetadataCredentialUrl', () => {
  it.each<[string, boolean]>([
    // AWS IMDS role credentials, also over IPv6, a role named at run time, an alias host
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role', true],
    ['http://[fd00:ec2::254]/latest/meta-data/iam/security-credentials/web', true],
    ['169.254.169.254/latest/meta-data/iam/security-credentials/$ROLE', true],
    ['http://instance-data/latest/meta-data/iam/security-credentials/r', true],
    [
      'http://169.254.169.254/latest/meta-data/identity-credentials/ec2/security-credentials/ec2-instance',
      true,
    ],
    // Alibaba, Tencent
    ['http://100.100.100.200/latest/meta-data/ram/security-credentials/EcsRole', true],
    ['http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/r', true],
    // ECS task role, EKS pod identity
    ['169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', true],
    ['"${AWS_CONTAINER_CREDENTIALS_FULL_URI}"', true],
    ['http://169.254.170.23/v1/credentials', true],
    ['http://169.254.170.2/v2/credentials/0f1e2d3c', true],
    // GCP: tokens, the legacy acquire, GKE's kube-env
    ['http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token', true],
    [
      'http://metadata/computeMetadata/v1/instance/service-accounts/ci@p.iam.gserviceaccount.com/identity?audience=x',
      true,
    ],
    ['http://metadata.google.internal/0.1/meta-data/service-accounts/default/acquire', true],
    ['http://metadata.google.internal/computeMetadata/v1/instance/attributes/kube-env', true],
    // Azure managed identity, App Service
    [
      'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net',
      true,
    ],
    ['$IDENTITY_ENDPOINT?resource=https://vault.azure.net&api-version=2019-08-01', true],
    // Oracle instance principal key, user data on a metadata host
    ['http://169.254.169.254/opc/v2/identity/key.pem', true],
    ['http://169.254.169.254/latest/user-data', true],
    ['http://169.254.169.254/metadata/v1/user-data', true],
    // not credentials: the role's name, instance facts, the IMDSv2 session token, ECS task metadata
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', false],
    ['http://169.254.169.254/latest/meta-data/instance-id', false],
    ['http://169.254.169.254/latest/meta-data/placement/region', false],
    ['http://169.254.169.254/latest/api/token', false],
    ['http://169.254.169.254/latest/meta-data/iam/info', false],
    ['http://metadata.google.internal/computeMetadata/v1/project/project-id', false],
    ['http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/email', false],
    ['http://169.254.169.254/metadata/instance/compute/location?api-version=2021-02-01', false],
    ['$ECS_CONTAINER_METADATA_URI_V4/task', false],
    ['https://docs.example.com/user-data', false],
  ])('%s → %s', (url, want) => expect(isMetadataCredentialUrl(url)).toBe(want));
});

describe('fetchesMetadataCredential', () => {
  const url = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/r';
  it.each<[string[], boolean]>([
    [['curl', '-s', url], true],
    [['/usr/bin/curl', '-H', 'X-aws-ec2-metadata-token: $T', url], true],
    [['wget', '-qO-', url], true],
    [['http', '--body', 'GET', url], true],
    [['xh', url], true],
    // the URL only printed or stored, not fetched
    [['echo', url], false],
    [['printf', '%s\n', url], false],
    [['curl', '-s', 'http://169.254.169.254/latest/meta-data/instance-id'], false],
  ])('%j → %s', (argv, want) => expect(fetchesMetadataCredential(argv)).toBe(want));
});
