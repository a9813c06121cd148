/**
 * Deploy tools removing a deployed environment (src/extract/cloud-environments.ts), read
 * through the cloud extractor and end to end with the teardown pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { CloudFact } from '../../src/engine/types.js';
import { extractCloud } from '../../src/extract/cloud.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext();
const read = (line: string, vars: Record<string, string> = {}) => {
  const c = command(
    shellParse(line).map((t) => (typeof t === 'string' ? t : '')),
    { vars },
  );
  const [f] = extractCloud(c, ctx, [c]) as Omit<CloudFact, 'command'>[];
  return f
    ? [f.tool, f.service, f.verb, f.resource, f.all ? 'all' : '', f.scratch ? 'scratch' : ''].join('|')
    : undefined;
};

describe('an environment torn down, and whether its names say scratch', () => {
  it.each<[string, string | undefined, Record<string, string>?]>([
    [
      'werf dismiss --env production --with-namespace --repo r.example.com/shop',
      'werf|environment|dismiss|production|all|',
    ],
    ['werf dismiss --env=prod', 'werf|environment|dismiss|prod||'],
    ['werf dismiss --with-namespace', 'werf|environment|dismiss|(the default environment)|all|'],
    ['werf dismiss', 'werf|environment|dismiss|review-7||scratch', { WERF_ENV: 'review-7' }],
    ['werf dismiss --env review-123 --with-namespace', 'werf|environment|dismiss|review-123|all|scratch'],
    [
      'werf dismiss --env review-1 --namespace shop-production',
      'werf|environment|dismiss|review-1 shop-production||',
    ],
    ['werf dismiss --env pr-42 --release pr-42-shop', 'werf|environment|dismiss|pr-42 pr-42-shop||scratch'],
    ['garden cleanup namespace --env prod', 'garden|environment|cleanup namespace|prod|all|'],
    ['garden delete env -e pr-42.dev', 'garden|environment|delete env|pr-42.dev|all|scratch'],
    ['garden cleanup deploy api --env staging', 'garden|environment|cleanup deploy|staging||'],
    ['cfy uninstall prod-app', 'cfy|environment|uninstall|prod-app||'],
    ['cfy uninstall review-12 -p force=true', 'cfy|environment|uninstall|review-12||scratch'],
    [
      'cfy executions start uninstall -d prod-app -t default_tenant',
      'cfy|environment|executions start uninstall|prod-app||',
    ],
    ['hal deploy clean', 'hal|environment|deploy clean|(the default environment)||'],
    ['hal deploy clean --deployment prod -q', 'hal|environment|deploy clean|prod||'],
    ['helmwave down', 'helmwave|environment|down|(the default environment)||'],
    ['helmwave down --tags prod', 'helmwave|environment|down|(the default environment)||'],
    ['helmfile -e prod destroy', 'helmfile|environment|destroy|prod||'],
    ['helmfile --environment pr-42 delete', 'helmfile|environment|delete|pr-42||scratch'],
    ['helmfile destroy', 'helmfile|environment|destroy|(the default environment)||', {}],
    ['skaffold delete -n shop', 'skaffold|environment|delete|shop||'],
    ['skaffold delete -n review-12', 'skaffold|environment|delete|review-12||scratch'],
    ['okteto destroy --all', 'okteto|environment|destroy|(the default environment)|all|'],
    ['devspace purge -n prod', 'devspace|environment|purge|prod||'],
    ['tilt down --delete-namespaces', 'tilt|environment|down|(the default environment)|all|'],
    ['tk delete environments/prod', 'tk|environment|delete|environments/prod||'],
    // converging, deploying, help: not a teardown
    // plain `tilt down` removes what `tilt up` made on the developer's cluster
    ['tilt down', undefined],
    ['helmwave up --build', undefined],
    ['helmfile sync', undefined],
    ['skaffold run', undefined],
    ['devspace dev', undefined],
    ['hal deploy diff', undefined],
    ['hal deploy apply', undefined],
    ['werf converge --env production', undefined],
    ['werf dismiss --help', undefined],
    ['garden deploy --env prod', undefined],
    ['cfy executions start install -d prod-app', undefined],
    ['cfy deployments list', undefined],
  ])('%s → %s', (line, want, vars) => {
    const got = read(line, vars);
    if (want === undefined) expect(got?.split('|')[1]).not.toBe('environment');
    else expect(got).toBe(want);
  });
});

const teardown = await packVerdict('teardown');

describe('a deployed environment removed asks unless it is named as a throwaway', () => {
  it.each([
    'werf dismiss --env production --with-namespace --repo registry.acme.io/shop',
    'WERF_ENV=production werf dismiss',
    'werf dismiss --with-namespace',
    'garden cleanup namespace --env prod',
    'werf dismiss --env local-prod',
    'helmwave build --yml --tags prod && helmwave down',
    'helmfile -e production destroy',
    'skaffold delete',
    'okteto destroy --all',
    'devspace purge',
    'tilt down --delete-namespaces',
  ])('%s', (script) => expect(teardown(script)).toBe('ask teardown/environment-teardown'));

  it.each([
    'werf dismiss --env review-123 --with-namespace',
    'werf dismiss --env=pr-42',
    'WERF_ENV=review-9 werf dismiss',
    'garden cleanup namespace --env pr-42.dev',
    // the environment of the cluster on this machine
    'garden cleanup namespace --env local',
    'werf dismiss --env minikube',
    'werf converge --env production',
    'helmwave up',
    'tilt down',
    'helmfile -e pr-42 destroy',
    'helmfile destroy --dry-run',
  ])('%s', (script) => expect(teardown(script)).toBe('allow'));
});
