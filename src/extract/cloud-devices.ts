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
 * CloudFact of service `network-device`, verb `factory-reset`. An Android device's data erased
 * through `fastboot` (`-w`, `erase`, `format`, a bootloader unlock) is service `mobile-device`,
 * verb `wipe`. Showing and other commands find nothing.
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

/** fastboot's options that take a value (`-s SERIAL`, `--slot a`, `-S 256M`, `-i VENDOR`, …). */
const FASTBOOT_VALUED =
  /^(-[sSicbpn]|--(slot|base|cmdline|kernel-offset|ramdisk-offset|tags-offset|dtb-offset|page-size|header-version|os-version|os-patch-level|dtb|vendor-boot))$/;
/** fastboot's commands (after the options) that erase a device's partitions or force its factory reset. */
const FASTBOOT_WIPES: [RegExp, (rest: string[]) => boolean][] = [
  [/^(erase|delete-logical-partition|wipe-super)$/, () => true],
  [/^format(:.*)?$/, () => true],
  // unlocking or locking the bootloader wipes userdata (the device's own factory reset)
  [/^(flashing|oem)$/, (rest) => /^(unlock|lock|unlock_critical|lock_critical)$/.test(rest[0] ?? '')],
  // a data partition overwritten by an image
  [/^flash(:raw)?$/, (rest) => /^(userdata|data|metadata|super|cache)(_[ab])?$/.test(rest[0] ?? '')],
];

/**
 * Android's `fastboot [opts] COMMAND`: `-w` (userdata and cache erased, with any command or
 * none, `flashall -w`, `update -w ZIP`), `erase|format[:FS] PARTITION`, `wipe-super`,
 * `delete-logical-partition`, `flashing|oem unlock|lock` (the bootloader's change wipes
 * userdata) and `flash userdata|super IMG`. The attached device loses its data: service
 * `mobile-device`, verb `wipe`. `devices`, `getvar`, `reboot`, `boot IMG` and other flashes find nothing.
 */
function fastboot(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args.some((a) => a === '-h' || a === '--help' || a === 'help')) return undefined;
  const words: string[] = [];
  let wipeAll = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-w') wipeAll = true;
    else if (a.startsWith('-')) i += FASTBOOT_VALUED.test(a) ? 1 : 0;
    else words.push(a);
  }
  const [verb = '', ...rest] = words;
  const hit = FASTBOOT_WIPES.find(([re, when]) => re.test(verb) && when(rest));
  if (!wipeAll && !hit) return undefined;
  return {
    tool: cmd.program,
    service: 'mobile-device',
    verb: 'wipe',
    resource: [wipeAll ? '-w' : '', ...words].filter(Boolean).join(' '),
    all: wipeAll,
    force: true,
  };
}

/** A reset or wipe of a network device, or of an Android device through fastboot (see the header); undefined = none. */
export function readDeviceReset(cmd: NormalizedCommand): CloudDraft | undefined {
  if (/^fastboot(\.exe)?$/i.test(cmd.program)) return fastboot(cmd);
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
