/**
 * Access systems told to let anyone (or anything) through: a macOS authorization right set to
 * `allow` (`security authorizationdb write system.privilege.admin allow`: every process gets
 * admin rights without a password) or an admin right left to the session's own user; a
 * HashiCorp Boundary role granted every action on every resource (`boundary roles add-grants
 * -grant 'ids=*;type=*;actions=*'`); an administrator's password saved for `runas /savecred`
 * (any program this user starts later runs as that administrator, without asking). Read from
 * the command's words, and the right's definition `security authorizationdb write RIGHT` reads
 * from stdin; each finding is [verb, the words that say so].
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readStdinDeep } from './sql-clients.js';
import type { Finding } from './word-facts.js';

/** Rules that let the session's own user (not an administrator) through. */
const SESSION_OWNER = /^(authenticate-session-owner(-or-admin)?|is-session-owner|authenticate-session-user)$/;
/** Rights that make a process an administrator. */
const ADMIN_RIGHT = /^system\.privilege\.|^system\.preferences$|^com\.apple\..*admin/i;

/** The rule a right's plist definition names (`<key>rule</key>…<string>allow</string>`, or class allow); '' = none. */
function plistRule(text: string): string {
  const cls = /<key>class<\/key>\s*<string>([^<]+)<\/string>/.exec(text)?.[1];
  const rule = /<key>rule<\/key>\s*(?:<array>\s*)?<string>([^<]+)<\/string>/.exec(text)?.[1];
  return cls === 'allow' ? 'allow' : (rule ?? '');
}

/** `security authorizationdb write RIGHT [RULE]`: what the right is set to, as a finding; undefined = harmless. */
function authorizationdb(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding | undefined {
  const a = cmd.argv;
  if (a[1] !== 'authorizationdb' || a[2] !== 'write' || !a[3]) return undefined;
  const right = a[3];
  let rule = a[4];
  if (rule === undefined) {
    const text = readStdinDeep(cmd, ctx).text;
    // fail closed: a definition read from input that cannot be read may allow anyone
    if (text === undefined)
      return ['unread-policy', `security authorizationdb write ${right} (definition not readable)`];
    rule = plistRule(text);
  }
  if (rule === 'allow')
    return ['grant-admin', `authorizationdb ${right} allow: granted without authentication`];
  if (SESSION_OWNER.test(rule) && ADMIN_RIGHT.test(right))
    return ['grant-admin', `authorizationdb ${right} ${rule}: the session's user passes as an administrator`];
  return undefined;
}

/**
 * A Boundary grant giving every action on every id, of every type or of a type that
 * administers access (roles, users, groups, scopes, auth methods): text form
 * (`ids=*;type=*;actions=*`) or JSON (`{"ids":["*"],"type":"*","actions":["*"]}`).
 */
function allGrant(grant: string): boolean {
  const fields = new Map<string, string[]>();
  const json = /^\s*\{/.test(grant);
  for (const m of grant.matchAll(json ? /"(\w+)"\s*:\s*(\[[^\]]*\]|"[^"]*")/g : /(\w+)=([^;]*)/g))
    fields.set(
      m[1].toLowerCase(),
      m[2].split(',').map((v) => v.replace(/[[\]"\s]/g, '')),
    );
  const ids = [...(fields.get('ids') ?? []), ...(fields.get('id') ?? [])];
  const type = fields.get('type')?.[0] ?? '*';
  return (
    ids.includes('*') &&
    (fields.get('actions') ?? []).includes('*') &&
    /^(\*|role|user|group|scope|auth-method|account|managed-group)$/.test(type)
  );
}

/** `boundary roles add-grants|set-grants -grant G…`: a grant of everything, as a finding. */
function boundaryGrant(cmd: NormalizedCommand): Finding | undefined {
  const a = cmd.argv;
  if (a[1] !== 'roles' || !/^(add|set)-grants$/.test(a[2] ?? '')) return undefined;
  const grants = a.flatMap((w, i) =>
    /^--?grants?$/.test(w) ? [a[i + 1] ?? ''] : /^--?grants?=/.test(w) ? [w.replace(/^[^=]*=/, '')] : [],
  );
  const all = grants.find(allGrant);
  return all
    ? ['grant-admin', `boundary roles ${a[2]} -grant ${all}: every action on every resource`]
    : undefined;
}

/**
 * An account that administers the machine or the domain: `Administrator` with or without its
 * domain (`ACME\Administrator`, which an unquoted shell word reads as `ACMEAdministrator`,
 * `Administrator@acme.example`), or `admin`.
 */
const ADMIN_ACCOUNT = /administrator(@[\w.-]+)?$|^([\w.-]*[\\/])?admin(@[\w.-]+)?$/i;

/** `runas /savecred /user:ADMIN …`: the administrator's password saved for this user's programs. */
function runasSaved(cmd: NormalizedCommand): Finding | undefined {
  const a = cmd.argv.slice(1).map((w) => w.toLowerCase());
  if (!a.includes('/savecred')) return undefined;
  const user = cmd.argv.find((w) => /^\/user:/i.test(w))?.slice(6) ?? '';
  return ADMIN_ACCOUNT.test(user)
    ? ['grant-admin', `runas /savecred /user:${user}: any program of this user runs as the administrator`]
    : undefined;
}

/** What access system `cmd` opens (see the header), as a finding; undefined = none. */
export function rightsGrant(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding | undefined {
  const name = cmd.program.toLowerCase();
  if (name === 'security') return authorizationdb(cmd, ctx);
  if (name === 'boundary') return boundaryGrant(cmd);
  return name === 'runas' ? runasSaved(cmd) : undefined;
}
