/**
 * Files that a network fetcher wrote earlier in the same script (`curl -o x.sh URL`,
 * `wget URL`, `wget2 URL`, `curl URL > x.sh`), so that running them later counts as executing
 * downloaded code.
 */
import { posix } from 'node:path';
import type { NormalizedCommand } from '../engine/types.js';
import { lastValue, parseOptions } from './fs-options.js';
import { FETCHERS, fetchedUrl } from './shell-programs.js';

/** Absolute paths written by one fetcher command (empty = writes to stdout only). */
function outputsOf(c: NormalizedCommand): string[] {
  const url = fetchedUrl(c);
  const remoteName = url ? posix.basename(url.replace(/[?#].*$/, '').replace(/\/+$/, '')) : '';
  const out = [...c.writes];
  const at = (...p: string[]) => posix.resolve(c.cwd, ...p);
  if (c.program === 'curl') {
    const o = parseOptions(c.argv, 1, {
      shortWithValue: 'oHdXuAeEKrTwxbcmyYzCFQUDPt',
      longWithValue: ['output', 'header', 'data', 'request', 'user', 'url', 'output-dir', 'config'],
    });
    const file = lastValue(o, 'o', 'output');
    const dir = lastValue(o, 'output-dir') ?? '.';
    if (file !== undefined && file !== '-') out.push(at(dir, file));
    if ((o.flags.has('O') || o.flags.has('remote-name')) && remoteName) out.push(at(dir, remoteName));
  } else if (c.program === 'wget' || c.program === 'wget2') {
    const o = parseOptions(c.argv, 1, {
      shortWithValue: 'OPoaeiUtTwQBlARDIX',
      longWithValue: ['output-document', 'directory-prefix', 'output-file', 'user-agent', 'header'],
    });
    const file = lastValue(o, 'O', 'output-document');
    const dir = lastValue(o, 'P', 'directory-prefix') ?? '.';
    if (file !== undefined) {
      if (file !== '-') out.push(at(file));
    } else if (remoteName) out.push(at(dir, remoteName));
  }
  return out;
}

/**
 * The URL whose download ended up at `absPath` before `cmd` runs ('unknown URL' when the
 * fetch is there but its URL is not literal); undefined when no earlier fetcher wrote it.
 */
export function fetchedBefore(
  all: NormalizedCommand[],
  cmd: NormalizedCommand,
  absPath: string,
): string | undefined {
  const end = all.indexOf(cmd);
  for (let i = (end < 0 ? all.length : end) - 1; i >= 0; i--) {
    const c = all[i];
    if (!FETCHERS.has(c.program)) continue;
    if (outputsOf(c).includes(absPath)) return fetchedUrl(c) || 'unknown URL';
  }
  return undefined;
}
