/**
 * Session-less secret masking for the engine's evidence and `agentfw check` output.
 * Implemented by the secrets layer (src/secrets/index.ts).
 */
export { maskText } from './index.js';
