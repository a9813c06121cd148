/**
 * Provisioning tools that reinstall a machine or wipe its disks
 * (src/extract/cloud-provisioning.ts), through the real pipeline with the cluster pack:
 * run by name or through `nix run`; listings, mounts and test builds stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('cluster');
const ASK = 'ask cluster/baremetal-wipe';

describe('machines reinstalled or their disks wiped', () => {
  it.each([
    'cobbler system edit --name=db-prod-03 --netboot-enabled=true --profile=rocky9 && cobbler system reboot --name=db-prod-03',
    'cobbler system edit --name db-prod-03 --netboot-enabled 1',
    'hammer host update --name db-prod-03.example.internal --build true',
    'sudo koan --server=cobbler.example.internal --replace-self --profile=rocky9',
    'sudo disko --mode destroy,format,mount ./hosts/db/disk-config.nix',
    'disko -m disko --flake .#db-prod',
    'disko ./disk-config.nix',
    'sudo nix --experimental-features "nix-command flakes" run github:nix-community/disko -- --mode destroy,format,mount ./d.nix',
    'nix run github:nix-community/disko/latest -- --mode format ./d.nix',
    'sudo disko-install --flake .#db --disk main /dev/nvme0n1',
    'nix run github:nix-community/nixos-anywhere -- --flake .#db-prod root@203.0.113.40',
    'nixos-anywhere --flake .#web -i ~/.ssh/deploy --target-host root@203.0.113.41',
  ])('%s', async (cmd) => expect(await verdict(cmd)).toBe(ASK));

  it.each([
    'cobbler system list',
    'cobbler system report --name=db-prod-03',
    'cobbler system edit --name=db-prod-03 --netboot-enabled=false',
    'hammer host info --name db-prod-03.example.internal',
    'disko --mode mount ./disk-config.nix',
    'nix run github:nix-community/disko -- --mode unmount ./d.nix',
    'nix run github:nix-community/disko -- --help',
    'nix run github:nix-community/nixos-anywhere -- --flake .#db --vm-test',
    'nix run nixpkgs#hello',
    'nix flake show github:nix-community/disko',
  ])('%s stays allowed', async (cmd) => expect(await verdict(cmd)).toBe('allow'));
});
