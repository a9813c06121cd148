/**
 * Secret-bearing output that is not a credential file: what a shell or REPL keeps of the
 * lines typed into it (`~/.bash_history`, `~/.zsh_history`, `~/.psql_history`, fish's and
 * PowerShell's history files; the `history` builtin, `fc -l`, `Get-History`, `atuin history
 * list`), where passwords and tokens typed inline stay, and the lines a search for secret
 * words picks out of any text (`grep -Ei 'token|passw' app.log`). Reading them here is
 * fine; exfil-sources.ts counts them as secret material only where they reach a sink that
 * leaves this machine.
 */
import path from 'node:path';

/**
 * History files by name: the shells' (bash, zsh, sh/ksh, ash, fish, PowerShell's PSReadLine),
 * REPLs' and database clients' (python, node, irb/pry, psql, mysql, sqlite, redis-cli, mongo,
 * R, scala, sqlplus/usql).
 */
const HISTORY_NAME =
  /^(\.(bash|zsh|sh|ksh|ash|mksh|z|python|node_repl|irb|pry|psql|mysql|sqlite|rediscli|mongo|scala|usql|sqlplus|R)_?hist(ory)?|\.zhistory|\.histfile|\.Rhistory|\.dbshell|\.mongosh_repl_history|mongosh_repl_history|fish_history|ConsoleHost_history\.txt)$/i;

/**
 * True when a word names the history file by the shell's own variable (`$HISTFILE`,
 * `${HISTFILE}`, `${HISTFILE:-~/.bash_history}`): whatever its value at run time, it is the
 * history file. A path resolved from it (`/cwd/$HISTFILE`) too.
 */
const isHistoryVar = (raw: string): boolean => /(^|\/)\$\{?HISTFILE(?!\w)/.test(raw);

/**
 * True when the absolute (or plain) path names a shell's or REPL's history file, also by the
 * shell's variable (`$HISTFILE`, or a path resolved from it: `/cwd/${HISTFILE}`).
 */
export function isHistoryFile(abs: string): boolean {
  return HISTORY_NAME.test(path.basename(abs.replace(/\\/g, '/'))) || isHistoryVar(abs);
}

/** Options of `history` that change the list instead of printing it (clear, delete, write, read, append, store). */
const HISTORY_CHANGES = /^-[a-zA-Z]*[cdwranps]/;

/** Options that write the history to a file: bash's `history -w|-a [FILE]`, zsh's `fc -W|-A [FILE]`. */
const HISTORY_WRITES: Record<string, RegExp> = { history: /^-[a-zA-Z]*[wa]/, fc: /^-[a-zA-Z]*[WA]/ };

/** Where a file written as the history is the output itself (`history -w /dev/stdout`). */
const STDOUT_FILE = /^\/(dev\/stdout|dev\/fd\/1|proc\/self\/fd\/1)$/;

/**
 * The file `words` (the program first) write the shell's history to: `history -w /tmp/h`,
 * `history -a FILE`, zsh's `fc -W FILE`. '' = none named (no such option, or the shell's own
 * $HISTFILE, a history file by its name already).
 */
export function historyWrittenTo(words: string[]): string {
  const prog = (words[0] ?? '').split('/').pop() ?? '';
  const writes = Object.hasOwn(HISTORY_WRITES, prog) ? HISTORY_WRITES[prog] : undefined;
  const args = words.slice(1);
  const at = writes ? args.findIndex((a) => writes.test(a)) : -1;
  if (at < 0) return '';
  return args.slice(at + 1).find((a) => !a.startsWith('-')) ?? '';
}

/**
 * True when `words` (the program first) print the shell's history: `history [N]`, `fc -l`,
 * the history written to stdout (`history -w /dev/stdout`), PowerShell's `Get-History` /
 * `h` / `ghy`, `atuin history list` / `atuin search`.
 */
export function printsHistory(words: string[]): boolean {
  const prog = (words[0] ?? '').split('/').pop() ?? '';
  const args = words.slice(1);
  if (STDOUT_FILE.test(historyWrittenTo(words))) return true;
  if (prog === 'history') return !args.some((a) => HISTORY_CHANGES.test(a));
  if (prog === 'fc') return args.some((a) => /^-[a-zA-Z]*l/.test(a));
  if (/^(get-history|ghy)$/i.test(prog)) return true;
  if (prog === 'atuin') return (args[0] === 'history' && args[1] === 'list') || args[0] === 'search';
  return false;
}

/** Words a search for secrets looks for (narrower than a hunt's: `auth` alone is a log's everyday word). */
const SECRET_WORD =
  /token|secret|passw|passphrase|api[_-]?key|access[_-]?key|private[_-]?key|credential|bearer|BEGIN [A-Z ]*PRIVATE|AKIA|ghp_|xox[bp]-|sk_live/i;

/** A search pattern as the words it looks for (`api[_-]?key` → `apikey`, `pass(word|wd)` → `passwordwd`). */
const patternWords = (a: string) => a.replace(/\[[^\]]*\]|[?*+()|\\^$.{}]/g, '');

/** Searchers whose matching lines are printed, and their options that take a value. */
const SEARCHERS: Record<string, RegExp> = {
  grep: /^(-[efmABCd]|--(regexp|file|max-count|after-context|before-context|context|include|exclude|exclude-dir|label|devices|directories|binary-files|color|colour))$/,
  egrep: /^(-[efmABCd])$/,
  fgrep: /^(-[efmABCd])$/,
  zgrep: /^(-[efmABC])$/,
  rg: /^(-[efmABCgtTM]|--(regexp|file|max-count|glob|type|type-not|max-columns))$/,
  ag: /^(-[AGBCmg]|--(file-search-regex|max-count))$/,
  ack: /^(-[ABCm]|--(type|max-count))$/,
  'Select-String': /^-(Path|LiteralPath|Encoding|Context)$/i,
  sls: /^-(Path|LiteralPath|Encoding|Context)$/i,
};

/** Options that print no matching line (count, names only, quiet) or the lines that do not match. */
const NO_LINES =
  /^(-[a-zA-Z]*[cvlLq]|--(count|invert-match|files-with(out)?-match(es)?|quiet|silent|files))$/;
const NO_LINES_PWSH = /^-(NotMatch|Quiet|List)$/i;

/**
 * True when `words` (the program first) search for secret words and print the lines that
 * match: `grep -Ei 'token|passw'`, `rg 'api[_-]?key'`, `Select-String -Pattern password`. A
 * count, a list of file names or an inverted match prints none of them.
 */
export function searchesSecrets(words: string[]): boolean {
  const prog = (words[0] ?? '').split('/').pop() ?? '';
  const valued = Object.hasOwn(SEARCHERS, prog) ? SEARCHERS[prog] : undefined;
  if (!valued) return false;
  const pwsh = /^(Select-String|sls)$/.test(prog);
  const args = words.slice(1);
  if (args.some((a) => (pwsh ? NO_LINES_PWSH : NO_LINES).test(a))) return false;
  const named = pwsh ? /^-Pattern$/i : /^(-e|--regexp)$/;
  const patterns: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = pwsh ? undefined : /^(--regexp=|-e)(.+)$/.exec(a);
    if (eq) patterns.push(eq[2]);
    else if (named.test(a)) patterns.push(args[++i] ?? '');
    else if (valued.test(a)) i++;
    // (once a pattern is named every positional word is a file)
    else if (!a.startsWith('-') && patterns.length === 0) patterns.push(a);
  }
  return patterns.some((p) => SECRET_WORD.test(p) || SECRET_WORD.test(patternWords(p)));
}
