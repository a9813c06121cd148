/**
 * Carriers into a system container or a VM on this machine or a server: the command runs
 * inside the guest, its paths are the guest's (walked like `docker exec`, remote).
 * - `lxc|incus exec [REMOTE:]NAME [opts] [--] CMD…` (LXD, Incus);
 * - `lxc-attach [-n] NAME [opts] [--] CMD…` (LXC's own tools);
 * - `multipass exec NAME [--working-directory DIR] [--] CMD…`;
 * - `vagrant ssh [NAME] -c CMD` / `--command CMD` (a shell line run in the VM);
 * - `oc rsh [opts] POD [CMD…]` (OpenShift's remote shell: `oc exec` with `sh -c` when CMD is
 *   one word, its argv otherwise).
 * Without a command each opens an interactive shell: nothing to walk here (undefined).
 */
import { getopt } from './options.js';
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { remoteArgv, remoteWords } from './remote-words.js';

type Handler = (argv: Field[], k: K) => Res | undefined;

/** `lxc|incus exec NAME [opts] [--] CMD…`: options may come before or after NAME. */
const lxdExec: Handler = (argv, k) => {
  const tool = argv[0].text.replace(/.*\//, '');
  const head = getopt(argv.slice(1), { long: ['project', 'remote'] });
  const at = 1 + head.index;
  if (argv[at]?.text !== 'exec') return undefined;
  const valued = { short: 'gu', long: ['env', 'cwd', 'user', 'group', 'mode', 'project'] };
  const rest = argv.slice(at + 1);
  const dash = rest.findIndex((f) => f.text === '--');
  const before = dash >= 0 ? rest.slice(0, dash) : rest;
  const p = getopt(before, valued);
  const name = before[p.index];
  let cmd: Field[];
  if (dash >= 0) cmd = rest.slice(dash + 1);
  else {
    // options after NAME, then the command
    const q = getopt(before.slice(p.index + 1), valued);
    cmd = before.slice(p.index + 1 + q.index);
  }
  if (!name || cmd.length === 0) return undefined;
  return remoteArgv(cmd, `${tool} exec ${name.text}`, k, p.opts.get('cwd'));
};

/** `lxc-attach [-n] NAME [opts] [--] CMD…`. */
const lxcAttach: Handler = (argv, k) => {
  const rest = argv.slice(1);
  const dash = rest.findIndex((f) => f.text === '--');
  const before = dash >= 0 ? rest.slice(0, dash) : rest;
  const p = getopt(before, {
    short: 'nPsvfLlouga',
    long: [
      'name',
      'lxcpath',
      'elevated-privileges',
      'namespaces',
      'set-var',
      'rcfile',
      'logfile',
      'logpriority',
      'uid',
      'gid',
      'arch',
      'context',
      'keep-var',
    ],
  });
  const name = p.opts.get('n') ?? p.opts.get('name') ?? before[p.index]?.text;
  const cmd =
    dash >= 0
      ? rest.slice(dash + 1)
      : before.slice(p.index + (p.opts.has('n') || p.opts.has('name') ? 0 : 1));
  if (!name || cmd.length === 0) return undefined;
  return remoteArgv(cmd, `lxc-attach ${name}`, k);
};

/** `multipass exec NAME [opts] [--] CMD…`. */
const multipass: Handler = (argv, k) => {
  if (argv[1]?.text !== 'exec') return undefined;
  const rest = argv.slice(2);
  const dash = rest.findIndex((f) => f.text === '--');
  const before = dash >= 0 ? rest.slice(0, dash) : rest;
  const p = getopt(before, { short: 'd', long: ['working-directory', 'no-map-working-directory'] });
  const name = before[p.index];
  const cmd = dash >= 0 ? rest.slice(dash + 1) : before.slice(p.index + 1);
  if (!name || cmd.length === 0) return undefined;
  return remoteArgv(
    cmd,
    `multipass exec ${name.text}`,
    k,
    p.opts.get('d') ?? p.opts.get('working-directory'),
  );
};

/** `vagrant ssh [NAME] -c CMD`: CMD is a shell line run in the VM. */
const vagrant: Handler = (argv, k) => {
  if (argv[1]?.text !== 'ssh') return undefined;
  const rest = argv.slice(2);
  let line: Field | undefined;
  let name = 'default';
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i].text;
    if (t === '--') break;
    if (t === '-c' || t === '--command') line = rest[++i];
    else if (t.startsWith('--command=')) line = { ...rest[i], text: t.slice(10) };
    else if (!t.startsWith('-')) name = t;
  }
  if (!line) return undefined;
  return remoteWords([line], `vagrant ssh ${name}`, k);
};

/** `oc rsh [opts] POD [CMD…]`: one word is a shell line (`sh -c`), more words an argv. */
export const ocRsh: Handler = (argv, k) => {
  const rest = argv.slice(2);
  const p = getopt(rest, {
    short: 'cnf',
    long: [
      'container',
      'namespace',
      'filename',
      'shell',
      'timeout',
      'context',
      'kubeconfig',
      'server',
      'token',
      'user',
      'cluster',
    ],
  });
  const pod = rest[p.index];
  const cmd = rest.slice(p.index + 1).filter((f, i) => !(i === 0 && f.text === '--'));
  if (!pod || cmd.length === 0) return undefined;
  const label = `oc rsh ${pod.text}`;
  return cmd.length === 1 ? remoteWords(cmd, label, k) : remoteArgv(cmd, label, k);
};

/** program → guest carrier; undefined from a handler = not a command run in a guest. */
export const GUEST_REMOTE: Record<string, Handler> = {
  lxc: lxdExec,
  incus: lxdExec,
  'lxc-attach': lxcAttach,
  multipass,
  vagrant,
};
