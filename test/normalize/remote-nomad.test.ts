/** Nomad's exec (src/normalize/remote-nomad.ts): the argv runs in an allocation's task, walked as remote. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const remote = (script: string) =>
  normalizeIn(filesContext({}), script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('commands nomad runs in an allocation', () => {
  it.each<[string, string]>([
    [
      `nomad alloc exec -task postgres 8f3c1a2b sh -c 'rm -rf /alloc/data/pgdata'`,
      'nomad alloc exec 8f3c1a2b -task postgres>sh -c|rm -rf /alloc/data/pgdata',
    ],
    [`nomad exec 8f3c1a2b rm -rf /data`, 'nomad alloc exec 8f3c1a2b|rm -rf /data'],
    [`nomad alloc exec -i -t -job api /bin/sh -c 'dropdb prod'`, 'nomad alloc exec api>sh -c|dropdb prod'],
    [
      `nomad alloc exec -i=false -task=web -address=https://n:4646 a1 rm -rf /srv`,
      'nomad alloc exec a1|rm -rf /srv',
    ],
  ])('%s', (script, want) => expect(remote(script)).toContain(want));

  it.each<string>(['nomad alloc status 8f3c1a2b', 'nomad job stop -help', 'nomad alloc exec -task web'])(
    '%s carries nothing',
    (script) => expect(remote(script)).toEqual([]),
  );
});
