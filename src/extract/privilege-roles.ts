/**
 * What counts as handing out everything, shared by the readers of commands (privilege.ts) and
 * of SDK code (privilege-sdk.ts): the roles and policies that can do anything, and a policy
 * statement that allows everything.
 */

/** Roles and policies that can do anything (or grant themselves anything). */
export const ADMIN_ROLE = new RegExp(
  [
    // AWS managed policies
    '(^|[/:])(AdministratorAccess|IAMFullAccess|PowerUserAccess)$',
    // GCP basic roles and the admin roles of IAM, the organization and service accounts
    '^roles/(owner|editor)$',
    '^roles/(iam|resourcemanager|orgpolicy|billing)\\.[\\w]*[aA]dmin$',
    '^roles/iam\\.(serviceAccountTokenCreator|serviceAccountKeyAdmin|serviceAccountUser|workloadIdentityUser)$',
    // Azure built-in roles, by name and by id (alone or as a roleDefinitions/ID path)
    '^(owner|contributor|user access administrator|role based access control administrator)$',
    '(^|/)(8e3af657-a8ff-443c-a75c-2fe8c4bcb635|b24988ac-6180-42a0-ab88-20f7382dd24c|18d7d88d-d35e-4fb5-a5c3-7773c20a72d9|f58310d9-a9f6-439a-9e8d-f62e7b41a168)$',
    // Kubernetes
    '^cluster-admin$',
    // a role named for what it is (Proxmox's Administrator, an app's admin or superuser)
    '^(administrator|admin|superuser|super[-_ ]?admin|site[-_ ]?admin)$',
  ].join('|'),
  'i',
);
/** An inline policy statement allowing every action (or every IAM action) on every resource. */
export const ALLOW_ALL =
  /"Action"\s*:\s*(\[\s*)?"(\*|iam:\*)"[^}]*"Resource"\s*:\s*(\[\s*)?"\*"|"Resource"\s*:\s*(\[\s*)?"\*"[^}]*"Action"\s*:\s*(\[\s*)?"(\*|iam:\*)"/;
