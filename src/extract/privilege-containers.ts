/**
 * Containers and pods that hold their host, and RBAC that hands out a cluster, as findings:
 * - `docker|podman|nerdctl|finch [container] run|create` whose options give the container
 *   its host (src/normalize/container-powers.ts: `--pid=host` with `--privileged` or
 *   SYS_ADMIN/SYS_PTRACE, `/` or a system folder mounted writable); a carried command does not
 *   hide them (the normalizer keeps such a carrier as a command of its own); compose services
 *   with the same powers (privilege-compose.ts);
 * - `kubectl|oc run --privileged|--overrides=JSON` and `kubectl debug node/NAME`;
 * - manifests given to `kubectl|oc apply|create|replace -f FILE|-` (a file the script wrote,
 *   a heredoc, a pipe): every pod spec in them (Pods, workload templates, CronJobs) and their
 *   RBAC (privilege-rbac.ts) and certificate requests for system:masters (privilege-certs.ts);
 *   a patch (`kubectl patch … -p`) read the same way;
 * - `kubectl create clusterrole|role|…binding` (privilege-rbac.ts).
 * Verbs: `host-escape`, `grant-admin`, `make-public`. A manifest that cannot be read is not
 * asked about here: every `kubectl apply -f` of a file the analysis cannot see would be.
 */
import { parseAllDocuments } from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { kubectlRunEscape, podEscape, podSpecs, runEscape } from '../normalize/container-powers.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import { createdRbac, rbacDocument } from './privilege-rbac.js';
import { composeTakeover } from './privilege-compose.js';
import { csrDocument } from './privilege-certs.js';
import type { Finding } from './word-facts.js';

const CONTAINER_TOOLS = /^(docker|podman|nerdctl|finch)$/;
/** Global options of the container tools that take a value (before the subcommand). */
const CONTAINER_GLOBAL =
  /^(-H|--host|-c|--context|--config|-l|--log-level|--connection|--url|--identity|--namespace|-n|--address|-a)$/;
/** kubectl's global and common options that take a value. */
const KUBECTL_VALUED =
  /^(-n|--namespace|--context|--cluster|--kubeconfig|--user|-s|--server|--token|--as|--as-group|-o|--output|-l|--selector|--field-manager|--type|-p|--patch|-f|--filename|-k|--kustomize|--patch-file|--subresource)$/;

/** The subcommand's index in argv after the global options; -1 = none. */
function subcommandAt(argv: string[], valued: RegExp): number {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) return i;
    if (valued.test(a)) i++;
  }
  return -1;
}

/** Every value of an option (`-f a.yaml -f b.yaml`, `--filename=x`). */
function optionValues(args: string[], names: string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (names.includes(a)) out.push(args[i + 1] ?? '');
    const eq = a.indexOf('=');
    if (eq > 0 && names.includes(a.slice(0, eq))) out.push(a.slice(eq + 1));
  });
  return out;
}

/** The parsed documents of a YAML or JSON text (a document that does not parse is left out). */
export function documents(text: string): unknown[] {
  try {
    return parseAllDocuments(text)
      .filter((d) => d.errors.length === 0)
      .map((d) => d.toJS() as unknown);
  } catch {
    return [];
  }
}

/** What documents hand out: each pod spec that holds its node, and their RBAC. */
function documentFindings(docs: unknown[], roleTarget = false): Finding[] {
  const out: Finding[] = [];
  for (const doc of docs) {
    for (const spec of podSpecs(doc)) {
      const found = podEscape(spec);
      if (found) out.push(['host-escape', found]);
    }
    out.push(...rbacDocument(doc, roleTarget), ...csrDocument(doc));
  }
  return out;
}

/** kubectl / oc: pods that hold their node, manifests and patches, RBAC created. */
function kubectl(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const at = subcommandAt(cmd.argv, KUBECTL_VALUED);
  if (at < 0) return [];
  const args = cmd.argv.slice(at);
  const run = kubectlRunEscape(args);
  if (run) return [['host-escape', run]];
  const words = args.filter(
    (w, i) => !w.startsWith('-') && !(KUBECTL_VALUED.test(args[i - 1] ?? '') && !args[i - 1].includes('=')),
  );
  const verb = words[0];
  if (verb === 'patch') {
    const patches = optionValues(args, ['-p', '--patch']);
    const role = /^(cluster)?roles?(\.rbac\.authorization\.k8s\.io)?(\/|$)/.test(words[1] ?? '');
    return patches.flatMap((p) => documentFindings(documents(p), role));
  }
  if (verb !== 'apply' && verb !== 'create' && verb !== 'replace') return [];
  return [
    ...manifestTexts(args, cmd, ctx).flatMap((t) => (t === undefined ? [] : documentFindings(documents(t)))),
    ...createdRbac(words, args),
  ];
}

/** The text of each `-f FILE|-` (a file the script wrote or on disk, stdin); undefined = not readable. */
function manifestTexts(args: string[], cmd: NormalizedCommand, ctx: AnalyzeContext): (string | undefined)[] {
  return optionValues(args, ['-f', '--filename']).map((f) =>
    f === '-' ? readStdinDeep(cmd, ctx).text : readPayloadFile(f, cmd, ctx).text,
  );
}

/**
 * The manifests `kubectl|oc [opts] apply|create|replace -f FILE|-` sends to the cluster, as
 * text (undefined = not readable); empty = another command, or a dry run (nothing is created).
 */
export function appliedManifests(cmd: NormalizedCommand, ctx: AnalyzeContext): (string | undefined)[] {
  if (!/^(kubectl|oc|kubecolor)$/.test(cmd.program)) return [];
  const at = subcommandAt(cmd.argv, KUBECTL_VALUED);
  const args = at < 0 ? [] : cmd.argv.slice(at);
  if (!/^(apply|create|replace)$/.test(args[0] ?? '')) return [];
  if (args.some((a) => a === '--dry-run' || (a.startsWith('--dry-run=') && a !== '--dry-run=none')))
    return [];
  return manifestTexts(args, cmd, ctx);
}

/** What `cmd` hands out of a host or a cluster (see the header), as [verb, the words]; empty = nothing. */
export function containerTakeover(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const p = cmd.program;
  if (CONTAINER_TOOLS.test(p)) {
    let at = subcommandAt(cmd.argv, CONTAINER_GLOBAL);
    if (cmd.argv[at] === 'container') at++;
    if (cmd.argv[at] === 'compose') return composeTakeover(cmd, ctx, at);
    if (at < 0 || !/^(run|create)$/.test(cmd.argv[at] ?? '')) return [];
    const found = runEscape(cmd.argv.slice(at + 1));
    return found ? [['host-escape', `${p} ${cmd.argv[at]} ${found}`]] : [];
  }
  if (p === 'docker-compose' || p === 'podman-compose') return composeTakeover(cmd, ctx, 0);
  if (p === 'kubectl' || p === 'oc' || p === 'kubecolor') return kubectl(cmd, ctx);
  return [];
}
