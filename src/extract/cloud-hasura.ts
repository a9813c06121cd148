/**
 * Hasura's CLI clearing the server's metadata: `hasura metadata clear` (alias `reset`) drops
 * every tracked table, relationship, permission, action, remote schema and event trigger of
 * the GraphQL engine at `--endpoint` (the current project's server when absent), so its API
 * stops serving them until the metadata is applied again. Read as a CloudFact of service
 * `metadata`, verb `clear`, every item (`all`). Exporting, diffing, applying and reloading the
 * metadata make no fact here; `migrate apply --down all` is a database reset (sql-resets.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionValue, type CloudDraft } from './cloud-argv.js';

/** Hasura's global options that take the next word as their value. */
const VALUED =
  /^(--endpoint|--admin-secret|--project|--envfile|--log-level|--database-name|--certificate-authority)$/;

/** `hasura [OPTIONS] metadata clear|reset`; undefined for anything else. */
function readHasura(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const words = args.filter((a, i) => !a.startsWith('-') && !VALUED.test(args[i - 1] ?? ''));
  if (words[0] !== 'metadata' || !/^(clear|reset)$/.test(words[1] ?? '')) return undefined;
  if (args.some((a) => /^(-h|--help)$/.test(a))) return undefined;
  const endpoint = optionValue(cmd.argv, /^--endpoint$/) ?? 'the project endpoint';
  return { tool: 'hasura', service: 'metadata', verb: 'clear', resource: endpoint, all: true, force: true };
}

/** Programs this module reads, by name. */
export const HASURA_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  hasura: readHasura,
  'hasura-cli': readHasura,
};
