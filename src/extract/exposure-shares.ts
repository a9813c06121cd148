/**
 * Things handed to anyone who has a link or reaches this machine: a terminal shared through
 * a public relay (`tmate`, `upterm host`, `sshx`, `tty-share --public`: whoever has the link
 * types into this shell), a file system exported to every host (`exportfs -o rw '*:/srv'`,
 * a Samba usershare open to guests), data published for everyone (`kaggle datasets create
 * --public`, `gh repo create --public --push`, `gdrive … --type anyone`, a private npm
 * package made public: `npm access set status=public PKG`) and share links
 * that never expire (`uplink share --url` without `--not-after`, `rclone link` without
 * `--expire`). Reads the command's words only.
 *
 * Listing, status and help (`tmate -V`, `exportfs -v`, `kaggle datasets list`) share nothing;
 * a read-only export, a named client network and a link with an expiry are choices a
 * human made.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import type { Finding } from './word-facts.js';

const positionals = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('-'));
const has = (argv: string[], re: RegExp) => argv.slice(1).some((a) => re.test(a));

/** tmate's subcommands that start or serve a shared session; any other talks to one or prints. */
const TMATE_STARTS = /^(new-session|new)$/;
/** tmate's (tmux's) options that take a value: socket, config file, shell command. */
const TMATE_WITH_VALUE = /^-[SLfck]$/;

/** The positional words of argv, without the values of options `withValue` names. */
function words(argv: string[], withValue: RegExp): string[] {
  return argv.slice(1).filter((w, i, all) => !w.startsWith('-') && !withValue.test(all[i - 1] ?? ''));
}

/** Terminal sharing through a relay that gives the session a public link. */
function sharedTerminals(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const pos = words(a, TMATE_WITH_VALUE);
  if (has(a, /^(-V|--version|-h|--help)$/)) return [];
  if (cmd.program === 'tmate' && (pos.length === 0 || TMATE_STARTS.test(pos[0])))
    return [['terminal', 'tmate shares this terminal through a public relay']];
  if (cmd.program === 'upterm' && pos[0] === 'host')
    return [['terminal', 'upterm host shares this terminal through a public relay']];
  if (cmd.program === 'sshx' && pos.length === 0) return [['terminal', 'sshx shares this terminal by link']];
  if (cmd.program === 'tty-share' && has(a, /^--public$/))
    return [['terminal', 'tty-share --public shares this terminal by link']];
  return [];
}

/** An NFS client spec that is every host (`*`, `*:/srv`, `0.0.0.0/0:/srv`). */
const ANY_CLIENT = /^(\*|0\.0\.0\.0\/0|::\/0)(:|$)/;

/** File systems exported to every host, writable or with root kept root. */
function exports(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  if (cmd.program === 'exportfs') {
    const client = positionals(a).find((w) => ANY_CLIENT.test(w));
    const options = optionPairs(a)
      .filter(([o]) => o === '-o')
      .map(([, v]) => v)
      .join(',');
    if (client && /(^|,)(rw|no_root_squash)(,|$)/.test(options))
      return [['nfs', `exportfs -o ${options} ${client}`]];
  }
  // `net usershare add NAME PATH COMMENT Everyone:F guest_ok=y`
  if (cmd.program === 'net' && a[1] === 'usershare' && a[2] === 'add' && has(a, /^guest_ok=y/i))
    return [['smb', `net usershare add ${a[3] ?? ''} guest_ok=y`]];
  return [];
}

/** Data published for everyone to read. */
function published(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const pos = positionals(a);
  if (cmd.program === 'kaggle' && /^(datasets|d)$/.test(pos[0] ?? '') && pos[1] === 'create')
    return has(a, /^(-u|--public)$/) ? [['dataset', 'kaggle datasets create --public']] : [];
  // a new public repository with this folder's code pushed to it
  if (cmd.program === 'gh' && pos[0] === 'repo' && pos[1] === 'create' && has(a, /^--public$/))
    return has(a, /^(--push|--source(=.*)?|-s)$/) ? [['visibility', 'gh repo create --public --push']] : [];
  if (cmd.program === 'gdrive' && optionPairs(a).some(([o, v]) => o === '--type' && v === 'anyone'))
    return [['link', 'gdrive share --type anyone']];
  return packageMadePublic(cmd);
}

/** The package managers' options that take a value (so it is not read as a command word). */
const PACKAGE_VALUED = /^--(otp|registry|userconfig|scope|workspace|cache|loglevel)$|^-w$/;

/**
 * A private package made public on its registry: `npm access public PKG` (npm 8 and older,
 * Yarn 1; pnpm hands `access` to npm), `npm access set status=public PKG` (npm 9 on).
 */
function packageMadePublic(cmd: NormalizedCommand): Finding[] {
  if (!/^(npm|yarn|pnpm)$/.test(cmd.program)) return [];
  const words = cmd.argv
    .slice(1)
    .filter((w, i, all) => !w.startsWith('-') && !PACKAGE_VALUED.test(all[i - 1] ?? ''));
  const at = words.indexOf('access');
  const [verb, what, pkg] = at < 0 ? [] : words.slice(at + 1);
  if (verb === 'public') return [['package', `${cmd.program} access public ${what ?? ''}`.trim()]];
  if (verb === 'set' && /^status=public$/i.test(what ?? ''))
    return [['package', `${cmd.program} access set status=public ${pkg ?? ''}`.trim()]];
  return [];
}

/** Share links that anyone holding them can open, with no expiry. */
function lastingLinks(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const pos = positionals(a);
  const notAfter = optionPairs(a).find(([o]) => o === '--not-after')?.[1];
  if (cmd.program === 'uplink' && pos[0] === 'share' && has(a, /^(--url|--public)(=true)?$/))
    if (notAfter === undefined || /^(none|never|)$/i.test(notAfter))
      return [['link', `uplink share --url${notAfter === undefined ? '' : ` --not-after=${notAfter}`}`]];
  if (cmd.program === 'rclone' && pos[0] === 'link' && !has(a, /^--expire(=|$)/) && !has(a, /^--unlink$/))
    return [['link', `rclone link ${pos[1] ?? ''} without --expire`]];
  return [];
}

/** What `cmd` shares with anyone, as [kind, the words]; empty = nothing. */
export function sharedWithAnyone(cmd: NormalizedCommand): Finding[] {
  return [...sharedTerminals(cmd), ...exports(cmd), ...published(cmd), ...lastingLinks(cmd)];
}
