/**
 * Deploy tools' teardown of a deployed environment:
 * - `werf dismiss` removes the environment's Helm release (and its namespace with
 *   `--with-namespace`);
 * - `garden cleanup|delete namespace|env|environment|deploy|service` removes Garden's
 *   deployed services, or the whole namespace of the environment;
 * - Cloudify's `cfy uninstall DEPLOYMENT` and `cfy executions start uninstall -d DEPLOYMENT`
 *   run the deployment's uninstall workflow: every resource it created is torn down.
 * - Halyard's `hal deploy clean` removes the whole Spinnaker deployment it installed (every
 *   service and its data), of the deployment `--deployment` names (else the current one).
 * - Release and dev-stack tools' teardown verbs uninstall every release or resource the
 *   project deployed: `helmwave down`, `helmfile destroy|delete`, `skaffold delete`, `okteto
 *   destroy`, `devspace purge`, Tanka's `tk delete ENV`; `tilt down` only
 *   with `--delete-namespaces` (plain, it removes what `tilt up` made on the developer's
 *   cluster, which Tilt keeps local unless told otherwise).
 * What is removed is named by the environment (`--env`, werf's WERF_ENV, garden's `-e`,
 * `NAMESPACE.ENV`), the namespace or the release. The teardown is a scratch one (`scratch:
 * true`) when every name given is a scratch name (`review-123`, `pr-42`; scratch-names.ts) or
 * the local cluster's environment (`--env local`).
 * Fail closed: with none given (the project's default environment, not known here) or one
 * not known statically, it is not. Read as CloudFacts of service `environment`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { scratchName } from './scratch-names.js';

/** The environment a deploy tool points at a cluster on this machine (kind, minikube, Docker Desktop) by convention. */
const LOCAL_ENV = /^(local|local[-_]dev|kind|minikube|docker[-_]desktop|k3d|orbstack)$/i;

interface Deployer {
  /** The command path (positional words) of the teardown. */
  path: RegExp;
  /** Options that take a value. */
  valued: RegExp;
  /** Options naming what is removed (environment, namespace, release). */
  names: RegExp;
  /** The variable the tool reads the environment from when no option names it; '' = none. */
  envVar: string;
  /** Options that remove the namespace too. Undefined = none. */
  all?: RegExp;
  /** The first word after the command path names what is removed (`cfy uninstall DEPLOYMENT`). */
  positionalName?: boolean;
  /** An option without which the command path is not a teardown (`tilt down --delete-namespaces`). Undefined = none needed. */
  needs?: RegExp;
}

/** No option names what is removed. */
const NO_NAMES = /^$/;

const DEPLOYERS: Record<string, Deployer> = {
  werf: {
    path: /^dismiss$/,
    valued:
      /^(--env|--namespace|--release|--repo|--dir|--config|--config-templates-dir|--kube-context|--kube-config|--kube-config-base64|--home-dir|--tmp-dir|--git-work-tree|--log-color-mode|--secondary-repo|--cache-repo|--final-repo)$/,
    names: /^(--env|--namespace|--release)$/,
    envVar: 'WERF_ENV',
    all: /^--with-namespace$/,
  },
  garden: {
    path: /^(cleanup|delete) (namespace|env|environment|deploy|service)$/,
    valued: /^(--env|-e|--root|--log-level|-l|--var|--output|-o|--logger-type|--emoji)$/,
    names: /^(--env|-e)$/,
    envVar: '',
    all: /^(namespace|env|environment)$/,
  },
  cfy: {
    path: /^(uninstall|executions start uninstall)$/,
    valued:
      /^(-d|--deployment-id|-p|--parameters|-t|--tenant-name|-b|--blueprint-id|--timeout|-w|--workflow-id|--manager|--rest-port|--ssl|--rest-certificate)$/,
    names: /^(-d|--deployment-id)$/,
    envVar: '',
    positionalName: true,
  },
  hal: {
    path: /^deploy clean$/,
    valued: /^(--deployment|--log|--color|--output|-o)$/,
    names: /^--deployment$/,
    envVar: '',
  },
  helmwave: {
    path: /^down$/,
    valued: /^(--plandir|-p|--tags|-t|--kubedir|--log-level|--log-format|--file|-f)$/,
    names: NO_NAMES,
    envVar: '',
  },
  helmfile: {
    path: /^(destroy|delete)$/,
    valued:
      /^(-e|--environment|-f|--file|-l|--selector|-n|--namespace|--kube-context|--state-values-set|--state-values-file|--log-level|-b|--helm-binary|--concurrency|--args|--chart|-c)$/,
    names: /^(-e|--environment|-n|--namespace)$/,
    envVar: 'HELMFILE_ENVIRONMENT',
  },
  skaffold: {
    path: /^delete$/,
    valued:
      /^(-p|--profile|-n|--namespace|-f|--filename|--kube-context|--kubeconfig|-m|--module|-d|--default-repo)$/,
    names: /^(-n|--namespace|-p|--profile)$/,
    envVar: '',
  },
  okteto: {
    path: /^destroy$/,
    valued: /^(-n|--namespace|--name|-f|--file|-c|--context|--log-level)$/,
    names: /^(-n|--namespace|--name)$/,
    envVar: '',
    all: /^(--all|-v|--volumes)$/,
  },
  devspace: {
    path: /^purge$/,
    valued: /^(-n|--namespace|-p|--profile|--kube-context|--config|-c|--var)$/,
    names: /^(-n|--namespace|-p|--profile)$/,
    envVar: '',
  },
  tilt: {
    path: /^down$/,
    valued: /^(--file|-f|--context|--namespace|--port)$/,
    names: /^(--namespace)$/,
    envVar: '',
    all: /^--delete-namespaces$/,
    needs: /^--delete-namespaces$/,
  },
  tk: {
    path: /^delete$/,
    valued: /^(--name|--target|-t|--ext-str|-V|--tla-str|-A|--log-level)$/,
    names: /^--name$/,
    envVar: '',
    positionalName: true,
  },
};

/** The teardown `cmd` makes of a deployed environment; undefined = another command. */
function readDeployer(cmd: NormalizedCommand, t: Deployer): CloudDraft | undefined {
  const a = cmd.argv;
  const pos: string[] = [];
  const names: string[] = [];
  const opts: string[] = [];
  for (let i = 1; i < a.length; i++) {
    const w = a[i];
    if (!w.startsWith('-')) {
      pos.push(w);
      continue;
    }
    const [o, joined] = w.includes('=')
      ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]
      : [w, undefined];
    opts.push(o);
    const value = joined ?? (t.valued.test(o) ? a[++i] : undefined);
    if (value !== undefined && t.names.test(o)) names.push(value);
  }
  // the command path: its first one, two or three words
  const depth = [1, 2, 3].find((n) => pos.length >= n && t.path.test(pos.slice(0, n).join(' '))) ?? 0;
  const verb = pos.slice(0, depth).join(' ');
  if (!verb || a.some((w) => w === '--help' || w === '-h')) return undefined;
  if (t.needs && !opts.some((o) => t.needs?.test(o))) return undefined;
  if (t.positionalName && pos[depth]) names.push(pos[depth]);
  const env = t.envVar ? cmd.vars[t.envVar] : undefined;
  if (names.length === 0 && env) names.push(env);
  return {
    tool: cmd.program,
    service: 'environment',
    verb,
    resource: names.join(' ') || '(the default environment)',
    all: !!t.all && (opts.some((o) => t.all?.test(o)) || pos.slice(1, 2).some((w) => t.all?.test(w))),
    force: opts.some((o) => /^(-y|--yes|--force)$/.test(o)),
    // fail closed: no name, or one not known statically, is not a scratch environment
    ...(names.length > 0 && !cmd.dynamic && names.every((n) => scratchName(n) || LOCAL_ENV.test(n))
      ? { scratch: true }
      : {}),
  };
}

/** Readers of each deploy tool's environment teardown, by program. */
export const ENVIRONMENT_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> =
  Object.fromEntries(
    Object.entries(DEPLOYERS).map(([program, t]) => [program, (cmd) => readDeployer(cmd, t)]),
  );
