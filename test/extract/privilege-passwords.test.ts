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
  ])('%s → nothing', (script) => expect(found(script)).toEqual([]));
});
