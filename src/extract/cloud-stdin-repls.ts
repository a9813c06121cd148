/**
 * Interactive clients of remote stores fed their commands on stdin (a heredoc, a here-string,
 * `printf … |`, `< FILE`), inline (`lftp -c|-e`, WinSCP's `/command "…" "…"`) or from a batch
 * file (`sftp -b FILE`, `psftp -b FILE`, `lftp -f FILE`, WinSCP's `/script=FILE`, Windows
 * ftp's `-s:FILE`): the WebDAV shell `cadaver URL` (`rm`, `delete`, `rmcol`, `move`/`mv` over a
 * name), the FTP/SFTP clients `ftp`/`lftp`/`sftp`/`psftp`/WinSCP (`rm`, `rmdir`, `delete`,
 * `del`, `mdelete`, `rm -r`, `mrm`, `rename`, `mv`; lftp's lines as cloud-ftp-lines.ts reads them:
 * `mirror --reverse --delete`, `glob rm`), ncftp (`rm`, `rmdir`), smbclient (`del`, `deltree`,
 * `rm`, `rmdir`, `rename`), and the HTTP REPL `http-prompt URL` (a line
 * starting with `DELETE`, `PUT`, `PATCH` or `POST` sends that request). Each line
 * (`;`, `&&` or `||` also separate them) is one command. What a file client deletes or renames
 * is a cloud fact of service `remote-files` (the URL or host as resource; verb `delete`, or
 * `move` for `rename`/`mv`/`move`): saas/remote-files-* ask. http-prompt's request is a generic
 * fact (verb: the HTTP method), asked by the unknown destructive CLI rule. A dynamic `-c`/`-e`
 * value and lftp's `source`/`eval`/`!` lines are not known statically (below). Batch files and
 * stdin files are read through ctx.
 * Commands not known statically (stdin from a pipe of unknown text, a batch file that cannot be
 * read: absent, outside the workspace, written by the script with unknown content, named by a
 * variable) fail closed as verb `unknown-commands`: such a batch may upload or delete anything.
 * Listing, getting and uploading lines find nothing here (what an upload sends is judged by
 * exfil-transfers.ts).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { readPayloadFile, readStdin } from './http-body.js';
import { lftpLineAction, type LftpAction } from './cloud-ftp-lines.js';

/** One client: its deleting or writing command words, and where its commands come from. */
interface ReplClient {
  /** The command words (first word of a line, lower case) that delete or change remote data. */
  verbs: RegExp;
  /** The command words that rename or move remote files (a name moved over another replaces it); absent = none. */
  moves?: RegExp;
  /** Reads a whole line instead of `verbs` and `moves` (lftp's `mirror` options, `glob` prefix, `source`); absent = the words. */
  action?: (line: string) => LftpAction | undefined;
  /** Options whose value is the next word (`-u USER,PASS`), skipped when finding the host; absent = none. */
  valued?: RegExp;
  /** Options whose value is the client's commands (lftp -c|-e); absent = none. */
  inline?: RegExp;
  /**
   * The batch file an argv word names (`-b FILE` as the word and the next, `/script=FILE`,
   * `-s:FILE` in the word): [file, words used]; undefined = the word names none. `-` = stdin.
   */
  batch?: (word: string, next: string | undefined) => [string, number] | undefined;
  /** WinSCP: the words after `/command` are its commands, up to the next switch. */
  commandSwitch?: boolean;
}

/** `-X FILE`, and `-XFILE` when `glued` (a getopt option with a value; psftp's `-batch` is another option). */
const optionFile =
  (flag: string, glued: boolean) =>
  (w: string, next: string | undefined): [string, number] | undefined =>
    w === flag
      ? [next ?? '', 2]
      : glued && w.startsWith(flag) && w.length > flag.length
        ? [w.slice(flag.length), 1]
        : undefined;

/** A WinSCP switch (`/command`, `-script=FILE`), case-insensitive: [name, inline value]. */
function winscpSwitch(word: string): [string, string] | undefined {
  const m = /^[/-]([a-z?]+)(?:=(.*))?$/is.exec(word);
  return m ? [m[1].toLowerCase(), m[2] ?? ''] : undefined;
}

const SFTP_VERBS = /^(rm|del|delete|rmdir)$/;
const SFTP_MOVES = /^(rename|ren|mv)$/;
const WINSCP: ReplClient = {
  verbs: /^(rm|rmdir|del|delete)$/,
  moves: /^mv$/,
  batch: (w) => {
    const sw = winscpSwitch(w);
    return sw?.[0] === 'script' ? [sw[1], 1] : undefined;
  },
  commandSwitch: true,
};

/** Program → its client. */
const CLIENTS: Record<string, ReplClient> = {
  cadaver: { verbs: /^(rm|delete|rmcol)$/, moves: /^(move|mv)$/ },
  // Windows ftp runs `-s:FILE`; BSD ftp's `-s` takes a source address and never has the colon
  ftp: {
    verbs: /^(delete|mdelete|rmdir)$/,
    moves: /^rename$/,
    batch: (w) => (/^-s:./i.test(w) ? [w.slice(3), 1] : undefined),
  },
  lftp: {
    verbs: /^(rm|rmdir|mrm|mrmdir|delete|mdelete)$/,
    action: lftpLineAction,
    valued: /^(-u|-p|-c|-e|-f|--user|--password|--rcfile)$/,
    inline: /^(-c|-e)$/,
    batch: optionFile('-f', true),
  },
  ncftp: { verbs: /^(rm|rmdir|delete)$/, moves: /^rename$/, valued: /^-[upPjdo]$/ },
  smbclient: {
    verbs: /^(del|deltree|rm|rmdir)$/,
    moves: /^rename$/,
    valued:
      /^(-[UWcIpAmnsDOb]|--user|--workgroup|--command|--ip-address|--port|--authentication-file|--max-protocol|--netbiosname|--configfile|--directory)$/,
    inline: /^(-c|--command)$/,
  },
  sftp: { verbs: SFTP_VERBS, moves: SFTP_MOVES, batch: optionFile('-b', true) },
  // PuTTY's sftp client (its `del`, `ren`, `mv` as well)
  psftp: { verbs: SFTP_VERBS, moves: SFTP_MOVES, batch: optionFile('-b', false) },
  winscp: WINSCP,
  'http-prompt': { verbs: /^(delete|put|patch|post)$/ },
};

/** The client of `program` (`WinSCP.com`, `psftp.exe` as `winscp`, `psftp`); undefined = none. */
function clientOf(program: string): ReplClient | undefined {
  const base = program.toLowerCase().replace(/\.(exe|com)$/, '');
  return Object.hasOwn(CLIENTS, base) ? CLIENTS[base] : undefined;
}

/** Lines of a client's commands (`;`, `&&` and `||` also separate lftp's). */
const linesOf = (text: string) => text.split(/[;\n]|&&|\|\|/);

/** The client's commands: inline, from batch files, from stdin; undefined when not known statically; [] = none given. */
function commandsOf(cmd: NormalizedCommand, c: ReplClient, ctx?: AnalyzeContext): string[] | undefined {
  const argv = cmd.argv;
  // `-e` commands run first, then the session goes on reading stdin; `-c` ends after its own
  const lines: string[] = [];
  let batched = false;
  let inCommand = false;
  for (let i = 1; i < argv.length; i++) {
    if (c.commandSwitch && winscpSwitch(argv[i])) inCommand = winscpSwitch(argv[i])?.[0] === 'command';
    else if (inCommand) {
      if (cmd.dynamicArgs.includes(i)) return undefined; // commands known only at run time
      lines.push(argv[i]);
    }
    if (c.inline?.test(argv[i])) {
      if (cmd.dynamicArgs.includes(i + 1)) return undefined; // `-e "$CMD"`: fail closed
      lines.push(...linesOf(argv[i + 1] ?? ''));
      if (argv[i] === '-c' || argv[i] === '--command') return lines;
    }
    // a short inline option with its value glued to it, as getopt reads it (`-e'rm -r /www; bye'`)
    const glued = /^(-[a-zA-Z])(.+)$/s.exec(argv[i]);
    if (glued && c.inline?.test(glued[1])) {
      if (cmd.dynamicArgs.includes(i)) return undefined; // `-e"$CMD"`: fail closed
      lines.push(...linesOf(glued[2]));
      if (glued[1] === '-c') return lines;
    }
    const batch = c.batch?.(argv[i], argv[i + 1]);
    if (!batch) continue;
    const [name, used] = batch;
    i += used - 1;
    if (name === '-') continue; // stdin, below
    batched = true;
    // fail closed: a batch file named at run time, or not readable here, may hold any command
    const text =
      ctx && name && !cmd.dynamicArgs.includes(i) ? readPayloadFile(name, cmd, ctx).text : undefined;
    if (text === undefined) return undefined;
    lines.push(...linesOf(text));
  }
  // Each of them reads stdin as its session's commands when it is not a terminal (sftp too,
  // without `-b`); with a batch file, only `-b -` reads it.
  if (!cmd.stdin || batched) return lines;
  const stdin = ctx ? readStdin(cmd, ctx).text : cmd.stdin.text;
  return stdin === undefined ? undefined : [...lines, ...linesOf(stdin)];
}

/** A deleting or writing line sent to one of these clients (see the header); undefined = none. */
function readRepl(cmd: NormalizedCommand, ctx?: AnalyzeContext): CloudDraft | undefined {
  const c = clientOf(cmd.program);
  if (!c) return undefined;
  // (not `-V`: BSD ftp's quiet mode)
  if (
    cmd.argv.some((a) => /^(-h|--help|--version)$/.test(a) || (c.commandSwitch && /^[/-](help|\?)$/i.test(a)))
  )
    return undefined;
  // (WinSCP: its session URL, not a word of `/command`)
  const resource =
    cmd.argv
      .slice(1)
      .find((a, i, words) =>
        c.commandSwitch
          ? /^[a-z][\w+.-]*:\/\//i.test(a)
          : !a.startsWith('-') && !(i > 0 && c.valued?.test(words[i - 1])),
      ) ?? '';
  // the file clients are read here (service `remote-files`: saas/remote-files-*); the HTTP REPL
  // stays a generic tool
  const http = cmd.program === 'http-prompt';
  const draft = (verb: string): CloudDraft => ({
    tool: cmd.program,
    service: http ? '' : 'remote-files',
    verb,
    resource,
    all: false,
    force: true,
    ...(http ? { generic: true } : {}),
  });
  const lines = commandsOf(cmd, c, ctx);
  if (lines === undefined) return draft('unknown-commands');
  let found: string | undefined;
  for (const line of lines) {
    const word = (line.trim().split(/\s+/)[0] ?? '').toLowerCase();
    const action = c.action
      ? c.action(line)
      : c.verbs.test(word)
        ? 'delete'
        : c.moves?.test(word)
          ? 'move'
          : undefined;
    if (action === 'delete') return draft(http ? word.toUpperCase() : 'delete');
    if (action === 'unknown') return draft('unknown-commands');
    found ??= action;
  }
  return found ? draft(found) : undefined;
}

/** The spellings each client is run by (Windows' `.exe`, WinSCP's console `WinSCP.com`). */
const SPELLINGS = [
  ...Object.keys(CLIENTS),
  'ftp.exe',
  'sftp.exe',
  'psftp.exe',
  'winscp.com',
  'winscp.exe',
  'WinSCP',
  'WinSCP.com',
  'WinSCP.exe',
];

/** Program → its reader (merged into the cloud readers). */
export const STDIN_REPL_READERS: Record<
  string,
  (cmd: NormalizedCommand, ctx?: AnalyzeContext) => CloudDraft | undefined
> = Object.fromEntries(SPELLINGS.map((p) => [p, readRepl]));
