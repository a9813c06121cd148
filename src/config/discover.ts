/**
 * Finds the policy config of each tier without flags (see schema.ts for the places),
 * validates it, and says which ruleset files and disables apply. A project's `.agentfw`
 * lives in the workspace, where the agent can write: its allow rules and disables only
 * count while its contents hash to what a human recorded with `agentfw trust`; its ask
 * and deny rules always count (they can only make the policy stricter).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { AgentfwError } from '../errors.js';
import { ConfigSchema, type Disable, type PolicyConfigFile, type Tier } from './schema.js';

/** The YAML parser, loaded on first use: most sessions have no such file to read. */
let yamlLib: typeof Yaml | undefined;
const parse = (src: string): unknown =>
  (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml).parse(src);

/** One tier's config as found. */
export interface TierConfig {
  tier: Exclude<Tier, 'builtin'>;
  /** The tier's folder (absolute). */
  dir: string;
  /** Its config.yaml, or '' when the folder has only rules. */
  file: string;
  config: PolicyConfigFile;
  /** Ruleset files of this tier, absolute, sorted. */
  rulesets: string[];
  /**
   * Project tier: whether a human trusted exactly these contents (`agentfw trust`).
   * Untrusted = its allows and disables are ignored. Always true for org and user.
   */
  trusted: boolean;
}

export interface DiscoverOptions {
  workspace: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export function orgDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AGENTFW_ORG_CONFIG ? path.resolve(env.AGENTFW_ORG_CONFIG) : '/etc/agentfw';
}

export function userDir(env: NodeJS.ProcessEnv = process.env, home = env.HOME ?? os.homedir()): string {
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(home, '.config');
  return path.join(base, 'agentfw');
}

export function projectDir(workspace: string): string {
  return path.join(path.resolve(workspace), '.agentfw');
}

function readConfig(file: string): PolicyConfigFile {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8')) ?? {};
  } catch (err) {
    throw new AgentfwError(
      'E_CONFIG_INVALID',
      `${file}: ${(err as Error).message.split('\n')[0]}`,
      'correct the YAML syntax of that file',
      2,
    );
  }
  const r = ConfigSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new AgentfwError(
      'E_CONFIG_INVALID',
      `${file}: ${i.path.join('.') || '(top level)'}: ${i.message}`,
      'allowed keys: rulesets (list of paths), disable (list of {id, reason}), services (list of {port, protocol}; docs/proxy.md), trusted_projects (written by `agentfw trust`)',
      2,
    );
  }
  return r.data;
}

function yamlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

function rulesetsOf(dir: string, cfg: PolicyConfigFile): string[] {
  if (!cfg.rulesets) return yamlFilesIn(path.join(dir, 'rules'));
  const out: string[] = [];
  for (const p of cfg.rulesets) {
    const abs = path.resolve(dir, p);
    if (!existsSync(abs))
      throw new AgentfwError(
        'E_CONFIG_INVALID',
        `${path.join(dir, 'config.yaml')}: rulesets: ${p} does not exist`,
        'fix or remove that path',
        2,
      );
    out.push(...(statSync(abs).isDirectory() ? yamlFilesIn(abs) : [abs]));
  }
  return out;
}

/**
 * SHA-256 over a project folder's config and ruleset files (names and bytes), in a fixed
 * order: any edit, added or removed file changes it.
 */
export function projectDigest(dir: string): string {
  const h = createHash('sha256');
  const cfgFile = path.join(dir, 'config.yaml');
  const files = [cfgFile, ...yamlFilesIn(path.join(dir, 'rules'))];
  if (existsSync(cfgFile)) {
    try {
      const cfg = ConfigSchema.parse(parse(readFileSync(cfgFile, 'utf8')) ?? {});
      if (cfg.rulesets) files.push(...rulesetsOf(dir, cfg));
    } catch {
      // an invalid config still hashes by its bytes
    }
  }
  for (const f of [...new Set(files)].sort()) {
    if (!existsSync(f)) continue;
    h.update(`${path.relative(dir, f)}\0`);
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

function tierAt(tier: TierConfig['tier'], dir: string): TierConfig | undefined {
  if (!existsSync(dir)) return undefined;
  const file = path.join(dir, 'config.yaml');
  const config = existsSync(file) ? readConfig(file) : ConfigSchema.parse({});
  return {
    tier,
    dir,
    file: existsSync(file) ? file : '',
    config,
    rulesets: rulesetsOf(dir, config),
    trusted: true,
  };
}

/** The config of every tier that exists, strongest first (org, user, project). */
export function discoverConfig(o: DiscoverOptions): TierConfig[] {
  const env = o.env ?? process.env;
  const out: TierConfig[] = [];
  const org = tierAt('org', orgDir(env));
  if (org) out.push(org);
  const user = tierAt('user', userDir(env, o.home));
  if (user) out.push(user);
  const pdir = projectDir(o.workspace);
  // The user's own config folder inside a workspace is not a project tier.
  if (!user || path.resolve(user.dir) !== pdir) {
    const project = tierAt('project', pdir);
    if (project) {
      const want = user?.config.trusted_projects[path.resolve(o.workspace)];
      project.trusted = want !== undefined && want === projectDigest(pdir);
      out.push(project);
    }
  }
  return out;
}

/** Disables that take effect, with where they came from. */
export interface ActiveDisable extends Disable {
  tier: TierConfig['tier'];
  file: string;
}

/**
 * Which disables apply: org ones always; user and trusted-project ones only for built-in
 * packs (they cannot switch off an org rule).
 */
export function activeDisables(
  tiers: TierConfig[],
  packTier: (pack: string) => Tier | undefined,
): ActiveDisable[] {
  const out: ActiveDisable[] = [];
  for (const t of tiers) {
    if (!t.trusted) continue;
    for (const d of t.config.disable) {
      const pt = packTier(d.id.split('/')[0]);
      if (t.tier !== 'org' && pt !== 'builtin') continue; // fail closed: only built-in rules can be quieted from below
      out.push({ ...d, tier: t.tier, file: t.file });
    }
  }
  return out;
}
