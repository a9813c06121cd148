/**
 * Git settings that weaken how git talks to its remotes, read where they are written (`git
 * config KEY VALUE`; a one-command `-c` changes nothing that lasts and is not read here):
 * - `http.sslVerify` (or `http.<url>.sslVerify`) false: every later fetch and push over HTTPS
 *   takes any certificate, so whoever sits on the path reads the credentials sent
 *   (`tls-verify-off`);
 * - `credential.helper store` (or `credential.<url>.helper`; the helper named by its program,
 *   `git-credential-store` or a path to it, likewise): every password and token git is given
 *   is kept in plain text in `~/.git-credentials` (`credential-plaintext`);
 * - `url.<base>.insteadOf` / `pushInsteadOf` whose base is another host or path than the URL it
 *   replaces: later pushes and fetches of every repository under that URL go to the base
 *   (`remote-set-url`, its remote the URL replaced); a URL of a scheme alone (`https://`,
 *   `git:`, `http`) or a user alone (`git@`) replaces every URL so written. `remote.NAME.url` /
 *   `pushurl` written likewise points that remote elsewhere. A rewrite to the same host and path
 *   (`git@github.com:` for `https://github.com/`, a token added), of one scheme to another
 *   (`https://` for `git://`) or from a short alias (`gh:`) redirects nothing;
 * - `daemon.receivepack` / `http.receivepack` true: anyone who reaches the repository through
 *   `git daemon` or `git http-backend` may push to it, without signing in (`push-anonymous`).
 * And `git daemon --enable=receive-pack` (its last enable/disable of receive-pack wins; or
 * `-c daemon.receivepack=true` given to it) listening beyond loopback: every repository it
 * serves takes pushes from anyone (`push-anonymous`).
 * Fail closed: a value known only at run time (`"$V"`) is read as the weakening one.
 */
import { act, type GitAction, type Reader } from './git-act.js';
import { LOOPBACK } from './exposure-servers.js';

/** Values git reads as false for a boolean setting written with a value (an empty value is false too). */
export const GIT_FALSE = /^(false|no|off|0|)$/i;
/** Values git reads as true for a boolean setting (`-c key` with no `=` is true too: the caller's concern). */
export const GIT_TRUE = /^(true|yes|on|1)$/i;

/** True when a word is known only at run time (a `$VAR`, `$(…)` or backquoted command left in it). */
export const unknownWord = (w: string) => /[$`]/.test(w);

/** Schemes git fetches and pushes over; a rewrite of a prefix of `SCHEME://` touches every such URL. */
const SCHEMES = ['http', 'https', 'ssh', 'git', 'git+ssh', 'ssh+git', 'ftp', 'ftps', 'file'];

/** Where a URL points. */
interface Place {
  /** The host, lower case (`github.com`, `[::1]`); never empty. */
  host: string;
  /** The path without leading or trailing `/` nor `.git` (`acme/x`); empty = the host's root. */
  path: string;
}

/**
 * True when `url` names no host but starts every URL of a scheme or of a user: a prefix of
 * `SCHEME://` (`https://`, `git:`, `http`, `ssh://git@`) or `user@` alone (`git@`).
 */
function hostless(url: string): boolean {
  const u = url.toLowerCase();
  const scheme = /^([a-z][\w+.-]*)(:\/{0,2}(?:[^@/:]*@)?)?$/.exec(u);
  if (scheme && SCHEMES.some((s) => `${s}://`.startsWith(u) || (scheme[2] && s === scheme[1]))) return true;
  return /^[^@/:]+@$/.test(u);
}

/**
 * The host and path of `url`: `scheme://[user@]host[:port]/path` or scp-like
 * `[user@]host:path`. Undefined when it is neither, or an alias (`gh:`: no user, no dot).
 */
export function placeOf(url: string): Place | undefined {
  const trim = (p: string) => p.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  const full = /^[a-z][\w+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]*)(?::\d*)?(\/[^?#]*)?/i.exec(url);
  if (full) return full[1] ? { host: full[1].toLowerCase(), path: trim(full[2] ?? '') } : undefined;
  const scp = /^(?:([^@/:]+)@)?([^@/:]+):(.*)$/.exec(url);
  if (!scp || (scp[1] === undefined && !scp[2].includes('.'))) return undefined;
  return { host: scp[2].toLowerCase(), path: trim(scp[3]) };
}

/**
 * True when rewriting URLs that start with `from` to start with `to` sends them somewhere
 * else. Fail closed: a replacement that is not a readable URL (`$MIRROR/`) counts.
 */
function redirects(to: string, from: string): boolean {
  if (unknownWord(from)) return true;
  if (hostless(from)) return !hostless(to);
  const old = placeOf(from);
  if (!old) return false;
  const now = placeOf(to);
  return !now || now.host !== old.host || now.path.toLowerCase() !== old.path.toLowerCase();
}

/**
 * True when a `credential.helper` value keeps credentials in plain text: the `store` helper,
 * named as git names it (`store`, run as `git credential-store`) or by its program
 * (`git-credential-store`, `/usr/lib/git-core/git-credential-store`), options after it; or a
 * helper known only at run time. A shell helper (`!…`) is read as a program run (git-global.ts).
 */
function plaintextHelper(value: string): boolean {
  const program = value.split(/\s+/)[0] ?? '';
  if (unknownWord(program)) return true;
  const name = program.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');
  return /^(git-credential-)?store$/i.test(name);
}

/** What writing `key` (any case) = `value` does to git's transport; empty = nothing weakened. */
export function transportSettingActions(key: string, value: string): GitAction[] {
  const k = key.toLowerCase();
  const v = value.trim();
  const on = (re: RegExp) => re.test(v) || unknownWord(v);
  if (/^http\.(.+\.)?sslverify$/.test(k)) return on(GIT_FALSE) ? [act('tls-verify-off', [key])] : [];
  if (/^credential\.(.+\.)?helper$/.test(k))
    return plaintextHelper(v) ? [act('credential-plaintext', [key])] : [];
  if (/^(daemon|http)\.receivepack$/.test(k)) return on(GIT_TRUE) ? [act('push-anonymous', [key])] : [];
  const rewrite = /^url\.(.+)\.(insteadof|pushinsteadof)$/i.exec(key);
  if (rewrite) return redirects(rewrite[1], v) ? [act('remote-set-url', [rewrite[1]], v)] : [];
  const remote = /^remote\.(.+)\.(url|pushurl)$/i.exec(key);
  return remote && v !== '' ? [act('remote-set-url', [v], remote[1])] : [];
}

/**
 * `git daemon …`: `push-anonymous` when receive-pack is left enabled (`--enable=receive-pack`,
 * or `-c daemon.receivepack=true` before `daemon`, which --disable overrides) and it listens beyond
 * loopback (`--inetd`: wherever inetd listens); refs = the folders served. git daemon takes
 * only `--opt=VALUE` (`--enable receive-pack` stops at its usage message).
 */
export const daemon: Reader = (args, env) => {
  const set = env?.config.get('daemon.receivepack');
  let push = set !== undefined && (GIT_TRUE.test(set.trim()) || unknownWord(set));
  let inetd = false;
  const listen: string[] = [];
  const served: string[] = [];
  for (const a of args.slice(1)) {
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [opt, value] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, ''];
    if (opt === '--enable' || opt === '--disable') {
      if (value === 'receive-pack') push = opt === '--enable';
    } else if (opt === '--listen') listen.push(value);
    else if (opt === '--inetd') inetd = true;
    else if (opt === '--base-path') served.push(value);
    else if (!opt.startsWith('-')) served.push(opt);
  }
  const local = !inetd && listen.length > 0 && listen.every((l) => LOOPBACK.test(l));
  return push && !local ? [act('push-anonymous', served, listen.join(',') || '*')] : [];
};
