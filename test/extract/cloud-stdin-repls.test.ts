/** Remote-store shells fed commands on stdin or -c (src/extract/cloud-stdin-repls.ts), through the real pipeline with the saas pack only. */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('interactive remote clients fed their commands (saas pack)', () => {
  it.each([
    ["cadaver https://dav.example.com/remote.php/dav/files/admin/ <<< 'rmcol Documents'", ASK],
    ["printf 'delete old.tar\\nquit\\n' | cadaver https://dav.example.com/dav/", ASK],
    ["lftp -c 'open ftp://u:fake@ftp.example.com; rm -r /public'", ASK],
    ["sftp -b - admin@files.example.com <<< 'rmdir /srv/data'", ASK],
    ["ftp -n ftp.example.com <<< 'delete report.csv'", ASK],
    ["http-prompt https://api.example.com/v2 <<< 'DELETE tenants/acme-prod'", ASK],
    ['some-tool | cadaver https://dav.example.com/dav/', ASK],
    // sftp reads stdin without -b too; lftp -e goes on reading stdin; BSD ftp's -V is quiet
    ["sftp admin@files.example.com <<< 'rm /srv/data/db.sql'", ASK],
    ["lftp -e 'set ssl:verify-certificate no' ftp.example.com <<< 'rm -r /www'", ASK],
    ["ftp -V ftp.example.com <<< 'delete report.csv'", ASK],
    // listing, getting, help
    ["cadaver https://dav.example.com/dav/ <<< 'ls'", 'allow'],
    ["lftp -c 'open ftp.example.com; ls /public'", 'allow'],
    ["http-prompt https://api.example.com/v1 <<< 'GET users/42'", 'allow'],
    ["sftp -b - admin@files.example.com <<< 'get /srv/data/a.csv'", 'allow'],
    ['cadaver --help', 'allow'],
    ["sftp admin@files.example.com <<< 'ls /srv'", 'allow'],
    ["lftp -e 'set ssl:verify-certificate no' ftp.example.com <<< 'ls'", 'allow'],
  ])('%s → %s', (line, want) => expect(verdict(line)).toBe(want));
});
