/**
 * Package installers that run a package's own code (install scripts, MSI custom actions,
 * rpm/deb scriptlets), usually as an administrator: a package taken from a URL, or from a
 * file a fetcher downloaded earlier in the script, is downloaded code run unread, judged as
 * `curl … | sh` is (a `download-exec` shell fact). A local package of the workspace
 * (`dpkg -i ./build/x.deb`), a query (`rpm -qip x.rpm`) and an uninstall (`msiexec /x`) are not.
 *
 * Installers read, and where their package is:
 * - `msiexec /i|/package|/a|/j[um]|/p|/update PKG` (Windows; options by `/` or `-`, any case)
 * - `rpm -i|-U|-F…` (`-ivh`, `--install`, `--upgrade`, `--freshen`, `--reinstall`) PKG…
 * - `dpkg -i|--install|--unpack PKG…`
 * - `apt|apt-get|dnf|yum|zypper|microdnf|tdnf install|in|localinstall|reinstall PKG…` (a
 *   package name is not a URL nor a fetched file: only those two count)
 * - `pkg add PKG` (FreeBSD), `installer -pkg PKG` (macOS)
 * - `Add-AppxPackage|Add-AppPackage [-Path|-Uri] PKG` (PowerShell)
 */
import type { AnalyzeContext, NormalizedCommand, ShellFact } from '../engine/types.js';
import { evidenceOf } from './fs-evidence.js';
import { resolvePath } from './fs-paths.js';
import { fetchedBefore } from './shell-fetched.js';

/** The operands of `argv` (from index 1) that are not options; `skip` options take a value. */
function operands(argv: string[], from: number, skip: RegExp = /(?!)/): string[] {
  const out: string[] = [];
  for (let i = from; i < argv.length; i++) {
    const a = argv[i];
    if (skip.test(a)) i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

/** rpm's options that take a value. */
const RPM_VALUED =
  /^(--root|--dbpath|--prefix|--relocate|--define|-D|--excludepath|--rcfile|--macros|--pipe)$/;
/** The package managers whose `install` takes a URL or a local package file. */
const DISTRO = /^(apt|apt-get|dnf|dnf5|yum|zypper|microdnf|tdnf)$/;

/** The packages `argv` installs; empty = it installs none (another verb, a query, an uninstall). */
export function installedPackages(argv: string[]): string[] {
  // by basename: `/usr/bin/rpm`, `C:\\Windows\\System32\\msiexec.exe` (or the same with its backslashes lost)
  const prog = (argv[0] ?? '')
    .split(/[/\\]/)
    .pop()!
    .replace(/^.*system32/i, '')
    .replace(/\.exe$/i, '');
  if (/^msiexec$/i.test(prog)) {
    const i = argv.findIndex((a) => /^[/-](i|package|a|j[um]?|p|update)$/i.test(a));
    return i > 0 && argv[i + 1] ? [argv[i + 1]] : [];
  }
  if (prog === 'rpm') {
    const install = argv.some(
      (a) =>
        (/^-(?!-)[a-zA-Z]*[iUF]/.test(a) && !/^-[a-zA-Z]*q/.test(a)) ||
        /^--(install|upgrade|freshen|reinstall)$/.test(a),
    );
    const query = argv.some((a) => /^-(?!-)[a-zA-Z]*q|^--query$/.test(a));
    return install && !query ? operands(argv, 1, RPM_VALUED) : [];
  }
  if (prog === 'dpkg')
    return argv.some((a) => /^(-i|--install|--unpack)$/.test(a))
      ? operands(argv, 1, /^(--root|--admindir|--instdir)$/)
      : [];
  if (DISTRO.test(prog)) {
    const verb = argv.findIndex((a) => /^(install|in|localinstall|reinstall)$/.test(a));
    return verb > 0 ? operands(argv, verb + 1, /^(-o|-c|-t|--option|--target-release|--setopt|--repo)$/) : [];
  }
  if (prog === 'pkg') return argv[1] === 'add' ? operands(argv, 2) : [];
  if (prog === 'installer') {
    const i = argv.indexOf('-pkg');
    return i > 0 && argv[i + 1] ? [argv[i + 1]] : [];
  }
  if (/^Add-App(x)?Package$/i.test(prog)) {
    const i = argv.findIndex((a) => /^-(Path|Uri|PackagePath)$/i.test(a));
    if (i > 0) return argv[i + 1] ? [argv[i + 1]] : [];
    return operands(argv, 1).slice(0, 1);
  }
  return [];
}

/** A `download-exec` fact for each package `cmd` installs from a URL or a fetched file. */
export function installerHazards(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
): Omit<ShellFact, 'command'>[] {
  const out: Omit<ShellFact, 'command'>[] = [];
  for (const pkg of installedPackages(cmd.argv)) {
    const url = /^(https?|ftp):\/\//i.test(pkg)
      ? pkg
      : cmd.remote
        ? undefined
        : fetchedBefore(all, cmd, resolvePath(pkg, cmd.cwd, ctx));
    if (url !== undefined)
      out.push({ kind: 'shell', hazard: 'download-exec', source: url, evidence: evidenceOf(cmd) });
  }
  return out;
}
