/**
 * Deleting through the trash (src/normalize/trash.ts): what this script trashed is deleted for
 * good when the trash is emptied, read through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('trash, then emptied', () => {
  it.each<[string, string]>([
    ['trash-put ~/work/acme-monorepo ~/.ssh && trash-empty -f', 'deny'],
    ['trash-put ~/projects/acme-api && trash-empty', 'ask'],
    ['gio trash ~/.ssh ~/.gnupg; gio trash --empty', 'deny'],
    ['trash ~/.aws && trash-empty -f', 'deny'],
    ['gtrash put -- /srv/www && sudo trash-empty', 'deny'],
    ['trash-put ~/.ssh && trash-rm .ssh', 'deny'],
    ["ssh app01.prod.example.com 'trash-put /srv/app && trash-empty'", 'deny'],
    // the user's own trash (no item trashed here matches)
    ['trash-empty', 'ask'],
    ['trash-put ~/.ssh && trash-rm "*.log"', 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    'trash-put build/ dist/',
    'trash-list',
    'trash-put ~/.cache/pip',
    // the workspace's own folders, emptied
    'trash-put build node_modules && trash-empty',
    // only items older than 30 days go
    'trash-put ~/.ssh && trash-empty 30',
    'trash-empty --dry-run',
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
