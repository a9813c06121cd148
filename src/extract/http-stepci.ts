/**
 * Step CI: `stepci run [opts] WORKFLOW` sends the HTTP steps of the workflow YAML (or JSON):
 * each `http: {url, method, headers, body, json, form, graphql: {query, variables}}` found
 * under `tests`, `before`, `after` or `components` (the method defaults to POST for a GraphQL
 * step, else GET). The workflow is read through ctx.readFile (or as the script wrote it).
 */
import YAML from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { emptyRequest, type HttpRequest, sendsCredentialHeader, unknownRequest } from './http-request.js';

/** `stepci run`'s options that take a value. */
const WITH_VALUE = new Set('-e --env -s --secret -l --loadTest --concurrency -c --config'.split(' '));

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request of one `http:` step. */
function stepRequest(spec: Obj): HttpRequest {
  const r = emptyRequest('stepci');
  const gql = isObj(spec.graphql) ? spec.graphql : undefined;
  r.method = typeof spec.method === 'string' ? spec.method.toUpperCase() : gql ? 'POST' : 'GET';
  r.urls = [typeof spec.url === 'string' ? spec.url : ''];
  if (isObj(spec.headers))
    for (const [k, v] of Object.entries(spec.headers)) r.headers[k.toLowerCase()] = String(v);
  if (gql) r.body = JSON.stringify({ query: gql.query, variables: gql.variables });
  else if (spec.json !== undefined) r.body = JSON.stringify(spec.json);
  else if (typeof spec.body === 'string') r.body = spec.body;
  // fail closed: a form, a file body or a body of another shape is not read here
  else if (spec.body !== undefined || spec.form !== undefined || spec.formData !== undefined)
    r.bodyUnknown = true;
  r.auth = sendsCredentialHeader(r) || spec.auth !== undefined;
  return r;
}

/** Every `http:` step under `node`, in order. */
function steps(node: unknown, out: HttpRequest[], depth = 0): void {
  if (depth > 32) return;
  if (Array.isArray(node)) {
    for (const n of node) steps(n, out, depth + 1);
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'http' && isObj(v)) out.push(stepRequest(v));
    else steps(v, out, depth + 1);
  }
}

function workflowRequests(text: string): HttpRequest[] {
  let doc: unknown;
  try {
    doc = YAML.parse(text) as unknown;
  } catch {
    // fail closed: a workflow that cannot be parsed sends requests not known here
    return [unknownRequest('stepci')];
  }
  if (!isObj(doc)) return [];
  const out: HttpRequest[] = [];
  for (const part of ['before', 'tests', 'after', 'components']) steps(doc[part], out);
  return out;
}

export function parseStepci(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const argv = cmd.argv;
  if (argv[1] !== 'run') return [];
  const operands: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) operands.push(a);
    else if (WITH_VALUE.has(a)) i++;
  }
  // stepci's default workflow file
  if (operands.length === 0) operands.push('workflow.yml');
  return operands.flatMap((f) => {
    const text = readPayloadFile(f, cmd, ctx).text;
    // fail closed: a workflow that cannot be read sends requests not known here
    return text === undefined ? [unknownRequest('stepci')] : workflowRequests(text);
  });
}
