/**
 * Constant producers: commands whose stdout is known statically (`echo`, `printf`,
 * `cat FILE`, `base64 -d`, `xxd -r -p`, `openssl base64 -d`). Their output feeds pipes into
 * shells (`echo … | base64 -d | sh`), xargs, and files written for later `bash FILE`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { absPath } from './state.js';
import type { Field } from './state.js';
import { decodeAnsiC, printfFormat } from './escapes.js';
import type { K } from './emit.js';
import { isLongOpt } from './longopts.js';
import { carriesSecret, isCredentialAbs, SECRET_MARK, withheld } from './credentials.js';
import { fetchesMetadataCredential } from './metadata-credentials.js';
import { fetchPrints } from './output-files.js';

/** base64's long options (GNU coreutils), for prefixes such as `--d` / `--dec`. */
const BASE64_LONG = ['decode', 'ignore-garbage', 'wrap', 'help', 'version'];

/** Largest constant output tracked, in characters. */
const MAX_OUTPUT = 256 * 1024;

function echo(args: string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
    if (args[i].includes('E')) escapes = false;
  }
  const body = args.slice(i).join(' ');
  return (escapes ? decodeAnsiC(body, true) : body) + (newline ? '\n' : '');
}

/** A file's text as folding may use it: written earlier by this script, or read from disk with its secrets withheld; undefined = not known. */
export function readFileText(path: string, k: K): string | undefined {
  const known = k.scope.files.get(path);
  if (known !== undefined) return known;
  // fail closed: a credential file not readable here (on another machine, in a container,
  // not there yet) is still the credential where the command runs
  const secret = isCredentialAbs(path, k.run.ctx.home) ? SECRET_MARK + '\n' : undefined;
  // fail closed: a file this script rewrote with text not known here (`curl … > list.txt`)
  // is not the copy on disk
  if (k.frame.remote || k.scope.written.has(path)) return secret;
  const text = k.run.ctx.readFile?.(path);
  // A secret read from disk never enters folded text: it is replaced by the mark.
  return text !== undefined && text.length <= k.run.ctx.limits.maxPayloadBytes
    ? withheld(path, text, k.run.ctx.home)
    : secret;
}

function decodeBase64(s: string): string | undefined {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return undefined;
  return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

function input(cmd: NormalizedCommand, files: string[], k: K): string | undefined {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) return cmd.stdin?.text;
  let out = '';
  for (const f of files) {
    const t = f === '-' ? cmd.stdin?.text : readFileText(absPath(k.scope.cwd, f), k);
    if (t === undefined) return undefined;
    out += t;
  }
  return out;
}

/** Programs whose output is (part of) what they read. */
const FILTERS = new Set(
  'grep egrep fgrep rg head tail cut sed awk gawk tr sort uniq jq yq strings od hexdump xxd tac nl fold paste column base32 basenc gzip zstd xz bzip2'.split(
    ' ',
  ),
);

/** Programs that never write to stdout (their errors go to stderr): `(echo FLUSHALL; sleep 1) | nc`. */
const SILENT = new Set(['sleep', 'usleep', 'true', 'false', ':', 'touch', 'wait', 'test', '[']);
/** Programs silent on stdout unless asked to be verbose (`-v`, `-rv`, `--verbose`). */
const QUIET_UNLESS_VERBOSE = new Set(['mkdir', 'rmdir', 'rm', 'cp', 'mv', 'ln', 'chmod', 'chown', 'chgrp']);

/** True when `cmd` reads a credential file (an operand) or stdin that carries secret material. */
function secretInput(cmd: NormalizedCommand, args: string[], k: K): boolean {
  if (carriesSecret(cmd.stdin?.text)) return true;
  return args.some(
    (a) => !a.startsWith('-') && a !== '' && isCredentialAbs(absPath(k.scope.cwd, a), k.run.ctx.home),
  );
}

/** Stdout of `cmd` when it is a known constant; undefined otherwise. */
export function constantOutput(cmd: NormalizedCommand, argv: Field[], k: K): string | undefined {
  // A fetch of a metadata service's credentials prints them, whatever else in it is not known
  // statically (the role's name, the IMDSv2 token).
  if (fetchesMetadataCredential(cmd.argv))
    return fetchPrints(cmd.program, argv) ? SECRET_MARK + '\n' : undefined;
  // mktemp with its template under `$TMPDIR` (mktempPath reads which words may be unknown)
  if (cmd.program === 'mktemp' && !k.scope.cwdDynamic) {
    const path = mktempPath(argv, k);
    return path === undefined ? undefined : path + '\n';
  }
  if (cmd.dynamic) return undefined;
  const args = argv.slice(1).map((f) => f.text);
  let out: string | undefined;
  switch (cmd.program) {
    case 'echo':
      out = echo(args);
      break;
    case 'printf':
      if (args.length === 0 || args[0] === '-v') return undefined;
      out =
        args[0] === '--' ? printfFormat(args[1] ?? '', args.slice(2)) : printfFormat(args[0], args.slice(1));
      break;
    case 'cat':
      if (args.some((a) => a.startsWith('-') && a !== '-')) return undefined;
      out = input(cmd, args, k);
      break;
    case 'tee':
      out = cmd.stdin?.text;
      break;
    case 'base64':
    case 'openssl': {
      const opts = cmd.program === 'openssl' ? args.slice(1) : args;
      if (cmd.program === 'openssl' && !['base64', 'enc'].includes(args[0] ?? '')) return undefined;
      if (cmd.program === 'openssl' && args[0] === 'enc' && !opts.some((o) => o === '-base64' || o === '-a'))
        return undefined;
      const decode = opts.some((o) => /^-[a-zA-Z]*[dD]/.test(o) || isLongOpt(o, 'decode', BASE64_LONG));
      const files = opts.filter((o) => !o.startsWith('-'));
      const inFile = opts.indexOf('-in');
      const src =
        inFile >= 0
          ? input(cmd, [opts[inFile + 1] ?? ''], k)
          : input(cmd, cmd.program === 'openssl' ? [] : files, k);
      if (src === undefined) return undefined;
      // An encoding of secret material is still the secret.
      if (carriesSecret(src)) out = SECRET_MARK + '\n';
      else out = decode ? decodeBase64(src) : Buffer.from(src, 'utf8').toString('base64') + '\n';
      break;
    }
    case 'xxd': {
      if (!args.some((a) => /^-[a-z]*r/.test(a)) || !args.some((a) => /^-[a-z]*p|^-ps$|^-plain$/.test(a))) {
        // a hex dump of secret material is still the secret
        if (!secretInput(cmd, args, k)) return undefined;
        out = SECRET_MARK + '\n';
        break;
      }
      const files = args.filter((a) => !a.startsWith('-'));
      const src = input(cmd, files, k);
      if (src === undefined) return undefined;
      if (carriesSecret(src)) {
        out = SECRET_MARK;
        break;
      }
      const hex = src.replace(/\s+/g, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(hex)) return undefined;
      out = Buffer.from(hex, 'hex').toString('utf8');
      break;
    }
    case 'date': {
      const time = dateOutput(args);
      if (time === undefined) return undefined;
      out = time + '\n';
      break;
    }
    case 'mktemp': {
      const path = mktempPath(argv, k);
      if (path === undefined) return undefined;
      out = path + '\n';
      break;
    }
    case 'rev':
      if (args.length > 0 || cmd.stdin?.text === undefined) return undefined;
      if (carriesSecret(cmd.stdin.text)) {
        out = SECRET_MARK + '\n';
        break;
      }
      out = cmd.stdin.text
        .split('\n')
        .map((l) => [...l].reverse().join(''))
        .join('\n');
      break;
    default:
      if (SILENT.has(cmd.program)) return '';
      if (QUIET_UNLESS_VERBOSE.has(cmd.program))
        return args.some((a) => /^-[a-zA-Z]*v/.test(a) || a.startsWith('--verbose')) ? undefined : '';
      // A filter or reader of a credential file (`grep TOKEN .env`, `head -c 40 ~/.netrc`,
      // `jq .token creds.json`) prints part of a secret: its output is the mark, whatever it is.
      if (FILTERS.has(cmd.program) && secretInput(cmd, args, k)) out = SECRET_MARK + '\n';
      else return undefined;
  }
  return out !== undefined && out.length <= MAX_OUTPUT ? out : undefined;
}

/**
 * The name `mktemp` prints: a fresh file or directory made from its template (the X's stand
 * for the random characters; `tmp.XXXXXXXXXX` by default), in $TMPDIR or /tmp (`-t`, `-p DIR`,
 * `--tmpdir[=DIR]`, or no template), else where the template says (a leading `$TMPDIR` is that
 * folder). Undefined when another word is not known statically. Deleting it later (`rm -rf "$tmp"`) then deletes that fresh name.
 */
function mktempPath(argv: Field[], k: K): string | undefined {
  // `"${TMPDIR:-/tmp}/ci.XXXXXX"`, `$TMPDIR/x.XXXX`: the temporary folder, as when no directory is named
  const tmpdir = /^\$(?:TMPDIR|\{TMPDIR(?::?[-=][^${}]*)?\})(\/[^$`]*)$/;
  if (argv.some((f) => f.dynamic && !tmpdir.test(f.text))) return undefined;
  argv = argv.map((f) =>
    f.dynamic
      ? { text: `${k.scope.vars.get('TMPDIR') ?? '/tmp'}${tmpdir.exec(f.text)?.[1]}`, dynamic: false }
      : f,
  );
  let dir: string | undefined;
  let template: string | undefined;
  let inTmp = false;
  const words = argv.slice(1).map((f) => f.text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '-p') dir = words[++i];
    else if (w.startsWith('--tmpdir')) {
      inTmp = true;
      if (w.includes('=')) dir = w.slice(w.indexOf('=') + 1);
    } else if (/^-[a-zA-Z]*t[a-zA-Z]*$/.test(w)) inTmp = true;
    else if (w.startsWith('--suffix=') || w === '--') continue;
    else if (!w.startsWith('-')) template = w;
    else if (/^-p./.test(w)) dir = w.slice(2);
  }
  const tmp = dir ?? k.scope.vars.get('TMPDIR') ?? '/tmp';
  if (template === undefined) return absPath(k.scope.cwd, `${tmp}/tmp.XXXXXXXXXX`);
  if (template.includes('/') && !inTmp && dir === undefined) return absPath(k.scope.cwd, template);
  return absPath(k.scope.cwd, inTmp || dir !== undefined ? `${tmp}/${template}` : template);
}

/**
 * What `date [+FORMAT]` prints, in shape: the time is not known, so each conversion prints
 * a zero (`+%F` → `0`); what matters is that it holds no `/` (no path separator) when the
 * format has none and no `%D` / `%x`. Undefined for options that read input (-d, -f, -r, -s)
 * or a format that may print a `/`.
 */
function dateOutput(args: string[]): string | undefined {
  let format = '%a %b %e %H:%M:%S %Z %Y';
  for (const a of args) {
    if (a.startsWith('+')) format = a.slice(1);
    else if (!/^(-u|--utc|--universal|-R|--rfc-email|-I\w*|--iso-8601(=\w+)?|--rfc-3339=\w+)$/.test(a))
      return undefined;
  }
  if (format.includes('/') || /%[-_0^#]*[Dx]/.test(format)) return undefined;
  return format.replace(/%[-_0^#]*[a-zA-Z%]/g, (c) => (c.endsWith('%') ? '%' : '0'));
}
