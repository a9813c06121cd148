/**
 * Names that say what they name is a throwaway of one run: a review app or pull-request
 * preview (`review-123`, `pr-42`), a test or CI run's own project (`scratch-test`, `e2e-tmp`,
 * `ci-7f3a`). Read word by word (split on anything but letters and digits): at least two
 * words, one of them a scratch word, and none that names something kept (`prod…`, `live`,
 * `main`, `staging`, `shared`, infrastructure). A single word (`test`, `ci`, `review`) is not
 * enough: a shared environment is often called just that.
 */

/** Words that mark a throwaway. */
const SCRATCH =
  /^(review|preview|pr|mr|test|tests|testing|e2e|ci|tmp|temp|scratch|throwaway|ephemeral|smoke)$/;
/** Words that mark something kept, whatever else the name says. */
const KEPT =
  /^(prod\w*|live|main|master|primary|stable|release|shared|staging|stage|infra|platform|system|runners?|default|backup\w*|data)$/;

/** True when `name` says it is a throwaway (see the header); '' and a dynamic name are not. */
export function scratchName(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length >= 2 && words.some((w) => SCRATCH.test(w)) && !words.some((w) => KEPT.test(w));
}
