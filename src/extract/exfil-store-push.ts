/**
 * A credential store's repository pushed to a URL named on the spot: `git -C ~/.password-store
 * push https://…`, `cd ~/.ssh && git push git@host:x.git`, `git --git-dir ~/.local/share/gopass/
 * stores/root/.git push URL`, `pass git push URL` (pass and gopass run git in their store). The
 * repository is the secrets (pass's encrypted entries, keys, tokens), so its history goes to
 * whoever owns that URL. A push to a configured remote (`pass git push`, `git push origin`) is
 * the store's own sync and is not read here; a remote added in the same script is
 * (exfil.ts, repositoryPush).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { parseGitGlobal } from '../normalize/git-options.js';
import { isCredentialAbs } from '../normalize/credentials.js';
import { resolvePath } from './fs-paths.js';
import { hostOf } from './exfil-transfers.js';
import { isLocalHost } from './http-url.js';

/** One store pushed: the URL's host and the store's folder. */
export interface StorePush {
  /** The host of the URL pushed to (lower case). */
  host: string;
  /** The store's folder as resolved (absolute), or the password manager's name. */
  store: string;
}

/** A URL or scp-style address of another machine (`https://h/x.git`, `git@h:x.git`); not a path or file: URL. */
const REMOTE_URL = /^(?!file:)[a-z][\w+.-]*:\/\/|^[^/@\s:]+@[^:\s/]+:/i;

/** git's push options that take the next word as their value. */
const PUSH_WITH_VALUE = new Set(['--repo', '--receive-pack', '--exec', '-o', '--push-option', '--signed']);

/** The folder git works in: the last `-C` (relative ones compound), `--git-dir`, `--work-tree`, or the cwd. */
function repoDir(argv: string[], end: number, cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  let dir = cmd.cwd;
  let gitDir = '';
  for (let i = 1; i < end; i++) {
    const [opt, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (opt === '-C') dir = resolvePath(value(), dir, ctx) || '';
    else if (opt === '--git-dir' || opt === '--work-tree') gitDir = resolvePath(value(), dir, ctx);
    else if (opt === '-c' && inline === undefined) i++;
  }
  return gitDir || dir;
}

/** The store `cmd` pushes to a URL; undefined = none. */
export function storePush(cmd: NormalizedCommand, ctx: AnalyzeContext): StorePush | undefined {
  let words: string[];
  let store: string;
  if ((cmd.program === 'pass' || cmd.program === 'gopass') && cmd.argv[1] === 'git') {
    // the password manager runs git in its store, wherever that is
    words = cmd.argv.slice(2);
    store = cmd.program;
  } else if (cmd.program === 'git') {
    const sub = parseGitGlobal(cmd.argv).subIndex;
    if (sub < 0) return undefined;
    words = cmd.argv.slice(sub);
    // fail closed: a folder that cannot be resolved is not known to be a store, and not judged one
    const dir = repoDir(cmd.argv, sub, cmd, ctx);
    if (!dir || !isCredentialAbs(dir, ctx.home)) return undefined;
    store = dir;
  } else return undefined;
  if (words[0] !== 'push') return undefined;
  let target = '';
  for (let i = 1; i < words.length && !target; i++) {
    const [opt, inline] = words[i].split(/=(.*)/s, 2);
    if (opt === '--repo') target = inline ?? words[i + 1] ?? '';
    else if (!opt.startsWith('-')) target = words[i];
    else if (PUSH_WITH_VALUE.has(opt) && inline === undefined) i++;
  }
  if (!REMOTE_URL.test(target)) return undefined;
  const host = hostOf(target);
  return host && !isLocalHost(host) ? { host, store } : undefined;
}
