/**
 * A forge's merge approvals and deployment environments weakened through its REST API
 * (src/extract/forge-settings.ts, read through forge-protection.ts): GitLab merge settings
 * off, GitHub environment reviewers removed, Actions approving pull requests, and writes of
 * an unknown body to those endpoints give a branch-protection weaken fact; guards set on,
 * other settings, reads and other collections give none.
 */
import { describe, expect, it } from 'vitest';
import type { CloudFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { settingsOff } from '../../src/extract/forge-settings.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const weakened = (argv: string[]) =>
  extractHttp(command(argv), ctx, [])
    .filter((f) => f.kind === 'cloud' && (f as CloudFact).service === 'branch-protection')
    .map((f) => (f as CloudFact).verb);

describe('merge and deployment settings weakened → a branch-protection weaken fact', () => {
  it.each<[string, string[], string[]]>([
    [
      'GitLab: merge without a pipeline, authors approve',
      [
        'glab',
        'api',
        '-X',
        'PUT',
        'projects/acme%2Fpayments',
        '-f',
        'only_allow_merge_if_pipeline_succeeds=false',
        '-f',
        'merge_requests_author_approval=true',
      ],
      ['weaken'],
    ],
    [
      'GitLab: no approvals',
      ['glab', 'api', '-X', 'POST', 'projects/42/approvals', '-F', 'approvals_before_merge=0'],
      ['weaken'],
    ],
    [
      'GitLab: approval rule to none',
      ['glab', 'api', '-X', 'PUT', 'projects/42/approval_rules/7', '-F', 'approvals_required=0'],
      ['weaken'],
    ],
    [
      'GitLab by curl: skipped pipelines merge',
      [
        'curl',
        '-X',
        'PUT',
        'https://gitlab.example.com/api/v4/projects/42',
        '--data',
        'allow_merge_on_skipped_pipeline=true',
      ],
      ['weaken'],
    ],
    [
      'GitHub: an environment written from stdin not known here',
      ['gh', 'api', '-X', 'PUT', 'repos/acme/payments/environments/production', '--input', '-'],
      ['weaken'],
    ],
    [
      'GitHub: self review allowed',
      [
        'gh',
        'api',
        '-X',
        'PUT',
        'repos/acme/payments/environments/production',
        '-F',
        'prevent_self_review=false',
      ],
      ['weaken'],
    ],
    [
      'GitHub: Actions approve pull requests',
      [
        'gh',
        'api',
        '-X',
        'PUT',
        'orgs/acme/actions/permissions/workflow',
        '-F',
        'can_approve_pull_request_reviews=true',
      ],
      ['weaken'],
    ],
    // guards on, other settings, reads and other collections
    [
      'GitLab: pipeline required',
      ['glab', 'api', '-X', 'PUT', 'projects/42', '-f', 'only_allow_merge_if_pipeline_succeeds=true'],
      [],
    ],
    ['GitLab: description', ['glab', 'api', '-X', 'PUT', 'projects/42', '-f', 'description=payments'], []],
    ['GitLab: read', ['glab', 'api', 'projects/acme%2Fpayments'], []],
    [
      'GitLab: an issue from a file',
      ['glab', 'api', '-X', 'POST', 'projects/42/issues', '--input', 'issue.json'],
      [],
    ],
    [
      'GitHub: environment with reviewers',
      [
        'gh',
        'api',
        '-X',
        'PUT',
        'repos/acme/payments/environments/production',
        '-F',
        'wait_timer=30',
        '-F',
        'reviewers[][type]=Team',
        '-F',
        'reviewers[][id]=42',
      ],
      [],
    ],
    ['GitHub: environment read', ['gh', 'api', 'repos/acme/payments/environments/production'], []],
  ])('%s', (_name, argv, want) => expect(weakened(argv)).toEqual(want));
});

describe('settingsOff', () => {
  it.each<[string, string, [string, string][] | undefined, boolean, string[] | undefined]>([
    [
      'PUT',
      '/repos/a/b/environments/prod',
      [
        ['reviewers', '[]'],
        ['deployment_branch_policy', 'null'],
      ],
      false,
      ['reviewers: []', 'deployment_branch_policy: null'],
    ],
    [
      'PUT',
      '/repos/a/b/environments/prod',
      [['can_admins_bypass', 'true']],
      false,
      ['can_admins_bypass: true'],
    ],
    // fail closed: a body not known, or not decodable, on a settings endpoint
    ['PUT', '/repos/a/b/environments/prod', [], true, ['body not known']],
    ['PUT', '/api/v4/projects/42', undefined, false, ['body not known']],
    ['PUT', '/api/v4/projects/acme/payments', [], true, ['body not known']],
    ['POST', '/api/v4/projects/42/approvals', [], true, ['body not known']],
    // an unknown body to another collection is not about these settings
    ['POST', '/api/v4/projects/acme/payments/issues', [], true, undefined],
    ['POST', '/api/v4/projects/42/merge_requests', [], true, undefined],
    ['GET', '/repos/a/b/environments/prod', [], true, undefined],
    ['PUT', '/repos/a/b/environments/prod', [['wait_timer', '0']], false, undefined],
  ])('%s %s', (method, path, args, unknown, want) =>
    expect(settingsOff(method, path, args, unknown)).toEqual(want),
  );
});
