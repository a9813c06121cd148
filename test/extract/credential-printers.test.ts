import { describe, expect, it } from 'vitest';
import { printedCredential } from '../../src/extract/credential-printers.js';

describe('printedCredential', () => {
  it.each<[string, string]>([
    ['gh auth token', 'gh auth token'],
    // the status report with the token shown; without -t it prints no token
    ['glab auth status --show-token', 'glab auth status'],
    ['gh auth status -t', 'gh auth status'],
    ['gh auth status', ''],
    ['oc whoami --show-token', 'oc whoami'],
    ['oc whoami', ''],
    ['fly auth token', 'fly auth token'],
    ['cf oauth-token', 'cf oauth-token'],
    [
      'aws sso get-role-credentials --role-name r --account-id 1 --access-token x',
      'aws sso get-role-credentials',
    ],
    ['rage -d -i key.txt prod.env.age', 'rage'],
    ['ejson decrypt secrets.ejson', 'ejson decrypt'],
    ['credstash get db.password', 'credstash get'],
    ['credstash getall', 'credstash getall'],
    ['/usr/bin/gh auth token --hostname github.com', 'gh auth token'],
    ['gcloud auth print-access-token', 'gcloud auth print-access-token'],
    [
      'gcloud auth application-default print-access-token',
      'gcloud auth application-default print-access-token',
    ],
    ['az account get-access-token --resource https://management.azure.com', 'az account get-access-token'],
    ['aws ecr get-login-password --region eu-west-1', 'aws ecr get-login-password'],
    ['heroku auth:token', 'heroku auth:token'],
    ['vault kv get -field=password secret/prod/db', 'vault kv get'],
    // OpenBao's CLI is Vault's
    ['bao kv get -field=password secret/prod/db', 'bao kv get'],
    ['bao print token', 'bao print token'],
    ['bao read database/creds/app', 'bao read'],
    ['op read op://vault/db/password', 'op read'],
    ['pass show work/db', 'pass show'],
    ['kubectl config view --raw', 'kubectl config view'],
    ['gpg --export-secret-keys -a', 'gpg'],
    // the kernel keyring, Windows Credential Manager, a domain's accounts enumerated
    ['keyctl print %user:vault-token', 'keyctl print'],
    ['keyctl pipe 123456', 'keyctl pipe'],
    ['Get-StoredCredential -AsCredentialObject', 'Get-StoredCredential'],
    ['rpcclient -U admin%fake 198.51.100.10 -c lsaquery;enumdomusers', 'rpcclient'],
    ['enum4linux -a 198.51.100.10', 'enum4linux'],
    // reads that print no credential
    ['ejson decrypt -o out.json secrets.ejson', ''],
    ['credstash list', ''],
    ['gh auth status', ''],
    ['gcloud auth list', ''],
    ['kubectl config view', ''],
    ['gpg --export -a dev@example.com', ''],
    ['vault kv list secret/', ''],
    ['bao kv list secret/', ''],
    ['bao status', ''],
    ['pass ls', ''],
    ['keyctl show @u', ''],
    ['keyctl list @s', ''],
    ['rpcclient -U guest% 198.51.100.10 -c srvinfo', ''],
  ])('%s → %s', (line, want) => expect(printedCredential(line.split(' '))).toBe(want));
});

describe('printedCredential: helpers, secret stores and registry tokens', () => {
  it.each<[string, string]>([
    ['git credential fill', 'git credential fill'],
    ['git -C app credential fill', 'git credential fill'],
    ['git credential-store get', 'git credential-store get'],
    ['docker-credential-desktop get', 'docker-credential-desktop get'],
    ['kubectl get secret db -n prod -o jsonpath={.data.password}', 'kubectl get secret'],
    ['kubectl -n prod get secrets -o yaml', 'kubectl get secrets'],
    ['kubectl get secret/db --output=json', 'kubectl get secret/db'],
    ['oc get secret db -ojson', 'oc get secret'],
    ['npm config get //registry.npmjs.org/:_authToken', 'npm config get'],
    ['yarn config get npmAuthToken', 'yarn config get'],
    ['aws secretsmanager get-secret-value --secret-id prod/db', 'aws secretsmanager get-secret-value'],
    ['aws ssm get-parameter --name /prod/db --with-decryption', 'aws ssm get-parameter'],
    ['gcloud secrets versions access latest --secret db', 'gcloud secrets versions access'],
    ['az keyvault secret show --vault-name kv -n db', 'az keyvault secret show'],
    ['heroku config:get DATABASE_URL -a shop', 'heroku config:get'],
    ['security find-generic-password -s svc -w', 'security find-generic-password'],
    ['secret-tool lookup service db', 'secret-tool lookup'],
    // listings, names, settings that are not credentials
    ['git credential approve', ''],
    ['kubectl get secrets -n prod', ''],
    ['kubectl get secret db -o name', ''],
    ['kubectl get pods -o yaml', ''],
    ['npm config get registry', ''],
    ['aws ssm get-parameter --name /prod/region', ''],
    ['aws secretsmanager list-secrets', ''],
    ['heroku config:set X=1', ''],
    ['security find-generic-password -s svc', ''],
  ])('%s → %s', (line, want) => expect(printedCredential(line.split(' '))).toBe(want));
});

describe('printedCredential: decrypted secret files, container environments, infrastructure outputs', () => {
  it.each<[string, string]>([
    // configs rendered with their secret references resolved
    ['vals eval -f config/secrets.yaml', 'vals eval'],
    ['vals get ref+vault://secret/db#/password', 'vals get'],
    ['vals env -f env.yaml', 'vals env'],
    ['sops -d secrets/prod.enc.yaml', 'sops'],
    ['sops --decrypt --output-type json secrets.yaml', 'sops'],
    ['sops decrypt secrets.yaml', 'sops decrypt'],
    ['ansible-vault view group_vars/prod/vault.yml', 'ansible-vault view'],
    ['ansible-vault decrypt vault.yml --output -', 'ansible-vault decrypt'],
    ['age -d -i key.txt secrets.age', 'age'],
    ['gpg --decrypt creds.json.gpg', 'gpg'],
    ['chamber export prod', 'chamber export'],
    ['docker inspect api', 'docker inspect'],
    ['docker inspect api --format {{.Config.Env}}', 'docker inspect'],
    ['podman container inspect -f={{.Config.Env}} api', 'podman container inspect'],
    ['docker compose config', 'docker compose config'],
    ['terraform output -json', 'terraform output'],
    ['tofu output -raw db_password', 'tofu output'],
    ['terraform state pull', 'terraform state pull'],
    ['terraform show -json', 'terraform show'],
    ['pulumi stack output --show-secrets', 'pulumi'],
    ['pulumi config get dbPassword', 'pulumi config get'],
    // encrypting, decrypting into a file or in place, a status, a listing, a non-secret output
    ['sops -e secrets.yaml', ''],
    ['sops -d -i secrets.yaml', ''],
    ['sops -d --output plain.yaml secrets.yaml', ''],
    ['ansible-vault decrypt vault.yml', ''],
    ['ansible-vault encrypt vault.yml', ''],
    ['gpg -o notes.txt -d notes.txt.gpg', ''],
    ['age -e -r age1example secrets.txt', ''],
    ['docker inspect api --format {{.State.Status}}', ''],
    ['docker inspect -f {{.NetworkSettings.IPAddress}} db', ''],
    ['docker compose config --services', ''],
    ['terraform output', ''],
    ['terraform output -raw vpc_id', ''],
    ['vals exec -f env.yaml -- ./server', ''],
    ['vals version', ''],
    ['terraform show', ''],
    ['terraform state list', ''],
    ['pulumi stack output', ''],
    ['pulumi config get aws:region', ''],
  ])('%s → %s', (line, want) => expect(printedCredential(line.split(' '))).toBe(want));
});

describe('printedCredential: password managers read by credential-managers.ts', () => {
  it.each<[string, string]>([
    ['passbolt get resource --id 8e3874ae-0000 --json', 'passbolt get resource'],
    ['passbolt list resource --column Name --column Password', 'passbolt list resource'],
    ['keeper get AWS-root --format json', 'keeper get'],
    ['keeper --config cfg.json get uid123 --unmask', 'keeper get'],
    ['keeper find-password uid123', 'keeper find-password'],
    ['bw get item github', 'bw get item'],
    ['bw export --raw --format json', 'bw export'],
    ['lpass export --sync=now', 'lpass export'],
    ['bw export --output /tmp/v.json --format json', ''],
    ['lpass show --json github', 'lpass show'],
    ['dcli note prod', 'dcli note'],
    ['dcli password github -o json', 'dcli password'],
    ['enpass-cli -vault v show github', 'enpass-cli show'],
    ['gopass cat prod/db', 'gopass cat'],
    ['passage show prod/db', 'passage show'],
    // every item of the vault with its password
    ['bw list items', 'bw list items'],
    ['bw list items --search github', 'bw list items'],
    // masked records, listings, names, the clipboard
    ['keeper get uid123', ''],
    ['keeper list', ''],
    ['passbolt list resource --column Name --column Username', ''],
    ['passbolt list folder', ''],
    ['bw list folders', ''],
    ['passage ls', ''],
    ['dcli password github', ''],
    ['enpass-cli -vault v copy github', ''],
    ['lpass show -c --password github', ''],
  ])('%s → %s', (line, want) => expect(printedCredential(line.split(' '))).toBe(want));
});

describe('printedCredential: a metadata service credential fetched', () => {
  it.each<[string, string]>([
    [
      'curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role',
      'curl (instance metadata credentials)',
    ],
    [
      'wget -qO- http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
      'wget (instance metadata credentials)',
    ],
    ['curl -s 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'curl (instance metadata credentials)'],
    ['curl -s http://169.254.169.254/latest/meta-data/instance-id', ''],
    ['curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/', ''],
  ])('%s → %s', (line, want) => expect(printedCredential(line.split(' '))).toBe(want));
});
