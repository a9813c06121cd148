/**
 * `agentfw trust [--remove] [DIR]`: after reviewing DIR/.agentfw (default: the current
 * folder), let its allow rules and disables take effect. See src/config/trust.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { trustProject } from '../config/trust.js';
import { usageError } from '../errors.js';
import { parseArgs } from './args.js';

const HELP = `usage: agentfw trust [--remove] [DIR]

A project's .agentfw folder lives in the workspace, where an agent can write. Its ask and
deny rules always apply; its allow rules and disables only apply while its contents are
exactly what you trusted. Review DIR/.agentfw (default: this folder), then run this.
Any later change makes them inert again until you trust it again.
`;

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['help', 'remove'], options: [] });
  if (a.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (a.rest.length > 1) throw usageError('give at most one folder', 'agentfw trust [DIR]');
  const ws = path.resolve(a.rest[0] ?? '.');
  if (!existsSync(ws)) throw usageError(`${ws} does not exist`, 'pass the project folder');
  const { file, digest } = trustProject(ws, { remove: Boolean(a.flags.remove) });
  process.stdout.write(
    a.flags.remove
      ? `agentfw: ${ws}/.agentfw is no longer trusted (${file})\n`
      : `agentfw: trusted ${ws}/.agentfw as it is now (sha256 ${digest.slice(0, 12)}…, recorded in ${file})\n`,
  );
  return 0;
}
