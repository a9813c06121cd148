/**
 * A sudoers rule that runs everything as root, written (src/extract/privilege-sudoers.ts):
 * the lines of a text that grant root, and `verb: evidence` of a command as written (through
 * the normalizer, so pipes, heredocs, `sudo` and EDITOR= arrive as they would).
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { rootGrants, sudoersGrant } from '../../src/extract/privilege-sudoers.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';

const ctx = filesContext({
  '/w/ci-sudoers': 'ci ALL=(ALL) NOPASSWD: ALL\n',
  '/w/narrow': 'ci ALL=(root) /usr/bin/apt\n',
});
const found = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), ctx)
    .commands.map((c) => sudoersGrant(c, ctx))
    .filter((f) => f !== undefined)
    .map(([verb, said]) => `${verb}: ${said}`);

describe('rootGrants', () => {
  it.each<[string, string[]]>([
    ['deploy ALL=(ALL) NOPASSWD: ALL', ['deploy ALL=(ALL) NOPASSWD: ALL']],
    ['%wheel ALL=(ALL:ALL) ALL', ['%wheel ALL=(ALL:ALL) ALL']],
    ['ci ALL=NOPASSWD:ALL', ['ci ALL=NOPASSWD:ALL']],
    ['ci ALL=(root) NOPASSWD: /usr/bin/apt, /bin/bash', ['ci ALL=(root) NOPASSWD: /usr/bin/apt, /bin/bash']],
    ['Defaults:ci !authenticate', ['Defaults:ci !authenticate']],
    ['# a comment\\nci ALL=(ALL) ALL', ['ci ALL=(ALL) ALL']],
    ['ci ALL=(root) NOPASSWD: /usr/bin/systemctl restart app', []],
    ['Defaults env_reset', []],
    ['# ci ALL=(ALL) ALL', []],
    ['User_Alias ADMINS = alice, bob', []],
  ])('%s', (text, want) => expect(rootGrants(text)).toEqual(want));
});

describe('sudoers written', () => {
  it.each<[string, string]>([
    [
      "echo 'deploy ALL=(ALL) NOPASSWD: ALL' | sudo EDITOR='tee -a' visudo",
      'grant-admin: sudoers /etc/sudoers: deploy ALL=(ALL) NOPASSWD: ALL',
    ],
    [
      "echo 'ci ALL=(ALL) ALL' | VISUAL=tee visudo -f /etc/sudoers.d/ci",
      'grant-admin: sudoers /etc/sudoers.d/ci: ci ALL=(ALL) ALL',
    ],
    [
      "echo 'deploy ALL=(ALL) NOPASSWD: ALL' | sudo tee /etc/sudoers.d/deploy",
      'grant-admin: sudoers /etc/sudoers.d/deploy: deploy ALL=(ALL) NOPASSWD: ALL',
    ],
    // sponge (moreutils) writes its input to the file, as tee does
    [
      'echo "ci ALL=(ALL) NOPASSWD: ALL" | sudo sponge /etc/sudoers.d/90-agent',
      'grant-admin: sudoers /etc/sudoers.d/90-agent: ci ALL=(ALL) NOPASSWD: ALL',
    ],
    [
      "sudo sponge -a /etc/sudoers <<'X'\nci ALL=(ALL) ALL\nX",
      'grant-admin: sudoers /etc/sudoers: ci ALL=(ALL) ALL',
    ],
    [
      "sudo tee -a /etc/sudoers <<'X'\nci ALL=(ALL) NOPASSWD:ALL\nX",
      'grant-admin: sudoers /etc/sudoers: ci ALL=(ALL) NOPASSWD:ALL',
    ],
    [
      "echo '%devs ALL=(ALL:ALL) ALL' >> /etc/sudoers",
      'grant-admin: sudoers /etc/sudoers: %devs ALL=(ALL:ALL) ALL',
    ],
    [
      "printf 'ci ALL=(ALL) NOPASSWD: ALL\\n' > /etc/sudoers.d/ci",
      'grant-admin: sudoers /etc/sudoers.d/ci: ci ALL=(ALL) NOPASSWD: ALL',
    ],
    [
      "sed -i '$a ci ALL=(ALL) NOPASSWD: ALL' /etc/sudoers",
      'grant-admin: sudoers /etc/sudoers: $a ci ALL=(ALL) NOPASSWD: ALL',
    ],
    [
      'sudo cp ci-sudoers /etc/sudoers.d/ci',
      'grant-admin: sudoers /etc/sudoers.d/ci: ci ALL=(ALL) NOPASSWD: ALL',
    ],
    [
      "echo 'dev ALL=(ALL) NOPASSWD: ALL' | SUDO_EDITOR='tee -a' sudoedit /etc/sudoers.d/dev",
      'grant-admin: sudoers /etc/sudoers.d/dev: dev ALL=(ALL) NOPASSWD: ALL',
    ],
    [
      "echo 'dev ALL=(ALL) ALL' | EDITOR=tee sudo -e /etc/sudoers",
      'grant-admin: sudoers /etc/sudoers: dev ALL=(ALL) ALL',
    ],
    // fail closed: what is written cannot be read
    ['echo "$LINE" | sudo EDITOR=\'tee -a\' visudo', 'unread-policy: sudoers /etc/sudoers: text not known'],
    ['echo "$LINE" > /etc/sudoers.d/ci', 'unread-policy: sudoers /etc/sudoers.d/ci: text not known'],
    ['sudo cp missing /etc/sudoers.d/ci', 'unread-policy: sudoers /etc/sudoers.d/ci: text not known'],
    ['./gen-rules > /etc/sudoers.d/ci', 'unread-policy: sudoers /etc/sudoers.d/ci: text not known'],
  ])('%s', (script, want) => expect(found(script)).toEqual([want]));

  it.each<string>([
    'sudo visudo -c',
    'sudo EDITOR=vim visudo',
    'EDITOR=/usr/bin/nano visudo -f /etc/sudoers.d/ci',
    'SUDO_EDITOR=vim sudoedit /etc/sudoers.d/ci',
    "echo 'x=1' | SUDO_EDITOR='tee -a' sudoedit /etc/app.conf",
    "echo 'dev ALL=(root) /usr/bin/apt' | SUDO_EDITOR='tee -a' sudoedit /etc/sudoers.d/dev",
    "echo 'ci ALL=(root) NOPASSWD: /usr/bin/systemctl restart app' | sudo tee /etc/sudoers.d/ci",
    'sudo cp narrow /etc/sudoers.d/ci',
    'cat /etc/sudoers.d/ci',
    "echo 'ci ALL=(ALL) NOPASSWD: ALL' | tee notes.txt",
    "echo 'ci ALL=(ALL) ALL' > docs/sudoers.example",
    "jq '.version = 2' package.json | sponge package.json",
    "echo 'ci ALL=(root) /usr/bin/apt' | sudo sponge /etc/sudoers.d/ci",
  ])('%s → nothing', (script) => expect(found(script)).toEqual([]));
});
