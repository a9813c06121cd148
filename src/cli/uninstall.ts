/** `agentfw uninstall`: see init.ts. */
export { uninstall as run } from './init.js';
