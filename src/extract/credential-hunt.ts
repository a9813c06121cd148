/**
 * Credential hunting outside the workspace: reading or copying the user's credential
 * stores (`~/.aws/credentials`, `~/.config/railway`, `~/.netrc`, `~/.git-credentials`, SSH
 * keys), keychain look-ups (`security find-generic-password -w`, `secret-tool lookup`), password
 * managers and secret stores printing what they keep (credential-reveal.ts),
 * `aws configure get …secret…`, another process's environment or memory (`/proc/1/environ`,
 * `/proc/1/mem`; a secret holder's memory dumped: credential-memory.ts), Windows' hives,
 * NTDS.dit and hash dumpers (credential-windows.ts), browser
 * logins and cookies, and recursive searches of HOME, its hidden folders or /etc for
 * secret-looking words (`grep -r TOKEN ~`, `rg 'api[_-]?key' ~/.config`). A coding agent
 * rarely needs any of these; inside the workspace masking is the answer, so workspace files
 * are never reported here.
 *
 * Facts: `shell` with hazard `credential-read`, source = the path or tool read.
 */
import path from 'node:path';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { isHomeCredential } from '../normalize/credentials.js';
import type { DraftFact, Extractor } from './extractor.js';
import { evidenceOf } from './fs-evidence.js';
import { resolvePath } from './http-body.js';
import { exportsSecretKeys } from './credential-printers.js';
import { revealedSecret } from './credential-reveal.js';
import { dumpedMemory } from './credential-memory.js';
import { windowsCredentials } from './credential-windows.js';
import { crackingAttack } from './credential-cracking.js';
import { credentialAttack } from './credential-attacks.js';
import { sniffedCredentials } from './credential-sniff.js';
import { windowsHunt } from './credential-hunt-windows.js';
import { grepRecurses } from './fs-listers.js';
import { settingsLinesOnly } from './credential-settings.js';

/** Programs that print, copy, pack or search the files they are given. */
const READERS = new Set([
  'cat',
  'tac',
  'nl',
  'head',
  'tail',
  'less',
  'more',
  'bat',
  'batcat',
  'view',
  'vi',
  'vim',
  'nvim',
  'nano',
  'strings',
  'od',
  'xxd',
  'hexdump',
  'base64',
  'base32',
  'grep',
  'egrep',
  'fgrep',
  'rg',
  'ag',
  'ack',
  'awk',
  'sed',
  'cut',
  'sort',
  'uniq',
  'jq',
  'yq',
  'cp',
  'scp',
  'rsync',
  'tar',
  'zip',
  '7z',
  'gzip',
  'openssl',
  'gpg',
  'source',
  '.',
  'diff',
  'cmp',
  'wc',
  'find',
  'ls',
  'tree',
  'dd',
  'install',
  'sqlite3',
]);
/** Of those, the ones that only list names (a listing of ~/.aws is still reconnaissance, but only of a credential dir). */
const LISTERS = new Set(['ls', 'tree', 'find', 'wc']);

/** Words a search for secrets uses. */
const SECRET_WORD =
  /token|secret|passw|connection[_-]?string|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth|bearer|BEGIN [A-Z ]*PRIVATE|\.pem\b|id_(rsa|dsa|ecdsa|ed25519)|\.(key|p12|pfx|jks|keystore)\b|\.env\b|netrc|kubeconfig/i;

function fact(cmd: NormalizedCommand, source: string): DraftFact {
  return { kind: 'shell', hazard: 'credential-read', source, evidence: evidenceOf(cmd) };
}

/**
 * True where a recursive search for secret words is a hunt: HOME itself (or an ancestor),
 * a hidden folder of HOME, where tools keep their logins (`~/.config`, `~/.local/share`),
 * or the system's configuration (/etc).
 */
function huntedPlace(abs: string, ctx: AnalyzeContext): boolean {
  const up = path.relative(abs, ctx.home);
  if (up === '' || (!up.startsWith('..') && !path.isAbsolute(up))) return true;
  const down = path.relative(ctx.home, abs);
  if (!down.startsWith('..') && !path.isAbsolute(down) && down.startsWith('.')) return true;
  return abs === '/etc' || abs.startsWith('/etc/');
}

/**
 * Another process's environment or memory under /proc (a pid, or one a substitution picks);
 * the command's own (`self`) is what `env` prints.
 */
const ENVIRON = /^\/proc\/(?!self\/|thread-self\/)[^/]+\/(task\/[^/]+\/)?(environ|mem)$/;

/** A search pattern as the words it looks for (`api[_-]?key` → `apikey`). */
const patternWords = (a: string) => a.replace(/\[[^\]]*\]|[?*+()|\\^$.{}]/g, '');

function insideWorkspace(abs: string, ctx: AnalyzeContext): boolean {
  const rel = path.relative(ctx.workspace, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The statement before `cmd` in the same inline PowerShell code (its cmdlets are split into
 * commands of their own, without a pipe between them): what may be piped into it; undefined
 * = none, or not PowerShell.
 */
function pwshUpstream(cmd: NormalizedCommand, all: NormalizedCommand[]): NormalizedCommand | undefined {
  const prev = all[all.indexOf(cmd) - 1];
  const carrier = cmd.wrappers[cmd.wrappers.length - 1] ?? '';
  if (!prev || !/^(pwsh|powershell)/i.test(carrier)) return undefined;
  const same = prev.wrappers.join('\0') === cmd.wrappers.join('\0') && prev.span[0] === cmd.span[0];
  return same ? prev : undefined;
}

export const extractCredentialHunt: Extractor = (cmd, ctx, all) => {
  if (cmd.remote) return [];
  const revealed = revealedSecret(cmd, all);
  if (revealed) return [fact(cmd, revealed)];
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  const memory = dumpedMemory(p, cmd.argv);
  if (memory) return [fact(cmd, memory)];
  const windows = windowsCredentials(p, cmd.argv);
  if (windows) return [fact(cmd, windows)];
  const cracked = crackingAttack(p, cmd.argv);
  if (cracked) return [fact(cmd, cracked)];
  const attack = credentialAttack(p, cmd.argv);
  if (attack) return [fact(cmd, attack)];
  const sniffed = sniffedCredentials(cmd, ctx);
  if (sniffed) return [fact(cmd, sniffed)];
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : pwshUpstream(cmd, all);
  const searchedSecret = (w: string) => SECRET_WORD.test(w) || SECRET_WORD.test(patternWords(w));
  const upstream = from && { program: from.program, args: from.argv.slice(1) };
  const hunted = windowsHunt(p, args, searchedSecret, upstream);
  if (hunted) return [fact(cmd, hunted)];
  if (
    p === 'security' &&
    /^find-(generic|internet)-password$/.test(args[0] ?? '') &&
    args.some((a) => /^-[a-z]*[wg]/.test(a))
  )
    return [fact(cmd, `keychain ${args[0]}`)];
  // `security dump-keychain -d`: every item of the keychain with its secret decrypted
  if (p === 'security' && args[0] === 'dump-keychain' && args.some((a) => /^-[a-z]*d/.test(a)))
    return [fact(cmd, 'keychain dump-keychain -d')];
  if (p === 'secret-tool' && args[0] === 'lookup') return [fact(cmd, 'secret-tool lookup')];
  // The private keys of the user's keyring, printed or written anywhere.
  if ((p === 'gpg' || p === 'gpg2') && exportsSecretKeys(args))
    return [fact(cmd, `${p} --export-secret-keys`)];
  if (
    p === 'aws' &&
    args[0] === 'configure' &&
    args[1] === 'get' &&
    SECRET_WORD.test(args.slice(2).join(' '))
  )
    return [fact(cmd, `aws configure get ${args[2] ?? ''}`)];
  if (!READERS.has(p)) return [];
  const recursive =
    p === 'rg' ||
    p === 'ag' ||
    p === 'find' ||
    args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) || a === '--recursive') ||
    grepRecurses(args);
  const searched = args.some((a) => SECRET_WORD.test(a) || SECRET_WORD.test(patternWords(a)));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // Another process's environment, whichever pid a substitution picks (`/proc/$(pgrep node)/environ`).
    if (ENVIRON.test(a.replace(/^if=/, '')) && !LISTERS.has(p)) return [fact(cmd, a)];
    if (cmd.dynamicArgs.includes(i + 1) || a.startsWith('-') || a === '') continue;
    const raw = a.replace(/^[^=]*=(?=[~/])/, ''); // `if=~/.ssh/id_rsa`
    if (!/^[~/.]|^\$HOME/.test(raw) && !raw.includes('/')) continue;
    const abs = resolvePath(raw.replace(/^\$\{?HOME\}?/, '~'), cmd, ctx);
    if (insideWorkspace(abs, ctx)) continue;
    const listing = LISTERS.has(p) && !(p === 'find' && searched);
    // a settings file's settings lines only (`grep region ~/.aws/config`: credential-settings.ts)
    if (isHomeCredential(abs, ctx.home) && !listing && !settingsLinesOnly(p, args, abs, ctx.home, cmd))
      return [fact(cmd, raw)];
    // `grep -r TOKEN ~`, `grep -r token ~/.config`: a search of where logins are kept.
    if (recursive && searched && huntedPlace(abs, ctx)) return [fact(cmd, raw)];
  }
  const stdin = cmd.stdin?.kind === 'file' ? cmd.stdin.path : undefined;
  if (stdin && !insideWorkspace(stdin, ctx) && isHomeCredential(stdin, ctx.home)) return [fact(cmd, stdin)];
  return [];
};
