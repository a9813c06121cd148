/**
 * Releases shipped to users at once, with no step left to stop them (a plain `npm publish` of
 * one package is not read: projects publish their own package routinely):
 * - an over-the-air update to a production channel: `eas update --branch|--channel
 *   production|prod|main|release` (Expo; the app on users' phones downloads it at its next
 *   start). Another branch (`preview`, `staging`, a PR's) or one not named: not read;
 * - an app submitted to a store's review or released: `fastlane deliver|upload_to_app_store
 *   --submit_for_review|--automatic_release`, `fastlane supply|upload_to_play_store --track
 *   production` (or `--release_status completed` with a production track); a TestFlight or
 *   internal-track upload is not a release;
 * - a package published for good where nothing can be removed: `cabal upload --publish`
 *   (Hackage keeps every published version; without `--publish` it is a candidate), `stack
 *   upload` (publishes unless `--candidate`);
 * - a monorepo release tool publishing every changed package (and tagging them) in one go:
 *   `changeset publish`, `lerna publish`, `nx release publish`, `rush publish --publish`.
 * Dry runs never reach this reader (cloud.ts). Read as CloudFacts of service `user-release`: the
 * resource is the channel, track or package named ('' = the tool's default).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionValue, type CloudDraft } from './cloud-argv.js';

/** A branch or channel name that is the production one. */
const PRODUCTION = /^(production|prod|main|master|release|live|stable)$/i;

const has = (argv: string[], names: RegExp) => argv.some((a) => names.test(a.split('=')[0]));
/** A fastlane boolean option given true (`--x`, `--x true`, `x:true`). */
const on = (argv: string[], name: string) =>
  argv.some((a, i) => {
    const m = new RegExp(`^(?:--)?${name}(?:[:=](.*))?$`).exec(a);
    if (!m) return false;
    const v = m[1] ?? (argv[i + 1]?.startsWith('-') ? 'true' : (argv[i + 1] ?? 'true'));
    return !/^(false|no|0)$/i.test(v);
  });

const release = (cmd: NormalizedCommand, verb: string, resource: string): CloudDraft => ({
  tool: cmd.program,
  service: 'user-release',
  verb,
  resource,
  all: false,
  force: false,
});

/** The first word that is not an option (the subcommand). */
const sub = (argv: string[]) => argv.slice(1).find((a) => !a.startsWith('-')) ?? '';

function eas(cmd: NormalizedCommand): CloudDraft | undefined {
  if (sub(cmd.argv) !== 'update') return undefined;
  const target = optionValue(cmd.argv, /^(--branch|--channel)$/);
  return target && PRODUCTION.test(target) ? release(cmd, 'update', target) : undefined;
}

function fastlane(cmd: NormalizedCommand): CloudDraft | undefined {
  const a = cmd.argv;
  const action = sub(a);
  if (/^(deliver|upload_to_app_store|appstore)$/.test(action)) {
    if (on(a, 'submit_for_review') || on(a, 'automatic_release'))
      return release(cmd, `${action} submit`, 'App Store');
    return undefined;
  }
  if (/^(supply|upload_to_play_store)$/.test(action)) {
    const track = a.find((w, i) => /^(--)?track(:|=|$)/.test(w) && (w.split(/[:=]/)[1] ?? a[i + 1]));
    const name = track ? (track.split(/[:=]/)[1] ?? a[a.indexOf(track) + 1]) : '';
    return PRODUCTION.test(name) ? release(cmd, `${action} ${name}`, 'Google Play') : undefined;
  }
  return undefined;
}

function cabal(cmd: NormalizedCommand): CloudDraft | undefined {
  if (sub(cmd.argv) !== 'upload' || !has(cmd.argv, /^(--publish|-p)$/)) return undefined;
  return release(cmd, 'upload --publish', 'Hackage');
}

function stack(cmd: NormalizedCommand): CloudDraft | undefined {
  if (sub(cmd.argv) !== 'upload' || has(cmd.argv, /^--candidate$/)) return undefined;
  return release(cmd, 'upload', 'Hackage');
}

/** `changeset publish`, `lerna publish`, `nx release publish`, `rush publish --publish`. */
function monorepo(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const publishes =
    cmd.program === 'nx'
      ? pos[0] === 'release' && (pos[1] === 'publish' || pos.length === 1)
      : pos[0] === 'publish' && (cmd.program !== 'rush' || has(cmd.argv, /^(--publish|-p)$/));
  if (!publishes || has(cmd.argv, /^--skip-publish$/)) return undefined;
  return release(cmd, pos[0] === 'release' ? 'release publish' : 'publish', 'every changed package');
}

/** Readers of each tool's release to users, by program. */
export const RELEASE_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  eas,
  fastlane,
  cabal,
  stack,
  changeset: monorepo,
  lerna: monorepo,
  nx: monorepo,
  rush: monorepo,
};
