/**
 * Releases shipped to users at once (src/extract/cloud-releases.ts), read through the cloud
 * extractor and end to end with the npm pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { CloudFact } from '../../src/engine/types.js';
import { extractCloud } from '../../src/extract/cloud.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext();
const read = (line: string) => {
  const c = command(shellParse(line).map((t) => (typeof t === 'string' ? t : '')));
  const [f] = extractCloud(c, ctx, [c]) as Omit<CloudFact, 'command'>[];
  return f ? [f.tool, f.service, f.verb, f.resource].join('|') : undefined;
};

describe('a release shipped to users', () => {
  it.each<[string, string | undefined]>([
    ["eas update --branch production --message 'hotfix'", 'eas|user-release|update|production'],
    ['eas update --channel=prod --auto', 'eas|user-release|update|prod'],
    [
      'fastlane deliver --submit_for_review --automatic_release --force',
      'fastlane|user-release|deliver submit|App Store',
    ],
    [
      'fastlane upload_to_app_store submit_for_review:true',
      'fastlane|user-release|upload_to_app_store submit|App Store',
    ],
    [
      'fastlane supply --track production --aab app.aab',
      'fastlane|user-release|supply production|Google Play',
    ],
    ['cabal upload --publish dist/acme-1.4.0.tar.gz', 'cabal|user-release|upload --publish|Hackage'],
    ['stack upload .', 'stack|user-release|upload|Hackage'],
    ['changeset publish', 'changeset|user-release|publish|every changed package'],
    ['lerna publish from-package --yes', 'lerna|user-release|publish|every changed package'],
    ['nx release publish', 'nx|user-release|release publish|every changed package'],
    ['rush publish --publish --include-all', 'rush|user-release|publish|every changed package'],
    // previews, candidates, test tracks, other branches: not a release to users
    ["eas update --branch preview --message 'try'", undefined],
    ['eas update', undefined],
    ['fastlane deliver --skip_binary_upload', undefined],
    ['fastlane deliver --submit_for_review false', undefined],
    ['fastlane supply --track internal', undefined],
    ['fastlane pilot upload', undefined],
    ['cabal upload dist/acme-1.4.0.tar.gz', undefined],
    ['stack upload --candidate .', undefined],
    ['changeset version', undefined],
    ['rush publish --include-all', undefined],
    ['nx release version', undefined],
  ])('%s → %s', (line, want) => {
    const got = read(line);
    if (want === undefined) expect(got?.split('|')[1]).not.toBe('user-release');
    else expect(got).toBe(want);
  });
});

const npm = await packVerdict('npm');

describe('a release to users asks; dry runs and a single package publish stay allowed', () => {
  it.each([
    'npx changeset publish',
    "eas update --branch production --message 'hotfix' --non-interactive",
    'cabal upload --publish dist-newstyle/sdist/acme-core-1.4.0.tar.gz',
  ])('%s', (script) => expect(npm(script)).toBe('ask npm/public-release'));
  it.each(['npx lerna publish --dry-run', 'npm publish --access public', 'eas update --branch pr-42'])(
    '%s',
    (script) => expect(npm(script)).toBe('allow'),
  );
});
