/**
 * What a CI job publishes to its build page or artifact store, which everyone who can see the
 * pipeline can read (on a public pipeline, anyone): Buildkite's `buildkite-agent artifact
 * upload PATTERN[;PATTERN…]` (the files), `annotate [BODY]` (the annotation's text, or stdin)
 * and `meta-data set KEY [VALUE]` (the value, or stdin); Semaphore's `artifact push
 * project|workflow|job PATH`. Read as sinks (exfil-sinks.ts) to the CI service's host, so a
 * credential file uploaded (`"$HOME/.ssh/*"`) or the environment annotated (`"$(env)"`) is
 * a secret sent off this machine. Downloads, reads (`meta-data get`) and help find nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionWord } from './help-words.js';

/** One publication: where it goes and what it carries. */
export interface CiPublish {
  /** `buildkite-agent annotate`: the command path. */
  sink: string;
  /** The CI service's host. */
  host: string;
  /** Local files (patterns as written) uploaded. Empty = none. */
  files: string[];
  /** argv indices of texts published. Empty = none. */
  dataArgs: number[];
  /** True when stdin is published. */
  sendsStdin: boolean;
}

/** buildkite-agent's options that take a value. */
const BK_WITH_VALUE =
  /^(--style|--context|--job|--agent-access-token|--endpoint|--redacted-vars|--priority|--scope|--content-type|--upload-concurrency|--log-level|--build|--step|--format)$/;

/** The positional words of argv after `from`, as [index, text]. */
function positionals(argv: string[], from: number, withValue: RegExp): [number, string][] {
  const out: [number, string][] = [];
  for (let i = from; i < argv.length; i++) {
    if (withValue.test(argv[i])) i++;
    else if (!argv[i].startsWith('-')) out.push([i, argv[i]]);
  }
  return out;
}

function buildkite(argv: string[]): CiPublish[] {
  const pos = positionals(argv, 1, BK_WITH_VALUE);
  const path = pos.map(([, w]) => w);
  const one = (sink: string, extra: Partial<CiPublish>): CiPublish[] => [
    {
      sink: `buildkite-agent ${sink}`,
      host: 'buildkite.com',
      files: [],
      dataArgs: [],
      sendsStdin: false,
      ...extra,
    },
  ];
  if (path[0] === 'artifact' && path[1] === 'upload' && path[2])
    return one('artifact upload', { files: path[2].split(';').filter(Boolean) });
  if (path[0] === 'annotate')
    return pos[1] ? one('annotate', { dataArgs: [pos[1][0]] }) : one('annotate', { sendsStdin: true });
  if (path[0] === 'meta-data' && path[1] === 'set')
    return pos[3]
      ? one('meta-data set', { dataArgs: [pos[3][0]] })
      : one('meta-data set', { sendsStdin: true });
  return [];
}

/** Semaphore: `artifact push project|workflow|job PATH [-d DEST]`. */
function semaphore(argv: string[]): CiPublish[] {
  const pos = positionals(argv, 1, /^(-d|--destination|--expire-in|-e)$/).map(([, w]) => w);
  if (pos[0] !== 'push' || !/^(project|workflow|job)$/.test(pos[1] ?? '') || !pos[2]) return [];
  return [
    { sink: 'artifact push', host: 'semaphoreci.com', files: [pos[2]], dataArgs: [], sendsStdin: false },
  ];
}

/** What `cmd` publishes to a CI service; empty = nothing. */
export function ciPublished(cmd: NormalizedCommand): CiPublish[] {
  if (optionWord(cmd.argv, (w) => w === '--help' || w === '-h')) return [];
  if (cmd.program === 'buildkite-agent') return buildkite(cmd.argv);
  if (cmd.program === 'artifact') return semaphore(cmd.argv);
  return [];
}
