/** Vault and OpenBao handing out root (src/extract/privilege-vault.ts), through the privilege pack. */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const privilege = await packVerdict('privilege');
const GRANT = 'ask privilege/grant-admin';

describe('Vault tokens, roles and policies that hand out everything', () => {
  it.each([
    // tokens with the root policy, any spelling of the option
    ['vault token create -policy=root', GRANT],
    ['vault token create -orphan -policy root -ttl 720h', GRANT],
    ['vault token create --policy="root" -display-name ci', GRANT],
    ['vault token create -policy=default -policy=admin -period=24h', GRANT],
    ['VAULT_ADDR=https://vault.example.net sudo -E vault token create -policy root', GRANT],
    ['bao token create -policy=root', GRANT],
    ['vault token-create -policy=root', GRANT],
    // roles, users and groups that issue root tokens
    ['vault write auth/approle/role/ci policies=root token_ttl=1h', GRANT],
    ['vault write auth/userpass/users/bob password=fake-pw policies=admin,root', GRANT],
    ['vault write auth/token/roles/ops allowed_policies="default,root"', GRANT],
    ['vault write identity/group name=ops token_policies=root', GRANT],
    // a new root token from the unseal keys
    ['vault operator generate-root -init', GRANT],
    ['vault operator generate-root -generate-otp', GRANT],
    ['vault operator generate-root -nonce=abc123 key-share', GRANT],
    // policies that write or sudo on everything, inline, on stdin or in a written file
    [`echo 'path "*" { capabilities = ["sudo", "read"] }' | vault policy write ops -`, GRANT],
    [
      `cat > p.hcl <<'H'\npath "sys/*" {\n  capabilities = ["create", "update", "sudo"]\n}\nH\nvault policy write ops p.hcl`,
      GRANT,
    ],
    [`vault write sys/policy/ops policy='{"path": {"*": {"capabilities": ["update"]}}}'`, GRANT],
    // fail closed: a policy file that cannot be read takes effect at once
    ['vault policy write ops missing.hcl', 'ask privilege/unread-policy'],
    // the same through the client libraries
    [
      `python3 -c "import hvac; c = hvac.Client(url='https://vault.example.net'); c.auth.token.create(policies=['root'], ttl='72h')"`,
      GRANT,
    ],
    [
      `python3 -c "import hvac; hvac.Client().auth.approle.create_or_update_approle(role_name='ci', token_policies=['root'])"`,
      GRANT,
    ],
    [
      `cat > mk.py <<'PY'\nimport hvac\nc = hvac.Client()\nc.sys.create_or_update_policy(name='all', policy='path "*" { capabilities = ["sudo"] }')\nPY\npython3 mk.py`,
      GRANT,
    ],
    [`node -e "const v = require('node-vault')(); v.tokenCreate({ policies: ['root'] })"`, GRANT],
    // scoped tokens and roles, reads, progress checks
    ['vault token create -policy=ci-readonly -ttl=1h', 'allow'],
    ['vault token create -orphan -role=deployer', 'allow'],
    ['vault write auth/approle/role/ci token_policies=ci-read,deploy token_ttl=20m', 'allow'],
    ['vault write -f auth/approle/role/ci/secret-id', 'allow'],
    ['vault operator generate-root -status', 'allow'],
    ['vault operator generate-root -cancel', 'allow'],
    ['vault token lookup', 'allow'],
    ['vault policy read root', 'allow'],
    [
      `echo 'path "secret/data/app/*" { capabilities = ["read", "list"] }' | vault policy write app -`,
      'allow',
    ],
    [`echo 'path "sys/leases/renew" { capabilities = ["update"] }' | vault policy write app -`, 'allow'],
    [`python3 -c "import hvac; print(hvac.Client().auth.token.lookup_self()['data']['policies'])"`, 'allow'],
    [`python3 -c "import hvac; hvac.Client().auth.token.create(policies=['ci-read'], ttl='1h')"`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(privilege(script)).toBe(expected);
  });
});
