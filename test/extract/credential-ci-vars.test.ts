/** CI/CD and hosting platforms' variables printed with their values (src/extract/credential-ci-vars.ts). */
import { describe, expect, it } from 'vitest';
import { printedCredential } from '../../src/extract/credential-printers.js';

describe('printedCredential: CI/CD and hosting variables', () => {
  it.each<[string, string]>([
    ['glab variable export -g acme', 'glab variable export'],
    ['glab variable get DEPLOY_TOKEN -R acme/api', 'glab variable get'],
    ['gitlab project-variable list --project-id 7', 'gitlab project-variable list'],
    ['netlify env:list --plain', 'netlify env:list'],
    ['netlify env:get STRIPE_KEY', 'netlify env:get'],
    ['vercel env pull /dev/stdout', 'vercel env pull'],
    ['railway variables --kv', 'railway variables'],
    ['doppler secrets -p api -c prd', 'doppler secrets'],
    ['dokku config:export api', 'dokku config:export'],
    ['dokku config:show api', 'dokku config:show'],
    ['cf env api', 'cf env'],
    ['eb printenv prod-env', 'eb printenv'],
    ['clever env', 'clever env'],
    ['kamal secrets print', 'kamal secrets print'],
    ['az webapp config appsettings list -g rg -n app', 'az webapp config appsettings list'],
    [
      'az functionapp config connection-string list -g rg -n fn',
      'az functionapp config connection-string list',
    ],
    ['az containerapp secret list -n app -g rg --show-values', 'az containerapp secret list'],
    ['aws lambda get-function-configuration --function-name api', 'aws lambda get-function-configuration'],
    ['firebase functions:config:get', 'firebase functions:config:get'],
    // names only, values set or written to a file: no value printed
    ['glab variable list -g acme', ''],
    ['glab variable set TOKEN fake', ''],
    ['gh secret list', ''],
    ['vercel env ls', ''],
    ['vercel env pull .env.local', ''],
    ['railway variables --set K=V', ''],
    ['doppler secrets set K=V', ''],
    ['az containerapp secret list -n app -g rg', ''],
    ['az webapp config appsettings set -g rg -n app --settings A=1', ''],
    ['netlify env:set K V', ''],
    ['fly secrets list', ''],
  ])('%s → %j', (cmd, want) => expect(printedCredential(cmd.split(' '))).toBe(want));
});
