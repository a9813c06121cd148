/**
 * Package registries taking published versions back, for the CLIs the npm/cargo/gem tables
 * (cloud-tables.ts) do not cover: `dotnet nuget delete` and `nuget delete` (NuGet unlists
 * or deletes the version), `pod trunk delete` (CocoaPods), `vsce unpublish` (VS Code
 * Marketplace), `mix hex.publish --revert`, `rebar3 hex publish --revert`, `gleam hex revert`
 * (Hex), `conan remove … --remote` (a Conan server), `snapcraft|charmcraft close NAME CHANNEL…`
 * (a store channel closed: its releases withdrawn); and the softer `pod trunk deprecate`,
 * `mix|rebar3|gleam hex retire`; and any other CLI whose command is `yank` or `unpublish`
 * (`package_cloud yank REPO PKG`): words that only ever mean taking a published version back
 * from a registry. APT repositories served from this host lose packages the same way (`reprepro
 * remove|removematched|removefilter|removesrc DIST …`, `reprepro clearvanished`, `aptly repo
 * remove|drop`, `aptly publish|snapshot|mirror drop`), and a container registry's garbage
 * collection that deletes untagged manifests (readRegistryGc). Read as CloudFacts of service `package-registry` whose verb
 * is delete, unpublish, revert or close (projects that depend on the version break when they resolve
 * again) or deprecate/retire (every installer is warned). Publishing, packaging, listing
 * and removing from a local cache make no fact here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

interface Removal {
  /** The subcommand's words after the program. */
  path: string[];
  /** The verb of the fact. */
  verb: 'delete' | 'unpublish' | 'revert' | 'deprecate' | 'retire' | 'yank' | 'close';
  /** An option that must be present (`--revert VERSION`: its value is the version). Undefined = none. */
  option?: RegExp;
  /** Options that undo the verb (`--unretire`). Undefined = none. */
  undo?: RegExp;
}

const HEX = (program: string): Removal[] =>
  program === 'mix'
    ? [
        { path: ['hex.publish'], verb: 'revert', option: /^--revert$/ },
        { path: ['hex.retire'], verb: 'retire', undo: /^--unretire$/ },
      ]
    : [
        { path: ['hex', 'publish'], verb: 'revert', option: /^--revert$/ },
        { path: ['hex', 'revert'], verb: 'revert' },
        { path: ['hex', 'retire'], verb: 'retire', undo: /^--unretire$/ },
      ];

const REMOVALS: Record<string, Removal[]> = {
  dotnet: [{ path: ['nuget', 'delete'], verb: 'delete' }],
  nuget: [{ path: ['delete'], verb: 'delete' }],
  pod: [
    { path: ['trunk', 'delete'], verb: 'delete' },
    { path: ['trunk', 'deprecate'], verb: 'deprecate' },
  ],
  vsce: [{ path: ['unpublish'], verb: 'unpublish' }],
  // the Snap Store and Charmhub: a channel closed, so its users no longer get what it held
  snapcraft: [{ path: ['close'], verb: 'close' }],
  charmcraft: [{ path: ['close'], verb: 'close' }],
  mix: HEX('mix'),
  rebar3: HEX('rebar3'),
  gleam: HEX('gleam'),
  // without --remote, `conan remove` only empties the local cache
  conan: [{ path: ['remove'], verb: 'delete', option: /^(-r|--remote)$/ }],
  // APT repositories a server publishes: packages taken out of a distribution, every package
  // a filter or glob matches, or the data of distributions no longer configured
  reprepro: [
    'remove',
    'removesrc',
    'removesrcs',
    'removematched',
    'removefilter',
    'removefiltersrc',
    'clearvanished',
  ].map((w): Removal => ({ path: [w], verb: 'delete' })),
  aptly: [
    ['repo', 'remove'],
    ['repo', 'drop'],
    ['publish', 'drop'],
    ['snapshot', 'drop'],
    ['mirror', 'drop'],
  ].map((path): Removal => ({ path, verb: 'delete' })),
};

/**
 * Options that take the next word as their value, by program (so the value is no command
 * word); a group of short options ending in one of these letters takes it too (`-Vb DIR`).
 * Absent = options never take a separate value.
 */
const VALUED: Record<string, { long: RegExp; short: string }> = {
  reprepro: {
    long: /^--(basedir|confdir|distdir|dbdir|outdir|logdir|listdir|morguedir|overridedir|methoddir|section|priority|component|architecture|packagetype|gnupghome|list-format|list-max|list-skip|export|waitforlock|spacecheck|safetymargin|dbsafetymargin|ignore|gunzip|bunzip2|unlzma|unxz|lunzip)$/,
    short: 'bSPCAT',
  },
};

/** The command words of `args` (option values written apart left out). */
function positionals(program: string, args: string[]): string[] {
  const v = Object.hasOwn(VALUED, program) ? VALUED[program] : undefined;
  const takes = (o: string) =>
    !!v && (v.long.test(o) || (/^-[a-zA-Z]+$/.test(o) && v.short.includes(o[o.length - 1])));
  return args.filter((a, i) => !a.startsWith('-') && !takes(args[i - 1] ?? ''));
}

/** Options that answer the CLI's own prompt. */
const FORCE = /^(--force|-f|--yes|-y|--non-interactive|-NonInteractive|--confirm|-c)$/;

/** A version taken back from a registry; undefined for anything else. */
export function readRegistryRemoval(cmd: NormalizedCommand): CloudDraft | undefined {
  const rows = Object.hasOwn(REMOVALS, cmd.program) ? REMOVALS[cmd.program] : [];
  const args = cmd.argv.slice(1);
  const pos = positionals(cmd.program, args);
  const opts = args.filter((a) => a.startsWith('-')).map((o) => o.split('=')[0]);
  for (const r of rows) {
    if (!r.path.every((w, i) => pos[i] === w)) continue;
    if (r.undo && opts.some((o) => r.undo!.test(o))) return undefined;
    const at = r.option ? args.findIndex((a) => r.option!.test(a.split('=')[0])) : -1;
    if (r.option && at < 0) continue;
    const value =
      at < 0 ? '' : args[at].includes('=') ? args[at].split('=').slice(1).join('=') : args[at + 1];
    const names = pos.slice(r.path.length).filter((w) => w !== value);
    return {
      tool: cmd.program,
      service: 'package-registry',
      verb: r.verb,
      resource: [...names.slice(0, 2), ...(r.verb === 'revert' && value ? [value] : [])].join(' '),
      all: false,
      force: opts.some((o) => FORCE.test(o)),
    };
  }
  return undefined;
}

/**
 * A container registry's garbage collection told to delete untagged manifests too (the
 * distribution registry's `registry garbage-collect --delete-untagged|-m CONFIG`, GitLab's
 * `gitlab-ctl registry-garbage-collect -m`): images pulled by digest only are gone with their
 * layers. A dry run (`--dry-run`, `-d`) or plain collection of unreferenced blobs is not.
 */
export function readRegistryGc(cmd: NormalizedCommand): CloudDraft | undefined {
  // `docker run registry:2 garbage-collect …`: the image's entrypoint is the registry binary
  const inImage =
    cmd.program === 'garbage-collect' &&
    cmd.wrappers.some((w) => /^(docker|podman|nerdctl) run .*\b(registry|distribution)(:\S*)?$/.test(w));
  if (cmd.program === 'garbage-collect' && !inImage) return undefined;
  const args = inImage ? cmd.argv : cmd.argv.slice(1);
  const verb = cmd.program === 'gitlab-ctl' ? 'registry-garbage-collect' : 'garbage-collect';
  if (args.find((a) => !a.startsWith('-')) !== verb) return undefined;
  const on = (long: string, short: string) =>
    args.some(
      (a) =>
        (a === long || a === `${long}=true` || (/^-[a-zA-Z]+$/.test(a) && a.includes(short))) &&
        !/=(false|0)$/.test(a),
    );
  if (!on('--delete-untagged', 'm') || on('--dry-run', 'd')) return undefined;
  return {
    tool: cmd.program,
    service: 'package-registry',
    verb: 'delete',
    resource: 'untagged manifests',
    all: true,
    force: true,
  };
}

/** Programs this module reads, by name. */
export const REGISTRY_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  ...Object.fromEntries(Object.keys(REMOVALS).map((p) => [p, readRegistryRemoval])),
  registry: readRegistryGc,
  'gitlab-ctl': readRegistryGc,
  'garbage-collect': readRegistryGc,
};

/** Words that, as a CLI's command, take a published version back whatever the registry. */
const TAKE_BACK = /^(yank|unpublish)$/;

/**
 * `TOOL [group] yank|unpublish NAME…` of a CLI no table models (`package_cloud yank
 * acme/prod/ubuntu/jammy pkg.deb`); undefined for anything else, or when the verb is undone
 * (`--undo`).
 */
export function readRegistryVerb(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos = args.filter((a) => !a.startsWith('-'));
  const at = pos.slice(0, 2).findIndex((w) => TAKE_BACK.test(w));
  if (at < 0 || args.some((a) => /^(--undo|--help|-h)$/.test(a))) return undefined;
  return {
    tool: cmd.program,
    service: 'package-registry',
    verb: pos[at] as 'yank' | 'unpublish',
    resource: pos.slice(at + 1, at + 3).join(' '),
    all: false,
    force: args.some((a) => FORCE.test(a.split('=')[0])),
  };
}
