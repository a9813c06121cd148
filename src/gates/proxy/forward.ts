/**
 * Sending an allowed request on to its server and streaming the answer back: keep-alive
 * pools for http and https, hop-by-hop headers dropped, the Host header set to the judged
 * host, and a 502 from the proxy when the server cannot be reached.
 */
import http, { type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { proxyErrorBody, send } from './respond.js';

/** Hop-by-hop headers never forwarded (RFC 9110 §7.6.1). */
const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export interface Upstream {
  /**
   * Sends one request. `decoded` = the body was re-encoded as text (placeholders
   * substituted), so Content-Encoding is dropped. Resolves when the answer is streamed.
   */
  forward(
    href: string,
    method: string,
    headers: Record<string, string>,
    body: Buffer,
    decoded: boolean,
    res: ServerResponse,
  ): Promise<void>;
  close(): void;
}

/**
 * `upstreamCa`: extra PEM CAs trusted besides Node's store (empty = Node's store only).
 * `redirect`: where to really connect for host:port (tests); absent = there.
 */
export function createUpstream(
  upstreamCa: string[],
  redirect?: (host: string, port: number) => { host: string; port: number },
): Upstream {
  // One upstream TLS context, built once: a `ca` list in the agent options would re-parse
  // every root certificate on each new upstream connection (~50 ms).
  const context = upstreamCa.length
    ? tls.createSecureContext({ ca: [...tls.rootCertificates, ...upstreamCa] })
    : undefined;
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const httpsAgent = new https.Agent({
    keepAlive: true,
    maxSockets: 64,
    ...(context ? { secureContext: context } : {}),
  });
  return {
    forward: (href, method, headers, body, decoded, res) =>
      new Promise((resolve) => {
        const u = new URL(href);
        const secure = u.protocol === 'https:';
        const host = u.hostname.replace(/^\[|\]$/g, '');
        const port = Number(u.port) || (secure ? 443 : 80);
        const to = redirect ? redirect(host, port) : { host, port };
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(headers)) if (!HOP.has(k)) out[k] = v;
        if (decoded) delete out['content-encoding'];
        // The Host header names the host that was judged (and whose secrets were substituted),
        // so a different virtual host on the same server cannot be reached through it.
        out.host = u.host;
        if (body.length || 'content-length' in headers) out['content-length'] = String(body.length);
        const opts: https.RequestOptions = {
          host: to.host,
          port: to.port,
          method,
          path: `${u.pathname}${u.search}`,
          headers: out,
          agent: secure ? httpsAgent : httpAgent,
          ...(secure && !net.isIP(host) ? { servername: host } : {}),
        };
        const up = (secure ? https : http).request(opts, (ur) => {
          const rh: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(ur.headers)) if (v !== undefined && !HOP.has(k)) rh[k] = v;
          res.writeHead(ur.statusCode ?? 502, ur.statusMessage, rh);
          ur.pipe(res);
          ur.on('end', resolve);
          ur.on('error', () => {
            res.destroy();
            resolve();
          });
        });
        up.on('error', (e) => {
          send(res, proxyErrorBody(`upstream ${host}: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
          resolve();
        });
        up.end(body);
      }),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
