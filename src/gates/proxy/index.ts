/**
 * The egress proxy of one session (DESIGN.md §2): every HTTP(S) request the agent's
 * processes send through it becomes `http` / `graphql` facts judged by the session's
 * engine, with the same approval path, audit log and secrets handling as commands.
 *
 *   const p = await startProxy({ dir, sessionId, deps });
 *   spawn(agent, { env: { ...env, ...p.env } });   // proxy + CA variables + Node preload
 *   await p.close();
 *
 * Without the sandbox this is advisory: a program that ignores the proxy variables
 * talks to the network directly (docs/proxy.md).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createSessionCa, SYSTEM_BUNDLE } from './ca.js';
import { DEFAULT_PASSTHROUGH } from './config.js';
import type { JudgeDeps } from './judge.js';
import { createProxyServer } from './server.js';
import type { Attribution } from './attribute.js';

export type { JudgeDeps, Sender } from './judge.js';
export { attribute, type Attribution } from './attribute.js';
export { DEFAULT_PASSTHROUGH, loadProxySettings, type ProxySettings } from './config.js';

export interface ProxyOptions {
  /** Private runtime dir of the session: the CA certificate, bundle and Node preload are written here. */
  dir: string;
  /** Session id (names the CA). */
  sessionId: string;
  /** Engine, secrets, approvers, audit: how requests are judged. */
  deps: JudgeDeps;
  /** Address to listen on. Default 127.0.0.1 (never a public interface). */
  host?: string;
  /** Port; default 0 (an ephemeral port). */
  port?: number;
  /** Hosts tunnelled opaquely. Default DEFAULT_PASSTHROUGH (the agents' model APIs). */
  passthrough?: string[];
  /** Largest request body judged, bytes. Default 8 MiB. */
  maxBodyBytes?: number;
  /** Extra CA certificates (PEM) trusted for upstream servers. Default none. */
  upstreamCa?: string[];
  /** Where to really connect for `host:port`. Default: there. (Tests point a public name at loopback.) */
  upstream?: (host: string, port: number) => { host: string; port: number };
  /** Whether asks are settled without a human (wording of refusals). Default: false. */
  headless?: () => boolean;
  /** System trust bundle copied into the CA bundle. Default /etc/ssl/certs/ca-certificates.crt. */
  systemBundle?: string;
  /** Which process sent a connection (clientPort → serverPort). Default: this network namespace's /proc. */
  attribute?: (clientPort: number, serverPort: number) => Attribution;
}

export interface ProxyHandle {
  /** Address the proxy listens on (`127.0.0.1`). */
  host: string;
  port: number;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** The session CA certificate (PEM file). */
  caCertPath: string;
  /** System CAs + the session CA (PEM file), for clients that replace their trust store. */
  caBundlePath: string;
  /** The Node `--require` preload that routes fetch() through the proxy. */
  preloadPath: string;
  /** Variables to add to the agent's environment (see proxyEnv). */
  env: Record<string, string>;
  /** Number of leaf certificates signed (tests, bench). */
  readonly leaves: number;
  /** Stops listening and drops every connection. Idempotent. */
  close(): Promise<void>;
}

/**
 * The Node preload: undici's EnvHttpProxyAgent as the global dispatcher, so Node 20's
 * fetch (which ignores HTTPS_PROXY) goes through the proxy. `undiciPath` is absolute, so
 * the preload works from any directory.
 */
export function preloadSource(undiciPath: string): string {
  return [
    '// agentfw: route fetch() through the session egress proxy (written at session start).',
    "'use strict';",
    'try {',
    `  const u = require(${JSON.stringify(undiciPath)});`,
    // The "experimental" warning would land in the agent's output on every start.
    '  const warn = process.emitWarning;',
    '  process.emitWarning = () => {};',
    '  try {',
    '    u.setGlobalDispatcher(new u.EnvHttpProxyAgent());',
    '  } finally {',
    '    process.emitWarning = warn;',
    '  }',
    '} catch (e) {',
    "  process.emitWarning('agentfw: fetch() is not routed through the egress proxy: ' + (e && e.message));",
    '}',
    '',
  ].join('\n');
}

/**
 * The agent's proxy and CA variables. NO_PROXY is empty on purpose: loopback services are
 * judged too. NODE_OPTIONS keeps whatever the agent already had.
 */
export function proxyEnv(
  url: string,
  caCertPath: string,
  caBundlePath: string,
  preloadPath: string,
  nodeOptions = '',
): Record<string, string> {
  const req = `--require ${preloadPath.includes(' ') ? JSON.stringify(preloadPath) : preloadPath}`;
  return {
    HTTP_PROXY: url,
    HTTPS_PROXY: url,
    http_proxy: url,
    https_proxy: url,
    ALL_PROXY: url,
    all_proxy: url,
    NO_PROXY: '',
    no_proxy: '',
    // Clients that replace their trust store get the bundle (system CAs + session CA).
    SSL_CERT_FILE: caBundlePath,
    REQUESTS_CA_BUNDLE: caBundlePath,
    CURL_CA_BUNDLE: caBundlePath,
    GIT_SSL_CAINFO: caBundlePath,
    AWS_CA_BUNDLE: caBundlePath,
    NPM_CONFIG_CAFILE: caBundlePath,
    npm_config_cafile: caBundlePath,
    PIP_CERT: caBundlePath,
    HTTPLIB2_CA_CERTS: caBundlePath,
    CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE: caBundlePath,
    GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: caBundlePath,
    DENO_CERT: caBundlePath,
    // Node adds this to its built-in store: the CA alone is enough.
    NODE_EXTRA_CA_CERTS: caCertPath,
    NODE_OPTIONS: nodeOptions.includes(req) ? nodeOptions : `${nodeOptions} ${req}`.trim(),
    AGENTFW_PROXY: url,
  };
}

export async function startProxy(o: ProxyOptions): Promise<ProxyHandle> {
  const ca = createSessionCa(o.dir, o.sessionId, o.systemBundle ?? SYSTEM_BUNDLE);
  const preloadPath = path.join(o.dir, 'agentfw-proxy-preload.cjs');
  const undiciPath = createRequire(import.meta.url).resolve('undici');
  writeFileSync(preloadPath, preloadSource(undiciPath), { mode: 0o644 });
  const { server, close } = createProxyServer({
    ca,
    deps: o.deps,
    passthrough: o.passthrough ?? DEFAULT_PASSTHROUGH,
    maxBodyBytes: o.maxBodyBytes ?? 8 * 1024 * 1024,
    upstreamCa: o.upstreamCa ?? [],
    upstream: o.upstream,
    headless: o.headless ?? (() => false),
    attribute: o.attribute,
  });
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://${host}:${port}`;
  let closed = false;
  return {
    host,
    port,
    url,
    caCertPath: ca.certPath,
    caBundlePath: ca.bundlePath,
    preloadPath,
    env: proxyEnv(url, ca.certPath, ca.bundlePath, preloadPath, process.env.NODE_OPTIONS ?? ''),
    get leaves() {
      return ca.leaves;
    },
    async close() {
      if (closed) return;
      closed = true;
      close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
