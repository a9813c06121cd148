/**
 * Power handed out from code through a cloud or service SDK (inline `python3 -c`, `node -e`,
 * code on stdin or a file the script wrote and runs): the same grants the CLIs make, read by
 * the call and the role it names anywhere in the code.
 * - AWS: an admin managed policy attached (`attach_user_policy(PolicyArn='arn:…/AdministratorAccess')`,
 *   `new AttachRolePolicyCommand(…)`), an allow-everything inline policy put
 *   (`put_role_policy`, `create_policy_version`), an access key or console password minted.
 * - Google Cloud: an IAM policy set (`setIamPolicy`, `set_iam_policy`, `iam.setPolicy`) in code
 *   naming `roles/owner`, `roles/editor` or an IAM admin role; with `allUsers` it is public
 *   (sdkExposure); a service-account key created.
 * - Azure: a role assignment created (`role_assignments.create`, `roleAssignments.create`,
 *   Graph's `role_assignments.post`) of Owner, Contributor, User Access Administrator, RBAC
 *   Administrator or Global Administrator (by definition id, or looked up by name).
 * - Firebase and other identity SDKs: custom claims or app metadata that make a user an admin
 *   (`setCustomUserClaims(uid, {admin: true})`, `set_custom_user_claims(uid, {'role': 'owner'})`,
 *   Supabase's `auth.admin.updateUserById(id, {app_metadata: {role: 'admin'}})`).
 * - Kubernetes clients: `cluster-admin` bound (`create_cluster_role_binding`).
 * - Forges (PyGithub, python-gitlab, Octokit, gitbeaker, go-github): a member or collaborator
 *   added or changed with the admin, maintain or owner level (`add_to_members(u, role='admin')`,
 *   `members.create({'access_level': gitlab.const.AccessLevel.OWNER})`), or a user made an admin.
 * Reads the code's text only; roles given in a variable whose value the code computes are not
 * followed. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { interpreterCode } from './interpreter-code.js';
import { ADMIN_ROLE, ALLOW_ALL } from './privilege-roles.js';

/** The string literals of code (single, double or back quotes). */
const literals = (code: string): string[] =>
  [...code.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((m) => m[2]);

/** AWS calls that attach a managed policy, put an inline one, or mint a credential. */
const AWS_ATTACH =
  /\b(?:attach_(?:user|role|group)_policy|[aA]ttach(?:User|Role|Group)Policy(?:Command|WithContext)?)\b/;
const AWS_PUT =
  /\b(?:put_(?:user|role|group)_policy|[pP]ut(?:User|Role|Group)Policy|create_policy_version|[cC]reatePolicyVersion)(?:Command|WithContext)?\b/;
const AWS_MINT =
  /\b(?:create_access_key|[cC]reateAccessKey|create_login_profile|[cC]reateLoginProfile)(?:Command|WithContext)?\b|\bkeys\(\)\s*\.\s*create\s*\(|\b(?:create_service_account_key|[cC]reateServiceAccountKey)\b/;
/** Google Cloud's IAM policy setters. */
const GCP_SET = /\b(?:set_iam_policy|[sS]etIamPolicy)\s*\(|\biam\.setPolicy\s*\(/;
/** Everyone as a GCP member. */
const EVERYONE = /^(allUsers|allAuthenticatedUsers)$/;
/** Azure role assignments created (ARM and Microsoft Graph). */
const AZURE_ASSIGN =
  /\b(?:role_assignments|roleAssignments|RoleAssignmentsClient\([^)]*\))\s*\.\s*(?:create|begin_create|create_by_id|post|put|Create)\w*\s*\(/;
/** Built-in Azure and Entra roles that can do anything, by definition id. */
const AZURE_ADMIN_ID =
  /8e3af657-a8ff-443c-a75c-2fe8c4bcb635|b24988ac-6180-42a0-ab88-20f7382dd24c|18d7d88d-d35e-4fb5-a5c3-7773c20a72d9|f58310d9-a9f6-439a-9e8d-f62e7b41a168|62e90394-69f5-4237-9190-012177145e10|e8611ab8-c189-46e8-94e1-60213ab1f814/i;
/** An Azure role looked up by its name (`filter="roleName eq 'Owner'"`). */
const AZURE_ADMIN_NAME = /roleName\s+eq\s+\\?'(Owner|Contributor|User Access Administrator)\\?'/i;
/** Identity SDKs' custom-claims and user-metadata setters (Firebase, Supabase's admin API). */
const CLAIMS =
  /\b(?:setCustomUserClaims|set_custom_user_claims|SetCustomUserClaims|updateUserById|update_user_by_id)\s*\(/;
/** Kubernetes clients binding a role (`create_cluster_role_binding(body)`, `createClusterRoleBinding`). */
const K8S_BIND =
  /\b(?:(?:create|replace|patch)_(?:cluster|namespaced)_role_binding|(?:create|replace|patch)(?:Cluster|Namespaced)RoleBinding)\b/;
/** A claim (or a user field) that makes its holder an admin. */
const ADMIN_FLAG =
  /["']?\b(?:is_?)?(?:admin|administrator|superuser|super_?admin|site_?admin|owner|root)["']?\s*(?::|=>|=)\s*(?:true|True|1)\b|["']?\brole["']?\s*(?::|=>|=)\s*["'](?:admin|administrator|owner|superuser)["']/;
/** Code that loads a forge SDK. */
const FORGE =
  /\b(?:import|from)\s+(?:github|gitlab)\b|['"](?:octokit|@octokit\/[\w-]+|@gitbeaker\/[\w-]+)['"]|github\.com\/google\/go-github|gitlab\.com\/gitlab-org\/api\/client-go|xanzy\/go-gitlab|\bOctokit::|\bGitlab\.client\b/;
/** Forge calls that add or change a member's or collaborator's level, or a user. */
const FORGE_MEMBER =
  /\b(?:add_to_members|add_to_collaborators|add_membership|update_membership|setMembershipForUser|addCollaborator|addOrUpdateMembershipForUserInOrg|addOrUpdateRepoPermissionsInOrg|addOrUpdateProjectPermissionsInOrg|members(?:_all)?\s*\.\s*(?:create|update)|(?:Project|Group)?Members\s*\.\s*(?:add|edit)|EditOrgMembership|AddCollaborator|Add(?:Project|Group)Member|Edit(?:Project|Group)Member|users\s*\.\s*(?:create|update)|update_organization_membership)\b/;
/** The admin, maintain or owner level, as the forge SDKs write it. */
const FORGE_ADMIN =
  /\b(?:role|permission)["']?\s*(?::|=>|=)\s*["'](?:admin|maintain|owner)["']|\baccess_level["']?\s*(?::|=>|=)\s*(?:40|50|[\w.]*(?:OWNER|MAINTAINER)\w*)\b|\bAccessLevel\.(?:OWNER|MAINTAINER)\b|\b(?:OWNER|MAINTAINER)_ACCESS\b|\b(?:Role|Permission):\s*github\.(?:String|Ptr)\(\s*"admin"\s*\)|Members\s*\.\s*(?:add|edit)\s*\([^)]*,\s*(?:40|50)\s*\)|["']?\badmin["']?\s*(?::|=>|=)\s*(?:true|True)\b/;

/** Python and Ruby dict literals as JSON's quoting, for the policy statement test. */
const asJson = (code: string) => code.replace(/'/g, '"').replace(/\\"/g, '"');

/** The power `cmd`'s SDK code hands out, as [verb, what says so]; undefined = none. */
export function sdkGrant(cmd: NormalizedCommand): Finding | undefined {
  const code = interpreterCode(cmd);
  if (code === undefined) return undefined;
  const lits = literals(code);
  if (AWS_ATTACH.test(code)) {
    const arn = lits.find((l) => l.startsWith('arn:') && ADMIN_ROLE.test(l));
    if (arn) return ['grant-admin', `SDK attaches ${arn}`];
  }
  if (AWS_PUT.test(code) && ALLOW_ALL.test(asJson(code)) && /"Effect"\s*:\s*"Allow"/.test(asJson(code)))
    return ['grant-admin', 'SDK puts a policy allowing Action * on Resource *'];
  if (GCP_SET.test(code)) {
    const role = lits.find((l) => l.startsWith('roles/') && ADMIN_ROLE.test(l));
    if (role) return ['grant-admin', `SDK sets an IAM policy granting ${role}`];
  }
  if (AZURE_ASSIGN.test(code)) {
    const id = AZURE_ADMIN_ID.exec(code)?.[0] ?? AZURE_ADMIN_NAME.exec(code)?.[1];
    if (id) return ['grant-admin', `SDK creates a role assignment of ${id}`];
  }
  if (K8S_BIND.test(code) && lits.some((l) => /^cluster-admin$/.test(l)))
    return ['grant-admin', 'SDK binds cluster-admin'];
  if (CLAIMS.test(code) && ADMIN_FLAG.test(code))
    return ['grant-admin', 'SDK sets custom claims that make a user an admin'];
  if (FORGE.test(code) && FORGE_MEMBER.test(code)) {
    const level = FORGE_ADMIN.exec(code);
    if (level) return ['grant-admin', `SDK gives a member or user ${level[0]}`];
  }
  const mint = AWS_MINT.exec(code);
  return mint && /\b(?:boto3|aws-sdk|@aws-sdk|googleapiclient|google\.cloud|@google-cloud)\b/.test(code)
    ? ['mint-credential', `SDK ${mint[0]}`]
    : undefined;
}

/** Everyone granted a role through an SDK's IAM policy setter, as an exposure finding; empty = none. */
export function sdkExposure(cmd: NormalizedCommand): Finding[] {
  const code = interpreterCode(cmd);
  if (code === undefined || !GCP_SET.test(code)) return [];
  const who = literals(code).find((l) => EVERYONE.test(l) || /^(allUsers|allAuthenticatedUsers):/.test(l));
  return who ? [['principal', `SDK sets an IAM policy with member ${who}`]] : [];
}
