/**
 * Locates the gate client built at install time: `build/agentfw-shim`, either the
 * compiled C client or, when no C compiler was available, a script that runs the slow
 * Node fallback (`build/agentfw-shim.fallback` marks that case).
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';

export { PACKAGE_ROOT };

export interface ClientInfo {
  /** Absolute real path of the client; empty when it is missing. */
  path: string;
  /** `native` = compiled C client; `node-fallback` = the ≈130 ms Node client; `missing` = not built. */
  kind: 'native' | 'node-fallback' | 'missing';
}

export function findClient(root = PACKAGE_ROOT): ClientInfo {
  const p = path.join(root, 'build', 'agentfw-shim');
  if (!existsSync(p)) return { path: '', kind: 'missing' };
  return { path: realpathSync(p), kind: existsSync(p + '.fallback') ? 'node-fallback' : 'native' };
}

export const FALLBACK_WARNING =
  'agentfw: WARNING the C gate client could not be built (no C compiler at install), so every gated command starts a Node process (≈130 ms each).\n' +
  'Fix: install a C compiler (e.g. `apt-get install gcc`), then run `npm run build:shim` in the agentfw folder.';
