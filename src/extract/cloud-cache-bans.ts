/**
 * HTTP cache bans sent to a cache server's admin interface: Varnish's `varnishadm [-T ADDR]
 * [-S SECRET] 'ban req.url ~ /assets'` (also `ban.url REGEX` of Varnish 3, and commands on
 * stdin). Reads the ban expression: a ban whose every condition matches any object (`req.url
 * ~ .`, `~ ^/`, `~ .*`, `obj.status != 0`) empties the cache, read like a CDN purge-all
 * (CloudFact service `cdn-cache`, verb `purge-all`); a ban of named paths, hosts or tags is a
 * `purge` that the cache refills, which no rule asks for.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** varnishadm options that take a value. */
const WITH_ARG = new Set(['-n', '-t', '-S', '-T']);
/** Regular expressions every URL, host or header value matches. */
const ANY = /^(['"]?)(\.|\.\*|\^|\^\/|\/|\^\.\*|\.\+|\^\.|)\1$/;

/** True when one ban condition (`req.url ~ .`) selects every cached object. */
function matchesAll(cond: string): boolean {
  const m = /^\s*(?:req|obj)\.[\w.-]+\s*(~|!~|==|!=|>|<|>=|<=)\s*(.*?)\s*$/.exec(cond);
  if (!m) return false;
  const [, op, arg] = m;
  if (op === '~') return ANY.test(arg);
  // `obj.status != 0`, `obj.ttl >= 0s`: every object has these
  return (op === '!=' || op === '>=') && /^0s?$/.test(arg);
}

/** The bans `cmd` sends; undefined = not a ban. */
export function readCacheBan(cmd: NormalizedCommand): CloudDraft | undefined {
  if (cmd.program !== 'varnishadm') return undefined;
  const args = cmd.argv.slice(1);
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (WITH_ARG.has(args[i])) i++;
    else if (!args[i].startsWith('-') || words.length) words.push(args[i]);
  }
  const text = words.length ? words.join(' ') : (cmd.stdin?.text ?? '');
  const bans = text
    .split(/\r?\n/)
    .map((l) => /^\s*ban(\.url)?\s+(.*)$/.exec(l))
    .filter((m) => m !== null);
  if (!bans.length) return undefined;
  const all = bans.some(([, url, expr]) =>
    url ? ANY.test(expr.trim()) : expr.split('&&').every((c) => matchesAll(c)),
  );
  return {
    tool: 'varnishadm',
    service: 'cdn-cache',
    verb: all ? 'purge-all' : 'purge',
    resource: bans.map((m) => m[2]).join('; '),
    all,
    force: false,
  };
}
