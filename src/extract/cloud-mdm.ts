/**
 * Managed devices (laptops, phones) wiped, retired or deleted through a device management
 * service's PowerShell module: Intune's (`Invoke-IntuneManagedDeviceWipeDevice`,
 * `Invoke-IntuneManagedDeviceRetire`, `…CleanWindowsDevice`, `Remove-IntuneManagedDevice`) and
 * Microsoft Graph's, v1 and beta (`Clear-MgDeviceManagementManagedDevice` is the wipe,
 * `Invoke-MgRetireDeviceManagementManagedDevice`, `Invoke-MgCleanDeviceManagementManagedDeviceWindowsDevice`,
 * `Remove-MgDeviceManagementManagedDevice`, `Remove-MgDevice`, `Remove-MgDeviceManagementWindowsAutopilotDeviceIdentity`).
 * The device loses its data or its management: read as a CloudFact of service
 * `managed-device`, verb `wipe` (data erased), `retire` (company data and management removed)
 * or `delete` (the record gone). Reading, syncing, rebooting and locating find nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** A cmdlet's noun names a managed (or directory) device: Intune's or Graph's. */
const DEVICE_NOUN = /^(intune|mg(beta)?)\w*(manageddevice|windowsautopilotdeviceidentity)|^mg(beta)?device$/;

/** The action inside the noun (`MgRetire…`, `…WipeDevice`) or the cmdlet's verb, and what it does. */
const ACTIONS: [RegExp, string][] = [
  [/wipe|erase|clean(windows)?device/, 'wipe'],
  [/retire/, 'retire'],
  [/deleteuserfromsharedappledevice/, 'delete'],
];

/** `Verb-Noun ARGS` of the modules above (see the header); undefined = none. */
export function readManagedDevice(cmd: NormalizedCommand): CloudDraft | undefined {
  const m = /^([a-z]+)-([a-z]\w*)$/.exec((cmd.program.split(/[\\/]/).pop() ?? '').toLowerCase());
  if (!m || !DEVICE_NOUN.test(m[2])) return undefined;
  const [verb, noun] = [m[1], m[2]];
  let action = ACTIONS.find(([re]) => re.test(noun))?.[1];
  if (!action && verb === 'clear' && /manageddevice$/.test(noun)) action = 'wipe';
  if (!action && verb === 'remove') action = 'delete';
  if (!action || /^(get|find|test|new|update|set|sync)$/.test(verb)) return undefined;
  // the device named by its parameter (`-ManagedDeviceId X`, `-DeviceId X`), or every one piped in
  const at = cmd.argv.findIndex((a) =>
    /^-(manageddeviceid|deviceid|id|windowsautopilotdeviceidentityid)$/i.test(a),
  );
  const resource = at > 0 ? (cmd.argv[at + 1] ?? '') : '';
  return {
    tool: cmd.program,
    service: 'managed-device',
    verb: action,
    resource: resource || noun,
    all: false,
    force: true,
  };
}
