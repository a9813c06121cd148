/**
 * Entra ID roles and permissions handed out through Graph's CLI and cmdlets
 * (src/extract/privilege-graph.ts), and the same as raw requests, end to end with the
 * privilege pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { graphGrant } from '../../src/extract/privilege-graph.js';
import { packVerdict } from '../helpers/command.js';

const granted = (line: string) => {
  const argv = shellParse(line).map((t) => (typeof t === 'string' ? t : ''));
  return graphGrant(argv[0], argv)?.replace(/:\s.*$/, '');
};

describe('what the command path or cmdlet says', () => {
  it.each<[string, string | undefined]>([
    [
      `mgc role-management directory role-assignments create --body '{"principalId":"p"}'`,
      'mgc role-management directory role-assignments create',
    ],
    [
      'mgc role-management directory role-eligibility-schedule-requests create --body @r.json',
      'mgc role-management directory role-eligibility-schedule-requests create',
    ],
    [
      'mgc directory-roles members ref post --directory-role-id r1 --body @m.json',
      'mgc directory-roles members ref post',
    ],
    [
      'mgc service-principals app-role-assigned-to create --service-principal-id sp1 --body @a.json',
      'mgc service-principals app-role-assigned-to create',
    ],
    [
      'mgc users app-role-assignments create --user-id u1 --body @a.json',
      'mgc users app-role-assignments create',
    ],
    ['mgc oauth2-permission-grants create --body @g.json', 'mgc oauth2-permission-grants create'],
    [
      'New-MgRoleManagementDirectoryRoleAssignment -PrincipalId p -RoleDefinitionId r',
      'New-MgRoleManagementDirectoryRoleAssignment',
    ],
    [
      'new-mgbetadirectoryrolememberbyref -DirectoryRoleId r -BodyParameter $b',
      'new-mgbetadirectoryrolememberbyref',
    ],
    [
      'New-MgServicePrincipalAppRoleAssignedTo -ServicePrincipalId s',
      'New-MgServicePrincipalAppRoleAssignedTo',
    ],
    ['Add-AzureADDirectoryRoleMember -ObjectId r -RefObjectId u', 'Add-AzureADDirectoryRoleMember'],
    [
      'Add-MsolRoleMember -RoleName "Company Administrator" -RoleMemberEmailAddress a@x.io',
      'Add-MsolRoleMember',
    ],
    [
      'az ad app permission admin-consent --id 00000000-0000-0000-0000-000000000000',
      'az ad app permission admin-consent',
    ],
    ['az ad app permission grant --id a --api b --scope User.Read', 'az ad app permission grant'],
    // reading, listing, removing
    ['mgc role-management directory role-assignments list', undefined],
    ['mgc directory-roles members list --directory-role-id r1', undefined],
    ['mgc users app-role-assignments list --user-id u1', undefined],
    ['Get-MgRoleManagementDirectoryRoleAssignment -All', undefined],
    ['Remove-MgDirectoryRoleMemberByRef -DirectoryRoleId r -DirectoryObjectId u', undefined],
    ['az ad app permission list --id a', undefined],
    ['az role assignment list --all', undefined],
  ])('%s → %s', (line, want) => expect(granted(line)).toBe(want));
});

const privilege = await packVerdict('privilege');

describe('a directory or admin role handed out asks', () => {
  it.each([
    [
      `az rest --method POST --url https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments --body '{"principalId":"p1","roleDefinitionId":"62e90394-69f5-4237-9190-012177145e10","directoryScopeId":"/"}'`,
      'privilege/directory-role-http',
    ],
    [
      "az rest -m post -u 'https://graph.microsoft.us/beta/servicePrincipals/s1/appRoleAssignedTo' -b @g.json",
      'privilege/directory-role-http',
    ],
    [
      `curl -sS -X POST 'https://graph.microsoft.com/v1.0/directoryRoles/roleTemplateId=62e90394-69f5-4237-9190-012177145e10/members/$ref' -H "Authorization: Bearer $T" -d '{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/u1"}'`,
      'privilege/directory-role-http',
    ],
    [
      `pwsh -c 'Invoke-RestMethod -Method Post -Uri https://graph.microsoft.com/v1.0/servicePrincipals/abc/appRoleAssignments -Body "{}"'`,
      'privilege/directory-role-http',
    ],
    [
      `pwsh -c 'Invoke-MgGraphRequest -Method POST -Uri "https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments" -Body $body'`,
      'privilege/directory-role-http',
    ],
    [
      'http POST https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignmentScheduleRequests action=adminAssign principalId=p1',
      'privilege/directory-role-http',
    ],
    [
      `az rest --method put --url '/subscriptions/0/providers/Microsoft.Authorization/roleAssignments/1?api-version=2022-04-01' --body '{"properties":{"roleDefinitionId":"/subscriptions/0/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9","principalId":"p1"}}'`,
      'privilege/directory-role-http',
    ],
    [
      `mgc role-management directory role-assignments create --body '{"principalId":"p1","roleDefinitionId":"62e90394-69f5-4237-9190-012177145e10","directoryScopeId":"/"}'`,
      'privilege/grant-admin',
    ],
    [
      `pwsh -c 'New-MgRoleManagementDirectoryRoleAssignment -PrincipalId p1 -RoleDefinitionId r1 -DirectoryScopeId "/"'`,
      'privilege/grant-admin',
    ],
    [
      `pwsh -c 'New-AzRoleAssignment -ObjectId o1 -RoleDefinitionName Owner -Scope /subscriptions/0'`,
      'privilege/grant-admin',
    ],
    [
      'az role assignment create --assignee sp1 --role 8e3af657-a8ff-443c-a75c-2fe8c4bcb635 --scope /subscriptions/0',
      'privilege/grant-admin',
    ],
  ])('%s', (script, rule) => expect(privilege(script)).toBe(`ask ${rule}`));
});

describe('reading roles, or an ordinary role, stays allowed', () => {
  it.each([
    `az rest --method GET --url "https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments?\\$filter=principalId eq 'p1'"`,
    'az rest --url https://graph.microsoft.com/v1.0/directoryRoles',
    'curl -s https://graph.microsoft.com/v1.0/me/appRoleAssignments -H "Authorization: Bearer $T"',
    `mgc role-management directory role-assignments list --filter "principalId eq 'p1'"`,
    `pwsh -c 'Get-MgRoleManagementDirectoryRoleAssignment -All'`,
    'az rest --method POST --url https://graph.microsoft.com/v1.0/users/u1/revokeSignInSessions',
    `az rest --method put --url '/subscriptions/0/providers/Microsoft.Authorization/roleAssignments/1?api-version=2022-04-01' --body '{"properties":{"roleDefinitionId":"/subscriptions/0/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7","principalId":"p1"}}'`,
    `pwsh -c 'New-AzRoleAssignment -ObjectId o1 -RoleDefinitionName Reader -Scope /subscriptions/0'`,
  ])('%s', (script) => expect(privilege(script)).toBe('allow'));
});
