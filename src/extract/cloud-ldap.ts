/**
 * `ldapmodify` / `ldapadd`: what the LDIF they are given (`-f FILE`, or stdin) changes in a
 * directory. A record with `changetype: delete` deletes its entry (`ldapdelete`, which names
 * its entries as arguments, is read by the generic destructive-verb reading). Read into a
 * CloudFact whose verb is `delete` (the entries in `resource`) or, when the LDIF could not
 * be read, `unread` (fail closed: the rules ask, as for SQL that cannot be read). A
 * modification that locks its account out (`nsAccountLock: TRUE`, a `userAccountControl` with
 * the ACCOUNTDISABLE bit, `pwdAccountLockedTime`, `loginDisabled: TRUE`, `shadowExpire` in
 * 1970) is a CloudFact of service `directory-account`, verb `disable`, as dsmod's is
 * (cloud-directory.ts).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import { optionWord } from './help-words.js';

/** Options of ldapmodify/ldapadd that take a value (the LDIF file is `-f`'s). */
const WITH_VALUE = new Set([
  '-D',
  '-w',
  '-H',
  '-h',
  '-p',
  '-b',
  '-y',
  '-e',
  '-E',
  '-o',
  '-O',
  '-R',
  '-U',
  '-X',
  '-Y',
  '-S',
  '-P',
]);

/** The DNs of the LDIF's records that delete their entry. */
export function ldifDeletes(ldif: string): string[] {
  const out: string[] = [];
  // Continuation lines (a leading space) belong to the line before; records end at a blank line.
  const lines = ldif.replace(/\r\n/g, '\n').replace(/\n /g, '').split('\n');
  let dn = '';
  for (const line of lines) {
    if (line.trim() === '') dn = '';
    const m = /^([A-Za-z-]+)::?\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = line.includes('::') ? Buffer.from(m[2], 'base64').toString('utf8') : m[2].trim();
    if (key === 'dn') dn = value;
    else if (key === 'changetype' && value.toLowerCase() === 'delete') out.push(dn);
  }
  return out;
}

/** An attribute value that locks an account out: [attribute, test of its value]. */
const LOCKS: [string, (v: string) => boolean][] = [
  ['nsaccountlock', (v) => /^true$/i.test(v)],
  // ACCOUNTDISABLE is bit 0x2 of userAccountControl
  ['useraccountcontrol', (v) => /^\d+$/.test(v) && (Number(v) & 2) === 2],
  ['pwdaccountlockedtime', () => true],
  ['logindisabled', (v) => /^true$/i.test(v)],
  ['shadowexpire', (v) => /^[01]$/.test(v)],
];

/**
 * The DNs of the LDIF's modifications that lock their account out (records of `changetype:
 * modify`, or without a changetype when `modifies`: ldapmodify's default); a new entry created
 * disabled is not one.
 */
export function ldifDisables(ldif: string, modifies: boolean): string[] {
  const out = new Set<string>();
  const lines = ldif.replace(/\r\n/g, '\n').replace(/\n /g, '').split('\n');
  let dn = '';
  let modify = modifies;
  for (const line of lines) {
    if (line.trim() === '') [dn, modify] = ['', modifies];
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'dn') dn = value;
    else if (key === 'changetype') modify = value.toLowerCase() === 'modify';
    else if (modify && LOCKS.some(([a, locks]) => a === key && locks(value))) out.add(dn);
  }
  return [...out];
}

export function readLdif(cmd: NormalizedCommand, ctx: AnalyzeContext): CloudDraft | undefined {
  if (cmd.program !== 'ldapmodify' && cmd.program !== 'ldapadd') return undefined;
  const args = cmd.argv.slice(1);
  // `-n`: shows what would be done, changes nothing
  if (optionWord(cmd.argv, (w) => w === '--help' || w === '-n')) return undefined;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-f') file = args[++i] ?? '';
    else if (WITH_VALUE.has(args[i])) i++;
  }
  const payload = file !== undefined ? readPayloadFile(file, cmd, ctx) : readStdinDeep(cmd, ctx);
  const base = { tool: cmd.program, service: 'directory', all: false, force: true };
  // fail closed: changes that cannot be read may delete anything
  if (payload.text === undefined) return { ...base, verb: 'unread', resource: file ?? 'stdin' };
  const deletes = ldifDeletes(payload.text);
  if (deletes.length) return { ...base, verb: 'delete', resource: deletes.join('; ') };
  // `ldapmodify -a` adds entries, as ldapadd does
  const disables = ldifDisables(payload.text, cmd.program === 'ldapmodify' && !args.includes('-a'));
  return disables.length
    ? { ...base, service: 'directory-account', verb: 'disable', resource: disables.join('; ') }
    : { ...base, verb: 'modify', resource: '' };
}
