/**
 * The running agent's own model credential: the API key the user started the agent with so
 * that it can talk to its model (ANTHROPIC_API_KEY for Claude Code, OPENAI_API_KEY for
 * Codex …). It is the one secret the agent is given on purpose. Its requests to the model
 * API go through an opaque tunnel (the model APIs are passthrough hosts of the egress
 * proxy, docs/proxy.md), where a placeholder could never be replaced by the real value,
 * so this key stays in clear in the agent's environment. It is still a known secret:
 * masked in command output, the audit log and the TUI, and held by the egress proxy
 * when it goes to any host other than the agent's model API (the default hosts, plus the
 * host of the endpoint variable the agent was started with, e.g. ANTHROPIC_BASE_URL).
 * Pure: no I/O.
 */
/** One model provider's credential variables and where they may go. */
export interface ModelProvider {
  /** Variables holding the provider's API key or token. */
  keys: string[];
  /** Variables naming the provider's endpoint (a URL); empty = the provider has none. */
  endpointVars: string[];
  /** The provider's own API hosts (`*.domain` = subdomains too). */
  hosts: string[];
}

const ANTHROPIC: ModelProvider = {
  keys: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN'],
  endpointVars: ['ANTHROPIC_BASE_URL'],
  hosts: ['api.anthropic.com'],
};
const OPENAI: ModelProvider = {
  keys: ['OPENAI_API_KEY', 'CODEX_API_KEY'],
  endpointVars: ['OPENAI_BASE_URL'],
  hosts: ['api.openai.com', 'chatgpt.com'],
};
const GOOGLE: ModelProvider = {
  keys: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  endpointVars: ['GOOGLE_GEMINI_BASE_URL'],
  hosts: ['generativelanguage.googleapis.com'],
};
const CURSOR: ModelProvider = {
  keys: ['CURSOR_API_KEY'],
  endpointVars: [],
  hosts: ['api2.cursor.sh', '*.cursor.sh'],
};

/**
 * The providers each agent talks to, by the basename of the agent command. opencode speaks
 * to any of them (its provider is chosen in its config). An agent whose name is not known
 * (`node cli.js`, a wrapper script) gets none: its keys stay placeholders.
 */
export const AGENT_PROVIDERS: Record<string, ModelProvider[]> = {
  claude: [ANTHROPIC],
  codex: [OPENAI],
  gemini: [GOOGLE],
  opencode: [ANTHROPIC, OPENAI, GOOGLE],
  'cursor-agent': [CURSOR],
};

/** A model credential of the running agent: kept in clear for it, allowed at `hosts` only. */
export interface OwnModelKey {
  /** The environment variable. */
  name: string;
  /** Hosts the proxy lets this value go to (the provider's, plus the endpoint variables' hosts). */
  hosts: string[];
}

/** Host of a URL-valued variable; empty when it is not an http(s) URL. */
function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^\[|\]$/g, '') : '';
  } catch {
    return '';
  }
}

/**
 * The model credentials of the agent named `agent` (a key of AGENT_PROVIDERS), among the
 * variables set in `env`. Empty when the agent is not known or none of its keys is set.
 */
export function ownModelKeys(agent: string, env: Record<string, string | undefined>): OwnModelKey[] {
  const providers = Object.hasOwn(AGENT_PROVIDERS, agent) ? AGENT_PROVIDERS[agent] : [];
  const out: OwnModelKey[] = [];
  for (const p of providers) {
    const hosts = [...p.hosts, ...p.endpointVars.map((v) => hostOf(env[v])).filter(Boolean)];
    for (const name of p.keys) if (env[name]) out.push({ name, hosts: [...new Set(hosts)] });
  }
  return out;
}
