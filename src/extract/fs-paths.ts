/**
 * Resolving and classifying filesystem targets. Pure: no filesystem access; every
 * decision is made from the path text and the analysis context.
 */
import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import type { AnalyzeContext, FsClass, FsTarget, NormalizedCommand } from '../engine/types.js';
import { containerAbs, placeInContainer } from './container-paths.js';
import { isUnder } from './path-under.js';
import { drivePath, msysClass } from './fs-drives.js';

/** Top-level system directories: the directory itself and everything below it. */
const SYSTEM_TREES = [
  '/etc',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/boot',
  '/dev',
  '/opt',
  '/srv',
  '/var',
  '/proc',
  '/sys',
  '/root',
  '/run',
  '/snap',
  '/System',
  '/Library',
  '/Applications',
  '/private',
];

/** Directories that are system-owned themselves but whose children belong to users or mounts. */
const SYSTEM_DIRS_ONLY = ['/home', '/Users', '/mnt', '/media', '/tmp', '/var/tmp'];

/** Dot-directories of home that are only download caches. */
const HOME_CACHES = new Set(['.cache', '.npm', '.yarn', '.pnpm-store', '.node-gyp', '.bun']);

/**
 * Directories under home whose files are credentials or configuration that runs code
 * (keys, authorized_keys, cloud credentials, kubeconfig, git/shell config, user services).
 * A file in one of them counts as `home`, like the dotfiles directly in home: writing,
 * copying onto or deleting it changes who can log in or what runs next.
 */
const HOME_CREDENTIAL_DIRS = [
  '.ssh',
  '.aws',
  '.gnupg',
  '.kube',
  '.docker',
  '.azure',
  '.oci',
  '.terraform.d',
  '.config/gcloud',
  '.config/gh',
  '.config/git',
  '.config/fish',
  '.config/systemd',
  '.config/autostart',
];

/**
 * Block devices (and the SCSI generic nodes `/dev/sgN`, `/dev/bsg/…` that write to one), and raw
 * flash (MTD `/dev/mtdN`, `/dev/mtdblockN`, UBI `/dev/ubiN`): overwriting or formatting them destroys a disk.
 */
const DEVICE_RE =
  /^\/dev\/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|disk\/|mapper\/|md\d|dm-\d|loop\d|nbd\d|sr\d|rbd\d|sg\d|bsg\/|mtd\d|mtdblock\d|ubi\d)/;

/** Pseudo-files that any command may write to harmlessly. */
const HARMLESS_WRITE_RE = /^\/dev\/(null|stdout|stderr|tty|zero|fd\/\d+|pts\/\d+)$|^\/proc\/self\/fd\/\d+$/;

/** Characters that make a word an (unexpanded) glob pattern. */
const GLOB_RE = /[*?[]/;

/** True for writes that cannot damage anything (`/dev/null`, `/dev/stderr`, …). */
export function isHarmlessWrite(p: string): boolean {
  return HARMLESS_WRITE_RE.test(p);
}

/** The temp directories of this context: /tmp, /var/tmp, and $TMPDIR when given. */
function tmpRoots(ctx: AnalyzeContext): string[] {
  const roots = ['/tmp', '/var/tmp'];
  const t = ctx.env.TMPDIR;
  if (t && t.startsWith('/') && t !== '/') roots.push(posix.normalize(t).replace(/\/+$/, ''));
  return roots;
}

/**
 * Expands `~`, `~/x`, `$HOME`, `${HOME}` and makes the path absolute against `cwd`.
 * Returns '' when the word cannot be resolved (some other variable, command substitution).
 */
export function resolvePath(raw: string, cwd: string, ctx: AnalyzeContext): string {
  let w = raw;
  const homeVar = /^(\$HOME|\$\{HOME\})(?=\/|$)/;
  if (homeVar.test(w)) w = ctx.home + w.replace(homeVar, '');
  else if (w === '~' || w.startsWith('~/')) w = ctx.home + w.slice(1);
  else if (/^~[A-Za-z0-9_.-]+(\/|$)/.test(w)) w = '/home/' + w.slice(1);
  // fail closed: anything that still looks like an expansion is unknown, not a literal name.
  if (/\$|`|^<\(|^>\(/.test(w)) return '';
  return posix.resolve(cwd, w);
}

/** The directory part of a glob pattern: everything before the first component holding a glob char. */
function globDir(abs: string): string {
  const parts = abs.split('/');
  const i = parts.findIndex((p) => GLOB_RE.test(p));
  if (i < 0) return abs;
  const dir = parts.slice(0, i).join('/');
  return dir === '' ? '/' : dir;
}

/**
 * True when the first globbed path component has literal text besides dots (`*.log`,
 * `build-*`), so it cannot match every entry. `*`, `.*`, `[a-z]*` match everything.
 */
function selectiveGlob(abs: string): boolean {
  const part = abs.split('/').find((p) => GLOB_RE.test(p)) ?? '';
  return /[^.]/.test(part.replace(/\[[^\]]*\]/g, '').replace(/[*?]/g, ''));
}

/**
 * True when the glob `abs` (its first globbed component right below `dir`) may match the
 * folder of `dir` that holds `inside`: `/tmp/*` or `/tmp/a*` may take in a workspace
 * `/tmp/abc/ws`, `/tmp/laravel-*` cannot. False when `inside` is not below `dir`. fail
 * closed: a bracket or brace in the component may match anything.
 */
function globMayTake(abs: string, dir: string, inside: string): boolean {
  if (!isUnder(inside, dir) || inside === dir) return isUnder(inside, dir);
  const base = dir === '/' ? 1 : dir.length + 1;
  const held = inside.slice(base).split('/')[0];
  const part = abs.slice(base).split('/')[0];
  if (/[[\]{}\\]/.test(part)) return true;
  // the shell's own glob, nothing else: no extglobs, comments or negation; a dot folder counts
  return minimatch(held, part, { dot: true, noext: true, nocomment: true, nonegate: true });
}

/** Classifies an absolute, normalized local path. */
export function classifyPath(p: string, ctx: AnalyzeContext): FsClass {
  if (p === '') return 'unknown';
  if (p === '/') return 'root';
  if (DEVICE_RE.test(p)) return 'device';
  const home = posix.normalize(ctx.home);
  const ws = posix.normalize(ctx.workspace);
  if (p === home) return 'home';
  if (posix.dirname(p) === home && posix.basename(p).startsWith('.') && p !== ws) {
    // Download caches hold nothing that cannot be fetched again: outside, not home.
    return HOME_CACHES.has(posix.basename(p)) ? 'outside-workspace' : 'home';
  }
  if (HOME_CREDENTIAL_DIRS.some((d) => isUnder(p, posix.join(home, d))) && !isUnder(ws, p)) return 'home';
  if (isUnder(p, ws)) {
    if (p === ws) return 'workspace-root';
    const git = posix.join(ws, '.git');
    // A stale lock file inside .git is routinely removed; it holds no history.
    if (isUnder(p, git) && !(p !== git && p.endsWith('.lock'))) return 'workspace-vcs';
    return 'inside-workspace';
  }
  // Ancestors of the workspace: deleting them deletes the workspace and more.
  if (isUnder(ws, p)) return isUnder(p, home) && p !== home ? 'outside-workspace' : 'system';
  if (isUnder(p, home)) return 'outside-workspace';
  for (const t of tmpRoots(ctx)) {
    if (p === t) return 'system';
    if (isUnder(p, t)) return 'tmp';
  }
  if (SYSTEM_DIRS_ONLY.includes(p)) return 'system';
  if (SYSTEM_TREES.some((d) => isUnder(p, d))) return 'system';
  return 'outside-workspace';
}

/**
 * Classifies a path on another machine (ssh, docker exec): only its text is known.
 * Absolute system paths keep their class; `~` is that machine's home; the rest is outside.
 */
export function classifyRemote(raw: string): { path: string; class: FsClass } {
  if (/\$|`/.test(raw)) return { path: '', class: 'unknown' };
  if (raw === '~' || /^~\/\.[^/]+\/?$/.test(raw)) return { path: raw, class: 'home' };
  if (!raw.startsWith('/')) return { path: raw, class: 'outside-workspace' };
  const p = posix.normalize(raw).replace(/(.)\/+$/, '$1');
  if (p === '/') return { path: p, class: 'root' };
  if (DEVICE_RE.test(p)) return { path: p, class: 'device' };
  for (const t of ['/tmp', '/var/tmp']) if (p !== t && isUnder(p, t)) return { path: p, class: 'tmp' };
  if (SYSTEM_DIRS_ONLY.includes(p) || SYSTEM_TREES.some((d) => isUnder(p, d)))
    return { path: p, class: 'system' };
  return { path: p, class: 'outside-workspace' };
}

/**
 * Resolves and classifies argv[index] of `cmd` as a filesystem target.
 * Dynamic words → class unknown. Globs are classified by their directory part: `/*` is as
 * bad as `/`, `./*` as the workspace itself, `/tmp/*` is temp content.
 */
export function target(cmd: NormalizedCommand, index: number, ctx: AnalyzeContext): FsTarget {
  return targetOf(cmd.argv[index] ?? '', cmd, ctx, cmd.dynamicArgs.includes(index));
}

/** Like {@link target} for a word that is not an argv element (`of=/dev/sda`, `-t DIR`). */
export function targetOf(
  raw: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  dynamic = false,
): FsTarget {
  const glob = GLOB_RE.test(raw);
  // `$TMPDIR/name` with TMPDIR not set by the script: the user's temp space. Only a literal,
  // glob-free name below it (an unset TMPDIR turns `$TMPDIR/*` into `/*`).
  const tmp = /^(?:\$TMPDIR|\$\{TMPDIR\})\/([\w.+@-]+(?:\/[\w.+@-]+)*)\/?$/.exec(raw);
  if (
    dynamic &&
    tmp &&
    !(cmd.vars && 'TMPDIR' in cmd.vars) &&
    !tmp[1].split('/').some((c) => /^\.+$/.test(c))
  )
    return { raw, path: raw, class: 'tmp', glob: false };
  // fail closed: a word the normalizer could not resolve may name anything.
  if (dynamic) return { raw, path: '', class: 'unknown', glob };
  // fail closed: `{}` under find -exec / xargs -I stands for names only known at run time.
  if (raw.includes('{}') && cmd.wrappers.some((w) => /^(find|xargs|parallel)\b/.test(w)))
    return { raw, path: '', class: 'unknown', glob };
  if (cmd.remote) {
    const r = classifyRemote(glob ? globDirRaw(raw) : raw);
    return { raw, path: r.path, class: r.class, glob };
  }
  if (cmd.container) return containerTarget(raw, cmd, ctx);
  // a Windows drive path (`C:\data`, `D:/x`, `C:Usersbob`): never a name relative to this directory
  const drive = drivePath(raw, (p) => classifyPath(p, ctx));
  if (drive) return { raw, path: drive.path, class: drive.class, glob };
  const path = resolvePath(raw, cmd.cwd, ctx);
  if (path === '') return { raw, path, class: 'unknown', glob };
  // Git Bash's `/c/Users/bob` is that drive path
  const msys = (p: string, c: FsClass) => (c === 'outside-workspace' ? (msysClass(p) ?? c) : c);
  if (!glob) return { raw, path, class: msys(path, classifyPath(path, ctx)), glob };
  const dir = globDir(path);
  let cls = msys(dir, classifyPath(dir, ctx));
  // Contents of a temp root are temp files, unless the glob may take in the workspace that lives in there.
  if (
    cls === 'system' &&
    tmpRoots(ctx).includes(dir) &&
    !globMayTake(path, dir, posix.normalize(ctx.workspace))
  )
    cls = 'tmp';
  // `*.log` in the workspace names some files in it, not the project; `~/*.bak` some files in home.
  if (selectiveGlob(path)) {
    if (cls === 'workspace-root') cls = 'inside-workspace';
    else if (cls === 'home') cls = 'outside-workspace';
  }
  return { raw, path, class: cls, glob };
}

/**
 * A target of a command run in a new container: the container's own files are scratch
 * (class `tmp`: thrown away with it), a volume's data is outside the workspace, and a bind
 * mount's path is classified as the host path it is. A mount below the target counts
 * (`rm -rf /` inside it empties a mounted workspace). Devices are the host's.
 */
export function containerTarget(raw: string, cmd: NormalizedCommand, ctx: AnalyzeContext): FsTarget {
  const glob = GLOB_RE.test(raw);
  const abs = containerAbs(raw, cmd);
  if (!abs) return { raw, path: '', class: 'unknown', glob };
  if (DEVICE_RE.test(abs)) return { raw, path: abs, class: 'device', glob };
  const dir = glob ? globDir(abs) : abs;
  const place = placeInContainer(dir, cmd.container ?? [], true);
  if (place.kind === 'unknown') return { raw, path: '', class: 'unknown', glob };
  if (place.kind === 'own') return { raw, path: abs, class: 'tmp', glob };
  if (place.kind === 'volume') return { raw, path: abs, class: 'outside-workspace', glob };
  const tail = !glob ? '' : place.whole ? '/*' : abs.slice(dir.length);
  const host = targetOf(place.path + tail, { ...cmd, container: undefined, cwd: '/' }, ctx);
  return { ...host, raw };
}

function globDirRaw(raw: string): string {
  const i = raw.search(GLOB_RE);
  const cut = raw.slice(0, i);
  const slash = cut.lastIndexOf('/');
  return slash <= 0 ? (raw.startsWith('/') ? '/' : '.') : cut.slice(0, slash);
}

/** Sorted, de-duplicated union of the targets' classes. */
export function classesOf(targets: FsTarget[]): FsClass[] {
  return [...new Set(targets.map((t) => t.class))].sort();
}
