/**
 * Secrets at egress: the agent's processes hold only placeholders (`agentfw:masked:NAME`);
 * the egress proxy asks this module to put the real value into a request, and only for
 * a host the secrets config allows for that secret. Pure.
 *
 * - A placeholder for a secret allowed at the request's host is replaced by the real
 *   value (URL-encoded where it was URL-encoded).
 * - A placeholder for a secret not allowed there, or for a name the session does not
 *   know, is reported: the request is held (`ask`), never sent with the placeholder
 *   silently.
 * - A real secret value in the request (the agent found it in a file, or read a file
 *   the sandbox did not mask) is reported unless it is an environment secret allowed at
 *   that host; a value found by the workspace scan names its file (provenance).
 */
import type { AllowEntry, SecretsConfig } from './config.js';
import { grants, hostMatches } from './env.js';
import { PLACEHOLDER_PREFIX } from './placeholder.js';

/**
 * Hosts a built-in grant (which names programs only) covers at egress. A variable not
 * listed here and with no `hosts` in its grant is never substituted by the proxy.
 */
export const OWNER_HOSTS: Record<string, string[]> = {
  GH_TOKEN: ['github.com', 'api.github.com', '*.github.com', '*.githubusercontent.com'],
  GITHUB_TOKEN: ['github.com', 'api.github.com', '*.github.com', '*.githubusercontent.com'],
  NPM_TOKEN: ['registry.npmjs.org'],
  NODE_AUTH_TOKEN: ['registry.npmjs.org', 'npm.pkg.github.com'],
};

/** A secret the request would carry somewhere it is not allowed. */
export interface EgressHold {
  /** Placeholder NAME or the known value's name. */
  name: string;
  /** `placeholder` = `agentfw:masked:NAME` written by the agent; `value` = the real value itself. */
  form: 'placeholder' | 'value';
  /** Workspace-relative file the value was found in by the scan; empty = from the environment / unknown. */
  file: string;
  /** One sentence for the human (no secret in it). */
  reason: string;
}

/** Where a known value came from. */
export interface KnownOrigin {
  name: string;
  /** Workspace-relative file (scan), empty for environment secrets. */
  file: string;
}

export interface EgressResult {
  /** The text with allowed placeholders replaced by real values. */
  text: string;
  /** Number of placeholders replaced. */
  substituted: number;
  /** Secrets that must not go to this host as they are. Empty = nothing to hold. */
  holds: EgressHold[];
}

const PLAIN = new RegExp(`${PLACEHOLDER_PREFIX.replace(/:/g, ':')}([A-Za-z0-9_.-]+)`, 'g');
const ENCODED = /agentfw%3amasked%3a([A-Za-z0-9_.-]+)/gi;

/** Hosts at which the proxy may put `name`'s real value; empty = none. */
export function egressHosts(name: string, config: SecretsConfig = {}): string[] {
  const out: string[] = [];
  for (const g of grants(config) as AllowEntry[]) {
    if (g.env !== name) continue;
    out.push(...(g.hosts?.length ? g.hosts : (OWNER_HOSTS[name] ?? [])));
  }
  return out;
}

export class EgressSecrets {
  constructor(
    /** Environment secrets: name → real value. */
    private readonly envValues: Map<string, string>,
    private readonly config: SecretsConfig,
    /** Every known value (env and scan) → where it came from. */
    private readonly origins: Map<string, KnownOrigin>,
    /** The running agent's own model keys → the hosts of its model API (model-keys.ts); empty = none. */
    private readonly ownHosts: Map<string, string[]> = new Map(),
  ) {}

  allowedAt(name: string, host: string): boolean {
    if (!this.envValues.has(name) || !host) return false;
    const hosts = [...egressHosts(name, this.config), ...(this.ownHosts.get(name) ?? [])];
    return hosts.some((p) => hostMatches(host, p));
  }

  /** Substitutes and checks one piece of a request (a header value, the URL, the body) going to `host`. */
  apply(text: string, host: string): EgressResult {
    const holds: EgressHold[] = [];
    let substituted = 0;
    const swap = (encode: boolean) => (whole: string, name: string) => {
      const value = this.envValues.get(name);
      if (value !== undefined && this.allowedAt(name, host)) {
        substituted++;
        return encode ? encodeURIComponent(value) : value;
      }
      holds.push({
        name,
        form: 'placeholder',
        file: '',
        reason:
          value === undefined
            ? `the placeholder agentfw:masked:${name} stands for a secret this session cannot hand over`
            : `the secret ${name} is not allowed for ${host || 'this host'} (see .agentfw/secrets.yaml)`,
      });
      return whole;
    };
    let out = text.includes('agentfw') ? text.replace(PLAIN, swap(false)) : text;
    if (/agentfw%3a/i.test(out)) out = out.replace(ENCODED, swap(true));
    // Real values written by the agent itself (scan finds, or a value it read somewhere).
    for (const [value, o] of this.origins) {
      if (!text.includes(value) && !text.includes(encodeURIComponent(value))) continue;
      if (!o.file && this.allowedAt(o.name, host)) continue;
      holds.push({
        name: o.name,
        form: 'value',
        file: o.file,
        reason: o.file
          ? `this token was found in ${o.file}; it was not given to the agent`
          : this.ownHosts.has(o.name)
            ? `the agent's model key ${o.name} goes to ${host || 'an unknown host'}, which is not its model API`
            : `the real value of ${o.name}, which the agent was not given, goes to ${host || 'an unknown host'}`,
      });
    }
    return { text: out, substituted, holds };
  }
}
