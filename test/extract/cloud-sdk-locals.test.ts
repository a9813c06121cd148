/**
 * The modules the generic SDK reader leaves to others (src/extract/cloud-sdk-locals.ts): by
 * the root of the name an import gives, Python's and Node's, scoped or not, and relative ones.
 */
import { describe, expect, it } from 'vitest';
import { isLocalModule } from '../../src/extract/cloud-sdk-locals.js';

describe('modules whose objects are this program’s or another reader’s', () => {
  it.each<[string, boolean]>([
    ['os.path', true],
    ['tempfile', true],
    ['node:fs', true],
    ['fs/promises', true],
    ['lodash/fp', true],
    ['@prisma/client', true],
    ['sqlalchemy.orm', true],
    ['requests', true],
    ['.models', true],
    ['./lib/client', true],
    // third-party clients of a remote service, and Python's remote-protocol modules
    ['smartsheet', false],
    ['s3fs', false],
    ['fsspec.implementations.local', false],
    ['@mistralai/mistralai', false],
    ['huggingface_hub', false],
    ['ftplib', false],
    ['xmlrpc.client', false],
  ])('%s → %s', (module, local) => {
    expect(isLocalModule(module)).toBe(local);
  });
});
