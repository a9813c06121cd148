/**
 * A forge's merge and deployment guards weakened through its REST API, beside the branch
 * protection and rulesets of forge-protection.ts:
 * - GitLab project merge settings (`PUT projects/:id`, `POST projects/:id/approvals`,
 *   `PUT projects/:id/approval_rules/:rule`): merging without a passing pipeline
 *   (`only_allow_merge_if_pipeline_succeeds=false`, `allow_merge_on_skipped_pipeline=true`),
 *   authors or committers approving their own change (`merge_requests_author_approval=true`,
 *   `merge_requests_disable_committers_approval=false`), no approvals needed
 *   (`approvals_before_merge=0`, `approvals_required=0`), approvals kept after new pushes
 *   (`reset_approvals_on_push=false`), approvers overridable per merge request, approving
 *   without re-authentication, unresolved discussions allowed.
 * - GitHub deployment environments (`PUT repos/o/r/environments/NAME`): required reviewers
 *   removed (`reviewers: []`), a reviewer approving their own deployment
 *   (`prevent_self_review=false`), every branch may deploy (`deployment_branch_policy: null`),
 *   admins bypassing the rules (`can_admins_bypass=true`).
 * - GitHub Actions allowed to approve pull requests (`PUT …/actions/permissions/workflow` with
 *   `can_approve_pull_request_reviews=true`): a workflow approves what an agent pushed.
 * Keys are compared by their last segment, `_` dropped, lower-case. A body that sets these
 * guards on (or touches other settings) finds nothing; a write whose body is not known (piped
 * from elsewhere, a variable) to an endpoint that holds only such settings counts (fail closed).
 */

/** One settings endpoint: its path, the methods that write it, and the `[key, value]` pairs that weaken it. */
interface SettingsEndpoint {
  /** Path of the endpoint, with or without the API prefix (`/api/v4`, `/api/v3`). */
  path: RegExp;
  /** Methods that write it. */
  methods: RegExp;
  /** `[key, value]` pairs (key: last segment, `_` dropped, lower-case) that weaken a guard. */
  off: [RegExp, RegExp][];
  /**
   * Whether a write of a body not known here counts: true when the path names only settings
   * (an environment), a function of the path when it may name something else too.
   */
  unknownCounts: boolean | ((path: string) => boolean);
}

const FALSE = /^(false|0)$/i;
const TRUE = /^(true|1)$/i;

/**
 * GitLab collections under a project: a namespaced project path is decoded (`acme%2Fpayments`
 * → `acme/payments`), so `projects/acme/issues` may be a collection rather than a project.
 */
const GITLAB_COLLECTION =
  /\/(issues|merge_requests|members|variables|hooks|labels|milestones|pipelines?|jobs|releases|repository|snippets|wikis|deployments|environments|badges|boards|triggers|uploads|statistics|access_tokens|deploy_keys|deploy_tokens|registry|packages|pipeline_schedules|share|fork|star|unstar|archive|unarchive|housekeeping|mirror|export|import|transfer|protected_branches|protected_tags|protected_environments)(\/|$)/;

const ENDPOINTS: SettingsEndpoint[] = [
  {
    // a GitLab project (`projects/42`, `projects/acme/payments`) and its approval settings
    path: /^(?:\/api\/v4)?\/projects\/[^?#]+?\/?$/,
    methods: /^(PUT|POST|PATCH)$/,
    off: [
      [/^onlyallowmergeif(pipelinesucceeds|alldiscussionsareresolved)$/, FALSE],
      [/^allowmergeonskippedpipeline$/, TRUE],
      [/^mergerequestsauthorapproval$/, TRUE],
      [/^(mergerequestsdisablecommittersapproval|disableoverridingapproverspermergerequest)$/, FALSE],
      [/^(resetapprovalsonpush|require(password|reauthentication)toapprove)$/, FALSE],
      [/^approvals(beforemerge|required)$/, /^0$/],
    ],
    unknownCounts: (path) =>
      /\/(approvals|approval_rules(\/\d+)?)\/?$/.test(path) ||
      (/^(?:\/api\/v4)?\/projects\/[^/]+\/[^/]/.test(path)
        ? !GITLAB_COLLECTION.test(path.replace(/^(?:\/api\/v4)?\/projects\/[^/]+/, ''))
        : /^(?:\/api\/v4)?\/projects\/\d+\/?$/.test(path)),
  },
  {
    path: /^(?:\/api\/v3)?\/repos\/[^/]+\/[^/]+\/environments\/[^/]+\/?$/,
    methods: /^(PUT|PATCH|POST)$/,
    off: [
      [/^reviewers$/, /^(\[\]|null)$/],
      [/^preventselfreview$/, FALSE],
      [/^deploymentbranchpolicy$/, /^null$/],
      [/^canadminsbypass$/, TRUE],
    ],
    unknownCounts: true,
  },
  {
    path: /^(?:\/api\/v3)?\/(?:repos\/[^/]+\/[^/]+|orgs\/[^/]+|enterprises\/[^/]+)\/actions\/permissions\/workflow\/?$/,
    methods: /^(PUT|PATCH|POST)$/,
    off: [[/^canapprovepullrequestreviews$/, TRUE]],
    unknownCounts: true,
  },
];

/** The key's last segment, `_` and `[]` dropped, lower-case (`reviewers[0].id` → `id`). */
const lastKey = (key: string) => (key.split('.').pop() ?? '').replace(/[_[\]]/g, '').toLowerCase();

/**
 * What a write to a merge or deployment settings endpoint weakens, as `key: value` texts;
 * undefined = not such a write or nothing weakened. `args` is the flattened body (undefined
 * when it could not be decoded); `bodyUnknown`: its contents are not known here.
 */
export function settingsOff(
  method: string,
  path: string,
  args: [string, string][] | undefined,
  bodyUnknown: boolean,
): string[] | undefined {
  const at = ENDPOINTS.find((e) => e.methods.test(method) && e.path.test(path));
  if (!at) return undefined;
  if (bodyUnknown || args === undefined) {
    const counts = typeof at.unknownCounts === 'function' ? at.unknownCounts(path) : at.unknownCounts;
    return counts ? ['body not known'] : undefined;
  }
  const off = args
    .filter(([k, v]) => at.off.some(([kr, vr]) => kr.test(lastKey(k)) && vr.test(v.trim())))
    .map(([k, v]) => `${k}: ${v}`);
  return off.length ? off : undefined;
}
