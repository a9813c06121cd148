/**
 * `machinectl shell [[USER@]NAME [CMD ARGS…]]`: CMD runs in the machine NAME, as USER (root
 * when neither USER nor `--uid` is given). NAME `.host` (or none) is this machine, so CMD is
 * walked here, labelled `machinectl shell USER@.host` among the wrappers (which says it runs
 * as that user); any other NAME is a container, walked like `docker exec` (remote), and
 * `-H HOST` another machine. Without CMD the user's login shell opens: nothing to walk here
 * (extract/privilege-shells.ts reads a root shell on the host). Reads its own argv only.
 */
import { getopt } from './options.js';
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { runArgv } from './carriers.js';
import { remoteArgv } from './remote-words.js';

/** machinectl's options that take a value. */
const VALUED = {
  short: 'poHMnsE',
  long: [
    'property',
    'output',
    'host',
    'machine',
    'lines',
    'signal',
    'setenv',
    'uid',
    'kill-whom',
    'verify',
    'format',
  ],
};

/** The user, machine and host a `machinectl shell` names; undefined = not a shell with a command. */
export function machinectlShell(argv: Field[], k: K): Res | undefined {
  const head = getopt(argv.slice(1), VALUED);
  const sub = argv[1 + head.index];
  if (sub?.text !== 'shell') return undefined;
  const rest = argv.slice(2 + head.index);
  const p = getopt(rest, VALUED);
  const opts = new Map([...head.opts, ...p.opts]);
  const target = rest[p.index];
  const cmd = rest.slice(p.index + 1);
  if (!target || cmd.length === 0) return undefined;
  const at = target.text.lastIndexOf('@');
  const user = at >= 0 ? target.text.slice(0, at) : (opts.get('uid') ?? 'root');
  const name = (at >= 0 ? target.text.slice(at + 1) : target.text) || '.host';
  const host = opts.get('H') ?? opts.get('host');
  const label = `machinectl shell ${user}@${name}`;
  // fail closed: a machine only known at run time may be this host, where CMD runs as USER
  if (host === undefined && (name === '.host' || target.dynamic)) {
    const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
    return runArgv(cmd, { ...k, frame });
  }
  return remoteArgv(cmd, host === undefined ? label : `${label} -H ${host}`, k);
}
