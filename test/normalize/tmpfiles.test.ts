/**
 * systemd-tmpfiles --remove/--clean (src/normalize/tmpfiles.ts): the config's lines read as
 * the deletes they make.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const files = { '/etc/tmpfiles.d/app.conf': 'D /var/cache/app 0755 - - -\n' };
const commands = (script: string) =>
  normalizeIn(filesContext(files), script).commands.map(
    (c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '),
  );

describe('systemd-tmpfiles deletes', () => {
  it.each<[string, string]>([
    [
      "printf 'R /srv/app - - - - -\\n' > /tmp/wipe.conf && sudo systemd-tmpfiles --remove /tmp/wipe.conf",
      'rm -rf -- /srv/app',
    ],
    ["echo 'r /etc/passwd' | systemd-tmpfiles --remove -", 'rm -f -- /etc/passwd'],
    ['systemd-tmpfiles --remove app.conf', 'rm -rf -- /var/cache/app/*'],
    ["echo 'd /home 0755 - - 0' > /tmp/c.conf; systemd-tmpfiles --clean /tmp/c.conf", 'rm -rf -- /home'],
    // fail closed: a config that cannot be read
    ['systemd-tmpfiles --remove /tmp/none.conf', 'dynamic:/tmp/none.conf'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // creating, a clean without ages, the system's own configs
    ["echo 'R /srv/app' > /tmp/c.conf; systemd-tmpfiles --create /tmp/c.conf"],
    ["echo 'd /run/app 0755 - - -' > /tmp/c.conf; systemd-tmpfiles --clean /tmp/c.conf"],
    ['systemd-tmpfiles --remove'],
  ])('%s', (script) =>
    expect(commands(script).some((c) => c.startsWith('rm') || c.startsWith('dynamic'))).toBe(false),
  );
});
