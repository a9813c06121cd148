/**
 * gRPC client command lines → HttpRequest, so a remote procedure call is judged like the
 * REST call it stands for. Reads the method a call names: `grpcurl [flags] ADDRESS
 * pkg.Service/Method`, `buf curl [flags] URL/pkg.Service/Method`, `grpc_cli call ADDRESS
 * pkg.Service.Method`, `ghz --call pkg.Service.Method ADDRESS`, `evans --host H --port P cli call
 * pkg.Service.Method` (the request from `--file` or standard input). Every gRPC call is an
 * HTTP/2 POST on the wire; the request's method is the REST verb its name says (AIP-131..135:
 * `Get…`/`List…` read, `Delete…` deletes; also `Destroy…`, `Purge…`, `BatchDelete…`), so
 * the HTTP rules (remote delete, local data stores) decide. Listing and describing services
 * make no request.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin } from './http-body.js';
import { addHeaderLine, appendBody, emptyRequest, type HttpRequest } from './http-request.js';
import { restVerb, rpcPath } from './http-grpc-methods.js';

/** A client's flags: which take a value, and how they are spelled. */
interface Flags {
  /** Flag names (without dashes) that take a value. */
  withArg: Set<string>;
  /** Go's flag package stops at the first positional; cobra/gflags keep reading flags after it. */
  stopAtPositional: boolean;
}

const GRPCURL: Flags = {
  withArg: new Set(
    (
      'd H rpc-header reflect-header authority user-agent format connect-timeout keepalive-time max-time ' +
      'max-msg-sz protoset protoset-out proto import-path cacert cert key servername proto-out-dir ' +
      'alts-handshaker-service alts-target-service-account'
    ).split(' '),
  ),
  stopAtPositional: true,
};
const BUF_CURL: Flags = {
  withArg: new Set(
    (
      'd data H header reflect-header protocol schema user-agent connect-timeout keepalive-time cacert ' +
      'cert key servername unix-socket reflect-protocol output o user u'
    ).split(' '),
  ),
  stopAtPositional: false,
};
const GRPC_CLI: Flags = {
  withArg: new Set(
    'metadata channel_creds_type call_creds ssl_target infile outfile protofiles proto_path'.split(' '),
  ),
  stopAtPositional: false,
};
const GHZ: Flags = {
  withArg: new Set(
    (
      'call d data D data-file m metadata M metadata-file proto protoset i import-paths cacert cert key ' +
      'cname n total c concurrency r rps z duration x max-duration t timeout o output O format name tags ' +
      'authority connect-timeout keepalive'
    ).split(' '),
  ),
  stopAtPositional: false,
};

const EVANS: Flags = {
  withArg: new Set(
    (
      'host port p header path proto package service cacert cert certkey servername config-file file f ' +
      'call output o'
    ).split(' '),
  ),
  stopAtPositional: false,
};

interface Parsed {
  /** Flag name (without dashes) → values, in order. */
  flags: Map<string, string[]>;
  /** Positionals with their argv index. */
  pos: { text: string; idx: number }[];
  /** argv index of each flag value, by flag name (for tracing dynamic data). */
  at: Map<string, number[]>;
}

function parseArgs(argv: string[], start: number, spec: Flags): Parsed {
  const flags = new Map<string, string[]>();
  const at = new Map<string, number[]>();
  const pos: { text: string; idx: number }[] = [];
  let onlyPositionals = false;
  for (let i = start; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositionals || !a.startsWith('-') || a === '-') {
      pos.push({ text: a, idx: i });
      if (spec.stopAtPositional) onlyPositionals = true;
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq > 0 ? body.slice(0, eq) : body;
    let value: string | undefined = eq > 0 ? body.slice(eq + 1) : undefined;
    let idx = i;
    if (value === undefined && spec.withArg.has(name)) {
      idx = ++i;
      value = argv[i] ?? '';
    }
    flags.set(name, [...(flags.get(name) ?? []), value ?? 'true']);
    at.set(name, [...(at.get(name) ?? []), idx]);
  }
  return { flags, pos, at };
}

const first = (p: Parsed, ...names: string[]) =>
  names.map((n) => p.flags.get(n)?.[0]).find((v) => v !== undefined);
const all = (p: Parsed, ...names: string[]) => names.flatMap((n) => p.flags.get(n) ?? []);
const isOn = (p: Parsed, name: string) => /^(true|1|)$/i.test(first(p, name) ?? 'false');

/** A call to `address` (host:port, or a Unix socket) of `symbol`. */
interface Call {
  address: string;
  addressIdx: number;
  symbol: string;
  symbolIdx: number;
  plaintext: boolean;
  socket: string;
}

/** `data`: request messages as written (`@` or `@-` = standard input); `files`: files holding them. */
function toRequest(
  tool: string,
  call: Call,
  p: Parsed,
  data: string[],
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  files: string[] = [],
): HttpRequest {
  const r = emptyRequest(tool);
  const path = rpcPath(call.symbol);
  const dynamic = (i: number) => cmd.dynamicArgs.includes(i);
  // fail closed: a method or address that cannot be read could be any call.
  r.method = path && !dynamic(call.symbolIdx) ? restVerb(path.slice(path.lastIndexOf('/') + 1)) : 'UNKNOWN';
  r.methodFrom = `the gRPC method ${call.symbol}`;
  r.socket = call.socket;
  const host = call.socket ? 'localhost' : call.address.replace(/^(dns|passthrough):\/*/, '');
  if (host && !dynamic(call.addressIdx))
    r.urls.push(`${call.plaintext ? 'http' : 'https'}://${host}${path ?? ''}`);
  // evans writes a header `name=value`
  for (const h of all(p, 'H', 'header', 'rpc-header', 'metadata', 'm'))
    addHeaderLine(r, tool === 'evans' && !h.includes(':') ? h.replace('=', ': ') : h);
  r.auth = Object.keys(r.headers).some((h) => /^authorization$|token|api-?key|secret/.test(h));
  for (const d of data) {
    if (d === '@' || d === '@-') {
      const s = readStdin(cmd, ctx);
      r.sendsStdin = true;
      appendBody(r, s.text, s.unknown);
    } else appendBody(r, d, false);
  }
  for (const f of files) {
    const payload = readPayloadFile(f, cmd, ctx);
    if (payload.file) r.uploads.push(payload.file);
    appendBody(r, payload.text, payload.unknown);
  }
  r.dataArgs = ['d', 'data', 'D', 'data-file'].flatMap((n) => p.at.get(n) ?? []);
  r.bodyUnknown ||= r.dataArgs.some(dynamic);
  return r;
}

function grpcurl(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const p = parseArgs(cmd.argv, 1, GRPCURL);
  const [a, b] = p.pos;
  // `grpcurl ADDR list|describe …` (or without an address, from proto files) calls nothing.
  if (!a || /^(list|describe)$/.test(a.text) || !b || /^(list|describe)$/.test(b.text)) return [];
  const unix = isOn(p, 'unix') || a.text.startsWith('unix:');
  const call: Call = {
    address: a.text,
    addressIdx: a.idx,
    symbol: b.text,
    symbolIdx: b.idx,
    plaintext: isOn(p, 'plaintext'),
    socket: unix ? a.text.replace(/^unix:(\/\/)?/, '') : '',
  };
  return [toRequest('grpcurl', call, p, all(p, 'd'), cmd, ctx)];
}

function bufCurl(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  if (cmd.argv[1] !== 'curl') return [];
  const p = parseArgs(cmd.argv, 2, BUF_CURL);
  const u = p.pos[0];
  if (!u) return [];
  const m = /^(https?):\/\/([^/]+)(\/.*)$/.exec(u.text);
  const call: Call = {
    address: m?.[2] ?? '',
    addressIdx: u.idx,
    symbol: m?.[3] ?? '',
    symbolIdx: u.idx,
    plaintext: m?.[1] === 'http',
    socket: first(p, 'unix-socket') ?? '',
  };
  return [toRequest('buf', call, p, all(p, 'd', 'data'), cmd, ctx)];
}

function grpcCli(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const p = parseArgs(cmd.argv, 1, GRPC_CLI);
  const [verb, a, b, data] = p.pos;
  if (verb?.text !== 'call' || !a || !b) return [];
  const call: Call = {
    address: a.text,
    addressIdx: a.idx,
    symbol: b.text,
    symbolIdx: b.idx,
    plaintext: (first(p, 'channel_creds_type') ?? 'insecure') === 'insecure',
    socket: a.text.startsWith('unix:') ? a.text.replace(/^unix:(\/\/)?/, '') : '',
  };
  return [toRequest('grpc_cli', call, p, data ? [data.text] : [], cmd, ctx)];
}

function ghz(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const p = parseArgs(cmd.argv, 1, GHZ);
  const symbol = first(p, 'call');
  const a = p.pos[0];
  if (!symbol || !a) return [];
  const call: Call = {
    address: a.text,
    addressIdx: a.idx,
    symbol,
    symbolIdx: p.at.get('call')?.[0] ?? -1,
    plaintext: isOn(p, 'insecure'),
    socket: '',
  };
  return [toRequest('ghz', call, p, all(p, 'd', 'data'), cmd, ctx, all(p, 'D', 'data-file'))];
}

/**
 * evans: `evans [--host H] [--port P] [--tls] cli call [--file F] SYMBOL` (also the older
 * `evans --call METHOD --file F`); SYMBOL may be a bare method of `--package` / `--service`.
 * The request comes from `--file`, else standard input. `cli list|desc`, and the REPL, call nothing.
 */
function evans(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const p = parseArgs(cmd.argv, 1, EVANS);
  const [mode, verb, sym] = p.pos;
  const called = mode?.text === 'cli' && verb?.text === 'call' ? sym : undefined;
  const symbolIdx = called ? called.idx : (p.at.get('call')?.[0] ?? -1);
  const bare = called?.text ?? first(p, 'call');
  if (bare === undefined) return [];
  const scope = [first(p, 'package'), first(p, 'service')].filter((x) => x !== undefined);
  const symbol = bare.includes('.') || scope.length === 0 ? bare : [...scope, bare].join('.');
  const hostIdx = p.at.get('host')?.[0] ?? -1;
  const host = first(p, 'host') ?? '127.0.0.1';
  const call: Call = {
    address: `${host}:${first(p, 'port', 'p') ?? '50051'}`,
    addressIdx: hostIdx,
    symbol,
    symbolIdx,
    plaintext: !isOn(p, 'tls') && !isOn(p, 't'),
    socket: '',
  };
  const files = all(p, 'file', 'f');
  // the request comes from standard input when no file is named
  const r = toRequest('evans', call, p, files.length ? [] : ['@'], cmd, ctx, files);
  return [r];
}

/** The gRPC call a command makes; empty when it is not a gRPC client call. */
export function parseGrpc(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  switch (cmd.program) {
    case 'grpcurl':
      return grpcurl(cmd, ctx);
    case 'buf':
      return bufCurl(cmd, ctx);
    case 'grpc_cli':
      return grpcCli(cmd, ctx);
    case 'ghz':
      return ghz(cmd, ctx);
    case 'evans':
      return evans(cmd, ctx);
    default:
      return [];
  }
}
