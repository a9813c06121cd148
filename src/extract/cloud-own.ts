/**
 * Removals of what this same script made, in a place no one else uses, read as the script's
 * own scratch (`scratch: true`), which the removal rules leave alone:
 * - `docker compose -p NAME down -v` (or `rm -v`) of a project this script started earlier
 *   (`up`, `create`, `run` with the same name, files and engine host), when NAME is a scratch
 *   name (scratch-names.ts) and every compose file it reads is one the script wrote, with
 *   known content, into a folder mktemp made in this script (so no other compose, override or
 *   `.env` file is there). The file may declare project volumes (`NAME_vol`, made by that
 *   `up`), never a volume with its own `name:` or an `external` one, an `include` or an
 *   `extends` of another file: those reach beyond the project.
 * - `docker service rm NAME…` and `docker stack rm NAME…` of services or stacks this script
 *   created earlier (`service create --name NAME`, `stack deploy … NAME`) on the same engine
 *   host, every NAME a scratch name.
 * Fail closed: a dynamic word, `--env-file`, a COMPOSE_FILE the script set, a file not written
 * here or not parsed, keeps the removal as it was read.
 */
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { dockerArgs, type DockerArgs } from './cloud-docker.js';
import { scratchName } from './scratch-names.js';

/** Engines whose compose and swarm commands are read here. */
const ENGINES = /^(docker|podman|nerdctl|docker-compose)$/;
/** A folder mktemp made: a path component ending in the X's that stand for its random part. */
const FRESH = /(^|\/)[^/]*X{3,}(\/|$)/;
/** Compose's default files, in the order it looks for them, and their override twins. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

/** Every value of the named options. */
const opt = (a: DockerArgs, ...names: string[]) => names.flatMap((n) => a.p.opts.get(n) ?? []);

/** The engine host a command talks to: global `-H`/`--context` and DOCKER_HOST/DOCKER_CONTEXT ('' = default). */
function hostOf(cmd: NormalizedCommand, a: DockerArgs): string {
  const first = a.p.pos[0]?.index ?? a.argv.length;
  const globals: string[] = [];
  for (let i = 1; i < first; i++)
    if (/^(-H|--host|-c|--context)$/.test(a.argv[i])) globals.push(a.argv[++i] ?? '');
    else if (/^(--host|--context)=/.test(a.argv[i])) globals.push(a.argv[i].replace(/^[^=]*=/, ''));
  return [cmd.program, ...globals, cmd.vars.DOCKER_HOST ?? '', cmd.vars.DOCKER_CONTEXT ?? ''].join(' ');
}

/** One compose command: its verb, project, files (absolute) and host; undefined = not one, or not read. */
interface ComposeRun {
  verb: string;
  project: string;
  files: string[];
  host: string;
}

function composeRun(cmd: NormalizedCommand): ComposeRun | undefined {
  if (!ENGINES.test(cmd.program) || cmd.dynamic) return undefined;
  const a = dockerArgs(cmd);
  const pos = a.p.pos.map((w) => w.text);
  const at = pos.indexOf('compose');
  // fail closed: another env file or a file list from the environment may name other files
  if (!a.compose || at < 0 || a.p.opts.has('--env-file') || cmd.vars.COMPOSE_FILE !== undefined)
    return undefined;
  const project = opt(a, '-p', '--project-name').pop() ?? cmd.vars.COMPOSE_PROJECT_NAME ?? '';
  const given = opt(a, '-f', '--file').map((f) => path.resolve(cmd.cwd, f));
  const dirOpt = opt(a, '--project-directory').pop();
  const dir = dirOpt ? path.resolve(cmd.cwd, dirOpt) : given.length ? path.dirname(given[0]) : cmd.cwd;
  const inDir = (names: string[]) =>
    names.map((n) => path.join(dir, n)).filter((f) => cmd.files?.[f] !== undefined);
  const files = given.length ? given : [...inDir(DEFAULT_FILES).slice(0, 1), ...inDir(OVERRIDES)];
  return files.length ? { verb: pos[at + 1] ?? '', project, files, host: hostOf(cmd, a) } : undefined;
}

/** True when a compose file's project reaches nothing outside it (see the header). */
function selfContained(text: string): boolean {
  const doc = parseDocument(text);
  const top: unknown = doc.errors.length ? undefined : doc.toJS();
  if (!top || typeof top !== 'object' || Array.isArray(top)) return false;
  const t = top as Record<string, unknown>;
  if ('include' in t) return false;
  const services = Object.values((t.services ?? {}) as Record<string, unknown>);
  if (services.some((s) => !!s && typeof s === 'object' && 'extends' in s)) return false;
  return Object.values((t.volumes ?? {}) as Record<string, unknown>).every(
    (v) => v === null || (typeof v === 'object' && !('name' in v) && !('external' in v)),
  );
}

/** True when a compose run's files are all this script's, in a fresh folder, self-contained. */
function ownFiles(cmd: NormalizedCommand, run: ComposeRun): boolean {
  return run.files.every((f) => {
    const text = cmd.files?.[f];
    const dir = path.dirname(f);
    return (
      typeof text === 'string' &&
      FRESH.test(dir) &&
      cmd.files?.[path.join(dir, '.env')] === undefined &&
      selfContained(text)
    );
  });
}

/** `compose down -v` of a scratch project this script started from its own files. */
function ownCompose(cmd: NormalizedCommand, before: NormalizedCommand[]): boolean {
  const run = composeRun(cmd);
  if (!run || !scratchName(run.project) || !ownFiles(cmd, run)) return false;
  return before.some((c) => {
    const up = composeRun(c);
    return (
      !!up &&
      /^(up|create|run)$/.test(up.verb) &&
      up.project === run.project &&
      up.host === run.host &&
      up.files.join('\n') === run.files.join('\n')
    );
  });
}

/** The services or stacks an earlier command of this script created on `host`. */
function created(before: NormalizedCommand[], group: string, host: string): Set<string> {
  const out = new Set<string>();
  for (const c of before) {
    if (!ENGINES.test(c.program) || c.dynamic) continue;
    const a = dockerArgs(c);
    const [g, verb, ...rest] = a.p.pos.map((w) => w.text);
    if (g !== group || hostOf(c, a) !== host) continue;
    if (group === 'service' && verb === 'create') opt(a, '--name').forEach((n) => out.add(n));
    if (group === 'stack' && /^(deploy|up)$/.test(verb ?? '') && rest.length) out.add(rest[rest.length - 1]);
  }
  return out;
}

/**
 * `d` marked `scratch` when it removes only what this script made for itself (see the
 * header); `before` = the script's commands that ran before `cmd` (empty = none).
 */
export function ownScratch(d: CloudDraft, cmd: NormalizedCommand, before: NormalizedCommand[]): CloudDraft {
  if (!ENGINES.test(cmd.program)) return d;
  if (d.service === 'compose' && /--volumes$/.test(d.verb))
    return ownCompose(cmd, before) ? { ...d, scratch: true } : d;
  if (/^(service|stack)$/.test(d.service) && /^(rm|remove|down)$/.test(d.verb) && !d.all && !cmd.dynamic) {
    const names = d.resource.split(' ').filter(Boolean);
    const made = created(before, d.service, hostOf(cmd, dockerArgs(cmd)));
    if (names.length && names.every((n) => scratchName(n) && made.has(n))) return { ...d, scratch: true };
  }
  return d;
}
