/** Cloud CLIs' raw requests: az rest, oci raw-request, kubectl|oc --raw, nomad operator api, pscale api. */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { HttpFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const http = (line: string) =>
  extractHttp(command(shellParse(line, (k) => `$${k}`).map(String), { span: [0, line.length] }), ctx, [])
    .filter((f) => f.kind === 'http')
    .map((f) => {
      const h = f as Omit<HttpFact, 'command'>;
      return `${h.method} ${h.host}${h.path}`;
    });

describe('generic request commands of cloud CLIs', () => {
  it.each([
    [
      'az rest --method delete --url "https://management.azure.com/subscriptions/$S/resourceGroups/rg"',
      ['DELETE management.azure.com/subscriptions/$S/resourceGroups/rg'],
    ],
    [
      'az rest -m GET -u /subscriptions/s1/resourceGroups',
      ['GET management.azure.com/subscriptions/s1/resourceGroups'],
    ],
    ['az rest --url https://graph.microsoft.com/v1.0/me --body {}', ['POST graph.microsoft.com/v1.0/me']],
    [
      'oci raw-request --http-method DELETE --target-uri https://os.example.net/n/a/b/bk',
      ['DELETE os.example.net/n/a/b/bk'],
    ],
    ['oci raw-request --target-uri https://os.example.net/n/a/b/bk', ['UNKNOWN os.example.net/n/a/b/bk']],
    [
      'kubectl delete --raw /apis/apps/v1/namespaces/prod/statefulsets/pg',
      ['DELETE kubernetes.default.svc/apis/apps/v1/namespaces/prod/statefulsets/pg'],
    ],
    ["kubectl get --raw '/readyz?verbose'", ['GET kubernetes.default.svc/readyz']],
    ['kubectl create --raw /api/v1/namespaces -f ns.json', ['POST kubernetes.default.svc/api/v1/namespaces']],
    ['oc delete --raw /api/v1/namespaces/prod', ['DELETE kubernetes.default.svc/api/v1/namespaces/prod']],
    // nomad operator api: the address from -address, else the cluster (not known here)
    [
      'nomad operator api -X DELETE "/v1/job/payments-api?purge=true"',
      ['DELETE nomad.service.consul/v1/job/payments-api'],
    ],
    [
      'nomad operator api -address=https://nomad.example.net:4646 -X delete /v1/namespace/p',
      ['DELETE nomad.example.net/v1/namespace/p'],
    ],
    ['nomad operator api -address http://127.0.0.1:4646 /v1/jobs', ['GET 127.0.0.1/v1/jobs']],
    ['nomad operator api -filter "Status == x" /v1/allocations', ['GET nomad.service.consul/v1/allocations']],
    ['nomad operator api https://n.example.net:4646/v1/jobs', ['GET n.example.net/v1/jobs']],
    // -dryrun prints the curl line and sends nothing
    ['nomad operator api -dryrun -X DELETE /v1/job/x', []],
    // pscale api: -X / --method, POST with fields
    [
      'pscale api --method DELETE organizations/acme/databases/prod',
      ['DELETE api.planetscale.com/v1/organizations/acme/databases/prod'],
    ],
    ['pscale api organizations/acme/databases', ['GET api.planetscale.com/v1/organizations/acme/databases']],
    [
      'pscale api -F name=x organizations/acme/databases',
      ['POST api.planetscale.com/v1/organizations/acme/databases'],
    ],
    // not raw requests
    ['nomad job status web', []],
    ['pscale database list', []],
    ['kubectl delete pod web-1', []],
    ['az group list', []],
    ['oci os bucket list', []],
  ])('%s', (line, want) => {
    expect(http(line)).toEqual(want);
  });
});
