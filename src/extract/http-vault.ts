/**
 * HashiCorp Vault's (and OpenBao's `bao`) CLI read as the system-API request it sends, so one
 * set of rules judges `vault operator seal` and `curl -X PUT $VAULT_ADDR/v1/sys/seal` alike:
 * - `vault operator seal` → PUT /v1/sys/seal; `vault operator step-down` → PUT /v1/sys/step-down
 * - `vault lease revoke -prefix P` → PUT /v1/sys/leases/revoke-prefix/P (`-force`: revoke-force)
 * - `vault operator raft remove-peer ID` → POST /v1/sys/storage/raft/remove-peer
 * - `vault operator raft snapshot restore [-force] F` → POST /v1/sys/storage/raft/snapshot[-force]
 * - `vault write|delete|read PATH` with PATH under `sys/` → PUT|DELETE|GET /v1/PATH (`-f`/fields:
 *   PUT). Other paths (secrets engines, auth methods) are not read here.
 * The server is `-address`, else VAULT_ADDR when the script sets it, else a placeholder host
 * (fail closed: VAULT_ADDR is read at run time, so never taken for this machine).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { emptyRequest, type HttpRequest } from './http-request.js';

/** Where the request goes when neither `-address` nor VAULT_ADDR is on the line. */
const VAULT_API = 'https://vault.configured.invalid:8200';

/** Vault's global options that take a value, also written `-opt VALUE`. */
const WITH_VALUE =
  /^-(address|namespace|ns|ca-cert|ca-path|client-cert|client-key|tls-server-name|format|field|mount|wrap-ttl|agent-address|header)$/;

/** The operands (words not starting with `-`) after `from`, and the options as name → value ('' for a flag). */
function split(argv: string[], from: number): { ops: string[]; opts: Map<string, string> } {
  const ops: string[] = [];
  const opts = new Map<string, string>();
  for (let i = from; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      ops.push(a);
      continue;
    }
    // Vault's options take their value after `=`; a bare option is a flag
    const [name, value] = a.replace(/^--?/, '-').split(/=(.*)/s, 2);
    opts.set(name, value ?? (WITH_VALUE.test(name) ? (argv[++i] ?? '') : ''));
  }
  return { ops, opts };
}

/** The method and /v1 path a vault command sends; undefined when it is not one read here. */
function route(ops: string[], opts: Map<string, string>): [string, string] | undefined {
  const [a, b, c, d] = ops;
  if (a === 'operator' && (b === 'seal' || b === 'step-down')) return ['PUT', `sys/${b}`];
  if (a === 'lease' && b === 'revoke' && (opts.has('-prefix') || opts.has('-force')) && c !== undefined)
    return ['PUT', `sys/leases/revoke-${opts.has('-force') ? 'force' : 'prefix'}/${c.replace(/^\/+/, '')}`];
  if (a === 'operator' && b === 'raft' && c === 'remove-peer')
    return ['POST', 'sys/storage/raft/remove-peer'];
  if (a === 'operator' && b === 'raft' && c === 'snapshot' && d === 'restore')
    return ['POST', `sys/storage/raft/snapshot${opts.has('-force') ? '-force' : ''}`];
  const path = (b ?? '').replace(/^\/+/, '');
  if (!path.startsWith('sys/')) return undefined;
  if (a === 'write') return ['PUT', path];
  if (a === 'delete') return ['DELETE', path];
  if (a === 'read') return ['GET', path];
  return undefined;
}

/** The request a `vault`/`bao` command sends to the system API; empty when not one read here. */
export function parseVaultCli(cmd: NormalizedCommand, _ctx: AnalyzeContext): HttpRequest[] {
  const { ops, opts } = split(cmd.argv, 1);
  const r = route(ops, opts);
  // `-output-curl-string` prints the request instead of sending it
  if (!r || opts.has('-output-curl-string')) return [];
  const base = (opts.get('-address') || cmd.vars.VAULT_ADDR || VAULT_API).replace(/\/+$/, '');
  const req = emptyRequest(cmd.program);
  req.method = r[0];
  req.defaultScheme = 'https';
  req.auth = true; // the CLI sends the stored or VAULT_TOKEN token
  req.urls.push(`${base}/v1/${r[1]}`);
  return [req];
}
