/**
 * Readings by words (exposure.ts, privilege.ts, protection.ts): each finds, for any program,
 * what its words say it does, as [kind, the words]. One CloudFact per command comes of it:
 * the first finding, where a finding seen beats a document that could not be read
 * (`unread-policy`) or a value known only at run time (`dynamic`). A dry run or a request for help finds nothing.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { DRY_RUN } from './cloud-argv.js';
import type { DraftFact, Extractor } from './extractor.js';
import { optionWord } from './help-words.js';

/**
 * Kinds of finding that say what is not known rather than what is done; any other finding
 * beats them: `unread-policy` (a document that could not be read), `dynamic` (a value known
 * only at run time).
 */
const UNSURE = new Set(['unread-policy', 'dynamic']);

/** What a reading found: [kind, the words that say so]. */
export type Finding = [string, string];

/** An extractor of one fact from a reading: `make` builds it from the finding kept. */
export function wordExtractor(
  read: (cmd: NormalizedCommand, ctx: AnalyzeContext, all: NormalizedCommand[]) => Finding[],
  make: (cmd: NormalizedCommand, kind: string, said: string) => DraftFact,
): Extractor {
  const extractor: Extractor = (cmd, ctx, all) => {
    if (optionWord(cmd.argv, (a) => DRY_RUN.test(a) || a === '--help')) return [];
    const found = read(cmd, ctx, all);
    const first = found.find(([k]) => !UNSURE.has(k)) ?? found[0];
    return first ? [make(cmd, first[0], first[1])] : [];
  };
  // named for its reading (`words:exposures`), so profiles and bench/extractors.mjs tell them apart
  return Object.defineProperty(extractor, 'name', { value: `words:${read.name}` });
}

/** A CloudFact of `cmd` read by its words; `resource` '' = not said. */
export function wordFact(
  cmd: NormalizedCommand,
  service: string,
  verb: string,
  said: string,
  resource = '',
): DraftFact {
  return {
    kind: 'cloud',
    tool: cmd.program,
    service,
    verb,
    resource,
    all: false,
    force: false,
    evidence: `${cmd.program}: ${said}`,
  };
}
