/**
 * Interactive clients of remote stores fed their commands on stdin (a heredoc, a here-string,
 * `printf … |`) or with `-c`/`-e`: the WebDAV shell `cadaver URL` (`rm`, `delete`, `rmcol`,
 * `move`/`mv` over a name), the FTP clients `ftp`/`lftp`/`sftp -b -` (`rm`, `rmdir`, `delete`,
 * `mdelete`, `rm -r`, `mrm`), and the HTTP REPL `http-prompt URL` (a line starting with
 * `DELETE`, `PUT`, `PATCH` or `POST` sends that request). Each line (`;`-separated for lftp)
 * is one command. What deletes or writes is read as a generic cloud fact of the client (the
 * URL or host as resource; verb `delete` or the HTTP method): the unknown destructive CLI rule
 * asks. Commands not known statically (stdin from a pipe of unknown text, or a script file
 * `-b FILE`, `-f FILE`) fail closed as verb `unknown-commands`. Listing, getting and
 * uploading lines find nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** Per program: the command words (first word of a line, lower case) that delete or change remote data. */
const VERBS: Record<string, RegExp> = {
  cadaver: /^(rm|delete|rmcol|move|mv)$/,
  ftp: /^(delete|mdelete|rmdir|rename)$/,
  lftp: /^(rm|rmdir|mrm|mrmdir|delete|mdelete|mv)$/,
  sftp: /^(rm|rmdir|rename)$/,
  'http-prompt': /^(delete|put|patch|post)$/,
};

/** Options whose value is the client's commands (lftp -c|-e), or a file of them (sftp -b, lftp -f). */
const INLINE: Record<string, RegExp> = { lftp: /^(-c|-e)$/ };
const SCRIPT: Record<string, RegExp> = { lftp: /^-f$/, sftp: /^-b$/ };

/** The client's commands: inline, from stdin, or undefined when not known statically; [] = none given. */
function commandsOf(cmd: NormalizedCommand, prog: string): string[] | undefined {
  const argv = cmd.argv;
  // `-e` commands run first, then the session goes on reading stdin; `-c` ends after its own
  const inline: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (INLINE[prog]?.test(argv[i])) {
      inline.push(...(argv[i + 1] ?? '').split(/[;\n]/));
      if (argv[i] === '-c') return inline;
    }
    // fail closed: a script file of commands, not read
    if (SCRIPT[prog]?.test(argv[i]) && argv[i + 1] !== '-') return undefined;
  }
  // Each of them reads stdin as its session's commands when it is not a terminal (sftp too,
  // without `-b`).
  if (!cmd.stdin || cmd.stdin.kind === 'file') return cmd.stdin ? undefined : inline;
  return cmd.stdin.text === undefined ? undefined : [...inline, ...cmd.stdin.text.split(/[;\n]/)];
}

/** A deleting or writing line sent to one of these clients (see the header); undefined = none. */
function readRepl(cmd: NormalizedCommand): CloudDraft | undefined {
  const prog = cmd.program;
  // (not `-V`: BSD ftp's quiet mode)
  if (cmd.argv.some((a) => /^(-h|--help|--version)$/.test(a))) return undefined;
  const resource = cmd.argv.slice(1).find((a) => !a.startsWith('-')) ?? '';
  const draft = (verb: string): CloudDraft => ({
    tool: prog,
    service: '',
    verb,
    resource,
    all: false,
    force: true,
    generic: true,
  });
  const lines = commandsOf(cmd, prog);
  if (lines === undefined)
    return cmd.stdin || cmd.argv.some((a) => SCRIPT[prog]?.test(a)) ? draft('unknown-commands') : undefined;
  for (const line of lines) {
    const word = (line.trim().split(/\s+/)[0] ?? '').toLowerCase();
    if (VERBS[prog].test(word)) return draft(prog === 'http-prompt' ? word.toUpperCase() : 'delete');
  }
  return undefined;
}

/** Program → its reader (merged into the cloud readers). */
export const STDIN_REPL_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> =
  Object.fromEntries(Object.keys(VERBS).map((p) => [p, readRepl]));
