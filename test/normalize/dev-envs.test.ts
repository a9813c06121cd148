/**
 * Development environments entered to run one command (src/normalize/dev-envs.ts): the
 * command is read as itself, on this machine; entering one without a command, or their
 * other subcommands, runs nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `wrappers|argv` (remote ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => `${c.wrappers.join('>')}|${c.remote ? 'remote:' : ''}${c.argv.join(' ')}`);
}

describe('what development environments run', () => {
  it.each<[string, string]>([
    ['distrobox enter dev -- rm -rf /srv', 'distrobox enter|rm -rf /srv'],
    ['distrobox enter --name dev -- rm -rf /srv', 'distrobox enter|rm -rf /srv'],
    ['distrobox enter dev rm -rf /srv', 'distrobox enter|rm -rf /srv'],
    ['distrobox-enter -n dev -e rm -rf /srv', 'distrobox-enter|rm -rf /srv'],
    ['distrobox ephemeral -i fedora -- rm -rf /srv', 'distrobox ephemeral|rm -rf /srv'],
    ['toolbox run rm -rf /srv', 'toolbox run|rm -rf /srv'],
    ['toolbox -y run -c fedora-39 rm -rf /srv', 'toolbox run|rm -rf /srv'],
    ["nix-shell -p coreutils --run 'rm -rf /srv'", 'nix-shell --run|rm -rf /srv'],
    ["nix-shell shell.nix --command 'rm -rf /srv; exit'", 'nix-shell --run|rm -rf /srv'],
    ['nix develop -c rm -rf /srv', 'nix develop|rm -rf /srv'],
    [
      'nix --extra-experimental-features "nix-command flakes" develop .#ci --command rm -rf /srv',
      'nix develop|rm -rf /srv',
    ],
    ['nix shell nixpkgs#coreutils -c rm -rf /srv', 'nix shell|rm -rf /srv'],
    ['devbox run -- rm -rf /srv', 'devbox run|rm -rf /srv'],
    ['conda run -n base rm -rf /srv', 'conda run|rm -rf /srv'],
    ['micromamba run -p ./env rm -rf /srv', 'micromamba run|rm -rf /srv'],
    ['pixi run -e dev rm -rf /srv', 'pixi run|rm -rf /srv'],
    ['pixi exec -s ripgrep rm -rf /srv', 'pixi exec|rm -rf /srv'],
    ['wsl -d Ubuntu -- rm -rf /srv', 'wsl|rm -rf /srv'],
    ['wsl -e rm -rf /srv', 'wsl -e|rm -rf /srv'],
    ["wsl.exe -u root 'rm -rf /srv'", 'wsl|rm -rf /srv'],
    ['toolbox run -c fedora npm test', 'toolbox run|npm test'],
    // nix run: the flake's program, named as nix names it, with the words after `--`
    [
      "sudo nix --experimental-features 'nix-command flakes' run github:nix-community/disko -- --mode destroy,format,mount ./d.nix",
      'sudo>nix run github:nix-community/disko|disko --mode destroy,format,mount ./d.nix',
    ],
    [
      'nix run github:nix-community/nixos-anywhere -- --flake .#db root@203.0.113.40',
      'nix run github:nix-community/nixos-anywhere|nixos-anywhere --flake .#db root@203.0.113.40',
    ],
    ['nix run --refresh nixpkgs#hello', 'nix run nixpkgs#hello|hello'],
    ['nix run github:o/r/v1.2#tools.db-tool -- drop', 'nix run github:o/r/v1.2#tools.db-tool|db-tool drop'],
    [
      'nix run git+https://git.example.com/o/wipe.git?ref=main',
      'nix run git+https://git.example.com/o/wipe.git?ref=main|wipe',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    ['distrobox enter dev'],
    ['distrobox list'],
    ['distrobox enter --dry-run dev -- rm -rf /srv'],
    ['toolbox list'],
    ['nix-shell -p nodejs'],
    ['nix develop'],
    ['nix build .#app'],
    ['nix flake update'],
    ['nix run'],
    ['nix run .'],
    ['nix run --override-input nixpkgs nixpkgs/x .#default'],
    ['pixi run -n rm -rf /srv'],
    ['pixi install'],
    ['conda env list'],
    ['wsl --list --verbose'],
    ['wsl --unregister Ubuntu-22.04'],
    ['wsl -d Ubuntu'],
  ])('%s launches nothing', (script) => expect(commands(script)).toHaveLength(1));

  it('conda run --cwd sets the directory the command runs in', () => {
    const r = normalize(
      parseScript('conda run -n ml --cwd /srv/app rm -rf build', DEFAULT_LIMITS),
      filesContext({}),
    );
    expect(r.commands.map((c) => [c.argv.join(' '), c.cwd])).toContainEqual(['rm -rf build', '/srv/app']);
  });
});
