/**
 * Programs other than sudo that run a command as root (or another user): `doas [-u U] CMD`
 * (`doas -s`: the user's shell, reading its commands from stdin), `please [-t U] CMD`
 * (please-rs) and, on Windows, `gsudo [--system|--ti|-u U] CMD` (no command: an elevated
 * shell; `gsudo config|status|cache …` manage gsudo itself), and Solaris's and illumos's
 * `pfexec [-P PRIVS] CMD` (CMD with the privileges of the caller's rights profiles, root's as
 * a rule). sudo's drop-in rewrite `sudo-rs`
 * is peeled by sudo's own peeler (wrappers.ts). Reads only the words of the command line.
 * The label names the user when one is given (`doas -u postgres`), as privilege-shells.ts reads it.
 * The password-less user switchers of containers and supervisors (gosu, su-exec, setpriv, chpst …)
 * are in privilege-drop.ts.
 */
import { getopt } from './options.js';
import { PRIVILEGE_DROPPERS } from './privilege-drop.js';
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

const SH: Field[] = [{ text: 'sh', dynamic: false }];

const doas: Peeler = (args) => {
  const p = getopt(args, { short: 'uC' });
  const user = p.opts.get('u');
  const label = user ? `doas -u ${user}` : 'doas';
  // `doas -C FILE`: checks a configuration, runs nothing
  if (p.opts.has('C') && p.index >= args.length) return { label, argv: [] };
  const argv = args.slice(p.index);
  return { label, argv: p.opts.has('s') && argv.length === 0 ? SH : argv };
};

const please: Peeler = (args) => {
  const p = getopt(args, {
    short: 'acdertu',
    long: ['allowenv', 'check', 'dir', 'env', 'reason', 'target', 'user'],
  });
  const user = p.opts.get('t') ?? p.opts.get('target');
  // `please -l|--list`, `-w|--warm`, `-c FILE`: report or check, run nothing
  const none = ['l', 'list', 'w', 'warm', 'c', 'check'].some((o) => p.opts.has(o));
  return { label: user ? `please -u ${user}` : 'please', argv: none ? [] : args.slice(p.index) };
};

const gsudo: Peeler = (args) => {
  const p = getopt(args, { short: 'iu', long: ['integrity', 'user', 'chdir'] });
  const user = p.opts.get('u') ?? p.opts.get('user');
  const label = user ? `gsudo -u ${user}` : 'gsudo';
  const argv = args.slice(p.index);
  if (/^(config|status|cache)$/.test(argv[0]?.text ?? '') || p.opts.has('k') || p.opts.has('K'))
    return { label, argv: [] };
  return { label, argv: argv.length === 0 ? SH : argv };
};

const pfexec: Peeler = (args) => {
  const p = getopt(args, { short: 'P' });
  return { label: 'pfexec', argv: args.slice(p.index) };
};

/** program name → peeler for the programs above. */
export const ELEVATORS: Record<string, Peeler> = { doas, please, gsudo, pfexec, ...PRIVILEGE_DROPPERS };
