/**
 * The environment the agent starts with: secrets replaced by placeholders (secrets
 * layer), the shim directory first on PATH, SHELL / CLAUDE_CODE_SHELL on the bash shim,
 * BASH_ENV on the gate script, and the AGENTFW_* variables the client reads.
 */
import path from 'node:path';
import { proxyEnv as proxyVariables } from '../gates/proxy/index.js';

export interface AgentEnvOptions {
  /** The environment agentfw itself was started with (already passed through the secrets layer). */
  base: Record<string, string>;
  shimDir: string;
  gateScript: string;
  socket: string;
  client: string;
  /** The user's PATH, without the shim dir: where shims find the real programs. */
  realPath: string;
  /** How long a shim waits for an answer (approval timeout + margin), ms. */
  waitMs: number;
  session: string;
}

export function buildAgentEnv(o: AgentEnvOptions): Record<string, string> {
  const env: Record<string, string> = { ...o.base };
  const bashShim = path.join(o.shimDir, 'bash');
  if (env.BASH_ENV && env.BASH_ENV !== o.gateScript) env.AGENTFW_USER_BASH_ENV = env.BASH_ENV;
  env.PATH = o.realPath ? `${o.shimDir}:${o.realPath}` : o.shimDir;
  env.SHELL = bashShim;
  env.CLAUDE_CODE_SHELL = bashShim;
  env.BASH_ENV = o.gateScript;
  env.AGENTFW_SOCK = o.socket;
  env.AGENTFW_CLIENT = o.client;
  env.AGENTFW_SHIM_DIR = o.shimDir;
  env.AGENTFW_REAL_PATH = o.realPath;
  env.AGENTFW_GATE_SCRIPT = o.gateScript;
  env.AGENTFW_WAIT_MS = String(o.waitMs);
  env.AGENTFW_SESSION = o.session;
  // bash skips BASH_ENV (and reads ~/.bashrc) when SHLVL < 2 after increment and stdin is a socket.
  if (!env.SHLVL || !/^[1-9]\d*$/.test(env.SHLVL)) env.SHLVL = '1';
  delete env.AGENTFW_GATED_PID;
  delete env.AGENTFW_HOPS;
  delete env.AGENTFW_GATE_MODE;
  if (!env.TERM) env.TERM = 'xterm-256color';
  return env;
}

/** Removes a previous session's shim dir from PATH (nested `agentfw run`). */
export function realPathOf(pathVar: string, shimDirs: string[]): string {
  const skip = new Set(shimDirs.filter(Boolean).map((d) => path.resolve(d)));
  return pathVar
    .split(':')
    .filter((d) => !skip.has(path.resolve(d || '.')))
    .join(':');
}

/**
 * The egress proxy's variables for the agent (src/gates/proxy/index.ts): proxy URLs, CA files
 * and the Node preload, keeping the agent's own NODE_OPTIONS.
 */
export function proxyEnv(
  p: { url: string; caCertPath: string; caBundlePath: string; preloadPath: string },
  nodeOptions: string,
): Record<string, string> {
  return proxyVariables(p.url, p.caCertPath, p.caBundlePath, p.preloadPath, nodeOptions);
}
