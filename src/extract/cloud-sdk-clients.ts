/**
 * API clients that no SDK table names, read by behaviour: code that builds a client from a
 * secret credential taken from the environment (`new NetlifyAPI(process.env.NETLIFY_AUTH_TOKEN)`,
 * `Client.new(token: ENV.fetch("X_TOKEN"))`, `QueueServiceClient.fromConnectionString(process.env.
 * AZURE_STORAGE_CONNECTION_STRING)`) is a service's API in hand; a method of it whose name
 * joins a destructive verb to what it destroys (`deleteSite`, `destroy_server`, `purgeCache`)
 * destroys remotely. A bare `.delete(` or `.destroy(` (a Map's, a stream's) is not read here.
 * Also the verbs every SDK shares beyond deletes (cloud-sdk.ts applies them to code that loads
 * one): emptying a store (`clearMessages`, `truncate_table`) and making data public
 * (`makePublic`). Reads the code's text only. Pure.
 */
import { isSecretName } from './exfil-sources.js';

/** Environment reads, per language, up to the variable's name. */
const ENV_READ =
  /(?:process\.env\.|process\.env\[\s*['"`]|ENV\[\s*['"]|ENV\.fetch\(\s*['"]|os\.environ\[\s*['"]|os\.environ\.get\(\s*['"]|os\.getenv\(\s*['"]|\bgetenv\(\s*['"]|System\.(?:get_env|fetch_env!?)\(\s*['"]|Sys\.getenv\(\s*['"]|Deno\.env\.get\(\s*['"]|\$env:)(\w+)/g;

/**
 * A client constructed (`new X(`, `X.new(`, `X(`, `X.from…(`, `create…Client(`) with, among its
 * first arguments, a secret-named environment variable: the `(` before the read, within 200
 * characters and not closed before it.
 */
export function buildsClientFromSecret(code: string): boolean {
  for (const m of code.matchAll(ENV_READ)) {
    if (!isSecretName(m[1])) continue;
    const before = code.slice(Math.max(0, (m.index ?? 0) - 200), m.index);
    // the innermost call still open at the read
    let depth = 0;
    for (let i = before.length - 1; i >= 0; i--) {
      const c = before[i];
      if (c === ')' || c === ']' || c === '}') depth++;
      else if (c === '(' || c === '[' || c === '{') {
        if (depth > 0) {
          depth--;
          continue;
        }
        if (c !== '(') continue;
        const callee = /(?:\bnew\s+)?([\w$.:]+)\s*$/.exec(before.slice(0, i))?.[1] ?? '';
        if (/(?:^|[.:])(?:[A-Z]\w*|new|from\w*|create\w*Client|connect|login|auth\w*)$/.test(callee))
          return true;
      }
    }
  }
  return false;
}

const VERB = '(?:delete|destroy|terminate|purge|drop|remove|deregister|wipe|erase)';
const CAMEL = '(?:Delete|Destroy|Terminate|Purge|Drop|Remove|Deregister|Wipe|Erase)';
/**
 * Methods that join a destructive verb to the thing destroyed: `deleteSite(`, `delete_site(`,
 * `bulkDeleteUsers(`, `sites.deleteAll(`; not a bare verb (`.delete(`, `.destroy(`).
 */
export const COMPOUND_CALL = new RegExp(
  `\\.((?:[a-z0-9]+_)*${VERB}_[a-z0-9_]+|${VERB}[A-Z]\\w*|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?${CAMEL}(?:[A-Z]\\w*)?)\\s*\\(`,
  'g',
);

/**
 * Emptying a store (`clearMessages`, `clear_queue`, `emptyBucket`, `truncateTable`, `wipe_data`)
 * and making data public (`makePublic`, `make_public`, `makeFilePublic`): read in code that
 * loads an SDK. Timers, screens, mocks and caches of the program itself are not
 * (`clearTimeout`, `clearScreen`).
 */
export const CLEAR_OR_EXPOSE =
  /\.((?:clear|empty|truncate|wipe|flush)(?!Timeout|Interval|Immediate|Screen|Line|Console|Cache|Mocks|AllMocks|Selection|Rect|Color|Depth|Stencil)(?:[A-Z]\w*|_[a-z]\w*)|make(?:[A-Z]\w*)?Public|make_(?:\w+_)?public)\s*\(/g;
