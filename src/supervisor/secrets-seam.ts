/**
 * The one place where the supervisor plugs in the secrets layer (src/secrets/index.ts,
 * `createSecretSet`). When that module is not available in this build, a small fallback
 * masks the values of environment variables whose names look secret, gives the agent
 * placeholders for them, and re-injects nothing.
 */
import type { SecretSet, StreamMasker } from '../secrets/types.js';
import type { OwnModelKey } from '../secrets/model-keys.js';
import type { ScanMemory } from '../secrets/scan.js';
import { scanMemoryFor } from './scan-memory.js';

const SECRET_NAME = /(TOKEN|SECRET|PASSW(OR)?D|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL|AUTH)/i;

type Factory = (opts: {
  env: Record<string, string | undefined>;
  workspace: string;
  home?: string;
  onProgress?: (p: unknown) => void;
  ownKeys?: OwnModelKey[];
  scanMemory?: ScanMemory;
}) => Promise<SecretSet>;

export async function loadSecretSet(
  env: Record<string, string | undefined>,
  workspace: string,
  home?: string,
  /** The running agent's own model keys (src/secrets/model-keys.ts); empty = none. */
  ownKeys: OwnModelKey[] = [],
): Promise<{ set: SecretSet; fallback: boolean }> {
  let factory: Factory | undefined;
  try {
    // A literal specifier, so the bundle (scripts/bundle.mjs) carries the secrets layer.
    const mod = (await import('../secrets/index.js')) as { createSecretSet?: Factory };
    factory = mod.createSecretSet;
  } catch {
    factory = undefined;
  }
  if (factory) {
    // Files earlier sessions read and found nothing in are not read again while unchanged.
    const scanMemory = workspace ? scanMemoryFor(workspace) : undefined;
    return { set: await factory({ env, workspace, home, ownKeys, scanMemory }), fallback: false };
  }
  return { set: fallbackSecretSet(env), fallback: true };
}

/** Masks the values of secret-named variables (8+ characters) and nothing else. */
export function fallbackSecretSet(env: Record<string, string | undefined>): SecretSet {
  const known: [string, string][] = [];
  for (const [k, v] of Object.entries(env)) if (v && v.length >= 8 && SECRET_NAME.test(k)) known.push([k, v]);
  known.sort((a, b) => b[1].length - a[1].length);
  const mask = (text: string) => {
    let out = text;
    for (const [k, v] of known) out = out.split(v).join(`agentfw:masked:${k}`);
    return out;
  };
  const streamMasker = (): StreamMasker => {
    let held = Buffer.alloc(0);
    const keep = Math.max(0, ...known.map(([, v]) => Buffer.byteLength(v) - 1));
    return {
      push(chunk) {
        const all = Buffer.concat([held, chunk]);
        const text = all.toString('utf8');
        const cut = Math.max(0, text.length - keep);
        held = Buffer.from(text.slice(cut), 'utf8');
        return Buffer.from(mask(text.slice(0, cut)), 'utf8');
      },
      flush() {
        const out = Buffer.from(mask(held.toString('utf8')), 'utf8');
        held = Buffer.alloc(0);
        return out;
      },
    };
  };
  return {
    mask,
    streamMasker,
    agentEnv(e) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(e)) {
        if (v === undefined) continue;
        out[k] = known.some(([n]) => n === k) ? `agentfw:masked:${k}` : v;
      }
      return out;
    },
    reinject: () => ({}),
    size: known.length,
  };
}
