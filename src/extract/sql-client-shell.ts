/**
 * Client meta-commands that run a shell command on this machine, read from one line of a
 * client script (a `-c`/`-e` value, a positional, stdin or an included file): psql and mysql
 * `\! CMD`, mysql `system CMD` and `pager CMD` / `\P CMD`, sqlite3 and duckdb `.shell CMD` /
 * `.system CMD`, sqlcmd `!! CMD`, and output piped to a command (psql `\o |CMD`, `\g |CMD`,
 * `\w |CMD`, `\copy … PROGRAM 'CMD'`; sqlite3 `.output |CMD`, `.once |CMD`). The text of the
 * command is returned; the caller reports it as a shell fact (this stage cannot re-parse it).
 */

/** Short meta-commands whose rest of line is a shell command (case matters); a mysql `\!` may follow a `;`. */
const SHORT = /(?:^|;)\s*(?:\\!|\\P(?=\s)|:?!!)\s*(.*)$/;
/** Long ones (mysql's in any case): `.shell`, `.system`, `system CMD`, `pager CMD`, not an identifier in SQL (`system = 1`). */
const LONG = /^\s*(?:\.(?:shell|system)\b|(?:system|pager)\s+(?![=<>!(,.:]))\s*(.*)$/i;
/** Meta-commands that send their output to `|CMD`. */
const PIPE =
  /\\(?:o|out|g|w|write)\s*['"]?\|\s*(.*?)['"]?\s*$|^\s*\.(?:output|once)\s+['"]?\|\s*(.*?)['"]?\s*$/;
/** psql `\copy … FROM PROGRAM 'CMD'` / `TO PROGRAM 'CMD'` runs CMD on the client. */
const COPY_PROGRAM = /^\s*\\copy\b.*\bprogram\s+'((?:[^']|'')*)'/i;

/** A shell command found in a client script line. */
export interface ShellEscape {
  /** The command text as the client hands it to the shell; empty = none given. */
  command: string;
  /** Where the meta-command starts in the line (text before it is SQL: `SELECT 1 \g |wc`). */
  at: number;
}

/** The shell command a client script line runs on this machine; undefined when it runs none. */
export function shellEscape(line: string): ShellEscape | undefined {
  const copy = COPY_PROGRAM.exec(line);
  if (copy) return { command: copy[1].replaceAll("''", "'"), at: copy.index };
  const m = SHORT.exec(line) ?? LONG.exec(line) ?? PIPE.exec(line);
  if (!m) return undefined;
  const at = m.index + (line[m.index] === ';' ? 1 : 0);
  return { command: (m[1] ?? m[2] ?? '').trim(), at };
}
