/**
 * Admin consoles that read their commands as text, from stdin (a heredoc, a here-string, a
 * pipe from echo/printf/cat, `< file`) or from a script file named on the command line:
 * - `nsupdate` / `knsupdate` (DNS dynamic updates): `update delete NAME [TYPE]`, `del NAME`
 *   delete records of a live zone;
 * - `bconsole` (Bacula): `delete volume=…|jobid=…|pool=…`, `purge …` and `truncate …` delete
 *   backup volumes, jobs and their catalog records; `@input`/`@exec` run commands it cannot
 *   read here;
 * (IBM MQ's runmqsc is read as SQL-like commands: src/extract/sql-mqsc.ts.)
 * Read into a CloudFact of service `console` whose verb is the first deleting command's
 * (`delete`, `purge`, `truncate`) and whose resource lists what they name, or
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

const CONSOLES: Record<string, Console> = {
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
  for (let i = 0; i < args.length; i++) {
    if (c.inert.test(args[i])) return undefined;
    if (c.valued.test(args[i])) i++;
    else if (!args[i].startsWith('-') && c.fileArg) file = args[i];
  }
  // Started with nothing on stdin and no script: an interactive session, nothing to read.
  if (file === undefined && !cmd.stdin) return undefined;
  const text = file !== undefined ? readPayloadFile(file, cmd, ctx).text : readStdinDeep(cmd, ctx).text;
  const base = { tool: cmd.program, service: 'console', all: false, force: true };
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
