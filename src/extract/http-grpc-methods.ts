/**
 * What a gRPC method's name says it does (AIP-131..135: `Get…`/`List…` read, `Delete…`
 * deletes; also `Destroy…`, `Purge…`, `BatchDelete…`), and the path a call to it takes.
 * Used by http-grpc.ts to judge a remote procedure call like the REST call it stands for.
 */

/** First words of a method name that delete what they name. */
const DELETE_VERBS = new Set(
  'delete destroy purge remove drop erase wipe truncate terminate deprovision decommission'.split(' '),
);
/** First words of a method name that only read. */
const READ_VERBS = new Set(
  'get list describe read search watch query lookup find check fetch count exists'.split(' '),
);
/** Words before the verb that only say how many (`BatchDeleteUsers`). */
const QUANTIFIERS = new Set('batch bulk mass multi force hard'.split(' '));

/** The REST verb a gRPC method name stands for: DELETE, GET, else POST. */
export function restVerb(method: string): string {
  const words = method
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const verb = QUANTIFIERS.has(words[0] ?? '') && words.length > 1 ? words[1] : (words[0] ?? '');
  if (DELETE_VERBS.has(verb)) return 'DELETE';
  if (READ_VERBS.has(verb)) return 'GET';
  return 'POST';
}

/** `pkg.Service/Method` or `pkg.Service.Method` → `/pkg.Service/Method`; undefined when not a method name. */
export function rpcPath(symbol: string): string | undefined {
  const m = /^\/?([A-Za-z_][\w.]*)[/.]([A-Za-z_]\w*)$/.exec(symbol);
  return m ? `/${m[1]}/${m[2]}` : undefined;
}
