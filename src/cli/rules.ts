import { AgentfwError } from '../errors.js';

// Placeholder until this subcommand is written.
export async function run(_argv: string[]): Promise<number> {
  throw new AgentfwError('E_NOT_IMPLEMENTED', '`agentfw rules` is not available in this build', 'update agentfw');
}
