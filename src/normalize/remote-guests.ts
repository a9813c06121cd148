/**
 * Carriers into a system container or a VM on this machine or a server: the command runs
 * inside the guest, its paths are the guest's (walked like `docker exec`, remote).
 * - `lxc|incus exec [REMOTE:]NAME [opts] [--] CMD…` (LXD, Incus);
 * - `lxc-attach [-n] NAME [opts] [--] CMD…` (LXC's own tools);
 * - `multipass exec NAME [--working-directory DIR] [--] CMD…`;
 * - `vagrant ssh [NAME] -c CMD` / `--command CMD` (a shell line run in the VM);
 * - `oc rsh [opts] POD [CMD…]` (OpenShift's remote shell: `oc exec` with `sh -c` when CMD is
 *   one word, its argv otherwise);
 * - Proxmox: `pct exec VMID [--] CMD…` (a container), `qm guest exec VMID [opts] [--] CMD…`
 *   (a VM's guest agent);
 * - `limactl shell [opts] NAME CMD…`, `lima CMD…` (the default instance), `colima ssh [opts]
 *   [--] CMD…`, `minikube ssh [opts] [--] CMD…` (one word: a shell line, more: an argv).
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

/** `pct exec VMID [--] CMD…`, `qm guest exec VMID [opts] [--] CMD…`. */
const proxmox: Handler = (argv, k) => {
  const qm = argv[0].text.replace(/.*\//, '') === 'qm';
  const at = qm ? 3 : 2;
  if (argv[1]?.text !== (qm ? 'guest' : 'exec') || (qm && argv[2]?.text !== 'exec')) return undefined;
  const id = argv[at];
  const p = getopt(argv.slice(at + 1), { long: ['timeout', 'keep-env'] });
  const cmd = argv.slice(at + 1 + p.index);
  if (!id || cmd.length === 0) return undefined;
  return remoteArgv(cmd, `${qm ? 'qm guest exec' : 'pct exec'} ${id.text}`, k);
};

/** Words after the options (and a `--`), read as a shell line when one word, an argv otherwise. */
function lineOrArgv(words: Field[], label: string, k: K): Res | undefined {
  if (words.length === 0) return undefined;
  return words.length === 1 ? remoteWords(words, label, k) : remoteArgv(words, label, k);
}

/** `limactl shell [opts] NAME CMD…`; `lima CMD…` runs in the default instance. */
const lima: Handler = (argv, k) => {
  if (argv[0].text.replace(/.*\//, '') === 'lima') return lineOrArgv(argv.slice(1), 'lima default', k);
  if (argv[1]?.text !== 'shell') return undefined;
  const rest = argv.slice(2);
  const p = getopt(rest, { long: ['workdir', 'shell'] });
  const name = rest[p.index];
  return name ? lineOrArgv(rest.slice(p.index + 1), `limactl shell ${name.text}`, k) : undefined;
};

/** `colima ssh [-p PROFILE] [--] CMD…`, `minikube ssh [opts] [--] CMD…`. */
const vmSsh: Handler = (argv, k) => {
  const tool = argv[0].text.replace(/.*\//, '');
  if (argv[1]?.text !== 'ssh') return undefined;
  const p = getopt(argv.slice(2), { short: 'pn', long: ['profile', 'node', 'layout'] });
  return lineOrArgv(argv.slice(2 + p.index), `${tool} ssh`, k);
};

/** program → guest carrier; undefined from a handler = not a command run in a guest. */
export const GUEST_REMOTE: Record<string, Handler> = {
  lxc: lxdExec,
  incus: lxdExec,
  'lxc-attach': lxcAttach,
  multipass,
  vagrant,
  pct: proxmox,
  qm: proxmox,
  limactl: lima,
  lima,
  colima: vmSsh,
  minikube: vmSsh,
};
