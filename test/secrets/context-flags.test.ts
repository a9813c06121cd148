/**
 * Passwords given on the command line by single-dash or program-keyed options
 * (src/secrets/context-flags.ts): masked by the pattern masker, in one shot and in a stream,
 * and absent from a decision's JSON (commands, facts, findings) through the real pipeline
 * with the real masker. Options that are not a password for that program (`ssh -P 2222`,
 * `sort -s`) stay as written. Every value here is fake.
 */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { maskText, patternStreamMasker } from '../../src/secrets/index.js';
import { E2E_CONTEXT } from '../helpers/command.js';
import { streamed } from '../helpers/streamed.js';

const FAKE = 'FAKEsecret123';

/** [command, the masked name it shows]: the fake value must vanish. */
const MASKED: [string, string][] = [
  // any program: PuTTY, kadmin, mailsend, keytool, impacket's hashes and keys
  [`pscp -pw ${FAKE} notes.txt bob@host:/tmp`, 'pw'],
  [`psftp -pw ${FAKE} bob@host`, 'pw'],
  [`plink -ssh -pw ${FAKE} bob@host uptime`, 'pw'],
  [`kadmin.local -q "cpw -pw ${FAKE} bob"`, 'pw'],
  [`kadmin -p admin/admin -q "addprinc -pw ${FAKE} bob"`, 'pw'],
  [`mailsend-go -smtp mail.example.org -port 587 auth -user bob -pass ${FAKE}`, 'pass'],
  [`mailsend -to a@example.org -smtp mail.example.org -auth -user bob -pass ${FAKE}`, 'pass'],
  [`openssl enc -aes256 -pass pass:${FAKE} -in f -out f.enc`, 'pass'],
  [`keytool -list -keystore ks.jks -storepass ${FAKE}`, 'storepass'],
  [`tool -password=${FAKE} run`, 'password'],
  [`secretsdump.py -hashes :${FAKE}aa corp/admin@10.0.0.1`, 'hashes'],
  // program-keyed
  [`sqsh -S srv -U sa -P ${FAKE}`, 'sql-password'],
  [`sqlcmd -S tcp:db,1433 -U sa -P ${FAKE} -Q "select 1"`, 'sql-password'],
  [`/opt/mssql-tools/bin/bcp dbo.t out t.dat -S db -U sa -P ${FAKE}`, 'sql-password'],
  [`gs-netcat -l -i -s ${FAKE}`, 'gsocket-secret'],
  [`gsocket -s ${FAKE} /usr/sbin/sshd`, 'gsocket-secret'],
  [`nxc smb 10.0.0.1 -u bob -p ${FAKE}`, 'password'],
  [`evil-winrm -i 10.0.0.1 -u bob -p ${FAKE}`, 'password'],
  [`sshpass -p ${FAKE} ssh bob@host`, 'password'],
  [`mysql -h db -u root -p${FAKE} app`, 'mysql-password'],
  [`mysqldump -uroot -p${FAKE} app`, 'mysql-password'],
  [`smbclient //files/share -U bob%${FAKE}`, 'smb-password'],
  [`xfreerdp /u:bob /p:${FAKE} /v:10.0.0.1`, 'rdp-password'],
  [`zip -P ${FAKE} a.zip notes.txt`, 'archive-password'],
  [`7z a -p${FAKE} a.7z notes.txt`, 'archive-password'],
  // a quoted value with blanks: all of it
  [`pscp -pw '${FAKE} two words' notes.txt bob@host:/tmp`, 'pw'],
  [`mailsend -pass "${FAKE} two"`, 'pass'],
  [`sqlcmd -S db -U sa -P '${FAKE} x'`, 'sql-password'],
  [`smbclient //files/share -U 'bob%${FAKE} x'`, 'smb-password'],
  // impacket's [domain/]user:password[@target]
  [
    `dacledit.py -action write -rights FullControl -principal bob -target-dn 'DC=corp,DC=local' corp.local/admin:${FAKE}`,
    'target-password',
  ],
  [`secretsdump.py corp/admin:${FAKE}@10.0.0.1`, 'target-password'],
  [`python3 /opt/impacket/examples/psexec.py admin:${FAKE}@10.0.0.1`, 'target-password'],
  [`impacket-wmiexec 'corp/admin:${FAKE}@10.0.0.1' whoami`, 'target-password'],
  // the option found by looking back for the program: quoted, after a tab, far along the command
  [`mysql '-p${FAKE}' app`, 'mysql-password'],
  [`sqlcmd -S db\t-P ${FAKE}`, 'sql-password'],
  [
    `/usr/bin/mysql --host db.internal.example --port 3306 --user app --database orders -p${FAKE}`,
    'mysql-password',
  ],
  [`smbclient //files/share --user=bob%${FAKE}`, 'smb-password'],
  // Windows names, upper case, values glued to a short option
  [`sqlcmd.exe -S srv -U sa -P ${FAKE}`, 'sql-password'],
  [`mysql.exe -u root -p${FAKE} db`, 'mysql-password'],
  [`wlfreerdp.exe /u:bob /p:${FAKE} /v:h`, 'rdp-password'],
  [`MYSQL -uroot -p${FAKE}`, 'mysql-password'],
  [`sqlcmd -S srv -U sa -P${FAKE}`, 'sql-password'],
  [`sqlcmd -S srv -U sa -P"${FAKE}"`, 'sql-password'],
  [`smbclient //h/s -Uuser%${FAKE}`, 'smb-password'],
  [`zip -e -P${FAKE} out.zip f`, 'archive-password'],
  // lftp's `-u user,pass` (also inside -c/-e as `open -u`), as typed and shell-quoted; NcFTP's -p
  [`lftp -u bob,${FAKE} -e 'rm -r /www; bye' ftp.example.com`, 'ftp-password'],
  [`lftp -u bob\\,${FAKE} -e 'rm -r /www; bye' ftp.example.com`, 'ftp-password'],
  [`lftp -c 'open -u bob,${FAKE} ftp.example.com; ls'`, 'ftp-password'],
  [`lftp --user bob,${FAKE} ftp.example.com`, 'ftp-password'],
  [`ncftp -u bob -p ${FAKE} ftp.example.com`, 'ftp-password'],
  [`ncftpput -u bob -p ${FAKE} ftp.example.com /incoming f.txt`, 'ftp-password'],
  [`ncftpget -u bob -p ${FAKE} ftp.example.com . /pub/f.txt`, 'ftp-password'],
];

/** Every value of a program-keyed option on one command is masked, not only the first. */
const REPEATED: string[] = [
  `sqlcmd -S db -U sa -P ${FAKE}1 -P ${FAKE}2`,
  `7z a -p${FAKE}1 a.7z b.txt; 7z x -p${FAKE}2 a.7z`,
  `mysql -p${FAKE}1 -e 'select 1' && mysqldump -p${FAKE}2 app`,
];

/** The same option or word shape where it is not a password: nothing masked. */
const KEPT = [
  'ssh -P 2222 bob@host',
  'scp -P 2222 notes.txt bob@host:/tmp',
  'mysql -P 3306 -h db -u bob -p appdb',
  'rsync -s src/ dst/',
  'sort -s -k 2 data.txt',
  'tar -P -cf a.tar /etc/hosts',
  'unzip -P',
  'docker pull library/nginx:latest',
  'git show origin/main:README.md',
  'python3 train.py --data data/cfg:large',
  'openssl enc -aes256 -pass env:MYPW -in f',
  'openssl enc -aes256 -pass file:/run/secrets/pw -in f',
  'ls -pw 80',
  'sqsh -S srv -U sa -P $SQL_PW',
  'sqsh -S srv -U sa -P "$SQL_PW"',
  "openssl enc -aes256 -pass 'env:MY_PW' -in f",
  'gs-netcat -l -i -k ~/.gs.key',
  'secretsdump.py -k -no-pass corp/admin@dc01.corp.local',
  // the program is before an operator: the option belongs to another command
  'mysql app; ls -pFAKEsecret123',
  'sqsh -S srv | grep -P FAKEsecret123',
  'zip a.zip f && grep -P FAKEsecret123 log',
  'import mysql from "mysql2"; const flags = ["-p", "8080"];',
  // an operator outside quotes still ends the command; a quote alone does not join commands
  'sqlcmd -S srv -Q "select 1"; grep -PFAKEsecret123 log',
  "mysql -e 'x' | grep -pFAKEsecret123",
  'mysqlx -pFAKEsecret123',
  // lftp's -p is a port, -u without a comma a user name; ncftp's -P is a port
  'lftp -p 2121 -u bob ftp.example.com',
  "lftp -c 'open -u bob ftp.example.com; ls'",
  'ncftp -u bob -P 2121 ftp.example.com',
];

describe('command-line password options: the masker', () => {
  it.each(MASKED)('%s → masked as %s', (cmd, name) => {
    const out = maskText(cmd);
    expect(out).not.toContain(FAKE);
    expect(out).not.toMatch(/\b(two|words|x)['"]/); // the rest of a quoted value too
    expect(out).toContain(`agentfw:masked:${name}`);
  });

  it.each(KEPT)('%s stays as written', (cmd) => expect(maskText(cmd)).toBe(cmd));

  it.each(REPEATED)('%s: every value masked', (cmd) => {
    const out = maskText(cmd);
    expect(out).not.toContain(FAKE);
    expect(out.match(/agentfw:masked:/g)).toHaveLength(2);
  });

  it('a `)` after the value stays: evidence in parentheses keeps its shape', () => {
    expect(maskText(`(pscp -pw ${FAKE})`)).toBe('(pscp -pw agentfw:masked:pw)');
    expect(maskText(`(secretsdump.py corp/admin:${FAKE}@10.0.0.1)`)).toBe(
      '(secretsdump.py corp/admin:agentfw:masked:target-password@10.0.0.1)',
    );
  });

  it('a stream cut anywhere masks the same bytes as one-shot masking', () => {
    const lines = [...MASKED.map(([c]) => c), ...REPEATED, ...KEPT];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: lines.length - 1 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (idx, cuts) => {
          const text = idx.map((i) => lines[i]).join('\n');
          const out = streamed(patternStreamMasker(), Buffer.from(text), cuts).toString();
          expect(out).toBe(maskText(text));
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('command-line password options: a decision through the real pipeline and masker', async () => {
  const packs = ['shell', 'exposure', 'privilege', 'consoles', 'databases'];
  const engine = await loadEngine({
    noBuiltins: true,
    rulesetPaths: packs.map((p) => fileURLToPath(new URL(`../../rulesets/${p}.yaml`, import.meta.url))),
  });

  it.each(MASKED.map(([c]) => c))('%s: the value is nowhere in the decision', (cmd) => {
    const json = JSON.stringify(engine.analyze(cmd, E2E_CONTEXT));
    expect(json).not.toContain(FAKE);
  });

  it.each([
    ['gs-netcat -l -i -s FAKEsecret123', 'ask'],
    ['dacledit.py -action write -rights FullControl -principal bob corp.local/admin:FAKEsecret123', 'ask'],
    ['kadmin.local -q "cpw -pw FAKEsecret123 bob"', 'ask'],
  ])('%s still asks (masking changes no decision)', (cmd, want) =>
    expect(engine.analyze(cmd, E2E_CONTEXT).decision).toBe(want),
  );

  it('ssh -P 2222 keeps its port in the command text', () => {
    const d = engine.analyze('ssh -P 2222 bob@host uptime', E2E_CONTEXT);
    expect(JSON.stringify(d)).not.toContain('agentfw:masked');
  });
});
