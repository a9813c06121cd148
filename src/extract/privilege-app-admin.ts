/**
 * An application's own account made an administrator: the superuser, staff or admin flag (or an
 * admin role) set on a user row, by SQL or from code a framework's shell runs.
 * - SQL: `UPDATE auth_user SET is_superuser = true … WHERE …`, `UPDATE users SET role = 'admin'`
 *   (appAdminSet: read as a GRANT of object ADMIN, the rows it changes as who gets it).
 * - ORM code (`manage.py shell -c`, `rails runner`, `artisan tinker`, an interpreter's code):
 *   the flag set in a write call (`.update(is_superuser=True)`, `update!(admin: true)`,
 *   `->update(['is_admin' => true])`, `update_attribute(:admin, true)`), assigned
 *   (`u.is_superuser = True`), a superuser created (`create_superuser(…)`), or an admin role
 *   given (`add_role(:admin)`, `assignRole('super-admin')`). A filter on the flag
 *   (`filter(is_superuser=True)`, `where(admin: true)`) is a read; setting it false takes power away.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { ormCode } from './sql-orm.js';
import type { SqlStmt } from './sql-statements.js';
import { isWord, type SqlToken } from './sql-tokenize.js';
import type { Finding } from './word-facts.js';

/** Columns and attributes that make an account an administrator when true. */
const ADMIN_FLAG = /^(?:is_?)?(?:superuser|super_?admin|admin|administrator|staff|site_?admin|root)$/i;
/** Columns and attributes naming an account's role. */
const ROLE_FIELD = /^(?:role|roles|user_?role|user_?type|access_?level|account_?type)$/i;
/** Role names that administer the application. */
const ADMIN_ROLE = /^(?:admin|administrator|superuser|super[-_ ]?admin|owner|root)$/i;
/** SQL's and code's spellings of true. */
const TRUE = /^(?:true|t|1|y|yes|on)$/i;

/** The admin grant an SQL statement's tokens make; undefined = none. */
export function appAdminSet(tokens: SqlToken[]): SqlStmt | undefined {
  if (!isWord(tokens[0], 'UPDATE')) return undefined;
  const set = tokens.findIndex((t) => t.depth === 0 && isWord(t, 'SET'));
  if (set < 0) return undefined;
  const end = tokens.findIndex((t, i) => i > set && t.depth === 0 && isWord(t, 'WHERE', 'FROM', 'RETURNING'));
  const body = tokens.slice(set + 1, end < 0 ? tokens.length : end);
  for (let i = 0; i + 2 < body.length; i++) {
    if (body[i + 1].text !== '=' || !(body[i].type === 'word' || body[i].type === 'ident')) continue;
    const column = body[i].raw.replace(/^.*\./, '');
    const value = body[i + 2].raw;
    const flag = ADMIN_FLAG.test(column) && TRUE.test(value);
    const role = ROLE_FIELD.test(column) && body[i + 2].type === 'string' && ADMIN_ROLE.test(value);
    if (!flag && !role) continue;
    const table = tokens[1]?.raw ?? '';
    const where =
      end < 0
        ? 'every row'
        : tokens
            .slice(end + 1)
            .map((t) => (t.type === 'string' ? `'${t.raw}'` : t.raw))
            .join(' ');
    return { statement: 'GRANT', object: 'ADMIN', name: `${table}.${column} of ${where}`, where: true };
  }
  return undefined;
}

/** Write calls whose arguments set attributes (Django, Rails, Laravel, Eloquent, SQLAlchemy). */
const WRITE_CALL =
  /\b(?:update|update!|update_all|update_attributes!?|update_columns|assign_attributes|forceFill|fill|create|create!|create_user|get_or_create|update_or_create|updateOrCreate|firstOrCreate|updateOrInsert|updateMany|upsert|insert|values)\s*\(/g;
/** A flag set to true in keyword, hash or array syntax (`is_superuser=True`, `admin: true`, `'is_admin' => 1`). */
const FLAG_TRUE =
  /["':]?\b((?:is_?)?(?:superuser|super_?admin|admin|administrator|staff|site_?admin))\b["']?\s*(?:=(?!=)|:|=>)\s*(?:true|1)\b/i;
/** A role field set to an admin role. */
const ROLE_ADMIN =
  /["':]?\b(?:role|user_?role|user_?type|access_?level)\b["']?\s*(?:=(?!=)|:|=>)\s*:?["']?(?:admin|administrator|superuser|super[-_ ]?admin|owner)\b/;
/** Other ways code makes an admin: attribute assignment, a single-attribute write, a superuser created, a role given. */
const OTHER = [
  /\.\s*(?:is_?)?(?:superuser|super_?admin|admin|administrator|staff|site_?admin)\s*=(?!=)\s*(?:true|1)\b/i,
  /\bupdate_(?:attribute|column)\s*\(?\s*[:'"]?(?:is_?)?(?:superuser|super_?admin|admin|site_?admin)['"]?\s*,\s*(?:true|1)\b/,
  /\b(?:create_superuser|createsuperuser)\s*\(/,
  /\b(?:add_role|assignRole|assign_role|syncRoles|grant_role)\s*\(?\s*:?["']?(?:admin|administrator|superuser|super[-_ ]?admin|owner)\b/i,
];

/** The argument text of the call whose `(` is at `open` (balanced parentheses). */
function callText(code: string, open: number): string {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return code.slice(open + 1, i);
  }
  return code.slice(open + 1);
}

/** The admin grant ORM code `cmd` runs makes, as a finding; undefined = none. */
export function appAdminGrant(cmd: NormalizedCommand): Finding | undefined {
  const found = ormCode(cmd);
  if (!found) return undefined;
  const { code } = found;
  for (const m of code.matchAll(WRITE_CALL)) {
    // the rows a write selects (`where: { isAdmin: true }`, `filter(is_staff=True)`) are no grant
    const args = callText(code, m.index + m[0].length - 1).replace(/\bwhere\s*:\s*\{[^{}]*\}/g, '');
    const hit = FLAG_TRUE.exec(args) ?? ROLE_ADMIN.exec(args);
    if (hit) return ['grant-admin', `${m[0]}${hit[0]}): an application account made an administrator`];
  }
  for (const re of OTHER) {
    const hit = re.exec(code);
    if (hit) return ['grant-admin', `${hit[0]}: an application account made an administrator`];
  }
  return undefined;
}
