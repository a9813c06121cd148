/**
 * Provisioning tools that reinstall a machine or wipe its disks:
 * - Cobbler `cobbler system edit --name=S --netboot-enabled=true|1|yes`: the system boots
 *   its installer from the network at its next boot, and the kickstart repartitions its disks
 *   (verb `rebuild`); Foreman's `hammer host update --name S --build true` the same; koan's
 *   `koan --replace-self` reinstalls the machine it runs on at its next boot.
 * - disko (NixOS) `disko --mode M CONFIG` with a mode that partitions or formats (`destroy`,
 *   `format`, `disko`, `destroy,format,mount`, the older `zap_create_mount`, `create`, `zap`):
 *   the disks the config names are wiped (verb `erase`); `mount` and `unmount` change no data.
 *   Without `--mode` the tool's mode is not known here (fail closed: erase). `disko-install`
 *   always formats the disk it is given.
 * - nixos-anywhere `[--flake F] [opts] USER@HOST`: the host boots an installer over SSH, its
 *   disks are partitioned and formatted, and NixOS is installed (verb `rebuild`); `--vm-test`
 *   only builds a test virtual machine.
 * Run by name or through `nix run github:nix-community/disko -- …` (src/normalize/dev-envs.ts
 * peels it). Read as CloudFacts of service `baremetal node` (rulesets/cluster.yaml asks);
 * listing, reporting and the tools' other commands make none here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

function draft(cmd: NormalizedCommand, verb: string, resource: string): CloudDraft {
  return { tool: cmd.program, service: 'baremetal node', verb, resource, all: false, force: true };
}

/** The value of `--name V` or `--name=V` (the last one given); undefined = absent. */
function value(args: string[], ...names: string[]): string | undefined {
  let out: string | undefined;
  args.forEach((a, i) => {
    for (const n of names) {
      if (a === n) out = args[i + 1] ?? '';
      else if (a.startsWith(`${n}=`)) out = a.slice(n.length + 1);
    }
  });
  return out;
}

/** A value that switches a setting on (`true`, `1`, `yes`, `Y`, `on`). */
const ON = /^(true|1|y|yes|on)$/i;

/** `cobbler system edit --name=S --netboot-enabled=true`. */
function cobbler(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos = args.filter((a) => !a.startsWith('-'));
  if (pos[0] !== 'system' || pos[1] !== 'edit') return undefined;
  if (!ON.test(value(args, '--netboot-enabled', '--netboot') ?? '')) return undefined;
  return draft(cmd, 'rebuild', value(args, '--name') ?? '');
}

/** `hammer host update --name S --build true` (also `--id N`). */
function hammer(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const sub = args.filter((a) => !a.startsWith('-')).slice(0, 2);
  if (sub[0] !== 'host' || sub[1] !== 'update' || !ON.test(value(args, '--build') ?? '')) return undefined;
  return draft(cmd, 'rebuild', value(args, '--name', '--id') ?? '');
}

/** `koan --replace-self [--server S] [--profile P]`. */
function koan(cmd: NormalizedCommand): CloudDraft | undefined {
  return cmd.argv.includes('--replace-self') ? draft(cmd, 'rebuild', 'this machine') : undefined;
}

/** disko modes that leave the disks' data alone. */
const DISKO_KEEPS = /^(mount|unmount)$/;
/** disko options that take a value (`--arg NAME EXPR` and `--argstr` take two). */
const DISKO_VALUED = /^(-m|--mode|-f|--flake|--root-mountpoint|--option)$/;

/** `disko --mode destroy,format,mount CONFIG`, `disko -m disko --flake F`. */
function disko(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const mode = value(args, '--mode', '-m');
  if (mode !== undefined && mode.split(',').every((m) => DISKO_KEEPS.test(m))) return undefined;
  const config: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^--(arg|argstr)$/.test(args[i])) i += 2;
    else if (DISKO_VALUED.test(args[i])) i++;
    else if (!args[i].startsWith('-')) config.push(args[i]);
  }
  const what = value(args, '--flake', '-f') ?? config.join(' ');
  return draft(cmd, 'erase', `${what} (mode ${mode ?? 'not given'})`.trim());
}

/** `disko-install --flake F --disk NAME DEVICE`: the device is formatted and NixOS installed on it. */
function diskoInstall(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const at = args.indexOf('--disk');
  return draft(cmd, 'erase', at >= 0 ? (args[at + 2] ?? args[at + 1] ?? '') : (value(args, '--flake') ?? ''));
}

/** nixos-anywhere options that take one value (`--disk-encryption-keys`, `--store-paths`, `--option` take two). */
const NA_VALUED =
  /^(-f|--flake|-i|-p|--ssh-port|--ssh-option|--kexec|--phases|--extra-files|--build-on|--build-on-remote|--target-host|-s|--post-kexec-ssh-port|--ssh-store-setting|--copy-host-keys-to|--generate-hardware-config|--chown)$/;

/** `nixos-anywhere --flake .#host root@203.0.113.7`. */
function nixosAnywhere(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args.includes('--vm-test')) return undefined;
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^(--disk-encryption-keys|--store-paths|--option)$/.test(args[i])) i += 2;
    else if (NA_VALUED.test(args[i])) i++;
    else if (!args[i].startsWith('-')) pos.push(args[i]);
  }
  return draft(cmd, 'rebuild', value(args, '--target-host') ?? pos[pos.length - 1] ?? '');
}

/** Readers of each provisioning tool's reinstall or disk wipe, by program. */
export const PROVISION_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  cobbler,
  hammer,
  koan,
  disko,
  'disko-install': diskoInstall,
  'nixos-anywhere': nixosAnywhere,
};
