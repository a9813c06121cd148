/**
 * Solaris and illumos zones: `zoneadm -z ZONE uninstall [-F]` deletes the zone's root file
 * system (everything installed and stored in it), read as a generic `uninstall` of the zone
 * (saas/unknown-cli-destroy asks); `zoneadm -z ZONE halt|reboot` stops it at once without
 * running its shutdown scripts (the plug pulled), read as service `power`, verb `force-stop`
 * (host/take-down asks) as cloud-vm-stops.ts reads a virtual machine's. `zoneadm list`,
 * `boot`, `shutdown` (which asks the zone to shut down cleanly), `install`, `verify` and
 * `zonecfg … info` find nothing here; `zonecfg -z ZONE delete` and `beadm destroy` keep the
 * generic reading of their verb.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** zoneadm's options that take a value: the zone's name (`-z`), its id (`-u`) or its root (`-R`). */
const VALUED = /^-[zuR]$/;

/** `zoneadm [-z ZONE] [-u UUID] [-R ROOT] SUBCOMMAND [OPTIONS]` (see the header); undefined = no such command. */
function zoneadm(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  let zone = '';
  let at = -1;
  for (let i = 0; i < args.length; i++) {
    if (VALUED.test(args[i])) {
      if (args[i] === '-z') zone = args[i + 1] ?? '';
      i++;
    } else if (!args[i].startsWith('-')) {
      at = i;
      break;
    }
  }
  const verb = at >= 0 ? args[at] : '';
  const force = args.slice(at + 1).includes('-F');
  // fail closed: no `-z` names the zone, so it is the one the command runs in or any
  const resource = zone || '(zone not named)';
  if (verb === 'uninstall')
    return { tool: cmd.program, service: 'zone', verb, resource, all: false, force, generic: true };
  if (verb === 'halt' || verb === 'reboot')
    return { tool: cmd.program, service: 'power', verb: 'force-stop', resource, all: false, force: true };
  return undefined;
}

/** Programs this module reads, by name. */
export const ZONE_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = { zoneadm };
