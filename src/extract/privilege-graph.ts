/**
 * Microsoft Entra ID (Azure AD) power handed out through Microsoft Graph's command-line
 * clients: a directory role assigned or made eligible (every directory role administers part
 * of the tenant), a member added to a directory role, an app role assigned (an application
 * permission such as RoleManagement.ReadWrite.Directory granted to a service principal), a
 * delegated permission grant, or tenant-wide admin consent. Read from
 * - the Graph CLI's command path: `mgc role-management directory role-assignments create`,
 *   `… role-assignment-schedule-requests create`, `mgc directory-roles members ref post`,
 *   `mgc service-principals app-role-assigned-to create`, `mgc users app-role-assignments
 *   create`, `mgc oauth2-permission-grants create`;
 * - the Graph PowerShell cmdlets (`New-MgRoleManagementDirectoryRoleAssignment`,
 *   `New-MgDirectoryRoleMemberByRef`, `New-MgServicePrincipalAppRoleAssignment`, their
 *   `-MgBeta` twins) and the older AzureAD / MSOnline ones (`Add-AzureADDirectoryRoleMember`,
 *   `New-AzureADServiceAppRoleAssignment`, `Add-MsolRoleMember`);
 * - `az ad app permission admin-consent|grant`.
 * The same sent as a raw request (`az rest`, curl, `Invoke-RestMethod`, `Invoke-MgGraphRequest`)
 * is matched by the privilege pack's http rule. Listing and reading make no finding.
 */

/** Graph CLI command paths (the words after `mgc`, options left out) that hand out a role. */
const MGC_GRANTS = [
  /\brole-management \S+ (role-assignments|role-assignment-schedule-requests|role-eligibility-schedule-requests) create$/,
  /\bdirectory-roles (\S+ )?members ref (post|create)$/,
  /\b(app-role-assignments|app-role-assigned-to) create$/,
  /\boauth2-permission-grants create$/,
];

/** Graph, AzureAD and MSOnline cmdlets that hand out a role (case-insensitive, as PowerShell). */
const CMDLET_GRANTS =
  /^(New-Mg(Beta)?RoleManagement\w*Role(Assignment|AssignmentScheduleRequest|EligibilityScheduleRequest)|New-Mg(Beta)?DirectoryRoleMember(ByRef)?|New-Mg(Beta)?\w*AppRoleAssign(ment|edTo)|New-Mg(Beta)?Oauth2PermissionGrant|Add-AzureADDirectoryRoleMember|New-AzureAD\w*AppRoleAssignment|Add-MsolRoleMember)$/i;

/** The Entra role or permission `program argv…` hands out, as words; undefined = none. */
export function graphGrant(program: string, argv: string[]): string | undefined {
  if (CMDLET_GRANTS.test(program)) return `${program}: an Entra ID role or permission granted`;
  const words = argv.slice(1).filter((w) => !w.startsWith('-'));
  if (program === 'mgc') {
    // the command path ends before the first option's value: try each prefix of the words
    const path = words
      .map((_, i) => words.slice(0, i + 1).join(' '))
      .find((p) => MGC_GRANTS.some((re) => re.test(p)));
    return path ? `mgc ${path}: an Entra ID role or permission granted` : undefined;
  }
  if (program === 'az' && /^ad app permission (admin-consent|grant)\b/.test(words.slice(0, 4).join(' ')))
    return `az ${words.slice(0, 4).join(' ')}: the app's permissions granted`;
  return undefined;
}
