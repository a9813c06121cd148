/** Buckets of S3-compatible stores served to anyone by their own CLIs (src/extract/exposure-stores.ts). */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const exposure = await packVerdict('exposure');

describe('a bucket served to anyone asks; other bucket commands do not', () => {
  it.each([
    ['garage bucket website --allow customer-uploads', 'ask exposure/make-public'],
    ['garage bucket website customer-uploads --allow', 'ask exposure/make-public'],
    ['npx wrangler r2 bucket dev-url enable user-uploads', 'ask exposure/make-public'],
    [
      'wrangler r2 bucket domain add user-uploads --domain files.acme.io --zone-id z1',
      'ask exposure/make-public',
    ],
    ['ossutil set-acl oss://acme-exports public-read -b', 'ask exposure/make-public'],
    ['obsutil chattri obs://acme-exports -acl=public-read', 'ask exposure/make-public'],
    ['garage bucket website --deny old-site', 'allow'],
    ['garage bucket info customer-uploads', 'allow'],
    ['garage bucket allow --read --write customer-uploads --key app-key', 'allow'],
    ['wrangler r2 bucket dev-url disable user-uploads', 'allow'],
    ['wrangler r2 bucket list', 'allow'],
    ['ossutil set-acl oss://acme-exports private -b', 'allow'],
  ])('%s → %s', (script, want) => expect(exposure(script)).toBe(want));
});
