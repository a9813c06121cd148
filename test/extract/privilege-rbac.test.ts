/** RBAC that hands out a cluster (src/extract/privilege-rbac.ts): rules, documents, `kubectl create`. */
import { describe, expect, it } from 'vitest';
import { createdRbac, rbacDocument, ruleGrant } from '../../src/extract/privilege-rbac.js';

describe('one rule', () => {
  it.each<[string[], string[], string | undefined]>([
    [['escalate', 'bind'], ['clusterroles'], 'verbs escalate,bind on clusterroles'],
    [['impersonate'], ['users', 'groups'], 'verbs impersonate on users,groups'],
    [['*'], ['*'], 'every verb on every resource'],
    [['*'], [], 'every verb on every resource'],
    [['get', 'list'], ['*'], undefined],
    [['*'], ['configmaps'], undefined],
    [['create'], ['rolebindings'], undefined],
  ])('%o on %o → %s', (verbs, resources, want) => expect(ruleGrant(verbs, resources)).toBe(want));
});

describe('documents', () => {
  it.each<[string, unknown, boolean, string[]]>([
    [
      'a ClusterRole of everything',
      { kind: 'ClusterRole', rules: [{ verbs: ['*'], resources: ['*'] }] },
      false,
      ['grant-admin: ClusterRole allows every verb on every resource'],
    ],
    [
      'a binding to cluster-admin',
      { kind: 'RoleBinding', roleRef: { name: 'cluster-admin' } },
      false,
      ['grant-admin: RoleBinding to cluster-admin'],
    ],
    [
      'a ClusterRoleBinding to admin',
      { kind: 'ClusterRoleBinding', roleRef: { name: 'admin' } },
      false,
      ['grant-admin: ClusterRoleBinding to admin'],
    ],
    [
      'a binding to anyone',
      {
        kind: 'ClusterRoleBinding',
        roleRef: { name: 'view' },
        subjects: [{ kind: 'Group', name: 'system:anonymous' }],
      },
      false,
      ['make-public: ClusterRoleBinding of view to system:anonymous'],
    ],
    [
      'a patch of a role',
      [{ op: 'add', value: { verbs: ['bind'], resources: ['roles'] } }],
      true,
      ['grant-admin: role allows verbs bind on roles'],
    ],
    // nothing handed out
    [
      'a RoleBinding to admin (one namespace)',
      { kind: 'RoleBinding', roleRef: { name: 'admin' } },
      false,
      [],
    ],
    ['a reading role', { kind: 'Role', rules: [{ verbs: ['get'], resources: ['pods'] }] }, false, []],
    ['verbs in a ConfigMap', { kind: 'ConfigMap', data: { verbs: ['*'] } }, false, []],
  ])('%s', (_, doc, roleTarget, want) =>
    expect(rbacDocument(doc, roleTarget).map(([k, s]) => `${k}: ${s}`)).toEqual(want),
  );
});

describe('kubectl create', () => {
  it.each<[string[], string[]]>([
    [
      ['create', 'clusterrole', 'x', '--verb', '*', '--resource', '*'],
      ['grant-admin: create clusterrole x allowing every verb on every resource'],
    ],
    [
      ['create', 'role', 'x', '--verb=get', '--verb=impersonate', '--resource=serviceaccounts'],
      ['grant-admin: create role x allowing verbs impersonate on serviceaccounts'],
    ],
    [
      ['create', 'rolebinding', 'x', '--role=r', '--user=system:anonymous'],
      ['make-public: create rolebinding x for system:anonymous'],
    ],
    [['create', 'clusterrole', 'x', '--verb=get,list', '--resource=pods'], []],
    [['create', 'deployment', 'x', '--image=nginx'], []],
    [['get', 'clusterrole', 'x'], []],
  ])('%o', (args, want) =>
    expect(
      createdRbac(
        args.filter((w) => !w.startsWith('-') && w !== '*'),
        args,
      ).map(([k, s]) => `${k}: ${s}`),
    ).toEqual(want),
  );
});
