/**
 * CI secrets handed to pull requests' builds or shown in logs, and Concourse pipelines exposed
 * (src/extract/exposure-ci.ts).
 * Through the real pipeline with the exposure pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('exposure');
const PUBLIC = 'ask exposure/make-public';

describe('CI secrets exposed (exposure pack)', () => {
  it.each([
    [
      'drone secret add --repository acme/payments --name kubeconfig_prod --data @$HOME/.kube/config --allow-pull-request',
      PUBLIC,
    ],
    [
      'drone secret update --repository acme/api --name deploy_key --data @deploy.pem --allow-pull-request',
      PUBLIC,
    ],
    ['drone orgsecret add acme docker_password fake-value --allow-pull-request', PUBLIC],
    [
      'woodpecker-cli secret add --repository acme/api --name registry_pw --value fake --event pull_request',
      PUBLIC,
    ],
    ['travis env set AWS_SECRET_ACCESS_KEY "$AWS_SECRET_ACCESS_KEY" --public -r acme/payments', PUBLIC],
    ['travis env set DEPLOY_TOKEN fake-value -p', PUBLIC],
    ['gh variable set DEPLOY_TOKEN --body "$DEPLOY_TOKEN"', PUBLIC],
    ['gh variable set CONFIG --body "$(cat .env)"', PUBLIC],
    // every line of a dotenv file made a variable
    ['gh variable set -f .env', PUBLIC],
    ['gh variable set --env-file=prod.env -R acme/app', PUBLIC],
    ['drone secret add --repository acme/payments --name ci_token --data @ci-token.txt', 'allow'],
    ['drone secret ls --repository acme/payments', 'allow'],
    ['woodpecker-cli secret add --repository acme/api --name registry_pw --value fake --event push', 'allow'],
    ['travis env set NODE_ENV production --public -r acme/payments', 'allow'],
    ['travis env set AWS_SECRET_ACCESS_KEY "$AWS_SECRET_ACCESS_KEY" -r acme/payments', 'allow'],
    ['travis env list -r acme/payments', 'allow'],
    ['gh variable set REGION --body eu-west-1', 'allow'],
    ['gh secret set DEPLOY_TOKEN --body "$DEPLOY_TOKEN"', 'allow'],
    // Concourse: a pipeline shown to anyone who reaches the server
    ['fly -t ci expose-pipeline -p payments-prod', PUBLIC],
    ['fly --target prod ep --pipeline deploy', PUBLIC],
    ['fly --target=prod expose-pipeline --pipeline=deploy', PUBLIC],
    ['fly -t ci set-team -n main --no-really-i-dont-want-any-auth', PUBLIC],
    ['fly -t ci set-team -n main --github-org acme', 'allow'],
    ['fly -t ci hide-pipeline -p payments-prod', 'allow'],
    ['fly -t ci pipelines', 'allow'],
    ['fly -t ci set-pipeline -p payments-dev -c pipeline.yml', 'allow'],
    ['fly expose-pipeline --help', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
