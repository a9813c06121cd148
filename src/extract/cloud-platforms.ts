/**
 * Platforms an installer CLI put into a Kubernetes cluster or an API gateway, removed or
 * reset by that CLI (argv only):
 * - `cilium uninstall` (the cluster's network: every pod loses connectivity), `istioctl
 *   [x] uninstall` (the mesh), `flux uninstall` (GitOps controllers and their CRDs), `velero
 *   uninstall` (backup definitions with their CRDs), `dapr uninstall -k|--kubernetes` (without
 *   it, the local self-hosted install), `consul-k8s uninstall`, `osm uninstall mesh`, `vela
 *   uninstall`, `karmadactl deinit`;
 * - Kong's `deck gateway reset` (older `deck reset`): every entity of the gateway deleted
 *   (services, routes, consumers and their credentials), and `kong migrations reset`, which
 *   drops Kong's database.
 * Read as CloudFacts of service `cluster-platform` (verb uninstall or reset). Installers that
 * only print the manifests to delete (`linkerd uninstall`, `kumactl uninstall`) make no fact:
 * what reads those manifests (`| kubectl delete -f -`) is judged. Installing, status and
 * listing make no fact.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

interface Platform {
  /** The command words (positionals, joined by spaces) that remove or reset it. */
  words: RegExp;
  verb: 'uninstall' | 'reset';
  /** When set, one argument must match it (`dapr uninstall -k`). */
  flags?: RegExp;
  /** Options that take a separate value (so it is not read as a command word). */
  valued?: RegExp;
}

const KUBE_VALUED = /^(-n|--namespace|--context|--kubeconfig|-c|--revision|-r|--timeout|--wait-duration)$/;

const PLATFORMS: Record<string, Platform> = {
  cilium: { words: /^uninstall\b/, verb: 'uninstall', valued: KUBE_VALUED },
  istioctl: { words: /^(x |experimental )?uninstall\b/, verb: 'uninstall', valued: KUBE_VALUED },
  flux: { words: /^uninstall\b/, verb: 'uninstall', valued: KUBE_VALUED },
  velero: { words: /^uninstall\b/, verb: 'uninstall', valued: KUBE_VALUED },
  dapr: { words: /^uninstall\b/, verb: 'uninstall', flags: /^(-k|--kubernetes)$/, valued: KUBE_VALUED },
  'consul-k8s': { words: /^uninstall\b/, verb: 'uninstall', valued: KUBE_VALUED },
  osm: { words: /^uninstall mesh\b/, verb: 'uninstall', valued: KUBE_VALUED },
  vela: { words: /^uninstall\b/, verb: 'uninstall', valued: KUBE_VALUED },
  karmadactl: { words: /^deinit\b/, verb: 'uninstall', valued: KUBE_VALUED },
  deck: {
    words: /^(gateway )?reset\b/,
    verb: 'reset',
    valued: /^(--kong-addr|--headers|-H|--workspace|-w|--select-tag|--konnect-\S+|--config|--ca-cert-file)$/,
  },
  kong: { words: /^migrations reset\b/, verb: 'reset', valued: /^(-c|--conf|-p|--prefix)$/ },
};

/** Options that answer the tool's own prompt. */
const FORCE = /^(-y|--yes|-f|--force|--skip-confirmation|--purge)$/;

/** The platform removed or reset by one of these CLIs; undefined for their other commands. */
function readPlatform(cmd: NormalizedCommand, p: Platform): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) pos.push(args[i]);
    else if (p.valued?.test(args[i])) i++;
  }
  if (!p.words.test(pos.join(' '))) return undefined;
  if (p.flags && !args.some((a) => p.flags!.test(a.split('=')[0]))) return undefined;
  return {
    tool: cmd.program,
    service: 'cluster-platform',
    verb: p.verb,
    resource: '',
    all: true,
    force: args.some((a) => FORCE.test(a)),
  };
}

/** Readers of the removal of each platform, by program (their other commands are read generically). */
export const PLATFORM_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> =
  Object.fromEntries(
    Object.entries(PLATFORMS).map(([program, p]) => [program, (cmd) => readPlatform(cmd, p)]),
  );
