/**
 * Packages this script builds and then installs: their scripts run as root.
 * - `dpkg-deb --build|-b DIR [OUT]` (also `dpkg -b`) packs DIR; its maintainer scripts
 *   (DIR/DEBIAN/preinst, postinst, prerm, postrm, config) the script wrote are recorded with the
 *   package file (OUT, OUT/NAME_VERSION_ARCH.deb, or DIR.deb);
 * - `rpmbuild -bb|-ba SPEC` (`--define "_topdir DIR"`, else ~/rpmbuild) builds the spec's package
 *   into DIR/RPMS/ARCH/NAME-VERSION-RELEASE.ARCH.rpm; its %pre, %post, %pretrans, %posttrans
 *   (install) and %preun, %postun (removal) sections run as shell (`-p PROG`: as PROG runs them).
 * `dpkg -i|--install|--unpack`, `apt|apt-get|aptitude|nala install|reinstall`, `gdebi` of such a
 * .deb run all its maintainer scripts (a failed install runs prerm and postrm too), each as the
 * program it is (its #! line); `dpkg -r|-P`, `apt remove|purge NAME` run prerm and postrm;
 * `rpm -i|-U|-F`, `dnf|yum|zypper install|localinstall|reinstall|upgrade` of such an .rpm its
 * install sections, `rpm -e`, `dnf remove NAME` its removal ones. A package file not known
 * statically is any package built here (fail closed). Packages built from files not written
 * by this script are the project's own: not read.
 */
import { absPath, basename, type BuiltPackage, type Field } from './state.js';
import type { K } from './emit.js';
import { quote } from './quote.js';

const DEB_SCRIPTS = ['preinst', 'postinst', 'prerm', 'postrm', 'config'];
const RPM_INSTALL = ['pretrans', 'pre', 'post', 'posttrans'];
const RPM_REMOVE = ['preun', 'postun'];

/** The `Key: value` field of a control file or spec; '' = none. */
const field = (text: string | undefined, key: string) =>
  new RegExp(`^${key}\\s*:\\s*(\\S+)`, 'mi').exec(text ?? '')?.[1] ?? '';

/** Non-option words after index `from`; options taking a value (`valued`) skip it. */
function operands(args: Field[], from: number, valued: RegExp): Field[] {
  const out: Field[] = [];
  for (let i = from; i < args.length; i++) {
    if (valued.test(args[i].text)) i++;
    else if (!args[i].text.startsWith('-')) out.push(args[i]);
  }
  return out;
}

/** `dpkg-deb --build DIR [OUT]`: the package and the maintainer scripts this script wrote. */
function debBuilt(argv: Field[], k: K): BuiltPackage | undefined {
  const at = argv.findIndex((a) => a.text === '-b' || a.text === '--build');
  if (at < 0) return undefined;
  const [dir, out] = operands(argv, at + 1, /^(-Z|-z|-S|--threads-max)$/);
  if (!dir || dir.dynamic) return undefined;
  const root = absPath(k.scope.cwd, dir.text);
  const scripts = DEB_SCRIPTS.map((s) => `${root}/DEBIAN/${s}`).filter((p) => k.scope.written.has(p));
  const control = k.scope.files.get(`${root}/DEBIAN/control`);
  const name = field(control, 'Package');
  const named = `${name}_${field(control, 'Version')}_${field(control, 'Architecture')}.deb`;
  const file = !out ? `${root}.deb` : out.dynamic ? '/' : absPath(k.scope.cwd, out.text);
  return /\.deb$/.test(file)
    ? { kind: 'deb', file, fileName: basename(file), name, scripts }
    : { kind: 'deb', file: `${file.replace(/\/+$/, '')}/`, fileName: name ? named : '', name, scripts };
}

/** `rpmbuild -bb|-ba SPEC`: the package and its spec, when this script wrote it. */
function rpmBuilt(argv: Field[], k: K): BuiltPackage | undefined {
  if (!argv.some((a) => /^-b[ab]$/.test(a.text))) return undefined;
  const spec = operands(
    argv,
    1,
    /^(-D|--define|--target|--buildroot|--rcfile|--macros|--with|--without)$/,
  ).find((a) => /\.spec$/.test(a.text));
  if (!spec || spec.dynamic) return undefined;
  const path = absPath(k.scope.cwd, spec.text);
  const text = k.scope.files.get(path);
  const defs = argv.flatMap((a, i) => (/^(-D|--define)$/.test(a.text) ? [argv[i + 1]?.text ?? ''] : []));
  const topdir = /^_topdir\s+(\S+)/.exec(defs.find((d) => d.startsWith('_topdir')) ?? '')?.[1];
  const macros = specMacros(text ?? '');
  const name = expand(field(text, 'Name'), macros);
  const version = `${expand(field(text, 'Version'), macros)}-${expand(field(text, 'Release'), macros)}`;
  const arch = field(text, 'BuildArch') || '*';
  return {
    kind: 'rpm',
    file: `${absPath(k.scope.cwd, topdir ?? `${k.run.ctx.home}/rpmbuild`)}/RPMS/`,
    fileName: `${name}-${version}.${arch}.rpm`,
    name,
    scripts: k.scope.written.has(path) ? [path] : [],
  };
}

/** Records a package `prog` builds (see the module comment). */
export function recordPackage(prog: string, argv: Field[], k: K): void {
  const built =
    prog === 'dpkg-deb' || prog === 'dpkg'
      ? debBuilt(argv, k)
      : prog === 'rpmbuild'
        ? rpmBuilt(argv, k)
        : undefined;
  if (built?.scripts.length) k.scope.packages.push(built);
}

/** A shell glob as a regular expression. */
const glob = (g: string) =>
  new RegExp(
    `^${g
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')
      .replace(/\[!/g, '[^')}$`,
  );

/** Whether package file argument `arg` (a path, maybe a glob) is the built package `p`. */
function isFile(arg: Field, p: BuiltPackage, cwd: string): boolean {
  if (arg.dynamic) return true; // fail closed: a file not known statically may be this package
  const path = absPath(cwd, arg.text);
  const name = basename(path);
  if (p.file.endsWith('/') && !p.fileName) return path.startsWith(p.file) && /\.(deb|rpm)$/.test(name);
  const file = p.file.endsWith('/') ? p.fileName : basename(p.file);
  // a version or architecture not known statically: the package's name decides
  const prefix = p.kind === 'deb' ? `${p.name}_` : `${p.name}-`;
  if (file.includes('$(') && p.name) return name.startsWith(prefix) || glob(name).test(`${prefix}.${p.kind}`);
  return glob(name).test(file) || glob(file).test(name);
}

/** The written script files of the built packages `args` install (or, `remove`, remove by name). */
export function packageScripts(kind: 'deb' | 'rpm', args: Field[], remove: boolean, k: K): Field[] {
  const words = operands(
    args,
    0,
    /^(-o|--option|-t|--target-release|-c|--config-file|--root|--admindir|--instdir)$/,
  );
  const hit = k.scope.packages.filter(
    (p) =>
      p.kind === kind &&
      words.some((w) =>
        remove ? w.dynamic || w.text.replace(/[:=].*$/, '') === p.name : isFile(w, p, k.scope.cwd),
      ),
  );
  const scripts = hit.flatMap((p) =>
    kind === 'deb' && remove ? p.scripts.filter((s) => /\/(prerm|postrm)$/.test(s)) : p.scripts,
  );
  return [...new Set(scripts)].map((text) => ({ text, dynamic: false }));
}

/** Spec macros: the `%define` / `%global` ones, the tags, and the usual folders. */
function specMacros(text: string): Map<string, string> {
  const m = new Map<string, string>([
    ['_prefix', '/usr'],
    ['_bindir', '/usr/bin'],
    ['_sbindir', '/usr/sbin'],
    ['_libdir', '/usr/lib64'],
    ['_libexecdir', '/usr/libexec'],
    ['_datadir', '/usr/share'],
    ['_sysconfdir', '/etc'],
    ['_localstatedir', '/var'],
    ['_sharedstatedir', '/var/lib'],
    ['_rundir', '/run'],
    ['_tmppath', '/var/tmp'],
    ['_unitdir', '/usr/lib/systemd/system'],
    ['_mandir', '/usr/share/man'],
    ['_docdir', '/usr/share/doc'],
    ['?dist', ''],
    ['dist', ''],
  ]);
  for (const d of text.matchAll(/^%(?:define|global)\s+(\w+)\s+(.+)$/gm)) m.set(d[1], d[2].trim());
  for (const tag of ['Name', 'Version', 'Release']) m.set(tag.toLowerCase(), field(text, tag));
  return m;
}

/** A spec line with its macros expanded; a macro not known statically is a value the shell cannot know. */
function expand(line: string, macros: Map<string, string>, hops = 0): string {
  return line.replace(/%%|%\{(\??[\w]+)(?::[^}]*)?\}|%(\w+)/g, (all, braced?: string, bare?: string) => {
    if (all === '%%') return '%';
    const name = braced ?? bare ?? '';
    const v = macros.get(name) ?? macros.get(name.replace(/^\?/, ''));
    if (v !== undefined && hops < 5) return expand(v, macros, hops + 1);
    // fail closed: `%{?x}` of an undefined macro is empty; any other macro not known here is not known
    return name.startsWith('?') ? '' : '"$(rpm_macro)"';
  });
}

/** Programs a scriptlet's `-p PROG` names, by how their code is read: as a shell line that runs it. */
const RUNNERS: [RegExp, (body: string) => string][] = [
  [/^(\/usr)?\/bin\/(ba|da)?sh$/, (b) => b],
  [/^<lua>$/, (b) => `lua -e ${quote(b)}`],
  [/python3?$/, (b) => `python3 -c ${quote(b)}`],
  [/perl$/, (b) => `perl -e ${quote(b)}`],
];

/** The shell of the spec's sections that run when its package is installed (or removed, `remove`). */
export function rpmScriptlets(text: string, remove: boolean): string[] {
  const macros = specMacros(text);
  const want = remove ? RPM_REMOVE : RPM_INSTALL;
  const out: string[] = [];
  const sections = text.split(
    /^(?=%(?:pre|post|preun|postun|pretrans|posttrans|preuntrans|postuntrans|(?:file|transfile)?trigger\w*|description|files|changelog|prep|build|install|check|clean|package|verifyscript|generate_buildrequires|conf)\b)/m,
  );
  for (const s of sections) {
    const head = /^%(\w+)([^\n]*)\n?/.exec(s);
    if (!head || !want.includes(head[1])) continue;
    const prog = /-p\s+(\S+)/.exec(head[2])?.[1];
    const lines = s
      .slice(head[0].length)
      .split('\n')
      .filter((l) => !/^%(if|else|endif|ifarch|ifnarch|ifos|ifnos)\b/.test(l))
      .map((l) => (/^%systemd_(post|preun|postun)/.test(l) ? 'systemctl daemon-reload' : expand(l, macros)));
    const body = lines.join('\n').trim();
    const run = prog ? RUNNERS.find(([re]) => re.test(prog)) : undefined;
    if (prog && !run) out.push([expand(prog, macros), body].filter(Boolean).join(' '));
    else if (body) out.push(run ? run[1](body) : body);
  }
  return out;
}
