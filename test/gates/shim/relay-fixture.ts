/**
 * The fixture the relay tests share (test/gates/shim/relay.test.ts,
 * test/supervisor/relay-direct.test.ts): an opaque token known to the session only through
 * the workspace scan of `.env`, and a real gate started over that workspace.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Gate } from '../../../src/supervisor/gate.js';
import { gen, rng } from '../../fixtures/secrets/planted.js';
import { useGate, type Scratch } from './gate-helpers.js';

/** What each stream shows in place of the token. */
export const MASKED = 'agentfw:masked:API_TOKEN';

/** The token of one test file (`seed` keeps files apart) and the `.env` that holds it. */
export function relayToken(seed: number): { TOKEN: string; ENV_FILE: string } {
  const TOKEN = gen(rng(seed), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32);
  return { TOKEN, ENV_FILE: `API_TOKEN=${TOKEN}\nLOG_LEVEL=debug\n` };
}

/** A real gate over a workspace holding `envFile` as `.env`; `ready` gets it and its gated bash. */
export function useRelayGate(
  envFile: string,
  ready: (t: { s: Scratch; gate: Gate; bash: string }) => void,
): void {
  useGate((t) => ready({ ...t, bash: path.join(t.gate.shims.dir, 'bash') }), {
    prepare: (t) => writeFileSync(path.join(t.ws, '.env'), envFile),
  });
}
