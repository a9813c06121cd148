/**
 * Artillery: `artillery run [opts] SCRIPT…` (also `run-fargate`, `run-lambda` … which run the
 * same script from the cloud) sends the requests of each scenario's flow in the YAML (or
 * JSON) script: `- post: {url, json, body, headers}` and the other methods, also inside
 * `loop` and `parallel` steps; a relative url is joined to `config.target` (or `--target`,
 * or the `--environment`'s target). `artillery quick URL` sends GETs of URL. Scripts are
 * read through ctx.readFile (or as the script wrote them).
 */
import YAML from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, requestFileUnknown } from './http-body.js';
import { emptyRequest, type HttpRequest, sendsCredentialHeader, unknownRequest } from './http-request.js';

/** `artillery run`'s options that take a value. */
const WITH_VALUE = new Set(
  (
    '-t --target -e --environment -o --output -c --config -v --variables --overrides -p --payload ' +
    '--dotenv -s --scenario-name --key --name --tags --note --platform --platform-opt --count ' +
    '--region --cluster --launch-type --subnet-ids --security-group-ids --task-role-name --cpu --memory ' +
    '--record --bail -n --num -r --rate -d --duration'
  ).split(' '),
);

const METHODS = /^(get|post|put|patch|delete|head|options)$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request of one flow step's `METHOD: {url, json, body, headers}` under `target`. */
function stepRequest(method: string, spec: Obj, target: string): HttpRequest {
  const r = emptyRequest('artillery');
  r.method = method.toUpperCase();
  const url = typeof spec.url === 'string' ? spec.url : '';
  r.urls = [
    /^[a-z][\w+.-]*:\/\//i.test(url) || !target
      ? url
      : `${target.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`,
  ];
  if (isObj(spec.headers))
    for (const [k, v] of Object.entries(spec.headers)) r.headers[k.toLowerCase()] = String(v);
  if (spec.json !== undefined) r.body = JSON.stringify(spec.json);
  else if (typeof spec.body === 'string') r.body = spec.body;
  else if (spec.form !== undefined || spec.formData !== undefined || spec.body !== undefined)
    r.bodyUnknown = true;
  r.auth = sendsCredentialHeader(r) || spec.auth !== undefined;
  return r;
}

/** Every request step under `node` (flows, loops, parallel steps), in order. */
function steps(node: unknown, target: string, out: HttpRequest[], depth = 0): void {
  if (depth > 32) return;
  if (Array.isArray(node)) {
    for (const n of node) steps(n, target, out, depth + 1);
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if (METHODS.test(k) && isObj(v)) out.push(stepRequest(k, v, target));
    else steps(v, target, out, depth + 1);
  }
}

/** The requests of one script's text. */
function scriptRequests(text: string, target: string, env: string): HttpRequest[] {
  let doc: unknown;
  try {
    doc = YAML.parse(text) as unknown;
  } catch {
    // fail closed: a script that cannot be parsed sends requests not known here
    return [unknownRequest('artillery')];
  }
  if (!isObj(doc)) return [];
  const config = isObj(doc.config) ? doc.config : {};
  const envs = isObj(config.environments) ? config.environments : {};
  const envTarget = env && isObj(envs[env]) ? envs[env].target : undefined;
  const base = target || (typeof envTarget === 'string' ? envTarget : '') || String(config.target ?? '');
  const out: HttpRequest[] = [];
  steps(doc.scenarios, base, out);
  return out;
}

export function parseArtillery(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const argv = cmd.argv;
  const sub = argv[1] ?? '';
  if (!/^(run|run-[\w-]+|quick)$/.test(sub)) return [];
  let target = '';
  let env = '';
  const operands: [string, number][] = [];
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      operands.push([a, i]);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!WITH_VALUE.has(name)) continue;
    const v = eq > 0 ? a.slice(eq + 1) : (argv[++i] ?? '');
    if (name === '-t' || name === '--target') target = v;
    else if (name === '-e' || name === '--environment') env = v;
  }
  if (sub === 'quick')
    return operands.map(([u]) => {
      const r = emptyRequest('artillery');
      r.method = 'GET';
      r.urls = [u];
      return r;
    });
  return operands.flatMap(([f, at]) => {
    const p = readPayloadFile(f, cmd, ctx);
    // fail closed: a script named at run time or written with unknown content sends requests not known
    if (requestFileUnknown(at, p.file, cmd)) return [unknownRequest('artillery')];
    // a project's own script that cannot be read here: artillery fails without it
    return p.text === undefined ? [] : scriptRequests(p.text, target, env);
  });
}
