/**
 * What counts as secret material leaving the machine: the environment (`env`, `printenv`,
 * `/proc/PID/environ`), credential files (SSH keys, cloud credentials, `.env`, netrc…; also as a
 * dotfile manager prints them: `chezmoi cat`, `yadm show`), and
 * secret-looking `$VARIABLES` (or `${!NAME}`, a variable named at run time) placed in a request
 * body or printed into a sink, and stored credentials printed (a token a CLI keeps, a secret
 * file decrypted to stdout: `sops -d`, `blackbox_cat`; credential-printers.ts, credential-stored.ts).
 */
import { parse as shellParse } from 'shell-quote';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolvePath } from './http-body.js';
import { isCredentialAbs } from '../normalize/credentials.js';
import { printedCredential } from './credential-printers.js';
import { windowsPath } from './exfil-windows-paths.js';
import { storedSecret } from './credential-stored.js';
import { archivesCredential } from './exfil-archives.js';
import { isHistoryFile, printsHistory, searchesSecrets } from './exfil-history.js';

/**
 * `credential-store`: the output of a command that prints a stored credential (credential-printers.ts);
 * `bulk-data`: a packed folder tree, the repository or a database dump (exfil-bulk.ts);
 * `mailbox`: a mailbox's mail forwarded from now on (exfil-mail.ts).
 */
export type SecretSource =
  'env' | 'env-var' | 'credential-file' | 'credential-store' | 'repository' | 'bulk-data' | 'mailbox';

/**
 * True when the path (as written, resolved like the command would) names a credential file,
 * or a shell's or REPL's history file (passwords typed inline stay there; also as `$HISTFILE`:
 * exfil-history.ts);
 * a Windows path (`%USERPROFILE%\.aws\credentials`, `C:\Users\NAME\.ssh\id_rsa`, also with
 * its backslashes dropped by bash) is read as the same file (exfil-windows-paths.ts).
 */
export function isCredentialPath(raw: string, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  if (!raw || raw.startsWith('-')) return false;
  const abs = resolvePath(windowsPath(raw), cmd, ctx);
  return isCredentialAbs(abs, ctx.home) || isHistoryFile(abs);
}

/** Variable names that look like they hold a secret. */
const SECRET_VAR =
  /(SECRET|TOKEN|PASSW(OR)?D|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH|SESSION|COOKIE|^DATABASE_URL$|_DSN$|^DB_URL$|_CONN(ECTION)?_STRING$)/i;

/** True when a variable's name looks like it holds a secret. */
export const isSecretName = (name: string): boolean => SECRET_VAR.test(name);

/** `$NAME` / `${NAME}` references in a word whose name looks secret. Empty = none. */
export function secretVarRefs(word: string): string[] {
  return [...word.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)]
    .map((m) => m[1])
    .filter((n) => SECRET_VAR.test(n));
}

/** Commands that print the whole environment. */
const ENV_DUMPERS = new Set(['env', 'printenv', 'set', 'export', 'declare', 'typeset', 'compgen']);

/**
 * True when an environment dumper's words (after its name) only select the listing: `-p`,
 * `-x`, and `--` (the end of the options; for `set` it clears the arguments and prints nothing).
 */
const dumpsAll = (prog: string, args: string[]) =>
  args.every((a) => /^-[px]+$/.test(a) || (a === '--' && prog !== 'set'));
/** Commands that print (or pack) the files they are given. */
const FILE_READERS = new Set([
  'cat',
  'head',
  'tail',
  'less',
  'more',
  'base64',
  'xxd',
  'od',
  'hexdump',
  'gzip',
  'bzip2',
  'xz',
  'zstd',
  'tar',
  'zip',
  'openssl',
  'gpg',
  'strings',
  'tac',
  'nl',
  'dd',
  'sed',
  'awk',
  'grep',
  'jq',
  'yq',
  'cut',
  'sort',
  'uniq',
  'tr',
  'uuencode',
  'base32',
  'basenc',
  // PowerShell's file reader (in a pipeline read from PowerShell code)
  'Get-Content',
  'gc',
]);
/** Commands that pass stdin through (possibly changed), so the source is further upstream. */
export const FILTERS = new Set([
  'grep',
  'egrep',
  'fgrep',
  'sed',
  'awk',
  'cut',
  'sort',
  'uniq',
  'tr',
  'head',
  'tail',
  'base64',
  'xxd',
  'od',
  'gzip',
  'bzip2',
  'xz',
  'zstd',
  'openssl',
  'gpg',
  'jq',
  'yq',
  'tee',
  'cat',
  'rev',
  'tac',
  'nl',
  'column',
  'paste',
  'fold',
  'sponge',
  'pv',
  'dd',
  'uuencode',
  'base32',
  'basenc',
  // PowerShell's formatters pass their input on, reshaped
  'ConvertTo-Json',
  'ConvertTo-Csv',
  'ConvertTo-Xml',
  'Out-String',
]);

/** Dotfile managers' commands that print a managed file's content: `chezmoi cat ~/.aws/credentials`. */
const DOTFILE_CAT: Record<string, RegExp> = { chezmoi: /^cat$/, yadm: /^show$/ };

/** True when `words` print a dotfile manager's copy of a credential file. */
function catsManagedCredential(words: string[], cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  const prog = (words[0] ?? '').split('/').pop() ?? '';
  const sub = words.slice(1).find((w) => !w.startsWith('-'));
  return (
    !!sub &&
    !!DOTFILE_CAT[prog]?.test(sub) &&
    words.slice(words.indexOf(sub) + 1).some((a) => isCredentialPath(a, cmd, ctx))
  );
}

/** What secret material a command itself prints, if any. */
export function producedSecret(cmd: NormalizedCommand, ctx: AnalyzeContext): SecretSource | '' {
  const p = cmd.program;
  if (p === 'env' || p === 'printenv') {
    // `env`/`printenv` with no command prints the environment; one name prints that variable.
    const names = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (!names.length) return 'env';
    return names.some((n) => SECRET_VAR.test(n)) ? 'env-var' : '';
  }
  if (ENV_DUMPERS.has(p) && dumpsAll(p, cmd.argv.slice(1))) return 'env';
  // `declare -p AWS_SECRET_ACCESS_KEY`: the named variables printed with their values; a name
  // known only at run time (`declare -p "$V"`) may be any secret (fail closed)
  if (/^(declare|typeset|export|readonly|local)$/.test(p) && cmd.argv.some((a) => /^-[a-zA-Z]*p/.test(a)))
    return cmd.argv
      .slice(1)
      .some((n, i) => !n.startsWith('-') && (SECRET_VAR.test(n) || cmd.dynamicArgs.includes(i + 1)))
      ? 'env-var'
      : '';
  if (p === 'echo' || p === 'printf') {
    // `${!v}`: the variable whose name v holds at run time (`compgen -v | while read v; …`)
    // fail closed: that name is not known statically, so it may be any secret of the environment
    const indirect = (a: string) => /\$\{!\w+\}/.test(a);
    return cmd.argv.some((a, i) => cmd.dynamicArgs.includes(i) && (secretVarRefs(a).length || indirect(a)))
      ? 'env-var'
      : '';
  }
  if (FILE_READERS.has(p) && cmd.argv.slice(1).some((a) => isCredentialPath(a, cmd, ctx)))
    return 'credential-file';
  if (catsManagedCredential(cmd.argv, cmd, ctx)) return 'credential-file';
  // `tar cz -C ~ .ssh`, `7z a -so x.7z ~/.kube`, `find ~/.ssh | cpio -o` (exfil-archives.ts)
  if (archivesCredential(cmd, ctx)) return 'credential-file';
  if (cmd.stdin?.kind === 'file' && cmd.stdin.path && isCredentialPath(cmd.stdin.path, cmd, ctx))
    return 'credential-file';
  if (printedCredential(cmd.argv) || storedSecret(p, cmd.argv)) return 'credential-store';
  // the shell's history, or the lines a search for secret words picks (exfil-history.ts); a
  // search of piped text is read by stdinSecret, after what is upstream of it
  if (printsHistory(cmd.argv) || (cmd.stdin?.kind !== 'pipe' && searchesSecrets(cmd.argv)))
    return 'credential-file';
  return '';
}

/** The secret material arriving on a command's stdin, following pipes through filters. */
export function stdinSecret(cmd: NormalizedCommand, ctx: AnalyzeContext): SecretSource | '' {
  if (cmd.stdin?.kind === 'file' && cmd.stdin.path && isCredentialPath(cmd.stdin.path, cmd, ctx))
    return 'credential-file';
  // `< <(xxd -p ~/.pypirc)`: a process substitution's output, read as a command substitution's
  const proc = cmd.stdin?.kind === 'file' ? /^<\(([\s\S]*)\)$/.exec(cmd.stdin.path ?? '') : null;
  if (proc) return substitutedSecret(`$(${proc[1]})`, cmd, ctx);
  let from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  // a search for secret words on the way picks secret lines out of whatever it is fed
  let searched = false;
  for (let hops = 0; from && hops < 16; hops++) {
    const s = producedSecret(from, ctx);
    if (s) return s;
    searched ||= searchesSecrets(from.argv);
    if (!FILTERS.has(from.program)) break;
    from = from.stdin?.kind === 'pipe' ? from.stdin.from : undefined;
  }
  return searched ? 'credential-file' : '';
}

/** What secret material the words of one command (not normalized: a substitution's text) print. */
function printedBy(words: string[], cmd: NormalizedCommand, ctx: AnalyzeContext): SecretSource | '' {
  const prog = (words[0] ?? '').split('/').pop() ?? '';
  if ((prog === 'env' || prog === 'printenv') && words.length === 1) return 'env';
  if (ENV_DUMPERS.has(prog) && dumpsAll(prog, words.slice(1))) return 'env';
  if (FILE_READERS.has(prog) && words.slice(1).some((a) => isCredentialPath(a, cmd, ctx)))
    return 'credential-file';
  if (catsManagedCredential(words, cmd, ctx)) return 'credential-file';
  if (printedCredential(words) || storedSecret(prog, words)) return 'credential-store';
  if (printsHistory(words) || searchesSecrets(words)) return 'credential-file';
  return '';
}

/**
 * A substitution's text as a list of pipelines (`a | b; c && d`): the words of each stage of
 * each; the output is every pipeline's in turn. Undefined when it holds anything else (a
 * redirect, a subshell) — its stages are then not read.
 */
function pipelinesOf(text: string): string[][][] | undefined {
  const list: string[][][] = [[[]]];
  for (const t of shellParse(text, (name) => `$${name}`)) {
    const stages = list[list.length - 1];
    if (typeof t === 'string') stages[stages.length - 1].push(t);
    else if ('op' in t && t.op === '|') stages.push([]);
    else if ('op' in t && /^(;|&&|\|\||&)$/.test(t.op)) list.push([[]]);
    else if (!('comment' in t)) return undefined;
  }
  return list.filter((p) => p[0].length > 0);
}

/**
 * Secret material produced by a command substitution inside an argument that was left
 * unexpanded: `"$(env)"`, `` `printenv` ``, `"$(cat ~/.ssh/id_rsa)"`, and a pipeline whose
 * first command prints it and whose others only pass it on (`"$(printenv | grep -i key)"`).
 */
export function substitutedSecret(
  word: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): SecretSource | '' {
  for (const m of word.matchAll(/\$\(([^()]*)\)|`([^`]*)`/g)) {
    const text = (m[1] ?? m[2] ?? '').trim();
    // (`$(printf 'Subject: x\n\n'; cat ~/.netrc)`: each command of a list prints into it)
    for (const stages of pipelinesOf(text) ?? [[text.split(/\s+/)]]) {
      const source = printedBy(stages[0], cmd, ctx);
      const passed = stages.slice(1).every((st) => FILTERS.has((st[0] ?? '').split('/').pop() ?? ''));
      if (source && passed) return source;
    }
  }
  return '';
}
