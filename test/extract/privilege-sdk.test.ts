/** Power handed out from code through an SDK (src/extract/privilege-sdk.ts), through the privilege and exposure packs. */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const privilege = await packVerdict('privilege');
const exposure = await packVerdict('exposure');
const GRANT = 'ask privilege/grant-admin';

describe('admin roles and policies granted through an SDK', () => {
  it.each([
    [
      `python3 -c "import boto3; boto3.client('iam').attach_user_policy(UserName='ci', PolicyArn='arn:aws:iam::aws:policy/AdministratorAccess')"`,
      GRANT,
    ],
    [
      `cat > grant.py <<'PY'\nimport boto3\niam = boto3.client('iam')\niam.attach_role_policy(RoleName='fn', PolicyArn='arn:aws:iam::aws:policy/IAMFullAccess')\nPY\npython3 grant.py`,
      GRANT,
    ],
    [
      `node -e "const {IAMClient, AttachUserPolicyCommand} = require('@aws-sdk/client-iam'); new IAMClient({}).send(new AttachUserPolicyCommand({UserName: 'ci', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'}))"`,
      GRANT,
    ],
    [
      `python3 -c "import boto3, json; boto3.client('iam').put_role_policy(RoleName='r', PolicyName='all', PolicyDocument=json.dumps({'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}))"`,
      GRANT,
    ],
    [
      `python3 -c "from googleapiclient import discovery; crm = discovery.build('cloudresourcemanager', 'v1'); p = crm.projects().getIamPolicy(resource='p1', body={}).execute(); p['bindings'].append({'role': 'roles/owner', 'members': ['user:x@example.net']}); crm.projects().setIamPolicy(resource='p1', body={'policy': p}).execute()"`,
      GRANT,
    ],
    [
      `node -e "const {ProjectsClient} = require('@google-cloud/resource-manager'); new ProjectsClient().setIamPolicy({resource: 'projects/p1', policy: {bindings: [{role: 'roles/editor', members: ['user:a@example.net']}]}})"`,
      GRANT,
    ],
    [
      `python3 -c "from azure.mgmt.authorization import AuthorizationManagementClient; c = AuthorizationManagementClient(cred, 's1'); c.role_assignments.create('/subscriptions/s1', 'n1', {'role_definition_id': '/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'principal_id': 'p1'})"`,
      GRANT,
    ],
    [
      `python3 -c "from azure.mgmt.authorization import AuthorizationManagementClient; c = AuthorizationManagementClient(cred, 's1'); rd = list(c.role_definitions.list(scope, filter=\\"roleName eq 'Owner'\\"))[0]; c.role_assignments.create(scope, 'n1', {'role_definition_id': rd.id, 'principal_id': 'p1'})"`,
      GRANT,
    ],
    [
      `node -e "const admin = require('firebase-admin'); admin.initializeApp(); admin.auth().setCustomUserClaims('uid1', {admin: true})"`,
      GRANT,
    ],
    [
      `python3 -c "from firebase_admin import auth; auth.set_custom_user_claims('uid1', {'role': 'owner'})"`,
      GRANT,
    ],
    [
      `python3 -c "import gitlab; gl = gitlab.Gitlab('https://gitlab.example.net'); gl.groups.get('ops').members.create({'user_id': 4, 'access_level': gitlab.const.AccessLevel.OWNER})"`,
      GRANT,
    ],
    [
      `python3 -c "from github import Github; g = Github(); g.get_organization('acme').add_to_members(g.get_user('x'), role='admin')"`,
      GRANT,
    ],
    [
      `node -e "const {Octokit} = require('@octokit/rest'); new Octokit().orgs.setMembershipForUser({org: 'acme', username: 'x', role: 'admin'})"`,
      GRANT,
    ],
    [
      `python3 -c "import boto3; print(boto3.client('iam').create_access_key(UserName='ci'))"`,
      'ask privilege/mint-credential',
    ],
    [
      `python3 -c "from kubernetes import client; client.RbacAuthorizationV1Api().create_cluster_role_binding(body={'roleRef': {'kind': 'ClusterRole', 'name': 'cluster-admin'}, 'subjects': [{'kind': 'ServiceAccount', 'name': 'ci', 'namespace': 'default'}]})"`,
      GRANT,
    ],
    [
      `node -e "const {createClient} = require('@supabase/supabase-js'); createClient(u, k).auth.admin.updateUserById('uid1', {app_metadata: {role: 'admin'}})"`,
      GRANT,
    ],
    [
      `python3 -c "from kubernetes import client; client.RbacAuthorizationV1Api().create_namespaced_role_binding('dev', body={'roleRef': {'kind': 'Role', 'name': 'pod-reader'}})"`,
      'allow',
    ],
    [
      `node -e "const {createClient} = require('@supabase/supabase-js'); createClient(u, k).auth.admin.updateUserById('uid1', {email: 'new@example.net'})"`,
      'allow',
    ],
    // scoped roles and policies, reads, a user named admin given a read-only policy
    [
      `python3 -c "import boto3; boto3.client('iam').attach_user_policy(UserName='admin', PolicyArn='arn:aws:iam::aws:policy/ReadOnlyAccess')"`,
      'allow',
    ],
    [
      `python3 -c "import boto3, json; boto3.client('iam').put_role_policy(RoleName='r', PolicyName='s3', PolicyDocument=json.dumps({'Statement': [{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': '*'}]}))"`,
      'allow',
    ],
    [
      `python3 -c "import boto3; print(boto3.client('iam').list_attached_user_policies(UserName='ci'))"`,
      'allow',
    ],
    [
      `python3 -c "from googleapiclient import discovery; print(discovery.build('cloudresourcemanager', 'v1').projects().getIamPolicy(resource='p1', body={}).execute())"`,
      'allow',
    ],
    [
      `python3 -c "from google.cloud import resourcemanager_v3; c = resourcemanager_v3.ProjectsClient(); p = c.get_iam_policy(resource='projects/p'); p.bindings.add(role='roles/viewer', members=['user:a@example.net']); c.set_iam_policy(request={'resource': 'projects/p', 'policy': p})"`,
      'allow',
    ],
    [
      `node -e "const admin = require('firebase-admin'); admin.auth().setCustomUserClaims('uid1', {plan: 'pro', beta: true})"`,
      'allow',
    ],
    [
      `python3 -c "import gitlab; gl = gitlab.Gitlab('https://gitlab.example.net'); gl.projects.get(4).members.create({'user_id': 9, 'access_level': gitlab.const.AccessLevel.DEVELOPER})"`,
      'allow',
    ],
    [
      `node -e "const {Octokit} = require('@octokit/rest'); new Octokit().repos.addCollaborator({owner: 'a', repo: 'b', username: 'c', permission: 'push'})"`,
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    expect(privilege(script)).toBe(expected);
  });
});

describe('everyone granted a role through an SDK', () => {
  it.each([
    [
      `python3 -c "from google.cloud import storage; b = storage.Client().bucket('x'); p = b.get_iam_policy(); p['roles/storage.objectViewer'].add('allUsers'); b.set_iam_policy(p)"`,
      'ask exposure/make-public',
    ],
    [
      `node -e "const {Storage} = require('@google-cloud/storage'); const b = new Storage().bucket('x'); b.iam.getPolicy().then(([p]) => { p.bindings.push({role: 'roles/storage.objectViewer', members: ['allAuthenticatedUsers']}); return b.iam.setPolicy(p) })"`,
      'ask exposure/make-public',
    ],
    [
      `python3 -c "from google.cloud import storage; print(storage.Client().bucket('x').get_iam_policy().bindings)"`,
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    expect(exposure(script)).toBe(expected);
  });
});
