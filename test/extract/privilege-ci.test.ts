/** Deploy keys that may push and CI credentials shared with every pipeline (src/extract/privilege-ci.ts). */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const privilege = await packVerdict('privilege');
const MINT = 'ask privilege/mint-credential';
const SHARED = 'ask privilege/ci-access-shared';

describe('forge keys and CI credentials handed out', () => {
  it.each([
    ['gh repo deploy-key add /tmp/ci_push.pub --repo acme/payments --allow-write --title temp-ci', MINT],
    ['gh repo deploy-key add ci.pub -w -R acme/payments', MINT],
    ['glab deploy-key add ci.pub --title ci --can-push -R acme/payments', MINT],
    ['gh -R o/r repo deploy-key add key.pub --allow-write', MINT],
    ['gh --repo acme/app repo deploy-key add key.pub -w', MINT],
    ['gh repo deploy-key add key.pub -wt ci', MINT],
    ['glab deploy-key add key.pub -c', MINT],
    ['glab -R acme/app deploy-key add key.pub --can-push --title ci', MINT],
    ['glab ssh-key add ~/.ssh/id.pub --usage-type auth_and_signing', MINT],
    ['gh ssh-key add ~/.ssh/agent.pub --title agent', MINT],
    ['gh ssh-key add ~/.ssh/agent.pub --type authentication', MINT],
    [
      'gh api -X POST repos/acme/payments/keys -f title=ci -f key="$(cat /tmp/ci.pub)" -F read_only=false',
      MINT,
    ],
    ['gh api -X POST repos/acme/payments/keys -f title=ci -f key=@ci.pub', MINT],
    ['glab api -X POST projects/42/deploy_keys -f title=ci -f key=@ci.pub -F can_push=true', MINT],
    [
      'az devops service-endpoint update --id 2f4c9d1e-0000-4aaa-8bbb-000000000042 --enable-for-all true --org https://dev.azure.com/acme --project Payments',
      SHARED,
    ],
    ['az devops service-endpoint update --id 2f4c9d1e-0000-4aaa-8bbb-000000000042 --enable-for-all', SHARED],
    ['az devops service-endpoint update --enable-for-all=yes --id 2f4c9d1e', SHARED],
    // fail closed: a value known only at run time
    ['az devops service-endpoint update --id 1 --enable-for-all $X', SHARED],
    ['az devops service-endpoint update --id 1 --enable-for-all=$X', SHARED],
    ['az pipelines variable-group update --group-id 7 --authorize "$AUTH"', SHARED],
    ['az pipelines variable-group create --name prod-secrets --variables a=b --authorize true', SHARED],
    ['az pipelines variable-group update --group-id 7 --authorize', SHARED],
    [
      'gh api -X PUT repos/acme/payments/actions/permissions/workflow -f default_workflow_permissions=write -F can_approve_pull_request_reviews=true',
      SHARED,
    ],
    [
      'gh api --method PUT orgs/acme/actions/permissions/workflow -F can_approve_pull_request_reviews=true',
      SHARED,
    ],
    [
      `curl -X PUT -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/repos/acme/payments/actions/permissions/workflow -d '{"default_workflow_permissions":"write"}'`,
      SHARED,
    ],
    [
      'gh api -X PUT repos/acme/payments/actions/permissions/fork-pr-workflows-private-repos -F run_workflows_from_fork_pull_requests=true -F send_secrets_and_variables=true',
      SHARED,
    ],
    ['glab api -X PATCH projects/42/job_token_scope -F enabled=false', SHARED],
    // read-only keys, listings, signing keys and settings turned down stay allowed
    ['gh repo deploy-key add ci_read.pub --repo acme/payments --title read-only-ci', 'allow'],
    ['gh repo deploy-key list --repo acme/payments', 'allow'],
    ['gh repo deploy-key delete 1234 --repo acme/payments', 'allow'],
    ['glab deploy-key add ci.pub --title ci -R acme/payments', 'allow'],
    ['gh ssh-key add ~/.ssh/sign.pub --type signing', 'allow'],
    ['glab ssh-key add ~/.ssh/id.pub --usage-type signing', 'allow'],
    ['gh -R o/r repo deploy-key add key.pub --title ci', 'allow'],
    ['gh -R o/r repo deploy-key list', 'allow'],
    ['gh repo deploy-key add key.pub --allow-write=false', 'allow'],
    // `-tw`: the title is `w` (the rest of the group), no write access asked for
    ['gh repo deploy-key add key.pub -tw', 'allow'],
    ['glab deploy-key add key.pub -t ci', 'allow'],
    ['az devops service-endpoint update --id 1 --enable-for-all=false', 'allow'],
    ['az devops service-endpoint update --id 1 --enable-for-all False', 'allow'],
    ['az pipelines variable-group create --name x --variables a=b --authorize=false', 'allow'],
    ['gh ssh-key list', 'allow'],
    ['gh api -X POST repos/acme/payments/keys -f title=ci -f key=@ci.pub -F read_only=true', 'allow'],
    ['gh api repos/acme/payments/keys', 'allow'],
    [
      'az devops service-endpoint update --id 2f4c9d1e-0000-4aaa-8bbb-000000000042 --enable-for-all false',
      'allow',
    ],
    ['az devops service-endpoint list --project Payments', 'allow'],
    ['az pipelines variable-group create --name dev-vars --variables a=b --authorize false', 'allow'],
    ['az pipelines variable-group list --project Payments', 'allow'],
    ['gh api repos/acme/payments/actions/permissions/workflow', 'allow'],
    [
      'gh api -X PUT repos/acme/payments/actions/permissions/workflow -f default_workflow_permissions=read -F can_approve_pull_request_reviews=false',
      'allow',
    ],
    ['az devops service-endpoint update --id 2f4c9d1e --enable-for-all true --help', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(privilege(script)).toBe(expected);
  });
});
