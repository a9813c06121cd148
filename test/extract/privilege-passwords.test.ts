/**
 * root's password set or removed (src/extract/privilege-passwords.ts): the words of it for a
 * command as written (through the normalizer, so pipes and `sudo` arrive as they would).
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { rootPassword } from '../../src/extract/privilege-passwords.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';

const ctx = filesContext({ '/w/users.txt': 'ci:fake-pw\nroot:fake-pw\n' });
const found = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), ctx)
    .commands.map((c) => rootPassword(c, ctx))
    .filter((f) => f !== undefined);

describe("root's password", () => {
  it.each<[string, string]>([
    ["echo 'root:Fake-pw-1' | sudo chpasswd", "root's password set"],
    ['echo "root:$PW" | chpasswd', "root's password set"],
    ["printf 'ci:a\\nroot:b\\n' | chpasswd", "root's password set"],
    ["chpasswd <<< 'toor:fake'", "root's password set"],
    ['chpasswd < users.txt', "root's password set"],
    ['gen-passwords | chpasswd', 'passwords from input that cannot be read'],
    ['echo "$U:$PW" | chpasswd', 'passwords from input that cannot be read'],
    ['sudo passwd', "root's password set"],
    ['passwd root', "root's password set"],
    ['sudo passwd -d root', "root's password deleted"],
    ["sudo usermod -p '$6$fake' root", "root's password set"],
    ['sudo dscl . -passwd /Users/root fake-pw', "root's password set"],
    ['sysadminctl -resetPasswordFor root -newPassword fake-pw', "root's password set"],
    // Windows' built-in Administrator enabled or given a password
    ['net user Administrator /active:yes', 'net user Administrator: the built-in administrator enabled'],
    ['net user administrator Fake-pw-1', 'net user administrator: its password set'],
    ['net.exe user Administrator * /domain', 'net user Administrator: its password set'],
    [
      "pwsh -c 'Enable-LocalUser -Name Administrator'",
      'Enable-LocalUser Administrator: the built-in administrator enabled',
    ],
    [
      "powershell.exe -NoProfile -Command 'Set-LocalUser -Name Administrator -PasswordNeverExpires 1 -Password (ConvertTo-SecureString $env:NEW_ADMIN_PW -AsPlainText -Force)'",
      'Set-LocalUser Administrator: its password set',
    ],
    [
      "pwsh -c 'Set-LocalUser -Name Administrator -Password $pw'",
      'Set-LocalUser Administrator: its password set',
    ],
    [
      "pwsh -c 'Enable-LocalUser -SID S-1-5-21-1004336348-1177238915-682003330-500'",
      'Enable-LocalUser S-1-5-21-1004336348-1177238915-682003330-500: the built-in administrator enabled',
    ],
  ])('%s', (script, want) => expect(found(script)).toEqual([want]));

  it.each<string>([
    "echo 'ci:fake-pw' | sudo chpasswd",
    'echo "ci:$PW" | chpasswd',
    'passwd',
    'sudo -u bob passwd',
    'sudo passwd ci',
    'sudo passwd -S root',
    'sudo passwd -l root',
    'usermod -aG docker ci',
    'dscl . -read /Users/root',
    'sysadminctl -resetPasswordFor ci -newPassword fake-pw',
    'net user Administrator',
    'net user Administrator /active:no',
    'net user dev Fake-pw-1 /add',
    'net user',
    "pwsh -c 'Enable-LocalUser -Name dev'",
    "pwsh -c 'Get-LocalUser -Name Administrator'",
    "pwsh -c 'Set-LocalUser -Name Administrator -PasswordNeverExpires 1'",
    "pwsh -c 'Set-LocalUser -Name dev -Password $pw'",
  ])('%s → nothing', (script) => expect(found(script)).toEqual([]));
});
