/**
 * A forge's protection weakened through its API (src/extract/forge-protection.ts): GraphQL
 * mutations and REST bodies that switch requirements off, allow force-pushes, drop approvals
 * to none, stop enforcing a ruleset or remove the rule; adding or tightening makes no fact.
 */
import { describe, expect, it } from 'vitest';
import type { CloudFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { extractCarriedGraphql } from '../../src/extract/graphql-carried.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const weakened = (argv: string[]) =>
  [...extractHttp(command(argv), ctx, []), ...extractCarriedGraphql(command(argv), ctx, [])]
    .filter((f) => f.kind === 'cloud' && (f as CloudFact).service === 'branch-protection')
    .map((f) => (f as CloudFact).verb);
const gql = (doc: string) => ['gh', 'api', 'graphql', '-f', `query=${doc}`];

describe('forge protection weakened → a branch-protection weaken fact', () => {
  it.each<[string, string[], string[]]>([
    [
      'requirements off',
      gql(
        'mutation { updateBranchProtectionRule(input: {branchProtectionRuleId: "BPR_x", requiresStatusChecks: false, isAdminEnforced: false}) { clientMutationId } }',
      ),
      ['weaken'],
    ],
    [
      'force-pushes allowed',
      gql(
        'mutation { updateBranchProtectionRule(input: {branchProtectionRuleId: "BPR_x", allowsForcePushes: true}) { clientMutationId } }',
      ),
      ['weaken'],
    ],
    [
      'approvals to none',
      gql(
        'mutation { updateBranchProtectionRule(input: {branchProtectionRuleId: "BPR_x", requiredApprovingReviewCount: 0}) { clientMutationId } }',
      ),
      ['weaken'],
    ],
    [
      'rule deleted',
      gql(
        'mutation { deleteBranchProtectionRule(input: {branchProtectionRuleId: "BPR_x"}) { clientMutationId } }',
      ),
      ['weaken'],
    ],
    [
      'ruleset disabled',
      gql(
        'mutation { updateRepositoryRuleset(input: {repositoryRulesetId: "RRS_x", enforcement: DISABLED}) { ruleset { id } } }',
      ),
      ['weaken'],
    ],
    [
      'ruleset evaluate only',
      gql(
        'mutation { updateRepositoryRuleset(input: {repositoryRulesetId: "RRS_x", enforcement: EVALUATE}) { ruleset { id } } }',
      ),
      ['weaken'],
    ],
    [
      'bypass actor added',
      gql(
        'mutation { updateRepositoryRuleset(input: {repositoryRulesetId: "RRS_x", bypassActors: [{actorId: "U_1", bypassMode: ALWAYS}]}) { ruleset { id } } }',
      ),
      ['weaken'],
    ],
    [
      '2FA requirement dropped',
      gql(
        'mutation { updateEnterpriseTwoFactorAuthenticationRequiredSetting(input: {enterpriseId: "E_x", settingValue: NO_POLICY}) { clientMutationId } }',
      ),
      ['weaken'],
    ],
    [
      'REST ruleset disabled',
      ['gh', 'api', '-X', 'PUT', 'repos/acme/api/rulesets/42', '-f', 'enforcement=disabled'],
      ['weaken'],
    ],
    // fail closed: a body not known, or not decodable, on a protection endpoint; a `$variable`
    [
      'REST body from a file not known',
      ['gh', 'api', '-X', 'PUT', 'repos/acme/api/rulesets/42', '--input', 'r.json'],
      ['weaken'],
    ],
    [
      'REST body with a stray %',
      [
        'curl',
        '-X',
        'PUT',
        'https://api.github.com/repos/o/r/rulesets/1',
        '-d',
        'enforcement=active&note=100%',
      ],
      ['weaken'],
    ],
    [
      'GraphQL field given as a variable',
      [
        ...gql(
          'mutation($f:Boolean!){updateBranchProtectionRule(input:{branchProtectionRuleId:"B",allowsForcePushes:$f}){clientMutationId}}',
        ),
        '-F',
        'f=true',
      ],
      ['weaken'],
    ],
    [
      'GraphQL input given as a variable',
      [
        ...gql(
          'mutation($i:UpdateBranchProtectionRuleInput!){updateBranchProtectionRule(input:$i){clientMutationId}}',
        ),
      ],
      ['weaken'],
    ],
    [
      'REST reviews removed',
      [
        'curl',
        '-X',
        'PUT',
        'https://api.github.com/repos/acme/api/branches/main/protection',
        '-d',
        '{"required_status_checks":null,"enforce_admins":false,"required_pull_request_reviews":null,"restrictions":null}',
      ],
      ['weaken'],
    ],
    [
      'GitLab force-push allowed',
      ['glab', 'api', '-X', 'PATCH', 'projects/42/protected_branches/main', '-f', 'allow_force_push=true'],
      ['weaken'],
    ],
    // adding, tightening, reading: none
    [
      'rule created',
      gql(
        'mutation { createBranchProtectionRule(input: {repositoryId: "R_x", pattern: "main", requiresApprovingReviews: false}) { clientMutationId } }',
      ),
      [],
    ],
    [
      'requirements on',
      gql(
        'mutation { updateBranchProtectionRule(input: {branchProtectionRuleId: "BPR_x", requiresApprovingReviews: true, requiredApprovingReviewCount: 2}) { clientMutationId } }',
      ),
      [],
    ],
    [
      'ruleset active',
      gql(
        'mutation { updateRepositoryRuleset(input: {repositoryRulesetId: "RRS_x", enforcement: ACTIVE}) { ruleset { id } } }',
      ),
      [],
    ],
    [
      'query',
      gql(
        '{ repository(owner: "a", name: "b") { branchProtectionRules(first: 5) { nodes { requiresApprovingReviews } } } }',
      ),
      [],
    ],
    [
      'other mutation off',
      gql(
        'mutation { updateRepository(input: {repositoryId: "R_x", hasWikiEnabled: false}) { clientMutationId } }',
      ),
      [],
    ],
    [
      'REST setup with checks off',
      [
        'curl',
        '-X',
        'PUT',
        'https://api.github.com/repos/acme/api/branches/main/protection',
        '-d',
        '{"required_status_checks":null,"enforce_admins":true,"required_pull_request_reviews":{"required_approving_review_count":1},"restrictions":null}',
      ],
      [],
    ],
    [
      'REST ruleset active',
      ['gh', 'api', '-X', 'PUT', 'repos/acme/api/rulesets/42', '-f', 'enforcement=active'],
      [],
    ],
    ['REST read', ['gh', 'api', 'repos/acme/api/branches/main/protection'], []],
    [
      'REST form body decoded',
      [
        'curl',
        '-X',
        'PUT',
        'https://api.github.com/repos/o/r/rulesets/1',
        '-d',
        'enforcement=active&note=100%25',
      ],
      [],
    ],
    [
      'GraphQL id given as a variable, requirement on',
      gql(
        'mutation($id:ID!){updateBranchProtectionRule(input:{branchProtectionRuleId:$id,requiresApprovingReviews:true}){clientMutationId}}',
      ),
      [],
    ],
    [
      'REST write elsewhere with a body not known',
      ['gh', 'api', '-X', 'PUT', 'repos/acme/api/topics', '--input', 'r.json'],
      [],
    ],
  ])('%s', (_name, argv, want) => expect(weakened(argv)).toEqual(want));
});
