/**
 * Admin consoles that read their commands as text, from stdin (a heredoc, a here-string, a
 * pipe from echo/printf/cat, `< file`) or from a script file named on the command line:
 * - `nsupdate` / `knsupdate` (DNS dynamic updates): `update delete NAME [TYPE]`, `del NAME`
 *   delete records of a live zone;
 * - `bconsole` (Bacula): `delete volume=…|jobid=…|pool=…`, `purge …` and `truncate …` delete
 *   backup volumes, jobs and their catalog records; `@input`/`@exec` run commands it cannot
 *   read here;
 * - `kadmin` / `kadmin.local` (Kerberos administration), whose commands also come from `-q
 *   QUERY` or the words after the options: `delete_principal`/`delprinc`, `delete_policy`,
 *   `purgekeys` (the principal's old keys, or with `-all` every key: it can no longer log in)
 *   and `change_password`/`cpw` (another principal's password or keys replaced: its owner is
 *   locked out, or the agent holds the new ones), Heimdal's `delete`/`del` and `passwd` too;
 *   and `addprinc` of a principal that administers the realm (`x/admin`, `kadmin/…`) or
 *   trusts another (`krbtgt/…`), verb `add-admin`;
 * (IBM MQ's runmqsc is read as SQL-like commands: src/extract/sql-mqsc.ts.)
 * Read into a CloudFact of service `console` whose verb is the first deleting command's
 * (`delete`, `purge`, `truncate`, `change-password`, `add-admin`) and whose resource lists what they name, or
 * `unread` when the commands are fed from something that cannot be read (fail closed: the
 * rules ask). Scripts that only read or add (`show`, `list volumes`,
 * `update add`) and a console started with no commands (interactive) make no fact.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';

interface Console {
  /** Options that take a value. */
  valued: RegExp;
  /** Options after which the console runs nothing (prints, checks its config, verifies). */
  inert: RegExp;
  /** True: a positional word names the script file (`nsupdate FILE`). */
  fileArg: boolean;
  /** One command line → [verb, what it names]; undefined = it deletes nothing. */
  deletes: (line: string) => [string, string] | undefined;
  /** Lines that run commands this reading cannot see (fail closed). Undefined = none. */
  opaque?: RegExp;
  /** Options whose value is one command line (`kadmin -q QUERY`). Undefined = none. */
  query?: RegExp;
  /** True: the words after the options are one command (`kadmin -l delete alice`). */
  argvCommand?: boolean;
}

const DNS: Console = {
  valued: /^-[Lkyptur]$/,
  inert: /^-[TPV]$|^--help$/,
  fileArg: true,
  deletes: (line) => {
    const m =
      /^(?:update\s+)?del(?:ete)?\s+(\S+)(?:\s+\d+)?(?:\s+(?:IN|CH|HS|ANY))?(?:\s+([A-Z0-9]+))?/i.exec(line);
    return m ? ['delete', [m[1], m[2]].filter(Boolean).join(' ')] : undefined;
  },
};

/** kadmin's commands that delete, purge keys or replace another principal's password, by the verb they make. */
const KADMIN_VERBS: [RegExp, string][] = [
  [/^(delete_principal|delprinc|delete|del|delete_policy|delpol|del_enctype)$/i, 'delete'],
  [/^purgekeys$/i, 'purge'],
  [/^(change_password|cpw|passwd|password)$/i, 'change-password'],
];

/**
 * A principal kadmin adds that administers the realm or is trusted by it: an `…/admin`
 * instance (kadm5.acl's usual grant of every right), `kadmin/…`, or a `krbtgt/…` of another
 * realm (a cross-realm trust). The principal is the command's last word; undefined = none.
 */
/** kadmin's query options that take a value (`-pw PASSWORD`, `-e ENCTYPES`, `-policy NAME`, …). */
const KADMIN_VALUED = /^-(pw|e|x|policy|expire|pwexpire|maxlife|maxrenewlife|kvno)$/i;

/**
 * A kadmin query's words after its verb without the valued options and their values: the
 * password of `cpw|addprinc -pw PASSWORD` never becomes the resource or evidence.
 */
function queryWords(rest: string[]): string[] {
  return rest.filter((w, i) => !KADMIN_VALUED.test(w) && !(i > 0 && KADMIN_VALUED.test(rest[i - 1])));
}

function adminPrincipal(verb: string, rest: string[]): string | undefined {
  if (!/^(add_principal|addprinc|ank|add|add_new_key)$/i.test(verb)) return undefined;
  const principal = rest.filter((w) => !w.startsWith('-')).pop() ?? '';
  return /\/admin(@|$)|^(kadmin|krbtgt)\//i.test(principal) ? principal : undefined;
}

const KADMIN: Console = {
  // MIT's and Heimdal's options with a value (realm, principal, keytab, ccache, server, …)
  valued: /^-[rpktcwsexdqaK]$|^--(realm|principal|keytab|config-file|admin-server|server-port)$/,
  inert: /^(--help|--version|-h|-v)$/,
  fileArg: false,
  query: /^-q$/,
  argvCommand: true,
  deletes: (line) => {
    const [verb = '', ...words] = line.split(/\s+/);
    const rest = queryWords(words);
    const admin = adminPrincipal(verb, rest);
    if (admin) return ['add-admin', admin];
    const hit = KADMIN_VERBS.find(([re]) => re.test(verb));
    return hit ? [hit[1], rest.filter((w) => !w.startsWith('-')).join(' ') || rest.join(' ')] : undefined;
  },
};

const CONSOLES: Record<string, Console> = {
  kadmin: KADMIN,
  'kadmin.local': KADMIN,
  'kadmin.heimdal': KADMIN,
  nsupdate: DNS,
  knsupdate: DNS,
  bconsole: {
    valued: /^-[cDdup]$/,
    inert: /^-[tl]$|^--help$|^-\?$/,
    fileArg: false,
    deletes: (line) => {
      const m = /^(delete|purge|truncate)\b\s*(.*)$/i.exec(line);
      return m ? [m[1].toLowerCase(), m[2].replace(/\s+yes$/i, '')] : undefined;
    },
    opaque: /^@(input|exec)\b/i,
  },
};

/** What `cmd`'s commands delete, when it is an admin console; undefined otherwise or when they delete nothing. */
export function readConsole(cmd: NormalizedCommand, ctx: AnalyzeContext): CloudDraft | undefined {
  const c = Object.hasOwn(CONSOLES, cmd.program) ? CONSOLES[cmd.program] : undefined;
  if (!c) return undefined;
  const args = cmd.argv.slice(1);
  let file: string | undefined;
  const given: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (c.inert.test(args[i])) return undefined;
    if (c.query?.test(args[i])) given.push(args[++i] ?? '');
    else if (c.valued.test(args[i])) i++;
    else if (!args[i].startsWith('-') && c.argvCommand) {
      given.push(args.slice(i).join(' '));
      break;
    } else if (!args[i].startsWith('-') && c.fileArg) file = args[i];
  }
  const base = { tool: cmd.program, service: 'console', all: false, force: true };
  if (given.length) {
    // fail closed: a command line that is itself a substitution (`-q "$Q"`) may be anything
    const opaque = given.find((g) => /^\s*[$`]/.test(g));
    if (opaque !== undefined) return { ...base, verb: 'unread', resource: opaque };
  }
  // Started with nothing on stdin and no script: an interactive session, nothing to read.
  if (file === undefined && !cmd.stdin && !given.length) return undefined;
  const text = given.length
    ? given.join('\n')
    : file !== undefined
      ? readPayloadFile(file, cmd, ctx).text
      : readStdinDeep(cmd, ctx).text;
  // fail closed: commands that cannot be read may delete anything
  if (text === undefined) return { ...base, verb: 'unread', resource: file ?? 'stdin' };
  const found: [string, string][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    // comments: `;` (nsupdate), `#` (bconsole)
    if (/^[;#]/.test(line)) continue;
    if (c.opaque?.test(line)) return { ...base, verb: 'unread', resource: line };
    const d = c.deletes(line);
    if (d) found.push(d);
  }
  if (!found.length) return undefined;
  return { ...base, verb: found[0][0], resource: found.map(([, r]) => r).join('; ') };
}
