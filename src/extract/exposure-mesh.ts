/**
 * A mesh VPN's access policy replaced by one that lets every device reach every port: a body
 * sent to Tailscale's ACL endpoint (`/api/v2/tailnet/TAILNET/acl`) or Headscale's policy
 * endpoint (`/api/v1/policy`), or `headscale policy set -f FILE`, whose rules accept any source
 * to any destination (`"src": ["*"]` with `"dst": ["*:*"]`, or a grant with `"ip": ["*"]`); and
 * a ZeroTier network made public (`"private": false`: anyone may join it). Bodies are read from
 * `-d`/`--data*`/`--json` (`@FILE` and `-` through the payload reader). A GET of the policy and
 * a rule naming its sources or destinations find nothing here; a whole policy replaced by a body
 * that cannot be read (a file not there or not written yet, stdin not known) is `unread-policy`
 * (fail closed: who it lets in is unknown).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import type { Finding } from './word-facts.js';

/** Endpoints that replace a tailnet's or Headscale's whole policy. */
const POLICY_URL = /\/api\/v2\/tailnet\/[^/\s]+\/acl\b|\/api\/v1\/policy\b/;
/** ZeroTier Central's network objects. */
const ZEROTIER_URL = /\/api(\/v1)?\/network\/[0-9a-f]{16}\b/i;
/** Options of an HTTP client whose value is the body. */
const BODY_OPT = /^(-d|--data|--data-raw|--data-binary|--data-ascii|--json|-F|--form|--body)$/;

/** A rule or grant with any source and any destination. */
function allowsAll(body: string): boolean {
  const flat = body.replace(/\s+/g, '');
  const anySrc = /"src":\["\*"\]/.test(flat);
  const anyDst = /"dst":\["\*(:\*)?"\]/.test(flat);
  const grant = /"ip":\["\*"\]/.test(flat) || /"dst":\["\*:\*"\]/.test(flat);
  return anySrc && anyDst && grant;
}

/** The bodies a command sends: option values, `@FILE` read; undefined = one that cannot be read. */
function bodies(cmd: NormalizedCommand, ctx: AnalyzeContext): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    const m = /^(--[\w-]+)=(.*)$/s.exec(a[i]);
    const [opt, value] = m ? [m[1], m[2]] : [a[i], a[i + 1]];
    if (!BODY_OPT.test(opt) || value === undefined) continue;
    out.push(value.startsWith('@') ? readPayloadFile(value.slice(1), cmd, ctx).text : value);
  }
  return out;
}

/** Mesh VPN policies opened to everything (see the header), as findings of service `network`. */
export function openMeshPolicy(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  if (cmd.program === 'headscale' && a[1] === 'policy' && a[2] === 'set') {
    const at = a.findIndex((w) => w === '-f' || w === '--file');
    const text = at > 0 && a[at + 1] ? readPayloadFile(a[at + 1], cmd, ctx).text : undefined;
    // fail closed: a policy file that cannot be read may let every device in
    if (text === undefined) return [['unread-policy', `headscale policy set: ${a[at + 1] ?? 'no file'}`]];
    return allowsAll(text) ? [['network', `headscale policy set: every device to every port`]] : [];
  }
  const url = a.find((w) => POLICY_URL.test(w) || ZEROTIER_URL.test(w));
  if (!url) return [];
  const sent = bodies(cmd, ctx);
  const read = sent.filter((b): b is string => b !== undefined);
  if (POLICY_URL.test(url) && read.some(allowsAll))
    return [['network', `${url}: every device to every port`]];
  if (ZEROTIER_URL.test(url) && read.some((b) => /"private"\s*:\s*false/.test(b)))
    return [['network', `${url}: network made public (anyone may join)`]];
  // fail closed: a body replacing the policy (or a network's settings) that cannot be read
  if (read.length < sent.length) return [['unread-policy', `${url}: the body cannot be read`]];
  return [];
}
