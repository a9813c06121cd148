/**
 * The secrets layer's entry points: `createSecretSet` for a session (environment,
 * workspace scan, config) and `maskText` for callers without a session.
 */
import { createHmac } from 'node:crypto';
import type { SecretSet, StreamMasker } from './types.js';
import { loadSecretsConfig, type SecretsConfig } from './config.js';
import { detectSecrets, patternScanner } from './detect.js';
import { placeholderEnv, reinjectValues, secretEnvNames } from './env.js';
import { KnownMatcher, type KnownValue } from './known.js';
import { ChainMasker, maskWith, StreamStage } from './masker.js';
import { fromBytes, toBytes } from './mask-text.js';
import { MIN_KNOWN_LENGTH } from './placeholder.js';
import { scanWorkspace, type ScanMemory, type ScanProgress, type WorkspaceScan } from './scan.js';
import { EgressSecrets, type EgressResult, type KnownOrigin } from './egress.js';
import type { OwnModelKey } from './model-keys.js';

export type { SecretsConfig } from './config.js';
export type { ScanProgress, WorkspaceScan } from './scan.js';
export { loadSecretsConfig, parseSecretsConfig } from './config.js';
export { detectSecrets } from './detect.js';
export { maskText } from './mask-text.js';
export { isSecretName } from './env.js';
export { PLACEHOLDER_PREFIX, placeholder } from './placeholder.js';
export { ownModelKeys, type OwnModelKey } from './model-keys.js';

/** Characters of already-emitted output the pattern stage keeps to look back at (key names before a value). */
const PATTERN_CONTEXT = 1024;

/** A StreamMasker for detected secrets only (no known values). */
export function patternStreamMasker(): StreamMasker {
  return new ChainMasker([new StreamStage(patternScanner(), PATTERN_CONTEXT)]);
}

export interface CreateSecretSetOptions {
  /** The environment the agent would have inherited (values of secret variables become known). */
  env: Record<string, string | undefined>;
  /** Workspace to scan at start; empty = no scan. */
  workspace?: string;
  /** Re-injection config; absent = loaded from the workspace or home `.agentfw/secrets.yaml`. */
  config?: SecretsConfig;
  /** Home directory for the config lookup; absent = os.homedir(). */
  home?: string;
  /** Scan progress, reported once the scan takes more than 1 s. */
  onProgress?: (p: ScanProgress) => void;
  /** Extra known values (name → value), e.g. from a secrets manager. Empty = none. */
  extra?: Record<string, string>;
  /**
   * The running agent's own model credentials (src/secrets/model-keys.ts): left in clear in
   * the agent's environment, still masked in output, allowed at egress only at their hosts.
   * Empty/absent = none (every secret variable becomes a placeholder).
   */
  ownKeys?: OwnModelKey[];
  /** What earlier scans of this workspace found nothing in (skipped if unchanged); absent = every file is read. */
  scanMemory?: ScanMemory;
}

/** A session's SecretSet, plus what it learned (names only, never values). */
export interface SessionSecrets extends SecretSet {
  /** Names of the environment variables treated as secret. */
  readonly envNames: string[];
  /** Summary of the workspace scan (counts only); undefined when no workspace was scanned. */
  readonly scan?: Omit<WorkspaceScan, 'secrets'> & { found: number; files_with_secrets: string[] };
}

class Session implements SessionSecrets {
  readonly envNames: string[];
  readonly scan?: SessionSecrets['scan'];
  private readonly matcher: KnownMatcher;
  private readonly envValues: Map<string, string>;
  private readonly knownValues: Set<string>;
  /** `name NUL value` of every known value, sorted (fingerprint). */
  private readonly valueList: string[];
  private readonly egressSecrets: EgressSecrets;
  /** Own model keys: name → the value the agent keeps in clear. */
  private readonly own = new Map<string, string>();

  constructor(
    private readonly config: SecretsConfig,
    env: Record<string, string | undefined>,
    found: (KnownValue & { file?: string })[],
    scan: WorkspaceScan | undefined,
    ownKeys: OwnModelKey[] = [],
  ) {
    this.envNames = secretEnvNames(env, config);
    this.envValues = new Map(this.envNames.map((n) => [n, env[n] as string]));
    const values: KnownValue[] = [];
    for (const [name, value] of this.envValues) {
      values.push({ name, value });
      // a password inside a connection string is a secret of its own
      for (const h of detectSecrets(value)) values.push({ name, value: value.slice(h.start, h.end) });
    }
    values.push(...found);
    this.knownValues = new Set(values.map((v) => v.value));
    this.valueList = values.map((v) => `${v.name}\0${v.value}`).sort();
    // Environment secrets first: a value both in the environment and in a file counts as given.
    const origins = new Map<string, KnownOrigin>();
    for (const v of values)
      if (v.value.length >= MIN_KNOWN_LENGTH && !origins.has(v.value))
        origins.set(v.value, { name: v.name, file: (v as { file?: string }).file ?? '' });
    const ownHosts = new Map<string, string[]>();
    for (const k of ownKeys) {
      const value = this.envValues.get(k.name);
      if (value === undefined) continue;
      this.own.set(k.name, value);
      ownHosts.set(k.name, k.hosts);
    }
    this.egressSecrets = new EgressSecrets(this.envValues, config, origins, ownHosts);
    this.matcher = new KnownMatcher(values.map((v) => ({ name: v.name, value: toBytes(v.value) })));
    if (scan) {
      const { secrets, ...counts } = scan;
      this.scan = {
        ...counts,
        found: secrets.length,
        files_with_secrets: [...new Set(secrets.map((s) => s.file))].sort(),
      };
    }
  }

  get size(): number {
    return this.matcher.size;
  }

  fingerprint(key: Buffer): string {
    const h = createHmac('sha256', key).update(`agentfw-secrets\0${JSON.stringify(this.config)}\0`);
    for (const v of this.valueList) h.update(`${v}\0`);
    return h.digest('hex');
  }

  mask(text: string): string {
    if (!text) return text;
    return fromBytes(maskWith(patternScanner(), maskWith(this.matcher, toBytes(text))));
  }

  streamMasker(): StreamMasker {
    return new ChainMasker([
      new StreamStage(this.matcher, 0),
      new StreamStage(patternScanner(), PATTERN_CONTEXT),
    ]);
  }

  agentEnv(env: Record<string, string | undefined>): Record<string, string> {
    const names = new Set(secretEnvNames(env, this.config));
    for (const [name, value] of Object.entries(env))
      if (value !== undefined && this.knownValues.has(value)) names.add(name);
    // The agent's own model key, with the value it was started with, stays usable by it.
    for (const [name, value] of this.own) if (env[name] === value) names.delete(name);
    return placeholderEnv(env, names);
  }

  egress(text: string, host: string): EgressResult {
    return this.egressSecrets.apply(text, host);
  }

  reinject(program: string, hosts: string[]): Record<string, string> {
    return reinjectValues(this.envValues, this.config, program, hosts);
  }
}

/** Build the session's secret set: environment secrets, workspace scan, config. */
export async function createSecretSet(opts: CreateSecretSetOptions): Promise<SessionSecrets> {
  const config = opts.config ?? (await loadSecretsConfig(opts.workspace, opts.home));
  let scan: WorkspaceScan | undefined;
  const found: (KnownValue & { file?: string })[] = Object.entries(opts.extra ?? {}).map(([name, value]) => ({
    name,
    value,
  }));
  if (opts.workspace) {
    scan = await scanWorkspace(opts.workspace, { onProgress: opts.onProgress, memory: opts.scanMemory });
    for (const s of scan.secrets) found.push({ name: s.name, value: s.value, file: s.file });
  }
  return new Session(config, opts.env, found, scan, opts.ownKeys);
}
