/**
 * Network gear and appliances wiped or reset to factory settings by their own command line,
 * usually sent over ssh: Junos `request system zeroize [media]` and `load factory-default`
 * (also inside `cli -c '…'`), PAN-OS `request system private-data-reset`, MikroTik
 * `/system reset-configuration` (v7: `/system/reset-configuration`), FortiOS `execute
 * factoryreset|factoryreset2|formatlogdisk|erase-disk`, Huawei VRP `reset saved-configuration|
 * factory-configuration`, Cisco and Arista `write erase` and `erase startup-config|nvram:`, ASA
 * `clear configure all|primary`,
 * OpenWrt `firstboot` and `jffs2reset`, Ubiquiti `syswrapper.sh restore-default` and
 * `set-default`. The device loses its configuration (and with zeroize its data): read as a
 * CloudFact of service `network-device`, verb `factory-reset`. Showing and other commands
 * find nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** Per program (its last path part): the positional words, joined by spaces, that wipe or reset it. */
const RESETS: Record<string, RegExp> = {
  request: /^system (zeroize|private-data-reset)\b/,
  load: /^factory-default\b/,
  system: /^reset-configuration\b/,
  'reset-configuration': /^/,
  execute: /^(factoryreset2?|formatlogdisk|erase-disk)\b/,
  reset: /^(saved-configuration|factory-configuration)\b/,
  write: /^erase\b/,
  erase: /^(startup-config|nvram:|\/all\b|all zeroize|flash:)/,
  firstboot: /^/,
  jffs2reset: /^/,
  'syswrapper.sh': /^restore-default\b/,
  'set-default': /^/,
  // Cisco ASA: the running configuration cleared (`clear configure all|primary`)
  clear: /^configure (all|primary)\b/,
};

/** What `program words…` resets (see the header), as the words that say so; undefined = nothing. */
function resetWords(program: string, args: string[]): string | undefined {
  const name = program.split('/').pop() ?? '';
  if (!Object.hasOwn(RESETS, name)) return undefined;
  if (args.some((a) => /^(--help|-h|help|\?)$/.test(a))) return undefined;
  const said = args
    .filter((a) => !a.startsWith('-'))
    .join(' ')
    .toLowerCase();
  return RESETS[name].test(said) ? `${name} ${said}`.trim() : undefined;
}

/** Junos' `cli -c 'CMD'`: the operational command it runs. */
function cliCommand(cmd: NormalizedCommand): string[] | undefined {
  if (cmd.program !== 'cli') return undefined;
  const at = cmd.argv.indexOf('-c');
  const text = at > 0 ? cmd.argv[at + 1] : undefined;
  return text?.split(/[;|]/)[0].trim().split(/\s+/);
}

/** A reset or wipe of a network device (see the header); undefined = none. */
export function readDeviceReset(cmd: NormalizedCommand): CloudDraft | undefined {
  const inner = cliCommand(cmd);
  const said = inner
    ? resetWords(inner[0], inner.slice(1))
    : resetWords(cmd.argv[0] ?? '', cmd.argv.slice(1));
  if (said === undefined) return undefined;
  return {
    tool: cmd.program,
    service: 'network-device',
    verb: 'factory-reset',
    resource: said,
    all: true,
    force: true,
  };
}
