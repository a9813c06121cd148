/**
 * CDN cache purges by a CLI no table models: `akamai purge invalidate|delete URL…`, `fastly
 * purge --url URL|--key KEY`, `cloudflare cache purge --files URL`, `TOOL cdn purge /path`.
 * Purging named URLs, paths, cache keys or tags drops cached copies that the CDN fetches again
 * from the origin: routine after a deploy, no data is lost. Read as a CloudFact of service
 * `cdn-cache`, verb `purge` (named targets, which no rule asks for) or `purge-all` (a cache
 * group purged with `--all`/`--everything`/a CP code/a wildcard, or with no target at all:
 * every request then hits the origin at once). A purge that names no URL, key or tag and sits
 * under no cache group (`rclone purge remote:dir`, `fastly purge --all`) is not read here:
 * the generic destructive-verb reading keeps it.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** Group words that say the purge is of a cache. */
const CACHE_GROUP = /^(cache|caches|cdn|edge)$/;
/** Akamai's purge actions (`purge invalidate`, `purge delete`): how, not what. */
const ACTION = /^(invalidate|delete)$/;
/** Options whose value names what is purged. */
const TARGET_OPT =
  /^--?(url|urls|file|files|key|keys|surrogate-key|tag|tags|cache-tag|cache-tags|path|paths|prefix)$/;
/** Target options that name a cache's entries only under a cache group (elsewhere a path or prefix may be data). */
const GROUP_ONLY = /^--?(path|paths|prefix)$/;
/** Options that select everything the cache holds (or a whole property's worth). */
const ALL_OPT = /^--?(all|a|everything|purge-everything|purge-all|cpcode|cpcodes)$/;
/** A named URL, without a wildcard. */
const URL = /^https?:\/\/[^*]*$/;
/** A named URL or path, without a wildcard. */
const NAMED = /^(https?:\/\/|\/)[^*]*$/;

export function readCachePurge(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos: string[] = [];
  const opts: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) pos.push(a);
    else if (a.includes('=')) opts.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
    else if (TARGET_OPT.test(a) || ALL_OPT.test(a)) {
      const next = args[i + 1];
      const takes = next !== undefined && !next.startsWith('-') && !/^--?(all|a|everything)$/.test(a);
      opts.push([a, takes ? next : '']);
      if (takes) i++;
    } else opts.push([a, '']);
  }
  const at = pos.slice(0, 3).findIndex((w) => w === 'purge');
  if (at < 0) return undefined;
  const cacheGroup = pos.slice(0, at).some((w) => CACHE_GROUP.test(w));
  const rest = pos.slice(at + 1);
  const action = rest.length && ACTION.test(rest[0]) ? rest.shift() : undefined;
  const scoped = cacheGroup || action !== undefined;
  const optTargets = opts
    .filter(([o, v]) => TARGET_OPT.test(o) && (scoped || !GROUP_ONLY.test(o)) && v && !v.includes('*'))
    .map(([, v]) => v);
  const all =
    opts.some(([o]) => ALL_OPT.test(o)) || rest.some((w) => /^(all|everything)$/.test(w) || w.includes('*'));
  // Paths (`/index.html`) name cache entries only under a cache group or a purge action.
  const named =
    optTargets.length > 0 || (rest.length > 0 && rest.every((w) => (scoped ? NAMED : URL).test(w)));
  // A purge of named URLs or keys is of a cache even with no cache group (`fastly purge --url URL`).
  if (!cacheGroup && !(named && !all)) return undefined;
  const service = 'cdn-cache';
  // Unknown options' values land among the positionals: named options say what is purged.
  const targets = (optTargets.length ? optTargets : rest).join(' ');
  const force = opts.some(([o]) => /^(--yes|-y|--force|-f)$/.test(o));
  // fail closed: a cache purge that names nothing is read as everything
  if (all || !named)
    return { tool: cmd.program, service, verb: 'purge-all', resource: targets, all: true, force };
  return {
    tool: cmd.program,
    service,
    verb: action ? `purge ${action}` : 'purge',
    resource: targets,
    all: false,
    force,
  };
}
