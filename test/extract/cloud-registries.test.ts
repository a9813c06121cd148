/**
 * Package registries taking published versions back (src/extract/cloud-registries.ts), read
 * into cloud facts: `tool|service|verb|resource`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource].join('|') : '',
  );
};

describe('published versions taken back', () => {
  it.each<[string, string[]]>([
    [
      'dotnet nuget delete Acme.Core 1.4.0 --source https://api.nuget.org/v3/index.json --non-interactive',
      ['dotnet|package-registry|delete|Acme.Core 1.4.0'],
    ],
    ['nuget delete Acme.Core 1.4.0 -Source nuget.org', ['nuget|package-registry|delete|Acme.Core 1.4.0']],
    ['pod trunk delete AcmeKit 1.4.0', ['pod|package-registry|delete|AcmeKit 1.4.0']],
    ['vsce unpublish acme.acme-tools --force', ['vsce|package-registry|unpublish|acme.acme-tools']],
    ['npx @vscode/vsce unpublish acme.acme-tools', ['vsce|package-registry|unpublish|acme.acme-tools']],
    [
      'snapcraft close acme-agent latest/stable',
      ['snapcraft|package-registry|close|acme-agent latest/stable'],
    ],
    ['charmcraft close acme-operator 2/edge', ['charmcraft|package-registry|close|acme-operator 2/edge']],
    ['mix hex.publish --revert 1.2.0', ['mix|package-registry|revert|1.2.0']],
    ['mix hex.publish package --revert=1.2.0', ['mix|package-registry|revert|package 1.2.0']],
    ['rebar3 hex publish --revert 0.3.1', ['rebar3|package-registry|revert|0.3.1']],
    ['gleam hex revert --package acme --version 1.0.0', ['gleam|package-registry|revert|acme 1.0.0']],
    [
      'conan remove acme-core/1.2.0 -r acme-artifactory -c',
      ['conan|package-registry|delete|acme-core/1.2.0'],
    ],
    // the softer forms
    ['pod trunk deprecate AcmeKit', ['pod|package-registry|deprecate|AcmeKit']],
    ['mix hex.retire acme 1.0.0 security', ['mix|package-registry|retire|acme 1.0.0']],
    ['gleam hex retire acme 1.0.0 deprecated', ['gleam|package-registry|retire|acme 1.0.0']],
    // any other CLI whose command is yank or unpublish
    [
      'package_cloud yank acme/prod/ubuntu/jammy acme-agent_2.4.1_amd64.deb',
      ['package_cloud|package-registry|yank|acme/prod/ubuntu/jammy acme-agent_2.4.1_amd64.deb'],
    ],
    ['ovsx unpublish acme.acme-tools', ['ovsx|package-registry|unpublish|acme.acme-tools']],
    [
      'acme-registry packages yank acme-core 1.2.0 --yes',
      ['acme-registry|package-registry|yank|acme-core 1.2.0'],
    ],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('publishing, packaging, local removals', () => {
  it.each<[string, string[]]>([
    ['dotnet nuget push bin/Acme.Core.1.4.0.nupkg --source nuget.org', []],
    ['dotnet nuget list source', []],
    ['dotnet remove package Newtonsoft.Json', []],
    ['dotnet nuget locals all --clear', []],
    ['pod trunk push AcmeKit.podspec', []],
    ['vsce package --no-dependencies', []],
    ['vsce publish minor', []],
    ['snapcraft status acme-agent', []],
    ['snapcraft release acme-agent 42 latest/beta', []],
    ['mix hex.publish', []],
    ['mix hex.retire acme 1.0.0 --unretire', []],
    ['rebar3 hex publish', []],
    ['gleam hex unretire acme 1.0.0', []],
    ['conan list acme-core/* -r acme-artifactory', []],
    ['package_cloud push acme/staging/ubuntu/jammy pkg/acme-agent_2.5.0_amd64.deb', []],
    ['package_cloud promote acme/staging acme-agent_2.5.0_amd64.deb acme/prod', []],
    ['acme-registry yank --undo acme-core 1.2.0', []],
    ['acme-registry unyank acme-core 1.2.0', []],
    ['ovsx publish acme-tools.vsix', []],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('APT repositories losing packages (npm pack, real pipeline)', () => {
  const verdict = packVerdict('npm');
  it.each<[string, string]>([
    ["sudo -u reprepro reprepro -b /srv/apt removematched bookworm '*'", 'ask npm/registry-remove'],
    ["reprepro --basedir /srv/apt removefilter bookworm 'Package (% acme-*)'", 'ask npm/registry-remove'],
    ['reprepro -b /srv/apt -C main remove bookworm nginx openssl', 'ask npm/registry-remove'],
    ['reprepro -Vb /srv/mirror removesrc bookworm linux', 'ask npm/registry-remove'],
    ['reprepro --basedir=/srv/apt --delete clearvanished', 'ask npm/registry-remove'],
    ['aptly repo drop -force acme-main', 'ask npm/registry-remove'],
    ["aptly repo remove acme-main 'Name (% acme-*)'", 'ask npm/registry-remove'],
    ['aptly publish drop bookworm s3:acme-apt:', 'ask npm/registry-remove'],
    ['reprepro -b /srv/apt list bookworm', 'allow'],
    ['reprepro -b /srv/apt includedeb bookworm ./dist/acme-agent_2.5.0_amd64.deb', 'allow'],
    ['reprepro -b /srv/apt export bookworm', 'allow'],
    ['aptly repo show acme-main', 'allow'],
    ['aptly publish update bookworm s3:acme-apt:', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});

describe('container registry garbage collection that deletes untagged manifests (npm pack, real pipeline)', () => {
  const verdict = packVerdict('npm');
  it.each<[string, string]>([
    [
      "ssh ops@registry.prod.example.com 'docker exec registry bin/registry garbage-collect --delete-untagged=true /etc/docker/registry/config.yml'",
      'ask npm/registry-remove',
    ],
    [
      'docker exec registry registry garbage-collect -m /etc/docker/registry/config.yml',
      'ask npm/registry-remove',
    ],
    [
      'kubectl -n infra exec deploy/registry -- registry garbage-collect --delete-untagged /etc/docker/registry/config.yml',
      'ask npm/registry-remove',
    ],
    [
      'docker run --rm -v /srv/reg:/var/lib/registry registry:2 garbage-collect -m /etc/docker/registry/config.yml',
      'ask npm/registry-remove',
    ],
    ['sudo gitlab-ctl registry-garbage-collect -m', 'ask npm/registry-remove'],
    // a dry run, plain collection of unreferenced blobs, the option set off, another image
    [
      'docker exec registry registry garbage-collect --dry-run --delete-untagged /etc/docker/registry/config.yml',
      'allow',
    ],
    ['docker exec registry registry garbage-collect -dm /etc/docker/registry/config.yml', 'allow'],
    ['docker exec registry registry garbage-collect /etc/docker/registry/config.yml', 'allow'],
    ['registry garbage-collect --delete-untagged=false /etc/docker/registry/config.yml', 'allow'],
    ['docker run --rm acme/tools:1 garbage-collect -m x', 'allow'],
    ['sudo gitlab-ctl registry-garbage-collect', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});
