/**
 * Firebase security rules deployed open to anyone (src/extract/exposure-firebase.ts), read
 * through the normalizer so rules the script wrote arrive as they would.
 */
import { describe, expect, it } from 'vitest';
import { openFirebaseRules } from '../../src/extract/exposure-firebase.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const LOCKED = `service cloud.firestore {\n  match /databases/{db}/documents {\n    match /users/{uid} {\n      allow read, write: if request.auth != null && request.auth.uid == uid;\n    }\n  }\n}\n`;
const ctx = filesContext({
  '/w/firestore.rules': LOCKED,
  '/w/storage.rules': `service firebase.storage {\n  match /b/{bucket}/o {\n    match /{all=**} { allow read, write; }\n  }\n}\n`,
  '/w/database.rules.json': '{"rules": {".read": "auth != null", ".write": "auth != null"}}',
  '/w/app/firebase.json': '{"firestore": {"rules": "rules/fs.rules"}, "hosting": {"public": "dist"}}',
  '/w/app/rules/fs.rules':
    'service cloud.firestore { match /{document=**} { allow read, write: if request.time < timestamp.date(2030, 1, 1); } }',
});
const found = (script: string) =>
  normalizeIn(ctx, script).commands.flatMap((c) =>
    openFirebaseRules(c, ctx).map(([k, said]) => `${k}: ${said}`),
  );

describe('Firebase rules deployed open to anyone', () => {
  it.each<[string, string[]]>([
    [
      `printf 'service cloud.firestore {\\n match /{document=**} {\\n  allow read, write: if true;\\n }\\n}\\n' > firestore.rules && firebase deploy --only firestore:rules --project acme-prod`,
      ['security-rules: firebase deploy firestore rules firestore.rules: open to anyone'],
    ],
    [
      'firebase deploy --only storage',
      ['security-rules: firebase deploy storage rules storage.rules: open to anyone'],
    ],
    [
      `echo '{"rules": {".read": true, ".write": true}}' > database.rules.json && firebase deploy --only database`,
      ['security-rules: firebase deploy database rules database.rules.json: open to anyone'],
    ],
    // test mode: open until a date; firebase.json names the file
    [
      'cd app && firebase deploy --only firestore',
      ['security-rules: firebase deploy firestore rules rules/fs.rules: open to anyone'],
    ],
    ['npx firebase-tools deploy --only=firestore:rules', []],
    // fail closed: a rules file named that cannot be read
    [
      'cd /tmp && firebase deploy --only firestore:rules',
      ['unread-policy: firebase deploy firestore rules firestore.rules: not readable'],
    ],
  ])('%s', (script, want) => expect(found(script)).toEqual(want));

  it.each<string>([
    'firebase deploy --only hosting',
    'firebase deploy --only functions:api',
    'firebase deploy --only firestore:indexes',
    'firebase deploy --only database',
    'cd app && firebase deploy --only hosting',
    'firebase emulators:start --only firestore',
    'cd /tmp && firebase deploy',
  ])('%s → nothing', (script) => expect(found(script)).toEqual([]));
});
