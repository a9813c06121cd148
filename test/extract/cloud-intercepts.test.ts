/**
 * A production service's traffic rerouted to this machine (src/extract/cloud-intercepts.ts).
 * Through the real pipeline with the kubernetes pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('kubernetes');
const INTERCEPT = 'ask kubernetes/production-traffic-intercepted';

describe('production traffic intercepted (kubernetes pack)', () => {
  it.each([
    ['telepresence intercept payments-api --namespace production --port 8080:http', INTERCEPT],
    ['telepresence intercept checkout -n prod --port 9000 -- npm start', INTERCEPT],
    ['telepresence intercept api --namespace=prod-eu --port 8080', INTERCEPT],
    ['telepresence intercept api --context live-cluster --port 8080', INTERCEPT],
    ['mirrord exec --steal --target deploy/api -n production -- node server.js', INTERCEPT],
    ['telepresence list', 'allow'],
    ['telepresence intercept payments-api --namespace dev --port 8080:http', 'allow'],
    ['telepresence intercept payments-api --port 8080:http', 'allow'],
    ['telepresence leave payments-api', 'allow'],
    ['mirrord exec --target deploy/api -n production -- node server.js', 'allow'],
    ['telepresence intercept --help', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
