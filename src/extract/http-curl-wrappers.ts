/**
 * CLIs that run curl against their vendor's API with the signed-in credentials, read as the
 * curl request they carry (curl's own options, a path resolved against the vendor's server):
 * - JFrog: `jf|jfrog rt|xr|… curl [--server-id ID] CURL_ARGS… PATH` (the configured
 *   Artifactory, Xray, … server).
 * - `oauth2l curl --url URL [oauth2l options] [-- CURL_ARGS…]` (a Google OAuth token added).
 * - Cloud Foundry: `cf curl PATH [-X M] [-H H] [-d D]` (the targeted API endpoint).
 * - `awscurl [--service S --region R --profile P …] CURL_ARGS… URL` (SigV4-signed).
 * The server behind a bare path is configured outside the command line, so it is shown as a
 * placeholder host under `.invalid` (fail closed: never this machine).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { parseCurl } from './http-curl.js';
import type { HttpRequest } from './http-request.js';

/** One wrapper: how many leading words select it, its own options (that take a value), where a bare path goes. */
interface Wrapper {
  /** Tool name shown in facts. */
  tool: string;
  /** Options of the wrapper itself that take a value (dropped before curl reads the rest). */
  own: RegExp;
  /** Base URL a path without a host is sent to. */
  base: string;
}

const JFROG: Wrapper = {
  tool: 'jf',
  own: /^--(server-id|url|user|password|access-token)$/,
  base: 'https://jfrog.configured.invalid',
};
const OAUTH2L: Wrapper = {
  tool: 'oauth2l',
  own: /^--(type|credentials|scope|url|audience|email|impersonate-service-account|cache|output_format|sso|ssocli|fetch|refresh|quota_project|credentials_file|format)$/,
  base: '',
};
const CF: Wrapper = { tool: 'cf', own: /^$/, base: 'https://api.cf-target.invalid' };
const AWSCURL: Wrapper = {
  tool: 'awscurl',
  own: /^--(service|region|profile|access_key|secret_key|security_token|session_token)$/,
  base: '',
};

/** The wrapper `cmd` is and the index of its first own argument; undefined when it is none. */
function wrapperOf(cmd: NormalizedCommand): { w: Wrapper; from: number } | undefined {
  const [p, a1, a2] = [cmd.program, cmd.argv[1], cmd.argv[2]];
  if ((p === 'jf' || p === 'jfrog') && a1 === 'curl') return { w: JFROG, from: 2 };
  if ((p === 'jf' || p === 'jfrog') && a2 === 'curl' && /^[a-z]+$/.test(a1 ?? ''))
    return { w: { ...JFROG, tool: `${p} ${a1}`, base: `https://jfrog-${a1}.configured.invalid` }, from: 3 };
  if (p === 'oauth2l' && a1 === 'curl') return { w: OAUTH2L, from: 2 };
  if (p === 'cf' && a1 === 'curl') return { w: CF, from: 2 };
  if (p === 'awscurl') return { w: AWSCURL, from: 1 };
  return undefined;
}

export const isCurlWrapper = (cmd: NormalizedCommand): boolean => wrapperOf(cmd) !== undefined;

/** The requests a curl-wrapping vendor CLI sends; empty when `cmd` is not one. */
export function parseCurlWrapper(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const found = wrapperOf(cmd);
  if (!found) return [];
  const { w, from } = found;
  const base = w.base;
  /** argv of the synthetic curl, and for each of its words the original argv index. */
  const argv = ['curl'];
  const orig = [0];
  let url = '';
  const a = cmd.argv;
  const dd = w === OAUTH2L ? a.indexOf('--', from) : -1;
  const end = dd >= 0 ? dd : a.length;
  for (let i = from; i < end; i++) {
    const [name, inline] = a[i].split(/=(.*)/s, 2);
    if (w.own.test(name)) {
      const v = inline ?? a[++i] ?? '';
      if (name === '--url' && w === OAUTH2L) url = v;
      continue;
    }
    // oauth2l passes nothing but what follows `--` to curl
    if (w === OAUTH2L) continue;
    argv.push(a[i]);
    orig.push(i);
  }
  for (let i = end + 1; dd >= 0 && i < a.length; i++) {
    argv.push(a[i]);
    orig.push(i);
  }
  if (url) {
    argv.push(url);
    orig.push(a.indexOf(url));
  }
  const dynamicArgs = orig.flatMap((o, i) => (cmd.dynamicArgs.includes(o) ? [i] : []));
  const reqs = parseCurl({ ...cmd, program: 'curl', argv, dynamicArgs }, ctx);
  return reqs.map((r) => ({
    ...r,
    tool: w.tool,
    defaultScheme: 'https',
    auth: true, // the wrapper signs every request with its stored credential
    urls: r.urls.map((u) =>
      base && !/^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? `${base}/${u.replace(/^\/+/, '')}` : u,
    ),
    dataArgs: r.dataArgs.map((d) => orig[d] ?? d),
  }));
}
