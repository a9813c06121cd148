/**
 * `machinectl shell [USER@]NAME CMD…` (src/normalize/machinectl.ts): CMD runs on this host
 * for `.host`, in a container (remote) for another name, on another machine with -H.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `wrappers|argv|remote`. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}|${c.remote ? 'remote' : 'here'}`);
}

describe('what machinectl shell runs', () => {
  it.each<[string, string[]]>([
    [
      "machinectl shell root@.host /bin/bash -c 'rm -rf /etc'",
      ['machinectl shell root@.host>bash -c|rm -rf /etc|here'],
    ],
    [
      'machinectl shell .host /usr/bin/rm -rf /srv',
      ['machinectl shell root@.host|/usr/bin/rm -rf /srv|here'],
    ],
    ['machinectl --uid=dev shell .host /bin/ls', ['machinectl shell dev@.host|/bin/ls|here']],
    ['machinectl shell root@web /bin/rm -rf /srv', ['machinectl shell root@web|/bin/rm -rf /srv|remote']],
    [
      'machinectl -H ops@db shell .host /bin/rm -rf /srv',
      ['machinectl shell root@.host -H ops@db|/bin/rm -rf /srv|remote'],
    ],
    // no command: the login shell opens, nothing is carried
    ['machinectl shell root@.host', ['|machinectl shell root@.host|here']],
    ['machinectl list', ['|machinectl list|here']],
  ])('%s', (script, want) => {
    expect(commands(script)).toEqual(want);
  });
});
