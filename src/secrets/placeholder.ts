/**
 * The placeholder that stands in for a secret, and the values that are themselves
 * placeholders (so they are never treated as secrets).
 */

/** Every masked value reads `agentfw:masked:NAME`, so a human reading agent output knows what happened. */
export const PLACEHOLDER_PREFIX = 'agentfw:masked:';

/** Shortest value kept in the known set: shorter values would mask ordinary words everywhere. */
export const MIN_KNOWN_LENGTH = 8;

/** Shortest value masked because of its key name (`PASSWORD=abc` is left alone, `PASSWORD=abcd` is masked). */
export const MIN_CONTEXT_LENGTH = 4;

/** `agentfw:masked:NAME`; NAME is reduced to `[A-Za-z0-9_.-]` (empty → `secret`). */
export function placeholder(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 64);
  return PLACEHOLDER_PREFIX + (clean || 'secret');
}

const PLACEHOLDER_WORDS = new Set([
  'changeme',
  'change_me',
  'change-me',
  'changeit',
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'example',
  'sample',
  'dummy',
  'fake',
  'placeholder',
  'redacted',
  'removed',
  'hidden',
  'masked',
  'todo',
  'tbd',
  'fixme',
  'none',
  'null',
  'nil',
  'undefined',
  'true',
  'false',
  'yes',
  'no',
  'required',
  'optional',
  'enabled',
  'disabled',
  'basic',
  'bearer',
  'oauth',
  'oauth2',
  'string',
  'your_token',
  'your-token',
  'your_api_key',
  'your-api-key',
  'mytoken',
  'my_token',
  'secret_key',
  'insert_here',
  'replace_me',
  'notset',
  'not_set',
  'empty',
  'default',
]);

/**
 * Reference syntaxes: `$VAR`, `${VAR}`, `$(cmd)`, `%VAR%`, `{{ x }}`, `<token>`, `[REDACTED]`,
 * `process.env.X`, `{env:VAR}` / `{file:path}` (opencode's config substitution)…
 */
const REFERENCE =
  /^(?:\{(?:env|file):[^{}\s]+\}|\$\{?[A-Za-z_][\w.]*\}?|\$\(.*\)|\$\{\{.*\}\}|%[A-Za-z_]\w*%|\{\{.*\}\}|<[^<>]*>|\[[^[\]]*\]|\(.*\)|(?:process\.env|os\.environ|ENV|env)\b.*|@[A-Za-z_][\w.]*)$/;

/** Values that are a run of one filler character (`xxxx`, `****`, `....`, `0000`). */
const FILLER = /^(.)\1*$/;

/** Filesystem paths given where a secret's *location* is configured (`SSH_KEY=~/.ssh/id_rsa`). */
const PATH_LIKE =
  /^(?:~\/|\.{1,2}\/|\/(?:etc|home|root|run|var|tmp|usr|opt|Users|mnt|secrets|srv|data|workspace|app)\/)/;

/** A code expression rather than a value: `config.apiKey`, `getToken()`, `this.secret`. */
const CODE_EXPRESSION = /^(?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*(?:\(.*\))?$|^[A-Za-z_$][\w$]*\(.*\)$/;

/** A camelCase identifier (`apiKey`, `accessToken`): a variable name, not a credential. */
const CAMEL_IDENTIFIER = /^[a-z]+(?:[A-Z][a-z]+)+$/;

/**
 * True when `value` is a placeholder, reference or filler rather than a real secret:
 * empty, `changeme`, `xxx`, `<token>`, `${VAR}`, `agentfw:masked:…`, `your-api-key-here`…
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (v.startsWith(PLACEHOLDER_PREFIX)) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^(?:your|my|insert|replace|enter|put|add)[-_ ].*(?:here|key|token|secret|password)?$/.test(lower))
    return true;
  if (/(?:^|[-_ ])(?:here|goes[-_ ]here|placeholder|example|redacted)$/.test(lower)) return true;
  if (/^x{3,}/i.test(v) && /^[x\-_.]+$/i.test(v)) return true;
  if (FILLER.test(v)) return true;
  if (REFERENCE.test(v)) return true;
  if (PATH_LIKE.test(v)) return true;
  if (CODE_EXPRESSION.test(v)) return true;
  if (CAMEL_IDENTIFIER.test(v)) return true;
  return false;
}
