/**
 * HTTP requests and the GraphQL operations inside them. Parses curl, wget (and wget2), httpie/xh, gh/glab
 * api, hurl, nghttp, xidel, curlie, lwp-request, the httpx CLI, load testers (ab, hey, oha, bombardier, vegeta, wrk,
 * h2load, siege, artillery), Step CI workflows and
 * text browsers (w3m, lynx), .http files and Postman collections (httpyac, ijhttp, newman), Bruno and
 * Insomnia collections (bru, inso), cloud CLIs' raw requests (az rest, oci
 * raw-request, kubectl|oc --raw, nomad operator api, pscale api), vendor CLIs that wrap curl (jf rt curl,
 * oauth2l curl, cf curl, awscurl), Vault's CLI on its system API (vault operator seal, vault write sys/…), requests written by hand to a raw socket (nc, socat, openssl s_client,
 * /dev/tcp) and gRPC client (grpcurl, buf curl, grpc_cli, ghz, evans) command lines (inline interpreter
 * code arrives as a synthetic curl from normalize) and emits one HttpFact per URL plus one
 * GraphqlFact per top-level field of each operation.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { DraftFact, Extractor } from './extractor.js';
import { isCredentialPath } from './exfil-sources.js';
import { scanGraphql } from './graphql-body.js';
import { parseCurl } from './http-curl.js';
import { isCurlWrapper, parseCurlWrapper } from './http-curl-wrappers.js';
import { parseVaultCli } from './http-vault.js';
import { effectiveMethod } from './http-override.js';
import { forgeForcePush, graphqlForcePush } from './git-forge.js';
import { graphqlProtectionOff, restProtectionOff } from './forge-protection.js';
import { GLAB_API, parseGhApi } from './http-gh.js';
import { parseForgeComment } from './http-forge-comment.js';
import { parseGrpc } from './http-grpc.js';
import { isSmallClient, parseSmallClient } from './http-clients.js';
import { isLoadTester, parseLoadTester } from './http-load.js';
import { parseArtillery } from './http-artillery.js';
import { parseStepci } from './http-stepci.js';
import { parseBruno } from './http-bruno.js';
import { isCollectionRunner, parseCollectionRunner } from './http-collections.js';
import { parseInso } from './http-insomnia.js';
import { parseHttpie } from './http-httpie.js';
import { parseHurl } from './http-hurl.js';
import { rawSocketRequests } from './http-raw-socket.js';
import { isTableClient, parseTableClient } from './http-option-table.js';
import type { HttpRequest } from './http-request.js';
import { maskUrl, parseUrl } from './http-url.js';
import { parseVendorRequest } from './http-vendor.js';
import { parseWget } from './http-wget.js';
import { cutBody, fieldText, graphqlScanFacts, httpFact, maskHeaders } from './request-facts.js';

const HTTPIE = new Set(['http', 'https', 'xh', 'xhs']);

/** Parses the command as an HTTP client call; empty when it is not one. */
export function httpRequests(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const p = cmd.program;
  if (p === 'curl') return parseCurl(cmd, ctx);
  const raw = rawSocketRequests(cmd, ctx);
  if (raw) return raw;
  if (p === 'wget' || p === 'wget2') return parseWget(cmd, ctx);
  if (isCurlWrapper(cmd)) return parseCurlWrapper(cmd, ctx);
  if (p === 'vault' || p === 'bao') return parseVaultCli(cmd, ctx);
  if (HTTPIE.has(p)) return parseHttpie(cmd, ctx);
  if (p === 'gh') return [...parseGhApi(cmd, ctx), ...parseForgeComment(cmd, ctx)];
  if (p === 'glab') return [...parseGhApi(cmd, ctx, GLAB_API), ...parseForgeComment(cmd, ctx)];
  if (p === 'hurl') return parseHurl(cmd, ctx);
  if (isSmallClient(p)) return parseSmallClient(cmd, ctx);
  if (isTableClient(p)) return parseTableClient(cmd, ctx);
  if (isLoadTester(p)) return parseLoadTester(cmd, ctx);
  if (p === 'artillery') return parseArtillery(cmd, ctx);
  if (p === 'stepci') return parseStepci(cmd, ctx);
  if (isCollectionRunner(p)) return parseCollectionRunner(cmd, ctx);
  if (p === 'bru') return parseBruno(cmd, ctx);
  if (p === 'inso') return parseInso(cmd, ctx);
  if (/^(az|oci|kubectl|oc|nomad|pscale)$/.test(p)) return parseVendorRequest(cmd, ctx);
  return parseGrpc(cmd, ctx);
}

/** The interpreter that issued a synthetic request (`python -c` → python), else the client's name. */
function toolName(cmd: NormalizedCommand, req: HttpRequest): string {
  const w = cmd.wrappers[cmd.wrappers.length - 1] ?? '';
  const m = /^(python\d*(?:\.\d+)?|node|nodejs|deno|bun|ruby|perl|php)\b/.exec(w);
  return m ? m[1].replace(/\d.*$/, '') : req.tool;
}

/**
 * The method as read, or UNKNOWN when it is not known statically: a variable's source text
 * (`curl -X "$M"`), a code reader's DYNAMIC, an empty one. fail closed: it may be DELETE.
 */
const knownMethod = (m: string): string =>
  /^[A-Za-z][A-Za-z0-9_-]*$/.test(m) && m.toUpperCase() !== 'DYNAMIC' ? m : 'UNKNOWN';

/** Carriers whose command runs in a container on this machine (`docker exec app`, `docker compose run web`, `docker run IMAGE`). */
const LOCAL_CONTAINER = /^(docker|podman|nerdctl|finch)( compose)? (exec|run)\b/;

/**
 * True when `cmd` runs on another machine: over ssh, a fleet tool, a platform's console, in a
 * pod. Its `localhost` is that machine's own daemons (an admin API on a production host), not
 * this developer's; a container on this machine is not elsewhere.
 */
export function ranElsewhere(cmd: NormalizedCommand): boolean {
  return cmd.remote && !cmd.wrappers.some((w) => LOCAL_CONTAINER.test(w));
}

export const extractHttp: Extractor = (cmd, ctx) => {
  const facts: DraftFact[] = [];
  for (const req of httpRequests(cmd, ctx)) {
    const tool = toolName(cmd, req);
    // fail closed: a request whose URL cannot be found still counts, with an unknown host.
    const urls = req.urls.length ? req.urls : [''];
    const headers = maskHeaders(req.headers);
    for (const raw of urls) {
      const parsed = raw
        ? parseUrl(raw, req.defaultScheme)
        : { url: '', host: '', port: 0, path: '', query: '', local: false };
      // Through a Unix socket the request reaches a daemon on the machine the command runs on,
      // whatever host the URL names. On another machine (elsewhere), localhost is that machine's.
      const elsewhere = ranElsewhere(cmd);
      const u = req.socket || elsewhere ? { ...parsed, local: !elsewhere } : parsed;
      const shown = maskUrl(u.url);
      const method = knownMethod(effectiveMethod(req, u.query));
      const via =
        method !== req.method
          ? ` (sent as ${req.method} with a method override)`
          : req.methodFrom
            ? ` (read from ${req.methodFrom})`
            : '';
      const bodyUnknown = req.bodyUnknown || bodyIsDynamic(cmd, req);
      facts.push(
        httpFact(u, shown, {
          evidence: `${tool} ${method} ${shown || '(unknown URL)'}${via}`,
          tool,
          method,
          headers,
          auth: req.auth,
          body: req.body !== undefined ? shownBody(req, cmd, ctx) : undefined,
          bodyUnknown,
          socket: req.socket,
        }),
      );
      const forced = forgeForcePush(method, u.host, u.path, req.body, req.bodyUnknown, tool);
      if (forced) facts.push(forced);
      const off = restProtectionOff(method, u.host, u.path, req.body, tool, req.bodyUnknown);
      if (off) facts.push(off);
      const to = { host: u.host, url: shown };
      const scan = scanGraphql(req, u.path, u.query);
      const gfacts = graphqlScanFacts(scan, to, req.method, (f) => `${fieldText(f)} on ${u.host || shown}`);
      facts.push(...gfacts, ...graphqlForcePush(gfacts, tool), ...graphqlProtectionOff(gfacts, tool));
    }
  }
  return facts;
};

/** Largest body kept in a fact; longer ones are cut (the GraphQL facts are read from the full body). */
const MAX_FACT_BODY = 16 * 1024;

/**
 * The body as a fact shows it. Facts are printed by `check --json`, so the contents of a
 * credential file sent as a body (`-d @.env`) are withheld rather than copied into output.
 */
function shownBody(req: HttpRequest, cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  if (req.uploads.some((f) => isCredentialPath(f, cmd, ctx)))
    return '(contents of a credential file withheld)';
  return cutBody(req.body ?? '', MAX_FACT_BODY);
}

function bodyIsDynamic(cmd: NormalizedCommand, req: HttpRequest): boolean {
  return req.dataArgs.some((i) => cmd.dynamicArgs.includes(i));
}
