/**
 * `.agentfw/proxy.yaml` (workspace, else home): what the egress proxy tunnels without
 * reading and which extra CAs it trusts upstream. Loaded once at session start, so an
 * agent that edits the file changes nothing in the running session.
 *
 *   passthrough: [api.example-model.com]   # extra hosts tunnelled opaquely
 *   defaults: true                          # keep the built-in model API list (absent = true)
 *   trust: [certs/internal-ca.pem]          # extra upstream CA files (relative = to the config file)
 *   max_body_mb: 8                          # largest body judged; larger → held
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { z } from 'zod';
import { AgentfwError } from '../../errors.js';

/** The YAML parser, loaded on first use: most sessions have no such file to read. */
let yamlLib: typeof Yaml | undefined;
const parseYaml = (src: string): unknown =>
  (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml).parse(src);

/**
 * The agents' own model APIs: tunnelled opaquely so an agent keeps talking to its model
 * (their traffic is prompts and completions, not actions on the user's resources).
 */
export const DEFAULT_PASSTHROUGH = [
  'api.anthropic.com',
  'statsig.anthropic.com',
  'api.openai.com',
  'chatgpt.com',
  'generativelanguage.googleapis.com',
  'cloudcode-pa.googleapis.com',
  'oauth2.googleapis.com',
  'api2.cursor.sh',
  '*.cursor.sh',
];

export const ProxyConfigSchema = z
  .object({
    /** Extra hosts tunnelled without interception (`*.example.com` = subdomains too). Empty/absent = none. */
    passthrough: z.array(z.string().min(1)).optional(),
    /** Keep DEFAULT_PASSTHROUGH. Absent = true; false = only `passthrough`. */
    defaults: z.boolean().optional(),
    /** PEM files of extra CAs trusted for upstream servers. Empty/absent = the system store only. */
    trust: z.array(z.string().min(1)).optional(),
    /** Largest request body judged, in MiB. Absent = 8. */
    max_body_mb: z.number().positive().max(256).optional(),
  })
  .strict();

export interface ProxySettings {
  passthrough: string[];
  /** PEM texts. */
  upstreamCa: string[];
  maxBodyBytes: number;
}

export function settingsFrom(text: string | undefined, file: string): ProxySettings {
  let data: unknown = {};
  if (text !== undefined) {
    try {
      data = parseYaml(text) ?? {};
    } catch (err) {
      throw new AgentfwError(
        'E_PROXY_CONFIG',
        `${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`,
        `fix the YAML in ${file}; see docs/proxy.md`,
        2,
      );
    }
  }
  const r = ProxyConfigSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new AgentfwError(
      'E_PROXY_CONFIG',
      `${file}: ${i.path.join('.') || '(top level)'}: ${i.message}`,
      `edit ${file}: keys are passthrough, defaults, trust, max_body_mb; see docs/proxy.md`,
      2,
    );
  }
  const c = r.data;
  const upstreamCa = (c.trust ?? []).map((f) => {
    const abs = path.resolve(path.dirname(file), f);
    try {
      return readFileSync(abs, 'utf8');
    } catch (err) {
      throw new AgentfwError(
        'E_PROXY_CONFIG',
        `${file}: trust: cannot read ${abs} (${(err as Error).message})`,
        `fix the path in ${file}`,
        2,
      );
    }
  });
  return {
    passthrough: [...(c.defaults === false ? [] : DEFAULT_PASSTHROUGH), ...(c.passthrough ?? [])],
    upstreamCa,
    maxBodyBytes: Math.round((c.max_body_mb ?? 8) * 1024 * 1024),
  };
}

/** Reads `.agentfw/proxy.yaml` from the workspace, else home; neither = defaults. */
export function loadProxySettings(workspace: string, home = os.homedir()): ProxySettings {
  for (const file of [
    path.join(workspace, '.agentfw', 'proxy.yaml'),
    path.join(home, '.agentfw', 'proxy.yaml'),
  ]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return settingsFrom(text, file);
  }
  return settingsFrom(undefined, '(defaults)');
}
