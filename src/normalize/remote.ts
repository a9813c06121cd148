/**
 * Remote carriers: `ssh [opts] host cmd…` (as the `dokku` user, the dokku CLI's arguments:
 * remote-dokku.ts), `docker|podman exec [opts] CONTAINER cmd…`,
 * `docker compose exec|run SERVICE cmd…` (`docker run IMAGE cmd…`: container-run.ts),
 * `kubectl|oc exec [opts] POD -- cmd…`, `kubectl run|debug NAME [opts] -- cmd…`, `kubectl
 * node-shell NODE -- cmd…` (remote-k8s-nodes.ts), `kubectl create
 * job|cronjob NAME --image=I -- cmd…` (a manifest's containers: server-commands.ts),
 * `ansible HOSTS -m shell -a 'cmd'` (and `ansible-runner`, `ansible-console`, Rex's `rex -e`:
 * remote-adhoc.ts), `salt TARGET cmd.run 'cmd'` (remote-salt.ts), and the parallel shells
 * (`pdsh -w HOSTS cmd…`, `clush`, `pssh`/`parallel-ssh`); configuration-management runners
 * (`knife ssh`, `bolt command run`, `pyinfra … exec`, `fab … --`: remote-fleet.ts; `bw run`, `mussh`,
 * `dsh`, `tsh ssh`, `juju exec|ssh`, `mco shell run`: remote-shells.ts); platforms' consoles
 * (`heroku run`, `fly ssh console -C`, `gcloud compute ssh --command`: remote-paas.ts); `machinectl shell
 * NAME CMD` (machinectl.ts); disk-image editors (`guestfish -a IMG rm-rf P`, `virt-customize
 * --run-command`: remote-images.ts); clouds' run-command APIs (`aws ssm send-command`, `aws ecs
 * execute-command`, `az vm run-command invoke`, `oci instance-agent command create`, a VM's startup-script
 * metadata: remote-cloud*.ts); `nomad alloc exec ALLOC cmd…` (remote-nomad.ts). The carried
 * commands are walked with `remote: true` and cwd '/': their paths belong to another machine.
 */
import { getopt } from './options.js';
import { basename, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { containerRun } from './container-run.js';
import { containerVerbAt } from './container-globals.js';
import { kubectlRunEscape } from './container-powers.js';
import { FLEET_REMOTE } from './remote-fleet.js';
import { SHELL_REMOTE } from './remote-shells.js';
import { PAAS_REMOTE } from './remote-paas.js';
import { RUNNER_REMOTE } from './remote-runners.js';
import { IMAGE_REMOTE } from './remote-images.js';
import { AWS_REMOTE } from './remote-cloud.js';
import { AZ_REMOTE } from './remote-cloud-az.js';
import { OCI_REMOTE } from './remote-cloud-oci.js';
import { NOMAD_REMOTE } from './remote-nomad.js';
import { gcloudMetadata } from './remote-cloud-gcp.js';
import { machinectlShell } from './machinectl.js';
import { apptainerRun } from './apptainer.js';
import { readsStdin, remoteArgv, remoteWords } from './remote-words.js';
import { NODE_SHELL_REMOTE, nodeShell } from './remote-k8s-nodes.js';
import { ADHOC_REMOTE, ansibleAdhoc } from './remote-adhoc.js';
import { GUEST_REMOTE, ocRsh } from './remote-guests.js';
import { salt } from './remote-salt.js';
import { dokkuWords, sshUser } from './remote-dokku.js';

/**
 * ssh options that open a port or a tunnel on either end: `-R`, `-L`, `-D`, `-w`, also at the
 * end of a cluster of flags without values (`-fNL`), and `-o RemoteForward=…` (ssh's keywords
 * in any case). Short options keep their case: `-l user` names the login, it forwards nothing.
 */
const FORWARDS = (word: string): boolean =>
  /^-[46AaCfGgKkMNnqsTtVvXxYy]*[RLDw]/.test(word) || /^(-o\s*)?(remote|local|dynamic)forward/i.test(word);

/**
 * ssh options with which no shell reads stdin: `-n` (stdin from /dev/null), `-f` (which implies
 * it), `-N` (no remote command: forwards only), `-O` (a control command), `-G` (print the
 * configuration), `-V` (version), `-Q` (query), `-W` (stdin is forwarded to a host and port).
 */
const NO_STDIN_SHELL = ['n', 'f', 'N', 'O', 'G', 'V', 'Q', 'W'];

function ssh(argv: Field[], k: K): Res | undefined {
  const p = getopt(argv.slice(1), { short: 'bcDEeFIiJLlmOopQRSWwB' });
  const rest = argv.slice(1 + p.index);
  const host = rest[0];
  if (host && rest.length === 1 && readsStdin(k) && !NO_STDIN_SHELL.some((o) => p.opts.has(o)))
    // No remote command: the login shell there runs what arrives on stdin (`ssh host <<EOF`,
    // `echo CMD | ssh host`), read as `sh` reading that stdin on the other machine.
    return remoteWords([{ text: 'sh', dynamic: false }], `ssh ${host.text}`, k);
  if (!host || rest.length < 2) return undefined;
  // The connection itself stays a local command when it forwards ports: a remote command
  // keeps the tunnel open as long as it runs (`ssh -R 80:localhost:5432 serveo.net sleep 9h`).
  if (argv.slice(1, 1 + p.index).some((f) => FORWARDS(f.text))) emit(argv.slice(0, 2 + p.index), k);
  return remoteWords(dokkuWords(sshUser(p, host.text), rest.slice(1)), `ssh ${host.text}`, k);
}

function containerExec(argv: Field[], k: K): Res | undefined {
  const tool = basename(argv[0].text);
  // global options (`--context prod`, nerdctl's `--namespace k8s.io`) come before the verb
  let i = containerVerbAt(argv.map((f) => f.text));
  let label = tool;
  if (argv[i]?.text === 'container') i++;
  if (argv[i]?.text === 'compose') {
    label += ' compose';
    i++;
    const g = getopt(argv.slice(i), {
      short: 'fp',
      long: ['file', 'project-name', 'profile', 'env-file', 'project-directory', 'ansi', 'progress'],
    });
    i += g.index;
  }
  // A new container of an image (its own files thrown away), or of a compose service (whose
  // volumes are not known here: its paths are read as another machine's, like exec).
  if (argv[i]?.text === 'run' && label === tool) return containerRun(argv.slice(i + 1), tool, k);
  const verb = argv[i]?.text;
  if (verb !== 'exec' && !(verb === 'run' && label !== tool)) return undefined;
  const p = getopt(argv.slice(i + 1), {
    short: verb === 'run' ? 'euwvlp' : 'euw',
    long: [
      ...['env', 'user', 'workdir', 'env-file', 'detach-keys', 'index'],
      ...(verb === 'run' ? ['volume', 'name', 'entrypoint', 'label', 'publish', 'cap-add', 'cap-drop'] : []),
    ],
  });
  const rest = argv.slice(i + 1 + p.index);
  const target = rest[0];
  if (!target || rest.length < 2) return undefined;
  // A compose service's new container stays a command of its own (up to the service), so
  // the powers its compose file gives it are judged as well as what it carries.
  if (verb === 'run') emit(argv.slice(0, i + 2 + p.index), k);
  return remoteArgv(
    rest.slice(1),
    `${label} ${verb} ${target.text}`,
    k,
    p.opts.get('w') ?? p.opts.get('workdir'),
  );
}

function kubectlExec(argv: Field[], k: K): Res | undefined {
  const tool = basename(argv[0].text);
  const args = argv.slice(1);
  // `kubectl node-shell NODE -- CMD`: a root shell on the node (remote-k8s-nodes.ts)
  if (args[0]?.text === 'node-shell' || args[0]?.text === 'node_shell') return nodeShell(args.slice(1), k);
  const ei = args.findIndex((f) => f.text === 'exec');
  if (ei < 0) {
    // `kubectl run|debug NAME [opts] -- CMD…`, `kubectl create job|cronjob NAME --image=I -- CMD…`:
    // the command runs in the new pod.
    const ri = args.findIndex(
      (f, i) =>
        f.text === 'run' ||
        f.text === 'debug' ||
        (f.text === 'create' && /^(job|cronjob|cj)$/.test(args[i + 1]?.text ?? '')),
    );
    const rdash = args.findIndex((f) => f.text === '--');
    const cmd = ri >= 0 && rdash > ri ? args.slice(rdash + 1) : [];
    // a pod that holds its node (container-powers.ts) stays a command of its own
    if (cmd.length && kubectlRunEscape(args.slice(0, rdash).map((f) => f.text)))
      emit(argv.slice(0, 1 + rdash), k);
    return cmd.length
      ? remoteArgv(cmd, `${tool} ${args[ri].text} ${args[ri + 1]?.text ?? ''}`.trim(), k)
      : undefined;
  }
  const dash = args.indexOf(args.find((f, idx) => idx > ei && f.text === '--')!);
  const before = dash >= 0 ? args.slice(ei + 1, dash) : args.slice(ei + 1);
  const p = getopt(before, {
    short: 'ncf',
    long: ['namespace', 'container', 'filename', 'context', 'kubeconfig', 'pod-running-timeout'],
  });
  const pod = before.slice(p.index)[0];
  const cmd = dash >= 0 ? args.slice(dash + 1) : before.slice(p.index + 1);
  if (!pod || cmd.length === 0) return undefined;
  return remoteArgv(cmd, `${tool} exec ${pod.text}`, k);
}

/**
 * Parallel shells: every word after their options is the command, run on each host the
 * options name (`pdsh -w web[1-5] CMD`, `clush -w @all CMD`, `pssh -h hosts -i CMD`).
 * Short options that take a value, per program.
 */
const PARALLEL_WITH_VALUE: Record<string, string> = {
  pdsh: 'wxgXlRtufM',
  clush: 'wxgXlftuoOR',
  pssh: 'hHlpoetOxX',
  'parallel-ssh': 'hHlpoetOxX',
};

function parallelShell(argv: Field[], k: K): Res | undefined {
  const tool = basename(argv[0].text);
  const p = getopt(argv.slice(1), { short: PARALLEL_WITH_VALUE[tool] ?? '' });
  const script = argv.slice(1 + p.index);
  if (script.length === 0) return undefined;
  const hosts = p.opts.get('w') ?? p.opts.get('h') ?? p.opts.get('H') ?? p.opts.get('g') ?? '';
  return remoteWords(script, `${tool} ${hosts}`.trim(), k);
}

/** The remote handler of `prog`; a PowerShell Verb-Noun name (`Invoke-AzVMRunCommand`) in any case. */
export function remoteFor(prog: string): ((argv: Field[], k: K) => Res | undefined) | undefined {
  if (Object.hasOwn(REMOTE, prog)) return REMOTE[prog];
  const lower = prog.toLowerCase();
  return /^[a-z]+-[a-z]/.test(lower) && Object.hasOwn(REMOTE, lower) ? REMOTE[lower] : undefined;
}

/** program → remote handler; undefined from a handler = not a remote command after all. */
export const REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  ssh,
  docker: containerExec,
  podman: containerExec,
  nerdctl: containerExec,
  'nerdctl.lima': containerExec,
  finch: containerExec,
  'docker-compose': (argv, k) =>
    containerExec([argv[0], { text: 'compose', dynamic: false }, ...argv.slice(1)], k),
  kubectl: kubectlExec,
  oc: (argv, k) => (argv[1]?.text === 'rsh' ? ocRsh(argv, k) : kubectlExec(argv, k)),
  ansible: (argv, k) => ansibleAdhoc(argv, k),
  salt,
  'salt-ssh': salt,
  pdsh: parallelShell,
  clush: parallelShell,
  pssh: parallelShell,
  'parallel-ssh': parallelShell,
  machinectl: machinectlShell,
  apptainer: apptainerRun,
  singularity: apptainerRun,
  ...NODE_SHELL_REMOTE,
  ...GUEST_REMOTE,
  ...ADHOC_REMOTE,
  ...FLEET_REMOTE,
  ...SHELL_REMOTE,
  ...PAAS_REMOTE,
  ...RUNNER_REMOTE,
  ...IMAGE_REMOTE,
  ...AWS_REMOTE,
  ...AZ_REMOTE,
  ...OCI_REMOTE,
  ...NOMAD_REMOTE,
  gcloud: (argv, k) => PAAS_REMOTE.gcloud(argv, k) ?? gcloudMetadata(argv, k),
};
