import { describe, expect, it } from 'vitest';
import { printedCredential } from '../../src/extract/credential-printers.js';

describe('printedCredential', () => {
  it.each<[string, string]>([
    ['gh auth token', 'gh auth token'],
    ['/usr/bin/gh auth token --hostname github.com', 'gh auth token'],
    ['gcloud auth print-access-token', 'gcloud auth print-access-token'],
    [
      'gcloud auth application-default print-access-token',
      'gcloud auth application-default print-access-token',
    ],
    ['az account get-access-token --resource https://management.azure.com', 'az account get-access-token'],
    ['aws ecr get-login-password --region eu-west-1', 'aws ecr get-login-password'],
    ['heroku auth:token', 'heroku auth:token'],
    ['vault kv get -field=password secret/prod/db', 'vault kv get'],
    ['op read op://vault/db/password', 'op read'],
    ['pass show work/db', 'pass show'],
    ['kubectl config view --raw', 'kubectl config view'],
    ['gpg --export-secret-keys -a', 'gpg'],
    // reads that print no credential
    ['gh auth status', ''],
    ['gcloud auth list', ''],
    ['kubectl config view', ''],
    ['gpg --export -a dev@example.com', ''],
    ['vault kv list secret/', ''],
    ['pass ls', ''],
  ])('%s → %s', (line, want) => expect(printedCredential(line.split(' '))).toBe(want));
});
