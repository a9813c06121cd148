/**
 * A new systemd unit written with known content (src/extract/fs-units.ts) is not judged as a
 * change of a system file (what it runs is judged instead); writing over an existing unit, a
 * drop-in, a mount, or a unit whose content is not known, still is.
 */
import { describe, expect, it } from 'vitest';
import { extractFs } from '../../src/extract/fs.js';
import type { AnalyzeContext, Fact } from '../../src/engine/types.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const EXISTING = {
  '/lib/systemd/system/ssh.service': '[Service]\nExecStart=/usr/sbin/sshd -D\n',
  '/lib/systemd/system/getty@.service': '[Service]\n',
};
/** The classes of the files each write of `script` targets. */
const classes = (script: string, ctx: AnalyzeContext = filesContext(EXISTING)) => {
  const { commands } = normalizeIn(ctx, script);
  return commands
    .flatMap((c) => extractFs(c, ctx, commands) as Fact[])
    .flatMap((f) =>
      f.kind === 'fs' && f.op === 'overwrite' ? f.targets.map((t) => `${t.path} ${t.class}`) : [],
    );
};
const TEE = (path: string, body = '[Service]\nExecStart=/usr/bin/pg_dump -f /var/backups/a.dump app') =>
  `sudo tee ${path} >/dev/null <<'EOF'\n${body}\nEOF`;

describe('writes of systemd units', () => {
  it.each<[string, string[]]>([
    [
      TEE('/etc/systemd/system/pg-backup.service'),
      ['/etc/systemd/system/pg-backup.service outside-workspace'],
    ],
    [
      TEE('/etc/systemd/system/pg-backup.timer', '[Timer]\nOnCalendar=daily'),
      ['/etc/systemd/system/pg-backup.timer outside-workspace'],
    ],
    [
      `cat > /h/.config/systemd/user/s.service <<'EOF'\n[Service]\nExecStart=/bin/true\nEOF`,
      ['/h/.config/systemd/user/s.service outside-workspace'],
    ],
    // over an existing unit (or its template), a drop-in, a mount, content not known
    [TEE('/etc/systemd/system/ssh.service'), ['/etc/systemd/system/ssh.service system']],
    [TEE('/etc/systemd/system/getty@tty9.service'), ['/etc/systemd/system/getty@tty9.service system']],
    [
      TEE('/etc/systemd/system/nginx.service.d/override.conf'),
      ['/etc/systemd/system/nginx.service.d/override.conf system'],
    ],
    [
      TEE('/etc/systemd/system/data.mount', '[Mount]\nWhat=/dev/sdb1\nWhere=/data'),
      ['/etc/systemd/system/data.mount system'],
    ],
    ['echo "$U" | sudo tee /etc/systemd/system/x.service', ['/etc/systemd/system/x.service system']],
    // other system files stay system files
    [TEE('/etc/cron.d/backup', '0 3 * * * root /usr/bin/pg_dump app'), ['/etc/cron.d/backup system']],
  ])('%s', (script, want) => expect(classes(script)).toEqual(want));

  it('fails closed without file access: a unit not known to be new', () => {
    const ctx = { ...filesContext({}), readFile: undefined };
    expect(classes(TEE('/etc/systemd/system/pg-backup.service'), ctx)).toEqual([
      '/etc/systemd/system/pg-backup.service system',
    ]);
  });
});
