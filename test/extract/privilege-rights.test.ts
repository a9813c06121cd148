/**
 * Access systems told to let anyone through (src/extract/privilege-rights.ts): `verb:
 * evidence` for a command as written (through the normalizer, so stdin and `sudo` arrive as
 * they would), or nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { rightsGrant } from '../../src/extract/privilege-rights.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';

const PLIST = (rule: string) =>
  `<?xml version="1.0"?><plist version="1.0"><dict><key>class</key><string>rule</string><key>rule</key><array><string>${rule}</string></array></dict></plist>`;
const ctx = filesContext({ '/w/open.plist': PLIST('allow'), '/w/admin.plist': PLIST('authenticate-admin') });
const found = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), ctx)
    .commands.map((c) => rightsGrant(c, ctx))
    .filter((f) => f !== undefined)
    .map(([verb, said]) => `${verb}: ${said}`);

describe('access systems that let anyone through', () => {
  it.each<[string, string]>([
    [
      'sudo security authorizationdb write system.privilege.admin allow',
      'grant-admin: authorizationdb system.privilege.admin allow: granted without authentication',
    ],
    [
      'security authorizationdb write system.preferences.network allow',
      'grant-admin: authorizationdb system.preferences.network allow: granted without authentication',
    ],
    [
      'security authorizationdb write system.privilege.admin authenticate-session-owner-or-admin',
      "grant-admin: authorizationdb system.privilege.admin authenticate-session-owner-or-admin: the session's user passes as an administrator",
    ],
    [
      'security authorizationdb write system.privilege.admin < open.plist',
      'grant-admin: authorizationdb system.privilege.admin allow: granted without authentication',
    ],
    [
      'make-rule | security authorizationdb write system.privilege.admin',
      'unread-policy: security authorizationdb write system.privilege.admin (definition not readable)',
    ],
    [
      "boundary roles add-grants -id r_1234567890 -grant 'ids=*;type=*;actions=*'",
      'grant-admin: boundary roles add-grants -grant ids=*;type=*;actions=*: every action on every resource',
    ],
    [
      "boundary roles set-grants -id r_1 -grant 'ids=*;type=role;actions=*'",
      'grant-admin: boundary roles set-grants -grant ids=*;type=role;actions=*: every action on every resource',
    ],
    [
      `boundary roles add-grants -id r_1 -grant '{"ids":["*"],"type":"*","actions":["*"]}'`,
      'grant-admin: boundary roles add-grants -grant {"ids":["*"],"type":"*","actions":["*"]}: every action on every resource',
    ],
    [
      'runas /savecred /user:ACME\\Administrator "cmd /c net localgroup administrators dev /add"',
      'grant-admin: runas /savecred /user:ACMEAdministrator: any program of this user runs as the administrator',
    ],
    [
      "runas.exe /savecred '/user:ACME\\Administrator' cmd",
      'grant-admin: runas /savecred /user:ACME\\Administrator: any program of this user runs as the administrator',
    ],
    [
      'runas /savecred /user:admin@acme.example notepad',
      'grant-admin: runas /savecred /user:admin@acme.example: any program of this user runs as the administrator',
    ],
  ])('%s', (script, want) => expect(found(script)).toEqual([want]));

  it.each<string>([
    'security authorizationdb read system.privilege.admin',
    'security authorizationdb write system.login.screensaver authenticate-session-owner',
    'security authorizationdb write system.privilege.admin authenticate-admin',
    'security authorizationdb write system.privilege.admin < admin.plist',
    'security find-generic-password -s acme-dev',
    "boundary roles add-grants -id r_1 -grant 'ids=*;type=target;actions=authorize-session'",
    "boundary roles add-grants -id r_1 -grant 'ids=ttcp_1234;actions=*'",
    "boundary roles add-grants -id r_1 -grant 'ids=*;type=target;actions=*'",
    'boundary roles read -id r_1',
    'runas /user:ACME\\Administrator cmd',
    'runas /savecred /user:ACME\\builder "msbuild app.sln"',
    'runas /netonly /user:ACME\\dev mmc',
  ])('%s → nothing', (script) => expect(found(script)).toEqual([]));
});
