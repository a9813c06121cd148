/**
 * `crontab [-u USER] FILE|-`: installs the jobs in FILE (or on stdin) as the user's whole
 * crontab. Each job's command is walked now, as if it ran now: a schedule does not make it
 * less destructive. Environment lines (`MAILTO=…`) and comments are skipped; the five time
 * fields (or `@daily`, `@reboot` …) are dropped. Listing (`-l`), removing (`-r`, read by
 * src/extract/shell-remote.ts) and editing (`-e`) install nothing here.
 *
 * What a crontab install receives is often the installed crontab plus a new job:
 * `(crontab -l; echo JOB) | crontab -`. The listed jobs are installed already; the new
 * text beside them (StdinSource.added) is what is judged. Jobs that cannot be read are
 * asked about (fail closed).
 */
import { emit, type K } from './emit.js';
import { getopt } from './options.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';
import { cloneScope, type Field, type Res } from './state.js';
import type { NormalizedCommand } from '../engine/types.js';

/** A job line's time fields: five fields, or one `@word`; the command follows. */
const TIMES = /^\s*(@\w+|(\S+\s+){4}\S+)\s+(.*)$/;
/** `NAME=value`: an environment line. */
const ENV_LINE = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/;

/** The commands of a crontab's jobs, one per line (`%` in a command is a newline on its stdin: cut there). */
export function cronCommands(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line) || ENV_LINE.test(line)) continue;
    const m = TIMES.exec(line);
    // fail closed: a line that is not a job is read as a command (cron rejects it anyway)
    const cmd = m ? m[3] : line;
    out.push(cmd.split(/(?<!\\)%/)[0]);
  }
  return out;
}

/** `crontab -l` (as any user): prints the jobs already installed. */
export function listsCrontab(c: NormalizedCommand | undefined): boolean {
  return c?.program === 'crontab' && !c.dynamic && c.argv.slice(1).some((a) => /^-[a-zA-Z]*l/.test(a));
}

/** The text a crontab install receives; undefined = not known (or not an install: `installs` false). */
function installed(args: Field[], k: K): { installs: boolean; text?: string } {
  const p = getopt(args, { short: 'uns' });
  if (p.dynamic) return { installs: true };
  if ([...p.opts.keys()].some((o) => /^[lreiV]$|^(list|remove|edit|help|version)$/.test(o)))
    return { installs: false };
  const file = args[p.index];
  if (file && file.text !== '-')
    return { installs: true, text: file.dynamic ? undefined : scriptFile(file.text, k) };
  const stdin = k.io.stdin;
  if (!stdin) return { installs: false }; // a terminal: typed by the human
  return { installs: true, text: stdin.text ?? stdin.added ?? (listsCrontab(stdin.from) ? '' : undefined) };
}

export function runCrontab(argv: Field[], k: K): Res {
  const { installs, text } = installed(argv.slice(1), k);
  // fail closed: jobs that cannot be read may run anything
  if (installs && text === undefined) return emit(argv, k, { dynamic: true });
  const res = emit(argv, k);
  const jobs = installs && text !== undefined ? cronCommands(text) : [];
  // The jobs run later, on their own: no stdin, output mailed (not this command's).
  if (jobs.length > 0)
    reparse(jobs.join('\n'), 'crontab', k, { scope: cloneScope(k.scope), io: { writes: [] } });
  return res;
}
