/**
 * Hasura's metadata cleared (src/extract/cloud-hasura.ts) asks; exporting, diffing, applying
 * and help do not. SaaS pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('saas');

describe('hasura metadata cleared', () => {
  it.each([
    'hasura metadata clear --endpoint https://hasura.example.com --admin-secret FAKE-admin-secret-000',
    'hasura --endpoint https://hasura.example.com metadata reset',
    'hasura-cli metadata clear',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe('ask saas/api-metadata-cleared');
  });

  it.each([
    'hasura metadata export --endpoint https://hasura.example.com',
    'hasura metadata diff',
    'hasura metadata apply',
    'hasura metadata reload',
    'hasura metadata clear --help',
    'hasura migrate status',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
