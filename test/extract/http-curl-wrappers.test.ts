import { describe, expect, it } from 'vitest';
import { parseCurlWrapper } from '../../src/extract/http-curl-wrappers.js';
import { analyzeContext, command, packVerdict, WS } from '../helpers/command.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const read = (argv: string[]) =>
  parseCurlWrapper(command(argv), ctx).map((r) => [r.tool, r.method || 'GET', r.urls]);

describe('vendor CLIs that wrap curl, read as the request they carry', () => {
  it.each<[string[], unknown[]]>([
    [
      ['jf', 'rt', 'curl', '-XDELETE', '/api/repositories/libs'],
      [['jf rt', 'DELETE', ['https://jfrog-rt.configured.invalid/api/repositories/libs']]],
    ],
    [
      ['jfrog', 'xr', 'curl', '--server-id', 'prod', '--request=DELETE', 'api/v2/policies/p'],
      [['jfrog xr', 'DELETE', ['https://jfrog-xr.configured.invalid/api/v2/policies/p']]],
    ],
    [
      [
        'oauth2l',
        'curl',
        '--type',
        'oauth',
        '--credentials',
        'sa.json',
        '--url',
        'https://x.googleapis.com/v1/a',
        '--',
        '-X',
        'DELETE',
      ],
      [['oauth2l', 'DELETE', ['https://x.googleapis.com/v1/a']]],
    ],
    [
      ['cf', 'curl', '-X', 'DELETE', '/v3/apps/1'],
      [['cf', 'DELETE', ['https://api.cf-target.invalid/v3/apps/1']]],
    ],
    [
      ['awscurl', '--service', 'es', '-X', 'DELETE', 'https://search.example.com/idx'],
      [['awscurl', 'DELETE', ['https://search.example.com/idx']]],
    ],
    [
      ['jf', 'rt', 'curl', '/api/system/ping'],
      [['jf rt', 'GET', ['https://jfrog-rt.configured.invalid/api/system/ping']]],
    ],
    // not a curl wrapper
    [['jf', 'rt', 'upload', 'a.jar', 'libs/'], []],
    [['cf', 'apps'], []],
  ])('%j', (argv, want) => {
    expect(read(argv)).toEqual(want);
  });
});

describe('curl wrappers through the pipeline', () => {
  const verdict = packVerdict('http');
  it.each<[string, string]>([
    ['jf rt curl -XDELETE /api/repositories/libs-release-local', 'ask http/delete-remote'],
    [
      'oauth2l curl --type oauth --credentials ~/.config/gcloud/prod-sa.json --scope cloud-platform --url https://sqladmin.googleapis.com/v1/projects/p/instances/db -- -X DELETE',
      'ask http/delete-remote',
    ],
    ['cf curl -X DELETE /v3/apps/6f2c1d0e', 'ask http/delete-remote'],
    ['jf rt curl -XGET /api/repositories', 'allow'],
    ['cf curl /v3/apps', 'allow'],
    ['awscurl --service es https://search.example.com/_cat/indices', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});
