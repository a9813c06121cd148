/**
 * A secret variable in a request's URL that is the credential of the service the request is
 * for, not data sent to it: the app token of a push-notification server in the place its API
 * reads it (Gotify's `POST …/message?token=$GOTIFY_APP_TOKEN`, ntfy's `?auth=$NTFY_TOKEN`,
 * Uptime Kuma's `/api/push/$KUMA_PUSH_TOKEN`), or any auth parameter (`token`, `key`,
 * `access_token`…) whose variable names a vendor the host names too (`api.pushover.net/…?token=
 * $PUSHOVER_TOKEN`). A secret of another service (`?token=$AWS_SECRET_ACCESS_KEY`), a route
 * that is not the service's, or a parameter that carries no credential stays data.
 * The same holds for a request body that hands the service its own credential where an API
 * reads it: a JSON member or form field named for one (`"auth": "$ZABBIX_TOKEN"` in a
 * JSON-RPC call, `token=$GOTIFY_TOKEN`) or an RPC parameter `"token:$ARIA2_SECRET"`, when the
 * variable's vendor is named by the host or a path segment (`…/zabbix/api_jsonrpc.php`). Pure.
 */

/** Query parameters that carry a credential. */
const AUTH_PARAM = /^(token|auth|key|apikey|api_key|access_token|app_token|apptoken|auth_token)$/i;

/** Leading words of a variable name that name no vendor (`API_TOKEN`, `APP_KEY`). */
const GENERIC =
  /^(api|app|apps|auth|access|secret|private|public|session|user|admin|service|client|bot|web|webhook|ci|cd|prod|production|dev|staging|test|my|the|default|global|root|master|main|shared|team|org|personal|env|local|remote|server|push|notify|notification)$/i;

/** Push servers whose API reads the app token from the URL: vendor word → where it must sit. */
const PUSH_ROUTES: { vendor: RegExp; path: RegExp; param?: RegExp }[] = [
  // Gotify: POST /message?token=APP_TOKEN (behind any path prefix)
  { vendor: /(^|_)GOTIFY(_|$)/i, path: /\/message\/?$/, param: /^token$/i },
  // ntfy: any topic, ?auth=BASE64 (or a token)
  { vendor: /(^|_)NTFY(_|$)/i, path: /^\/[^/]+\/?$/, param: /^auth$/i },
  // Uptime Kuma: the push token is the last path segment
  { vendor: /(^|_)(KUMA|UPTIME)(_|$)/i, path: /\/api\/push\/\$\{?[A-Za-z_]\w*\}?\/?$/ },
];

/** The query parameter whose whole value is `$NAME` / `${NAME}`; '' = none. */
function paramOf(query: string, name: string): string {
  for (const pair of query.split('&')) {
    const [k, v = ''] = pair.split('=', 2);
    if (v === `$${name}` || v === `\${${name}}`) return k;
  }
  return '';
}

/** True when `$name` in `url` is the credential of the service the request goes to (see the header). */
export function urlCredential(url: string, name: string): boolean {
  const m = /^(?:[a-z][\w+.-]*:\/\/)?([^/?#]*)([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (!m) return false;
  const host = m[1].replace(/^[^@]*@/, '').toLowerCase();
  const path = m[2];
  const param = paramOf(m[3] ?? '', name);
  for (const r of PUSH_ROUTES) {
    if (!r.vendor.test(name) || !r.path.test(path)) continue;
    if (r.param ? r.param.test(param) : path.includes(name)) return true;
  }
  if (!AUTH_PARAM.test(param)) return false;
  return vendorOf(name) !== '' && host.split(/[.:]/).includes(vendorOf(name));
}

/** The vendor word a variable's name starts with (`ZABBIX_TOKEN` → zabbix); '' = none or a generic word. */
function vendorOf(name: string): string {
  const vendor = /^([A-Za-z][A-Za-z0-9]{2,})_/.exec(name)?.[1].toLowerCase();
  return vendor === undefined || GENERIC.test(vendor) ? '' : vendor;
}

/** Body members that carry a credential: JSON keys and form fields. */
const AUTH_FIELD =
  '(?:auth|token|key|apikey|api_key|access_token|auth_token|session|sessionid|password|secret)';

/** True when `$name` in request body `body` to `url` is that service's own credential (see the header). */
export function bodyCredential(body: string, url: string, name: string): boolean {
  const vendor = vendorOf(name);
  const m = /^(?:[a-z][\w+.-]*:\/\/)?([^/?#]*)([^?#]*)/i.exec(url);
  if (!vendor || !m) return false;
  const host = m[1].replace(/^[^@]*@/, '').toLowerCase();
  const named = host.split(/[.:]/).includes(vendor) || m[2].toLowerCase().split('/').includes(vendor);
  if (!named) return false;
  const ref = `\\$\\{?${name}\\}?`;
  const placed = new RegExp(
    `"${AUTH_FIELD}"\\s*:\\s*"${ref}"|(^|&)${AUTH_FIELD}=${ref}(&|$)|"token:${ref}"`,
    'i',
  );
  return placed.test(body);
}
