/**
 * Removing the system's own packages: `apt-get purge 'linux-image-*'`, `rpm -e --nodeps
 * glibc`, `pacman -Rdd systemd`, `apk del musl`, and the same through apt, aptitude, dpkg,
 * dnf, yum, microdnf, zypper, yay and paru. A package the machine needs to boot or run (the
 * kernel, the C library, init, the boot loader, the package manager itself, the essential
 * core utilities, the remote-access daemon), or any package removed with the dependency
 * checks switched off (`--nodeps`, `--force-*`, `-dd`, `--allow-remove-essential`), is a
 * CloudFact of service `system-package` (verb `remove-essential` or `force-remove`) that
 * rulesets/host.yaml judges; an endpoint security or vulnerability agent's package removed, or
 * one of the host's defences (security-agents.ts: crowdsec, fail2ban, auditd, falco, AppArmor …),
 * by these or by an application package manager (snap, brew, choco, winget, scoop, port), is a
 * host-defence fact of verb `agent-off`. Names may be globs or apt patterns (`linux-image-*`,
 * `^glibc.*`): they count when they can name an essential package; so does the whole
 * installed list printed at run time (`pacman -Rns $(pacman -Qqe)`, `rpm -qa | xargs rpm -e`). Removing an ordinary
 * package, and every other use of these tools, makes no fact here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { defencePackage } from './security-agents.js';
import { feedingPipeline, XARGS_INPUT } from './git-refspecs.js';

/** Packages a Linux system needs to boot or run, by name (any distribution's spelling). */
const ESSENTIAL = new RegExp(
  '^(?:' +
    [
      // kernels (images, modules and their metapackages; not headers, tools or docs)
      'linux|linux-(?:lts|zen|hardened|virt|rt)',
      'linux-(?:image|modules|signed-image|generic|virtual|lowlatency|aws|azure|gcp|kvm|oracle)(?:-[\\w.+~-]+)?',
      'kernel(?:-core|-modules(?:-core|-extra)?|-default|-uek|-lts)?(?:-\\d[\\w.+~-]*)?',
      // the C library, init and the boot chain
      'glibc(?:-common)?|libc6|libc-bin|libc|musl|libgcc-s1|libgcc',
      'systemd|systemd-sysv|libsystemd0|init|sysvinit(?:-core|-utils)?|openrc|udev|dbus',
      'grub[\\w.-]*|shim(?:-[\\w]+)?|dracut|initramfs-tools|mkinitcpio',
      // the package managers themselves
      'apt|dpkg|rpm|rpm-libs|dnf|yum|microdnf|zypper|libzypp|pacman|apk-tools',
      // the essential core of a running system, and the way in
      'base|base-files|base-passwd|filesystem|setup|coreutils|util-linux|bash|dash|busybox|login|passwd',
      'shadow|shadow-utils|sudo|sed|grep|tar|gzip|findutils|diffutils|debianutils|perl-base',
      'ncurses-base|ncurses-bin|hostname|mount|procps|e2fsprogs|libselinux1?|pam|libpam0g|libpam-modules',
      'openssh-server|openssh|sshd|ubuntu-minimal|ubuntu-standard',
    ].join('|') +
    ')$',
);

/** One example of every essential family, for patterns (`linux-image-*`, `^lib.*`) to be tried against. */
const SAMPLES = [
  'linux-image-6.8.0-31-generic',
  'linux-modules-6.8.0-31-generic',
  'linux',
  'kernel-core-6.9.4-200.fc40.x86_64',
  'glibc',
  'libc6',
  'musl',
  'systemd',
  'grub2-pc',
  'grub-efi-amd64',
  'apt',
  'dpkg',
  'rpm',
  'dnf',
  'pacman',
  'apk-tools',
  'coreutils',
  'bash',
  'sudo',
  'util-linux',
  'openssh-server',
];

/** True when a package name, glob or apt pattern can name an essential package. */
export function essential(name: string): boolean {
  const n = name
    .replace(/^\w[\w-]*\//, '') // a category or repo prefix (sys-libs/glibc, core/linux)
    .replace(/[:=].*$/, '') // an architecture or version (libc6:amd64, glibc=2.39)
    .toLowerCase();
  if (ESSENTIAL.test(n)) return true;
  if (!/[*?[\]^$.+|]/.test(n)) return false;
  const glob = new RegExp(
    `^${n
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  let apt: RegExp | undefined;
  try {
    apt = new RegExp(n); // apt reads a name with regex characters as a regular expression
  } catch {
    apt = undefined;
  }
  return SAMPLES.some((s) => glob.test(s) || (apt?.test(s) ?? false));
}

/**
 * Commands that print every installed (or every explicitly installed) package: `pacman -Qq`,
 * `-Qqe`, `-Qqn` (not `-Qdt`, the orphans, nor `-Qm` or a group: a part), `rpm -qa`, `dpkg
 * --get-selections`, `dpkg-query -W` / `-f=… -W`, `apt list --installed`, `apt-mark showmanual`,
 * `dnf|yum list installed`, `apk info`.
 */
const LISTS_INSTALLED =
  /^\s*(?:sudo\s+)?(?:(?:pacman|yay|paru)\s+-Q[qen]*|rpm\s+-q[a-zA-Z]*a[a-zA-Z]*|dpkg\s+--get-selections|dpkg-query\s+(?:(?:-f|--showformat)(?:=|\s+)\S+\s+)?-W|apt\s+list\s+--installed|apt-mark\s+showmanual|(?:dnf|yum)\s+list\s+installed|apk\s+info)\s*$/;
/** Pipeline stages that reshape a list but keep (nearly) all of it: `grep -v X`, `sort`, `cut`, `awk '{print $1}'`. */
const KEEPS_LIST = /^\s*(?:grep\s+-v\b.*|sort\b.*|uniq\b.*|cut\s.*|tr\s.*|awk\s+'?\{\s*print \$1\s*\}'?)\s*$/;

/**
 * True when a package word is the whole installed list, printed at run time: a command
 * substitution (`$(pacman -Qqe)`) or the pipeline feeding xargs' appended items or a `-` that
 * reads names from stdin (`pacman -Qqe | pacman -Rns -`).
 */
function wholeInstalledList(word: string, fedBy: string | undefined): boolean {
  const m = /^"?\$\((.*)\)"?$|^`(.*)`$/s.exec(word);
  const text = m
    ? (m[1] ?? m[2])
    : (word === XARGS_INPUT || word === '-') && fedBy
      ? fedBy.slice(2, -1)
      : undefined;
  if (text === undefined) return false;
  const stages = text.split('|');
  // feedingPipeline lists the nearest stage first; a substitution is written source first
  const ordered = m ? stages : [...stages].reverse();
  return LISTS_INSTALLED.test(ordered[0]) && ordered.slice(1).every((s) => KEEPS_LIST.test(s));
}

/** Per tool: the words that remove, the options that take a value, and those that switch the dependency checks off. */
interface Spec {
  /** Subcommands (or option letters, for rpm/dpkg/pacman/emerge) that remove the named packages. */
  remove: (w: string) => boolean;
  /** Options whose next word is their value. */
  valued: RegExp;
  force: RegExp;
}

const APT: Spec = {
  remove: (w) => /^(remove|purge|autoremove|autopurge)$/.test(w),
  valued: /^(-o|-c|-t|--option|--config-file|--target-release)$/,
  force: /^--allow-remove-essential$|^--force-yes$/,
};
const DNF: Spec = {
  remove: (w) => /^(remove|erase|rm|autoremove)$/.test(w),
  valued:
    /^(-c|--config|--setopt|--installroot|--releasever|--repo|--enablerepo|--disablerepo|-x|--exclude)$/,
  force: /^--setopt=protected_packages=|^--nodeps$/,
};
const SPECS: Record<string, Spec> = {
  apt: APT,
  'apt-get': APT,
  aptitude: APT,
  dnf: DNF,
  yum: DNF,
  microdnf: DNF,
  tdnf: DNF,
  zypper: {
    remove: (w) => /^(remove|rm)$/.test(w),
    valued: /^(--root|-R|--repo|-r|--type|-t)$/,
    force: /^--force-resolution$/,
  },
  apk: {
    remove: (w) => w === 'del',
    valued: /^(--root|-p|-X|--repository)$/,
    force: /^--force(-broken-world)?$/,
  },
  rpm: {
    remove: (w) => /^-[a-zA-Z]*e[a-zA-Z]*$|^--erase$/.test(w),
    valued: /^(--root|--dbpath)$/,
    force: /^--nodeps$/,
  },
  dpkg: {
    remove: (w) => /^(-[rP]|--remove|--purge)$/.test(w),
    valued: /^(--root|--admindir|--instdir)$/,
    force: /^--force-(all|depends|remove-essential|remove-protected)$/,
  },
  pacman: {
    remove: (w) => /^-R[a-zA-Z]*$|^--remove$/.test(w),
    valued: /^(--root|-r|--dbpath|-b|--config)$/,
    force: /^-R[a-zA-Z]*d[a-zA-Z]*d|^--nodeps$/,
  },
};
SPECS.yay = SPECS.pacman;
SPECS.paru = SPECS.pacman;

/** A removal of essential packages, or a forced one; undefined for anything else. */
export function readPackageRemoval(cmd: NormalizedCommand): CloudDraft | undefined {
  const spec = Object.hasOwn(SPECS, cmd.program) ? SPECS[cmd.program] : undefined;
  if (!spec) return undefined;
  const args = cmd.argv.slice(1);
  let removing = false;
  let force = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (spec.valued.test(a)) {
      if (spec.force.test(`${a}=${args[i + 1] ?? ''}`)) force = true;
      i++;
    } else if (!removing && spec.remove(a)) {
      removing = true;
      force ||= spec.force.test(a); // `pacman -Rdd`
    } else if (a.startsWith('-') && a !== '-') force ||= spec.force.test(a);
    // `apt-get install foo-`: a trailing minus removes foo
    else if (removing) names.push(a);
    else if (
      spec === APT &&
      /^(install|reinstall)$/.test(args.find((w) => !w.startsWith('-')) ?? '') &&
      /.-$/.test(a)
    )
      names.push(a.slice(0, -1));
  }
  // `pacman -Rdd`: two d's (or --nodeps twice) skip every dependency check
  if (cmd.program === 'pacman' || cmd.program === 'yay' || cmd.program === 'paru')
    force ||= args.filter((a) => a === '--nodeps').length > 1;
  if (!names.length) return undefined;
  const fedBy = feedingPipeline(cmd)?.replace(/'/g, '');
  const hit = names.filter((n) => essential(n) || wholeInstalledList(n, fedBy));
  if (hit.length) return draft(cmd, 'remove-essential', hit);
  // a security agent or one of the host's defences uninstalled: the host is no longer guarded
  const agents = names.filter(defencePackage);
  if (agents.length) return { ...draft(cmd, 'agent-off', agents), service: 'host-defence' };
  return force ? draft(cmd, 'force-remove', names) : undefined;
}

export function draft(cmd: NormalizedCommand, verb: string, names: string[]): CloudDraft {
  return {
    tool: cmd.program,
    service: 'system-package',
    verb,
    resource: names.join(' '),
    all: false,
    force: true,
  };
}

/**
 * Package managers of applications (snap, Homebrew, Chocolatey, winget, Scoop, MacPorts) and
 * their verbs that uninstall: what they remove is the program they installed, never the
 * system itself, so only a security agent or defence removed counts (not an essential name:
 * `brew uninstall bash` leaves the system's bash).
 */
const APP_REMOVE: Record<string, RegExp> = {
  snap: /^remove$/,
  brew: /^(uninstall|remove|rm)$/,
  choco: /^(uninstall|un)$/,
  winget: /^(uninstall|remove|rm)$/,
  scoop: /^(uninstall|remove|rm)$/,
  port: /^uninstall$/,
};
/** Their options that take a value (`--cask` takes none, `winget --id X` does). */
const APP_VALUED = /^(--id|--name|-n|--source|-s|--version|-v|--scope|--log|-o|--override|--revision)$/;

/** An application package manager uninstalling a security agent or defence; undefined for anything else. */
function readAppRemoval(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const verb = args.findIndex((a) => !a.startsWith('-'));
  if (verb < 0 || !APP_REMOVE[cmd.program].test(args[verb])) return undefined;
  const names: string[] = [];
  for (let i = verb + 1; i < args.length; i++) {
    const [opt, attached] = args[i].split(/=(.*)/s);
    if (!opt.startsWith('-')) names.push(args[i]);
    else if (APP_VALUED.test(opt)) {
      // `winget uninstall --id X`, `--name X`: the package named by its option
      const value = attached ?? args[++i] ?? '';
      if (/^(--id|--name|-n)$/.test(opt)) names.push(value);
    }
  }
  const agents = names.filter(defencePackage);
  return agents.length ? { ...draft(cmd, 'agent-off', agents), service: 'host-defence' } : undefined;
}

/** Programs this module reads, by name. */
export const PACKAGE_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  ...Object.fromEntries(Object.keys(SPECS).map((p) => [p, readPackageRemoval])),
  ...Object.fromEntries(Object.keys(APP_REMOVE).map((p) => [p, readAppRemoval])),
};
