/**
 * GraphQL documents carried by a program that is not an HTTP client: a platform CLI
 * (`railway api 'mutation { … }'`), a GraphQL CLI (`gq URL -q …`, `gqlcli`), or any other
 * program given a document as an argument, an option value (`--query=…`), on stdin
 * (pipe, heredoc, here-string) or in a file (`--file doc.graphql`, `vars.json`). Each
 * top-level field becomes a `graphql` fact exactly like one sent with curl.
 *
 * Text that is not a document as a whole (inline code: `python3 -c "…gql('mutation {
 * … }')…"`) is read for the operations written inside it.
 *
 * Cheap pre-filter: only text that looks like a GraphQL operation (`mutation …{`,
 * `query …{`, `subscription …{`, a `{"query": …}` JSON body, or a `{ field … }` shorthand
 * given to a known GraphQL CLI) is parsed with the `graphql` package.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { DraftFact, Extractor } from './extractor.js';
import { graphqlFields, type GraphqlPayload } from './graphql-ops.js';
import { fieldText, graphqlFieldFact, unparsedGraphqlFact } from './request-facts.js';
import { resolvePath } from './http-body.js';
import { parseUrl } from './http-url.js';
import { graphqlProtectionOff } from './forge-protection.js';

/** Programs whose GraphQL is read by the HTTP extractor, or that only print or search text. */
const SKIP = new Set([
  'curl',
  'wget',
  'wget2',
  'nghttp',
  'xidel',
  'http',
  'https',
  'xh',
  'xhs',
  'curlie',
  'httpx',
  'hurl',
  'lwp-request',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'echo',
  'printf',
  'grep',
  'egrep',
  'fgrep',
  'rg',
  'ag',
  'sed',
  'git',
  'jq',
  'yq',
  'tee',
  'cat',
  'less',
  'head',
  'tail',
]);

/** CLIs (program, or program + first word) made for GraphQL: they also take the `{ field }` shorthand. */
const GRAPHQL_CLIS =
  /^(gq|graphqurl|gqlcli|graphql|gql|[\w.-]*-(gql|graphql)|(gql|graphql)-[\w.-]+|railway api|hasura graphql|linear api|linear-cli api)$/;

/** CLIs that send the document they are given (an unreadable one is an unknown request). */
const SENDERS = /^(gq|graphqurl|gqlcli|gql-cli|railway api|hasura graphql|linear api|linear-cli api)$/;

/** An operation's start: its keyword, then (name, variables) up to its selection set. */
const OPERATION_HEAD = String.raw`(mutation|query|subscription)\b[^{}]{0,200}\{`;
/** Looks like an operation: a keyword then a selection set, or a JSON body with a query. */
const OPERATION = new RegExp(String.raw`(^|[\s"'\x60])` + OPERATION_HEAD);
const JSON_QUERY = /^\s*[[{]\s*"query"\s*:/;
/** Options whose value names a file holding the document or the variables. */
const FILE_OPT = /^--?(file|query-file|document|doc|input|variables-file|vars-file|f)$/;
/** Options whose value is the variables object, or one `name=value` variable. */
const VARS_OPT = /^--?(variables|vars|variable-values)$/;
const VAR_OPT = /^--?(var|variable|v)$/;
/** Files read as documents or variables. */
const DOC_FILE = /\.(graphql|gql|graphqls|json)$/i;

export const extractCarriedGraphql: Extractor = (cmd, ctx) => {
  if (SKIP.has(cmd.program) || ((cmd.program === 'gh' || cmd.program === 'glab') && cmd.argv[1] === 'api'))
    return [];
  const sub = `${cmd.program} ${cmd.argv[1] ?? ''}`;
  const sender = SENDERS.test(cmd.program) || SENDERS.test(sub);
  // Cheap pre-filter: no brace, no document file, no stdin to a sender: nothing to parse.
  const stdin0 = cmd.stdin;
  if (
    !sender &&
    !cmd.argv.some((a) => a.includes('{') || DOC_FILE.test(a)) &&
    !stdin0?.text?.includes('{') &&
    !(stdin0?.kind === 'file' && stdin0.path && DOC_FILE.test(stdin0.path))
  )
    return [];
  const cli = sender || GRAPHQL_CLIS.test(cmd.program) || GRAPHQL_CLIS.test(sub);
  const docs: string[] = [];
  const variables: Record<string, unknown> = {};
  let unreadable = false;
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = /^(--?[\w-]+)=([\s\S]*)$/.exec(a);
    const opt = eq ? eq[1] : a.startsWith('-') ? a : '';
    const value = eq ? eq[2] : opt ? argv[i + 1] : a;
    if (opt && value === undefined) continue;
    if (opt && VARS_OPT.test(opt)) {
      Object.assign(variables, jsonObject(value) ?? {});
    } else if (opt && VAR_OPT.test(opt) && /^[A-Za-z_]\w*=/.test(value ?? '')) {
      const at = value.indexOf('=');
      const raw = value.slice(at + 1);
      variables[value.slice(0, at)] = jsonValue(raw) ?? raw;
    } else if (looksLikeDoc(value, cli)) docs.push(value);
    else if ((opt && FILE_OPT.test(opt)) || (!opt && DOC_FILE.test(a) && !/[\n{]/.test(a))) {
      const text = ctx.readFile?.(resolvePath(value, cmd, ctx));
      if (text === undefined) unreadable ||= sender;
      else docs.push(text);
    }
    if (
      opt &&
      !eq &&
      (VARS_OPT.test(opt) || VAR_OPT.test(opt) || FILE_OPT.test(opt) || looksLikeDoc(value, cli))
    )
      i++;
  }
  const stdin = cmd.stdin;
  if (stdin?.text !== undefined) {
    if (looksLikeDoc(stdin.text, cli)) docs.push(stdin.text);
  } else if (sender && stdin && stdin.kind !== 'file') unreadable = true;
  else if (stdin?.kind === 'file' && stdin.path && (cli || DOC_FILE.test(stdin.path))) {
    const text = ctx.readFile?.(stdin.path);
    if (text === undefined) unreadable ||= sender;
    else if (cli || looksLikeDoc(text, cli)) docs.push(text);
  }
  if (!docs.length && !unreadable) return [];
  const host = hostOf(cmd);
  const to = { host, url: host };
  const out: DraftFact[] = [];
  for (const d of docs) {
    const payloads = toPayloads(d, variables);
    for (const p of payloads) {
      // Not a document as a whole: the operations written inside it (a string of inline
      // code, `gql('mutation { … }')`), each read on its own.
      const fields =
        graphqlFields(p) ??
        (cli ? undefined : embeddedDocs(p.query).flatMap((query) => graphqlFields({ ...p, query }) ?? []));
      if (!fields?.length) {
        // A GraphQL sender given a document that does not parse: what it sends is unknown.
        if (sender) unreadable = true;
        continue;
      }
      const gfacts = fields.map((f) => graphqlFieldFact(f, to, `${fieldText(f)} via ${cmd.program}`));
      out.push(...gfacts, ...graphqlProtectionOff(gfacts, cmd.program));
    }
  }
  // fail closed: a GraphQL CLI whose document can't be read (unknown stdin, missing file).
  if (unreadable && !out.length)
    out.push(unparsedGraphqlFact(to, `${cmd.program}: GraphQL document could not be read`, host));
  return out;
};

function looksLikeDoc(text: string | undefined, cli: boolean): boolean {
  if (!text || text.length > 256 * 1024 || !text.includes('{')) return false;
  if (OPERATION.test(text) || JSON_QUERY.test(text)) return true;
  // A GraphQL CLI also takes the `{ field }` shorthand query.
  return cli && /^\s*\{\s*[A-Za-z_]/.test(text);
}

/** Most operations read out of one text. */
const MAX_EMBEDDED = 8;
/** Every operation's start in a text (matchAll works on a copy: no state is shared). */
const EMBEDDED = new RegExp(String.raw`\b` + OPERATION_HEAD, 'g');

/** The operations written inside other text: from the keyword to its selection set's closing brace. */
function embeddedDocs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(EMBEDDED)) {
    let depth = 0;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        out.push(text.slice(m.index, i + 1));
        break;
      }
    }
    if (out.length >= MAX_EMBEDDED) break;
  }
  return out;
}

function toPayloads(text: string, variables: Record<string, unknown>): GraphqlPayload[] {
  if (JSON_QUERY.test(text)) {
    const v = jsonValue(text);
    const items = Array.isArray(v) ? v : [v];
    const out: GraphqlPayload[] = [];
    for (const it of items) {
      if (it === null || typeof it !== 'object') continue;
      const o = it as Record<string, unknown>;
      if (typeof o.query !== 'string') continue;
      const own = typeof o.variables === 'object' && o.variables !== null ? o.variables : {};
      out.push({
        query: o.query,
        operationName: typeof o.operationName === 'string' ? o.operationName : '',
        variables: { ...variables, ...(own as Record<string, unknown>) },
      });
    }
    return out;
  }
  const messages = jsonMessages(text);
  if (messages.length) return messages.map((p) => ({ ...p, variables: { ...variables, ...p.variables } }));
  return [{ query: text, operationName: '', variables }];
}

/**
 * The GraphQL requests inside JSON messages, one message per line or the text as a whole:
 * a subscription protocol wraps each in an envelope (graphql-ws `{"type":"subscribe",
 * "payload":{"query":…}}`, subscriptions-transport-ws `{"type":"start",…}`). Empty = none.
 */
function jsonMessages(text: string): GraphqlPayload[] {
  const whole = jsonValue(text);
  const values =
    whole !== undefined
      ? [whole]
      : text
          .split(/\r?\n/)
          .filter((l) => /^\s*[[{]/.test(l))
          .map(jsonValue);
  const out: GraphqlPayload[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 4) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.query === 'string') {
      const own = typeof o.variables === 'object' && o.variables !== null ? o.variables : {};
      out.push({
        query: o.query,
        operationName: typeof o.operationName === 'string' ? o.operationName : '',
        variables: own as Record<string, unknown>,
      });
      return;
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  for (const v of values) visit(v, 0);
  return out;
}

function jsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  const v = text === undefined ? undefined : jsonValue(text);
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** The endpoint named on the command line, else the program (a platform CLI knows its own API). */
function hostOf(cmd: NormalizedCommand): string {
  const url = cmd.argv.find((a) => /^(https?|wss?):\/\//i.test(a) || /^--?(endpoint|url)=https?:/.test(a));
  if (url) return parseUrl(url.replace(/^--?\w+=/, '').replace(/^ws(s?):/i, 'http$1:')).host;
  return cmd.program;
}
