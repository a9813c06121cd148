/**
 * Programs that run a command as another user without asking for a password, the way
 * container entrypoints and service supervisors do (as root they can become anyone, root
 * included): `su-exec USER[:GROUP] CMD` (Alpine), `gosu USER[:GROUP] CMD`, util-linux's
 * `setpriv [--reuid U] [--regid G] … CMD`, runit's `chpst [-u USER] [-U USER] … CMD`,
 * daemontools' and s6's `setuidgid USER CMD`, `s6-setuidgid USER CMD`,
 * `s6-applyuidgid [-u UID] … CMD`, Kerberos' `ksu [USER] [-e CMD ARGS | -a ARGS]`, and
 * libcap's `capsh [opts] -- ARGS` (ARGS are the shell's, bash unless `--shell=PROG`:
 * `capsh --user=root -- -c CMD`). `envuidgid USER CMD` and `s6-envuidgid USER CMD` only put
 * USER's ids in `$UID`/`$GID` and run CMD as the same user: peeled without a user.
 * Peeled like sudo: the command is read as itself. The label names the user when one is
 * given (`gosu -u root`), as privilege-shells.ts reads sudo's. A command line with no
 * command (`gosu --help`, `setpriv -d`, `capsh --print`) runs nothing.
 */
import { getopt } from './options.js';
import type { Peeler } from './wrappers.js';
import { lit as word } from './state.js';

/** The user of a `USER[:GROUP]` spec, or of chpst's numeric `:UID[:GID]` (`:0:0` is uid 0, root); '' = none. */
const userOf = (spec: string | undefined) => (spec ?? '').replace(/^:/, '').split(':')[0];

const label = (prog: string, user: string) => (user ? `${prog} -u ${user}` : prog);

/** `su-exec USER[:GROUP] CMD…`, `gosu USER[:GROUP] CMD…`, `setuidgid USER CMD…` and alike: the user, then the command. */
const userThenCommand =
  (prog: string): Peeler =>
  (args) => {
    // `gosu --help`, `gosu --version`: no command
    if (!args[0] || args[0].text.startsWith('-')) return { label: prog, argv: [] };
    return { label: label(prog, userOf(args[0].text)), argv: args.slice(1) };
  };

/** setpriv's options that take a value (written `--reuid U` or `--reuid=U`). */
const SETPRIV_VALUED = [
  'reuid',
  'regid',
  'ruid',
  'euid',
  'rgid',
  'egid',
  'groups',
  'inh-caps',
  'ambient-caps',
  'bounding-set',
  'securebits',
  'pdeathsig',
  'selinux-label',
  'apparmor-profile',
  'landlock-access',
  'landlock-rule',
];

const setpriv: Peeler = (args) => {
  const p = getopt(args, { long: SETPRIV_VALUED });
  // `setpriv -d|--dump`: prints the current state
  if (p.opts.has('d') || p.opts.has('dump')) return { label: 'setpriv', argv: [] };
  const user = p.opts.get('reuid') ?? p.opts.get('ruid') ?? p.opts.get('euid') ?? '';
  return { label: label('setpriv', user), argv: args.slice(p.index) };
};

const chpst: Peeler = (args) => {
  // -u/-U USER[:GROUP], -b ARGV0, -e DIR, -/ ROOT, -n INC, -l/-L LOCK and the limits take a value
  const p = getopt(args, { short: 'uUbe/nlLmdopfcrt' });
  return { label: label('chpst', userOf(p.opts.get('u'))), argv: args.slice(p.index) };
};

/** `envuidgid USER CMD…`, `s6-envuidgid [-i|-D U:G:L] [-u|-g|-B] [-n] USER CMD…`: CMD runs as the same user. */
const envUidGid =
  (prog: string): Peeler =>
  (args) => {
    const p = getopt(args, { short: 'D' });
    // `envuidgid` with no account: nothing runs
    if (!args[p.index] || args[p.index].text.startsWith('-')) return { label: prog, argv: [] };
    return { label: prog, argv: args.slice(p.index + 1) };
  };

const s6ApplyUidGid: Peeler = (args) => {
  const p = getopt(args, { short: 'ugG' });
  return { label: label('s6-applyuidgid', p.opts.get('u') ?? ''), argv: args.slice(p.index) };
};

/** `ksu [USER] [opts] -e CMD ARGS…` runs CMD; `-a ARGS…` hands ARGS to the user's shell; neither: a shell. */
const ksu: Peeler = (args) => {
  const user = args[0] && !args[0].text.startsWith('-') ? args[0].text : 'root';
  const rest = args[0] && !args[0].text.startsWith('-') ? args.slice(1) : args;
  const e = rest.findIndex((f) => f.text === '-e');
  if (e >= 0) return { label: label('ksu', user), argv: rest.slice(e + 1) };
  const a = rest.findIndex((f) => f.text === '-a');
  return { label: label('ksu', user), argv: [word('sh'), ...(a >= 0 ? rest.slice(a + 1) : [])] };
};

/**
 * `capsh [opts] -- ARGS…`: the shell (bash, or the program `--shell=PROG` names) runs ARGS
 * (`-c CMD`); `capsh [opts] == ARGS…` runs capsh again with ARGS, read as itself; without
 * either capsh only reports or sets up. Options apply in order, so only those before the
 * `--` or `==` count.
 */
const capsh: Peeler = (args) => {
  const dd = args.findIndex((f) => f.text === '--' || f.text === '==');
  if (dd < 0) return { label: 'capsh', argv: [] };
  const before = args.slice(0, dd);
  const user =
    [...before]
      .reverse()
      .find((f) => f.text.startsWith('--user='))
      ?.text.slice(7) ?? '';
  if (args[dd].text === '==')
    return { label: label('capsh', user), argv: [word('capsh'), ...args.slice(dd + 1)] };
  const shell = [...before].reverse().find((f) => f.text.startsWith('--shell='));
  const prog = shell ? { text: shell.text.slice(8), dynamic: shell.dynamic } : word('bash');
  return { label: label('capsh', user), argv: [prog, ...args.slice(dd + 1)] };
};

/** program name → peeler for the programs above. */
export const PRIVILEGE_DROPPERS: Record<string, Peeler> = {
  'su-exec': userThenCommand('su-exec'),
  gosu: userThenCommand('gosu'),
  setuidgid: userThenCommand('setuidgid'),
  envuidgid: envUidGid('envuidgid'),
  's6-setuidgid': userThenCommand('s6-setuidgid'),
  's6-envuidgid': envUidGid('s6-envuidgid'),
  's6-applyuidgid': s6ApplyUidGid,
  setpriv,
  chpst,
  ksu,
  capsh,
};
