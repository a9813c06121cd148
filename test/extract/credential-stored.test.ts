import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { storedSecret } from '../../src/extract/credential-stored.js';
import { packVerdict } from '../helpers/command.js';

const secrets = await packVerdict('secrets');

const stored = (line: string) => {
  const argv = shellParse(line).map((t) => (typeof t === 'string' ? t : ''));
  return storedSecret(argv[0].split('/').pop() ?? '', argv);
};

describe('what a credential helper, keyring or encrypted repository prints', () => {
  it.each<[string, string]>([
    ['git credential fill', 'git credential fill'],
    ['git credential-osxkeychain get', 'git credential-osxkeychain get'],
    ['/usr/lib/git-core/git-credential-libsecret get', 'git-credential-libsecret get'],
    ['git-credential-manager get', 'git-credential-manager get'],
    ['docker-credential-desktop get', 'docker-credential-desktop get'],
    ['docker-credential-ecr-login get', 'docker-credential-ecr-login get'],
    ['gh auth git-credential get', 'gh auth git-credential get'],
    ['keyring get github-token acme-bot', 'keyring get'],
    ['python3 -m keyring get pypi __token__', 'keyring get'],
    ['keyctl print %user:api', 'keyctl print'],
    ['keyctl pipe 123456', 'keyctl pipe'],
    ['phase secrets export --app prod-api --env production', 'phase secrets export'],
    ['phase secrets get STRIPE_KEY --app api', 'phase secrets get'],
    ['phase secrets list --show', 'phase secrets list --show'],
    ['transcrypt --display', 'transcrypt --display'],
    ['transcrypt -d', 'transcrypt --display'],
    ['git secret cat config/prod.env', 'git secret cat'],
    ['blackbox_cat secrets/prod.env.gpg', 'blackbox_cat'],
    ['lssecret -s', 'lssecret -s'],
    ['lssecret --secrets', 'lssecret -s'],
    ['secret-tool search --all service github', 'secret-tool search'],
    ['kubectl view-secret db-credentials -n prod --all', 'kubectl view-secret'],
    ['kubectl view-secret db-credentials password', 'kubectl view-secret'],
    ['kubectl -n prod view-secret api-token', 'kubectl view-secret'],
    ['oc view-secret db-credentials', 'oc view-secret'],
    ['kubectl-view_secret db-credentials --all', 'kubectl view-secret'],
    // storing, erasing, listing, status: no secret printed
    ['lssecret', ''],
    ['secret-tool store --label=x service github', ''],
    ['kubectl view-secret', ''],
    ['kubectl get secrets -n prod', ''],
    ['kubectl describe secret db-credentials', ''],
    ['git credential approve', ''],
    ['git credential reject', ''],
    ['git credential-cache exit', ''],
    ['git-credential-store store', ''],
    ['docker-credential-desktop list', ''],
    ['docker-credential-pass erase', ''],
    ['gh auth status', ''],
    ['keyring set pypi __token__', ''],
    ['keyring --list-backends', ''],
    ['python3 -m keyring diagnose', ''],
    ['keyctl show', ''],
    ['keyctl list @u', ''],
    ['phase secrets list --app api', ''],
    ['phase run -- npm start', ''],
    ['transcrypt --list', ''],
    ['transcrypt -c aes-256-cbc -y', ''],
    ['git secret reveal', ''],
    ['git secret list', ''],
  ])('%s → %s', (line, want) => {
    expect(stored(line)).toBe(want);
  });
});

describe('a stored credential printed to the terminal asks; used by another command it decides', () => {
  it.each([
    ['echo https://index.docker.io/v1/ | docker-credential-desktop get', 'ask secrets/credential-store-read'],
    [
      "printf 'protocol=https\\nhost=gitlab.acme.io\\n\\n' | /usr/lib/git-core/git-credential-libsecret get",
      'ask secrets/credential-store-read',
    ],
    [
      "printf 'protocol=https\\nhost=github.com\\n\\n' | git credential fill",
      'ask secrets/credential-store-read',
    ],
    ['keyring get github-token acme-bot', 'ask secrets/credential-store-read'],
    ['phase secrets export --app prod-api --env production', 'ask secrets/credential-store-read'],
    ['transcrypt --display', 'ask secrets/credential-store-read'],
    ['lssecret -s', 'ask secrets/credential-store-read'],
    ['kubectl view-secret db-credentials -n prod --all', 'ask secrets/credential-store-read'],
    ['lssecret', 'allow'],
    ['kubectl get secrets -n prod', 'allow'],
    ['keyring get pypi __token__ | docker login -u ci --password-stdin registry.example.com', 'allow'],
    ['phase secrets list --app prod-api', 'allow'],
    ['docker-credential-desktop list', 'allow'],
    ["printf 'protocol=https\\nhost=github.com\\n\\n' | git credential approve", 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(secrets(script)).toBe(expected);
  });
});
