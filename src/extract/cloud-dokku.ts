/**
 * Dokku, run on its host or sent as the `dokku` ssh user (src/normalize/remote-dokku.ts):
 * `dokku [--force] [--app APP] PLUGIN:VERB [ARGS…]`, read as service PLUGIN (`apps`,
 * `postgres`, `storage`…), verb VERB (`destroy`, `unlink`, `backup-unschedule`), resource the
 * arguments. A bare word (`dokku logs acme`, `dokku cleanup`) is read with an empty service.
 * Which verbs take something away is rulesets/dokku.yaml's business: this reader only reads.
 * `--force` (and the `--force` given as a global option) skips dokku's typed confirmation.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** dokku's global options that take a value (before the command). */
const GLOBAL_VALUED = new Set(['--app', '--remote']);
/** Options of the commands that take a value (their value is not an argument). */
const VALUED = new Set(['--app', '--image', '--image-version', '--config-options', '--custom-env']);

/** `dokku …` read as plugin, verb and arguments; undefined = no command given. */
export function readDokku(cmd: NormalizedCommand): CloudDraft | undefined {
  const argv = cmd.argv;
  let i = 1;
  let app = '';
  while (i < argv.length && argv[i].startsWith('-')) {
    if (GLOBAL_VALUED.has(argv[i])) app = argv[++i] ?? '';
    i++;
  }
  const command = argv[i];
  if (!command) return undefined;
  const colon = command.indexOf(':');
  const service = colon > 0 ? command.slice(0, colon) : '';
  const verb = colon > 0 ? command.slice(colon + 1) : command;
  const args: string[] = [];
  for (let j = i + 1; j < argv.length; j++) {
    if (VALUED.has(argv[j])) j++;
    else if (!argv[j].startsWith('-')) args.push(argv[j]);
  }
  const rest = argv.slice(i + 1);
  return {
    tool: 'dokku',
    service,
    verb,
    resource: [...args, app].filter(Boolean).join(' '),
    all: rest.includes('--all'),
    force: argv.slice(1).some((a) => a === '--force' || a === '-f'),
  };
}
