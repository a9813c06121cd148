/**
 * Which environment variables are secret, the placeholders the agent gets instead, and
 * which real values an approved command may get back. Pure: no I/O.
 */
import type { AllowEntry, SecretsConfig } from './config.js';
import { DEFAULT_ALLOW } from './config.js';
import { detectSecrets } from './detect.js';
import { isPlaceholderValue, placeholder } from './placeholder.js';

/** Variables that are never secret, whatever their value looks like. */
const NEVER = new Set([
  'PATH',
  'HOME',
  'SHELL',
  'TERM',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'PWD',
  'OLDPWD',
  'TMPDIR',
  'TMP',
  'TEMP',
  'DISPLAY',
  'EDITOR',
  'VISUAL',
  'PAGER',
  'HOSTNAME',
  'SHLVL',
  '_',
  'MAIL',
  'TZ',
  'COLORTERM',
  'TERM_PROGRAM',
  'SSH_AUTH_SOCK',
  'SSH_AGENT_PID',
  'GPG_AGENT_INFO',
  'MANPATH',
  'INFOPATH',
  'NODE_PATH',
  'PYTHONPATH',
  'GOPATH',
]);
const NEVER_PREFIX = /^(?:LC_|XDG_|AGENTFW_)/;

/**
 * A variable name that says "secret": `*_TOKEN`, `*_SECRET`, `*_KEY`, `*PASSWORD*`,
 * `*_PASS`, `*_PWD`, `*_AUTH`, `*CREDENTIALS*`, `API_KEY`… (`*_KEY_ID`, `*_PUBLIC_KEY`
 * and `*_PUBLISHABLE_KEY` are not secret by name).
 */
export function isSecretName(name: string): boolean {
  const n = name.toUpperCase();
  if (NEVER.has(name) || NEVER_PREFIX.test(name) || /(?:PUBLIC|PUBLISHABLE)_KEY$/.test(n)) return false;
  return (
    /(?:^|_)(?:TOKEN|TOKENS|SECRET|SECRETS|KEY|PASS|PWD|AUTH|CREDENTIALS?|APIKEY)$/.test(n) ||
    /PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|SECRET/.test(n) ||
    /(?:^|_)(?:ACCESS_KEY|PRIVATE_KEY|SECRET_KEY|API_KEY|AUTH_TOKEN)(?:_|$)/.test(n)
  );
}

/** Names of the secret variables in `env`: by name, by config, or because the value is a detected secret. */
export function secretEnvNames(
  env: Record<string, string | undefined>,
  config: SecretsConfig = {},
): string[] {
  const mask = new Set(config.mask ?? []);
  const unmask = new Set(config.unmask ?? []);
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if (unmask.has(name) || NEVER.has(name) || NEVER_PREFIX.test(name)) continue;
    if (mask.has(name)) out.push(name);
    else if (isSecretName(name) && !isPlaceholderValue(value) && value.length >= 4) out.push(name);
    else if (detectSecrets(value).length > 0) out.push(name);
  }
  return out;
}

/** The agent's environment: each secret variable replaced by `agentfw:masked:NAME`. */
export function placeholderEnv(
  env: Record<string, string | undefined>,
  secretNames: Iterable<string>,
): Record<string, string> {
  const secret = new Set(secretNames);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    out[name] = secret.has(name) ? placeholder(name) : value;
  }
  return out;
}

/** `host` matches `pattern` exactly, or as a subdomain of `*.domain` / `.domain`. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.') || p.startsWith('.')) {
    const base = p.replace(/^\*?\./, '');
    return h === base || h.endsWith('.' + base);
  }
  return h === p;
}

/** Grants in effect for this config: explicit `allow` entries, plus the defaults unless `defaults: false`. */
export function grants(config: SecretsConfig = {}): AllowEntry[] {
  return [...(config.allow ?? []), ...(config.defaults === false ? [] : DEFAULT_ALLOW)];
}

/**
 * Real values an approved command may get. A grant applies when the program's basename
 * is in its `programs` and one of the command's hosts matches its `hosts`; a grant that
 * lists only one of the two checks only that one. Empty = none.
 */
export function reinjectValues(
  secrets: Map<string, string>,
  config: SecretsConfig,
  program: string,
  hosts: string[],
): Record<string, string> {
  const base = program.split('/').pop() ?? program;
  const out: Record<string, string> = {};
  for (const g of grants(config)) {
    const value = secrets.get(g.env);
    if (value === undefined || g.env in out) continue;
    const programs = g.programs ?? [];
    const hostPatterns = g.hosts ?? [];
    if (programs.length === 0 && hostPatterns.length === 0) continue;
    const byProgram = programs.length === 0 || programs.includes(base);
    const byHost =
      hostPatterns.length === 0 || hostPatterns.some((p) => hosts.some((h) => hostMatches(h, p)));
    if (byProgram && byHost) out[g.env] = value;
  }
  return out;
}
