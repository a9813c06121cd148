/**
 * Tools that tear down, in one command, everything they provisioned in a cloud:
 * - cluster launchers and provisioners whose `down` deletes the machines and resources they
 *   created: `ray down CONFIG` (head and worker nodes terminated), `sky down [-a]` and
 *   `sky serve down` (SkyPilot clusters and services, their disks too), `azd down` (every
 *   Azure resource of the environment), `ecs-cli down` (the cluster's CloudFormation stack),
 *   `terraspace [all] down` (terraform destroy of the stacks), `defang [compose] down` (the
 *   project's services and what was made for them in the cloud account), and deployers'
 *   teardown of a production environment (`garden cleanup namespace|deploy --env production`,
 *   `werf dismiss --env production`; their dev environments are torn down routinely);
 * - account nukers, whose purpose is deleting every resource of a cloud account: `cloud-nuke
 *   aws|gcp|defaults-aws`, `aws-nuke`/`azure-nuke`/`gcp-nuke` with `--no-dry-run` (they only
 *   list without it), and any other `NAME-nuke` program (fail closed: read as a nuke unless
 *   it lists or inspects).
 * Read as CloudFacts of service `cluster` (verb `down`, or the tool's own word: `cleanup`,
 * `dismiss`) or `account` (verb `nuke`). `down`
 * of local development tools (`docker compose down`, `tilt down`, `okteto down`) stops
 * local or dev containers and is not read here; stopping (`sky stop`, `ray stop`), status,
 * listing and inspecting make no fact.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { PRODUCTION } from './cloud-generic-forced.js';

interface Launcher {
  /** Words before `down` (`serve` in `sky serve down`, `all` in `terraspace all down`); each row one path. */
  paths: string[][];
  /** Options that take a value. */
  valued: RegExp;
  /** Options that select every cluster or stack. Undefined = none. */
  all?: RegExp;
  /** The tool's word for tearing down (`garden cleanup`, `werf dismiss`); undefined = `down`. */
  verb?: RegExp;
  /**
   * True: read only when a word names a production target (`--env production`) or a value the
   * shell fills in, as a deployer's other environments are routinely torn down and made again.
   * Undefined = always read.
   */
  production?: boolean;
}

const LAUNCHERS: Record<string, Launcher> = {
  ray: { paths: [[]], valued: /^(-n|--cluster-name|--log-style|--log-color)$/ },
  sky: { paths: [[], ['serve']], valued: /(?!)/, all: /^(-a|--all|-u|--all-users)$/ },
  azd: { paths: [[]], valued: /^(-e|--environment|-C|--cwd)$/ },
  'ecs-cli': {
    paths: [[]],
    valued: /^(-c|--cluster|--cluster-config|--ecs-profile|--aws-profile|--region|-r)$/,
  },
  terraspace: { paths: [[], ['all']], valued: /^(--var-files?|--instance|--out|-o)$/, all: /^all$/ },
  defang: {
    paths: [[], ['compose']],
    valued: /^(-C|--cwd|-f|--file|-P|--provider|-p|--project-name|-s|--stack|--cluster|--org|--color)$/,
  },
  // Garden: `garden cleanup namespace|deploy [NAMES] --env ENV` deletes the environment's
  // namespace, or its deployed services, from the cluster.
  garden: {
    paths: [[]],
    verb: /^cleanup$/,
    valued: /^(-e|--env|--root|--log-level|-l|--logger-type|-o|--output|--var)$/,
    production: true,
  },
  // werf: `werf dismiss --env ENV [--with-namespace]` uninstalls the release (and its namespace).
  werf: {
    paths: [[]],
    verb: /^dismiss$/,
    valued:
      /^(--env|--dir|--config|-n|--namespace|--release|--kube-context|--kube-config|--repo|--home-dir|--tmp-dir)$/,
    production: true,
  },
};

/** Options that answer the tool's own prompt. */
const FORCE = /^(-y|--yes|-f|--force|--auto-approve|--no-confirm)$/;

/** Positional words and options of argv[1…], skipping options' values. */
function split(argv: string[], valued: RegExp): { pos: string[]; opts: string[] } {
  const pos: string[] = [];
  const opts: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      opts.push(a.split('=')[0]);
      if (valued.test(a) && !a.includes('=')) i++;
    } else pos.push(a);
  }
  return { pos, opts };
}

/** `TOOL [path…] down [NAMES]`; undefined for the tool's other commands. */
function readLauncher(cmd: NormalizedCommand, l: Launcher): CloudDraft | undefined {
  const { pos, opts } = split(cmd.argv, l.valued);
  // fail closed: a target given by a value not known statically may be production
  if (
    l.production &&
    !cmd.argv.slice(1).some((a) => PRODUCTION.test(a.replace(/^--?[\w-]+=/, '')) || /[$`]/.test(a))
  )
    return undefined;
  const verb = l.verb ?? /^down$/;
  for (const path of l.paths) {
    const word = pos[path.length] ?? '';
    if (!verb.test(word) || !path.every((w, i) => pos[i] === w)) continue;
    const names = pos.slice(path.length + 1);
    return {
      tool: cmd.program,
      service: ['cluster', ...path].join(' '),
      verb: word,
      resource: names.join(' '),
      all: !!l.all && (opts.some((o) => l.all!.test(o)) || path.some((w) => l.all!.test(w))),
      force: opts.some((o) => FORCE.test(o)),
    };
  }
  return undefined;
}

/** A program whose name says it nukes (`cloud-nuke`, `aws-nuke`). */
const NUKER = /^[a-z][a-z0-9]*[-_]nuke$/;
/** Nukers that only list what they would delete unless told `--no-dry-run`. */
const DRY_BY_DEFAULT = new Set(['aws-nuke', 'azure-nuke', 'gcp-nuke']);
/** Subcommands that only read: `cloud-nuke inspect-aws`, `aws-nuke resource-types`, `version`. */
const READS =
  /^(inspect|list|ls|describe|show|get|resource-types|explain|version|help|completion|config)([-_]|$)/;

/** An account nuker run for real; undefined when it only lists, inspects or is not one. */
export function readNuker(cmd: NormalizedCommand): CloudDraft | undefined {
  if (!NUKER.test(cmd.program)) return undefined;
  const args = cmd.argv.slice(1);
  if (args.some((a) => /^(--help|-h|--version|-v)$/.test(a))) return undefined;
  const pos = args.filter((a) => !a.startsWith('-'));
  if (pos.length && READS.test(pos[0])) return undefined;
  if (DRY_BY_DEFAULT.has(cmd.program) && !args.includes('--no-dry-run')) return undefined;
  return {
    tool: cmd.program,
    service: 'account',
    verb: 'nuke',
    // cloud-nuke names the cloud (`aws`, `defaults-aws`); the others read a config file
    resource: pos[0] ?? '',
    all: true,
    force: args.some((a) => FORCE.test(a) || a === '--no-prompt'),
  };
}

/** Readers of the teardown of each launcher, by program (their other commands are read generically). */
export const TEARDOWN_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> =
  Object.fromEntries(
    Object.entries(LAUNCHERS).map(([program, l]) => [program, (cmd) => readLauncher(cmd, l)]),
  );
