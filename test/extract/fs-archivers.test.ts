import { packVerdict } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';

const verdict = await packVerdict('filesystem');

describe('compressors and archivers that replace their input (filesystem pack)', () => {
  it.each([
    ['sudo gzip -r /etc', 'ask filesystem/move-protected'],
    ['bzip2 ~/.ssh/id_ed25519', 'ask filesystem/move-protected'],
    ['xz -T0 -9 /var/lib/mysql/ibdata1', 'ask filesystem/move-protected'],
    ['zstd --rm /etc/passwd', 'ask filesystem/move-protected'],
    ['gunzip -r /usr/share', 'ask filesystem/move-protected'],
    ['zip -rmq -P hunter2 /tmp/p.zip ~/projects', 'ask filesystem/move-protected'],
    ['7z a /tmp/x.7z -sdel ~/docs', 'ask filesystem/move-protected'],
    ['rar m /tmp/x.rar ~/docs', 'ask filesystem/move-protected'],
    ['gzip -k /etc/hosts', 'allow'],
    ['gzip -c /etc/hosts > /tmp/hosts.gz', 'allow'],
    ['gzip -l /var/log/syslog.1.gz', 'allow'],
    ['zstd /etc/hosts', 'allow'],
    ['gzip dist/app.js', 'allow'],
    ['gzip -9 -r build/', 'allow'],
    ['zip -r /tmp/site.zip ~/projects/site', 'allow'],
    ['zip -m out.zip build/a.js', 'allow'],
    ['7z a /tmp/x.7z ~/docs', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
