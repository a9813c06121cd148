/**
 * systemd unit files the script writes (src/normalize/systemd-units.ts): what their Exec lines
 * run is walked as commands under the unit's label.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { unitCommands, unitFile } from '../../src/normalize/systemd-units.js';

const ctx = filesContext({});
/** The commands a unit runs, as `argv` (env assignments are not words). */
const run = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.wrappers.some((w) => w.startsWith('systemd unit ')))
    .map((c) => c.argv.join(' '));
const UNIT = (body: string, path = '/etc/systemd/system/x.service') =>
  `sudo tee ${path} >/dev/null <<'EOF'\n[Unit]\nDescription=x\n\n[Service]\n${body}\nEOF`;

describe('what a written unit runs', () => {
  it.each<[string, string[]]>([
    [
      UNIT('ExecStart=/usr/bin/pg_dump -Fc -f /var/backups/app.dump app'),
      ['/usr/bin/pg_dump -Fc -f /var/backups/app.dump app'],
    ],
    [
      UNIT('ExecStartPre=-/usr/bin/dropdb billing\nExecStart=/usr/bin/createdb billing'),
      ['/usr/bin/dropdb billing', '/usr/bin/createdb billing'],
    ],
    [UNIT('ExecStart=@/bin/rm rm-cleaner -rf /srv/www'), ['/bin/rm -rf /srv/www']],
    [UNIT('ExecStop=+/bin/sh -c "rm -rf /var/cache/app"'), ['rm -rf /var/cache/app']],
    [UNIT('ExecStart=/usr/bin/restic \\\n  backup /home'), ['/usr/bin/restic backup /home']],
    [
      `cat > ~/.config/systemd/user/s.service <<'EOF'\n[Service]\nExecStart=/usr/bin/rclone sync a: b:\nEOF`,
      ['/usr/bin/rclone sync a: b:'],
    ],
    [
      `printf '[Service]\\nExecStart=\\nExecStart=/bin/true\\n' | sudo tee /etc/systemd/system/ssh.service.d/override.conf`,
      ['/bin/true'],
    ],
    // no Exec line, a file that is not a unit, content not known
    [UNIT('Type=oneshot', '/etc/systemd/system/x.timer'), []],
    [`cat > x.service <<'EOF'\nExecStart=/bin/rm -rf /srv\nEOF`, []],
    [`echo "$UNIT" | sudo tee /etc/systemd/system/x.service`, []],
  ])('%s', (script, want) => expect(run(script)).toEqual(want));

  it('puts the Environment= assignments before each command', () => {
    expect(unitCommands('Environment=A=1 "B=two words"\nExecStart=/bin/run')).toEqual([
      "A='1' B='two words' /bin/run",
    ]);
  });

  it.each<[string, ReturnType<typeof unitFile>]>([
    ['/etc/systemd/system/pg-backup.service', { name: 'pg-backup.service', dropIn: false }],
    ['/usr/lib/systemd/user/a@.timer', { name: 'a@.timer', dropIn: false }],
    ['/home/u/.config/systemd/user/s.service', { name: 's.service', dropIn: false }],
    ['/etc/systemd/system/ssh.service.d/override.conf', { name: 'ssh.service', dropIn: true }],
    ['/etc/systemd/system.conf', undefined],
    ['/srv/app/x.service', undefined],
  ])('%s', (path, want) => expect(unitFile(path)).toEqual(want));
});
