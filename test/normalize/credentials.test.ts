/** Provenance of secrets through folding: what a credential file's text folds to. */
import { describe, expect, it } from 'vitest';
import { SECRET_MARK, carriesSecret, isCredentialAbs, withheld } from '../../src/normalize/credentials.js';

const HOME = '/home/u';
// Built at run time so the test source holds no secret-looking literal.
const GH = 'ghp_' + 'Zq8Lm3Xv7Rt2Wn9Kb4Yc6Hd1Jf5Pg0Sa8Ue7';

describe('withheld', () => {
  it.each<[string, string, string]>([
    [
      '/w/.env',
      'A=1\n# note\nexport B="two"\nC=\n',
      `A=${SECRET_MARK}\n# note\nexport B=${SECRET_MARK}\nC=\n`,
    ],
    ['/home/u/.aws/credentials', '[default]\nkey = v\n', `${SECRET_MARK}\n`],
    // code in a credential file stays readable for analysis (fail closed)
    ['/w/.env', 'export X=$(rm -rf ~)\n', 'export X=$(rm -rf ~)\n'],
    // any other file: only detected secrets are replaced
    ['/w/notes.txt', `use ${GH} now\n`, `use ${SECRET_MARK} now\n`],
    ['/w/script.sh', 'echo hi\n', 'echo hi\n'],
  ])('%s', (path, text, want) => expect(withheld(path, text, HOME)).toBe(want));
});

describe('isCredentialAbs', () => {
  it.each<[string, boolean]>([
    ['/w/.env', true],
    ['/w/.env.production', true],
    ['/w/.env.example', false],
    ['/home/u/.netrc', true],
    ['/home/u/.config/railway/config.json', true],
    ['/home/u/.ssh/id_ed25519.pub', false],
    ['/w/src/index.ts', false],
    // another account's home: a user's, root's, a service account's under /var/lib
    ['/var/lib/buildkite-agent/.ssh/*', true],
    ['/var/lib/jenkins/.aws/credentials', true],
    ['/home/other/.kube/config', true],
    ['/root/.docker/config.json', true],
    ['/var/lib/jenkins/.ssh/known_hosts', false],
    ['/var/lib/postgresql/15/main', false],
    ['/home/other/project/README.md', false],
    // FileZilla's saved sites and WinSCP's settings (also a Windows path bash ran together)
    ['/home/u/.config/filezilla/sitemanager.xml', true],
    ['/w/%APPDATA%FileZillarecentservers.xml', true],
    ['/w/WinSCP.ini', true],
    ['/w/config/sitemap.xml', false],
    ['/w/mysitemanager.xml', false],
    // OCI's folder as a whole; build tools' repository and signing passwords
    ['/home/u/.oci', true],
    ['/home/u/.oci/sessions/DEFAULT/token', true],
    ['/home/u/.m2/settings.xml', true],
    ['/home/u/.gradle/gradle.properties', true],
    ['/home/u/.sbt/.credentials', true],
    ['/home/u/.m2/repository/org/x/1.0/x-1.0.jar', false],
    ['/home/u/.gradle/caches/modules-2', false],
    ['/w/gradle.properties', false],
  ])('%s → %s', (p, want) => expect(isCredentialAbs(p, HOME)).toBe(want));

  it('carriesSecret', () => {
    expect(carriesSecret(`x ${SECRET_MARK}`)).toBe(true);
    expect(carriesSecret('x')).toBe(false);
    expect(carriesSecret(undefined)).toBe(false);
  });
});

describe('isCredentialAbs: registry and platform tokens, container secret mounts', () => {
  it.each<[string, boolean]>([
    ['/home/u/.cargo/credentials.toml', true],
    ['/home/u/.cargo/credentials', true],
    ['/home/u/.databrickscfg', true],
    ['/home/u/.gem/credentials', true],
    ['/home/u/.config/rclone/rclone.conf', true],
    ['/home/u/.aws/sso/cache/0a1b.json', true],
    ['/srv/app/credentials.toml', true],
    // secrets a container has mounted
    ['/var/run/secrets/kubernetes.io/serviceaccount/token', true],
    ['/var/run/secrets/eks.amazonaws.com/serviceaccount/token', true],
    ['/var/run/secrets/azure/tokens/azure-identity-token', true],
    ['/run/secrets/db_password', true],
    ['/mnt/secrets-store/stripe-key', true],
    ['/vault/secrets/config', true],
    // the file sops exec-file decrypts for its command
    ['/tmp/.sops123456/tmp-file987654', true],
    // beside them, and settings that hold no token
    ['/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', false],
    ['/var/run/secrets/kubernetes.io/serviceaccount/namespace', false],
    ['/home/u/.cargo/config.toml', false],
    ['/var/run/docker.sock', false],
  ])('%s → %s', (p, want) => expect(isCredentialAbs(p, HOME)).toBe(want));
});

describe('isCredentialAbs: CLI login state under the XDG folders, other password stores, data tools profiles', () => {
  it.each<[string, boolean]>([
    ['/home/u/.local/share/com.vercel.cli/auth.json', true],
    ['/home/u/.config/some-cli/tokens.json', true],
    ['/home/u/.local/state/tool/oauth_token', true],
    ['/home/u/.config/acme/credentials.yaml', true],
    ['/home/u/.config/glab-cli/config.yml', true],
    ['/home/u/.config/hcloud/cli.toml', true],
    ['/home/u/.config/configstore/firebase-tools.json', true],
    ['/home/u/.wrangler/config/default.toml', true],
    ['/home/u/.sentryclirc', true],
    ['/home/u/.local/share/gopass/stores/root/web/site.gpg', true],
    ['/home/u/.dbt/profiles.yml', true],
    ['/home/u/.snowsql/config', true],
    ['/home/u/.config/snowflake/connections.toml', true],
    // settings and data that hold no login
    ['/home/u/.config/configstore/update-notifier-npm.json', false],
    ['/home/u/.config/nvim/init.lua', false],
    ['/home/u/.local/share/fonts/Inter.ttf', false],
    ['/home/u/.config/Code/User/settings.json', false],
    ['/home/u/.dbt/.user.yml', false],
    ['/w/src/auth.json', false],
  ])('%s → %s', (p, want) => expect(isCredentialAbs(p, HOME)).toBe(want));
});
