/**
 * Compose projects whose services hold their host: `docker|podman|nerdctl|finch compose …
 * up|run|create|start` and `docker-compose` / `podman-compose`, with the compose files they
 * load (`-f|--file FILE`, repeatable; else compose.yaml, compose.yml, docker-compose.yml,
 * docker-compose.yaml in the working folder). Each service's `privileged`, `pid`, `cap_add`,
 * `user` and `volumes` are turned into the `docker run` options they stand for and judged by
 * the same reading as `docker run` (src/normalize/container-powers.ts: runEscape).
 * A file that cannot be read is not asked about here, as for `kubectl apply -f` (every
 * `compose up` of a project on disk the analysis cannot see would be).
 */
import { parse } from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { runEscape } from '../normalize/container-powers.js';
import { readPayloadFile } from './http-body.js';
import type { Finding } from './word-facts.js';

/** Compose's global options that take a value (before the subcommand). */
const COMPOSE_VALUED =
  /^(-f|--file|-p|--project-name|--project-directory|--env-file|--profile|--ansi|--progress|--parallel)$/;
/** Subcommands that start (or create) the services' containers. */
const STARTS = /^(up|run|create|start|restart)$/;
/** The files compose loads when none is named, first found wins. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A long-syntax volume as the `--mount` value docker run takes; undefined = not a bind mount. */
function mountOf(v: Obj): string | undefined {
  if (v.type !== 'bind' || typeof v.source !== 'string') return undefined;
  const ro = v.read_only === true ? ',readonly' : '';
  return `--mount=type=bind,source=${v.source},target=${String(v.target ?? '')}${ro}`;
}

/** The `docker run` options a compose service stands for (only those that give power over the host). */
export function serviceRunWords(svc: Obj): string[] {
  const words: string[] = [];
  if (svc.privileged === true || svc.privileged === 'true') words.push('--privileged');
  if (typeof svc.pid === 'string') words.push(`--pid=${svc.pid}`);
  for (const c of Array.isArray(svc.cap_add) ? svc.cap_add : []) words.push(`--cap-add=${String(c)}`);
  if (svc.user !== undefined) words.push(`--user=${String(svc.user)}`);
  for (const v of Array.isArray(svc.volumes) ? svc.volumes : []) {
    if (typeof v === 'string') words.push(`--volume=${v}`);
    else if (isObj(v)) {
      const m = mountOf(v);
      if (m) words.push(m);
    }
  }
  return words;
}

/** Each service of a compose file's text that holds its host, as `service NAME: how`; empty = none (or not YAML). */
export function composeEscapes(text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return []; // not YAML: compose refuses it too
  }
  const services = isObj(doc) && isObj(doc.services) ? doc.services : {};
  const out: string[] = [];
  for (const [name, svc] of Object.entries(services)) {
    if (!isObj(svc)) continue;
    const found = runEscape(serviceRunWords(svc));
    if (found) out.push(`service ${name}: ${found}`);
  }
  return out;
}

/** The compose words of `cmd` (after `compose`, or after `docker-compose`); undefined = not compose. */
function composeArgs(cmd: NormalizedCommand, at: number): string[] | undefined {
  if (/^(docker|podman)-compose$/.test(cmd.program)) return cmd.argv.slice(1);
  return cmd.argv[at] === 'compose' ? cmd.argv.slice(at + 1) : undefined;
}

/** What a compose command starts that holds its host (see the header); `at` = the container tool's subcommand index. */
export function composeTakeover(cmd: NormalizedCommand, ctx: AnalyzeContext, at: number): Finding[] {
  const args = composeArgs(cmd, at);
  if (!args) return [];
  const files: string[] = [];
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '-f' || a === '--file') files.push(args[i + 1] ?? '');
    else if (a.startsWith('--file=')) files.push(a.slice('--file='.length));
    if (COMPOSE_VALUED.test(a)) i++;
  }
  if (!STARTS.test(args[i] ?? '')) return [];
  const texts = files.length
    ? files.map((f) => readPayloadFile(f, cmd, ctx).text)
    : [DEFAULT_FILES.map((f) => readPayloadFile(f, cmd, ctx).text).find((t) => t !== undefined)];
  const tool = cmd.program.endsWith('-compose') ? cmd.program : `${cmd.program} compose`;
  return texts
    .flatMap((t) => (t === undefined ? [] : composeEscapes(t)))
    .map((found): Finding => ['host-escape', `${tool} ${args[i]}: ${found}`]);
}
