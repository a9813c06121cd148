/**
 * Removing the system's own packages with the package managers of Gentoo (`emerge
 * -C|--unmerge|--rage-clean`), Void (`xbps-remove`), OpenWrt and embedded systems (`opkg
 * remove`) and Solus (`eopkg remove|rm`): the same CloudFact as cloud-packages.ts (service
 * `system-package`, verb `remove-essential` for a package the system needs to boot or run,
 * `force-remove` for any package removed with the dependency checks off: `xbps-remove -F`,
 * `opkg --force-depends`, `eopkg --ignore-dependency`). Gentoo's unmerge never checks what
 * depends on the package, so a name is judged only by what it is. A dry run (`emerge -p`,
 * `xbps-remove -n`), `emerge --depclean` (which keeps what the system needs), installing and
 * every other use make no fact.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft, essential } from './cloud-packages.js';

/**
 * Essential packages under these distributions' own names: Gentoo's package manager, base
 * layout and sets (`@system`, `@world`: every package of the system or of the user's
 * selection), Void's base and init, and the BusyBox and musl of embedded systems.
 */
const DISTRO_ESSENTIAL =
  /^(?:@system|@world|@selected|portage|baselayout|gentoo-functions|base-system|base-minimal|xbps|runit|runit-void|void-artwork|busybox|opkg|eopkg|ubus|procd|netifd|libubox|baselayout-\w+)$/;

/** True when a package name (with a `category/` prefix or a version atom: `=sys-libs/glibc-2.39`) names an essential package. */
function essentialName(name: string): boolean {
  const atom = name
    .replace(/^[<>=~!]+/, '') // a version atom's operator (`=sys-libs/glibc-2.39-r1`, `<=…`)
    .replace(/^[\w-]+\//, '') // the category (sys-libs/)
    .replace(/[:].*$/, '') // a slot (`:2.2`)
    .replace(/-\d[\w.]*(-r\d+)?$/, ''); // a version (`glibc-2.39-r1`)
  return DISTRO_ESSENTIAL.test(atom.toLowerCase()) || essential(atom) || essential(name);
}

/** Per tool: how removal is said, its options taking a value, and the options that force. */
interface DistroSpec {
  /** True when the arguments ask for removal (a subcommand or an option letter). */
  removes: (args: string[]) => boolean;
  /** True for an argument that makes the command a dry run or a listing only. */
  dryRun: RegExp;
  /** Options whose next word is their value. */
  valued: RegExp;
  /** Options that switch the dependency checks off; never = none. */
  force: RegExp;
  /** Words that are the tool's subcommand, not a package name (`remove`, `rm`). */
  verbs: RegExp;
  /** True when removal never checks what depends on a package (Gentoo's unmerge): a name only known at run time may be an essential one. */
  unchecked?: boolean;
}

/** emerge's short options, bundled (`-aC`, `-Cv`). */
const emergeShort = (a: string, letter: string) => /^-[a-zA-Z]+$/.test(a) && a.includes(letter);

const SPECS: Record<string, DistroSpec> = {
  emerge: {
    removes: (args) => args.some((a) => /^--(unmerge|rage-clean)$/.test(a) || emergeShort(a, 'C')),
    dryRun: /^(--pretend|-[a-zA-Z]*p[a-zA-Z]*)$/,
    valued: /^(--root|--config-root|--exclude|--with-bdeps|--load-average|--backtrack|--color)$/,
    force: /$^/,
    verbs: /$^/,
    unchecked: true,
  },
  'xbps-remove': {
    // every use removes: the names given (none = only `-o`/`-O` housekeeping)
    removes: () => true,
    dryRun: /^(-[a-zA-Z]*n[a-zA-Z]*|--dry-run)$/,
    valued: /^(-r|--rootdir|-C|--config|-c|--cachedir)$/,
    force: /^(-[a-zA-Z]*F[a-zA-Z]*|--force-revdeps)$/,
    verbs: /$^/,
  },
  opkg: {
    removes: (args) => args.some((a) => a === 'remove'),
    dryRun: /^--noaction$/,
    valued: /^(-f|--conf|-o|--offline-root|-d|--dest|--add-arch|--add-dest)$/,
    force: /^--force-(depends|removal-of-dependent-packages|removal-of-essential-packages)$/,
    verbs: /^remove$/,
  },
  eopkg: {
    removes: (args) => args.some((a) => /^(remove|rm)$/.test(a)),
    dryRun: /^(-n|--dry-run)$/,
    valued: /^(-D|--destdir)$/,
    force: /^--ignore-dep(endency)?$/,
    verbs: /^(remove|rm)$/,
  },
};

/** A removal of essential packages, or a forced one, by these tools; undefined for anything else. */
function readDistroRemoval(cmd: NormalizedCommand): CloudDraft | undefined {
  const spec = SPECS[cmd.program];
  const args = cmd.argv.slice(1);
  if (!spec.removes(args) || args.some((a) => spec.dryRun.test(a))) return undefined;
  const names: string[] = [];
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (spec.valued.test(a)) i++;
    else if (a.startsWith('-')) force ||= spec.force.test(a);
    else if (!spec.verbs.test(a)) names.push(a);
  }
  if (!names.length) return undefined;
  // fail closed: a name only known at run time (`$PKG`), removed with no dependency check
  const hit = names.filter((n) => essentialName(n) || (spec.unchecked === true && n.includes('$')));
  if (hit.length) return draft(cmd, 'remove-essential', hit);
  return force ? draft(cmd, 'force-remove', names) : undefined;
}

/** Programs this module reads, by name. */
export const DISTRO_PACKAGE_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> =
  Object.fromEntries(Object.keys(SPECS).map((p) => [p, readDistroRemoval]));
