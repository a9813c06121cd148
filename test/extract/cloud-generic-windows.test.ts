/**
 * System32 programs' verbs written as options (src/extract/cloud-generic-windows.ts), read
 * through the cloud extractor as the generic reader's facts.
 */
import { describe, expect, it } from 'vitest';
import { windowsOption, windowsOptionVerb } from '../../src/extract/cloud-generic-windows.js';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (argv: string[]) => {
  const c = command(argv);
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) => (f.kind === 'cloud' ? `${f.tool}|${f.verb}` : ''));
};

describe('windowsOption / windowsOptionVerb', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['/DELETE', '-delete', 'delete'],
    ['-delStore', '-delstore', 'delstore'],
    ['-delkey', '-delkey', 'delkey'],
    ['/deletevalue', '-deletevalue', 'deletevalue'],
    ['/DISABLE', '-disable', 'disable'],
    ['/maxsize=401MB', '-maxsize=401MB', undefined],
    ['/delay', '-delay', undefined],
    ['/Query', '-query', undefined],
    ['-store', '-store', undefined],
    ['/enable', '-enable', undefined],
    ['{default}', undefined, undefined],
    ['C:\\data', undefined, undefined],
    ['/srv/data', undefined, undefined],
  ])('%s → %s, %s', (word, option, verb) => {
    expect(windowsOption(word)).toBe(option);
    expect(option === undefined ? undefined : windowsOptionVerb(option)).toBe(verb);
  });
});

describe('System32 verbs written as options', () => {
  it.each<[string[], string[]]>([
    [['schtasks', '/DELETE', '/TN', 'Backup', '/F'], ['schtasks|delete']],
    [['schtasks.exe', '/delete', '/tn', 'Backup', '/f'], ['schtasks|delete']],
    [['SCHTASKS', '/Change', '/TN', 'X', '/DISABLE'], ['schtasks|disable']],
    [['certutil', '-delstore', 'Root', '0123abcd'], ['certutil|delstore']],
    [['CertUtil', '-DelStore', '-enterprise', 'Root', '0123abcd'], ['certutil|delstore']],
    [['certutil', '-delkey', 'mykey'], ['certutil|delkey']],
    [['bcdedit', '/deletevalue', '{default}', 'safeboot'], ['bcdedit|deletevalue']],
    [['net', 'share', 'Data', '/delete'], ['net|delete']],
    // read-only siblings, and options about something else
    [['schtasks', '/Query', '/TN', 'Backup'], []],
    [['schtasks', '/Change', '/TN', 'Backup', '/ENABLE'], []],
    [['schtasks', '/create', '/tn', 'N', '/tr', 'job.exe', '/sc', 'onstart', '/delay', '0001:00'], []],
    [['certutil', '-store', 'Root'], []],
    [['certutil', '-hashfile', 'setup.exe', 'SHA256'], []],
    [['bcdedit', '/enum'], []],
    [['sc', 'query', 'svc'], []],
    // a tool that is not Windows' own keeps its `/word` as a positional
    [['mytool', '/delete'], []],
  ])('%j → %j', (argv, want) => expect(cloud(argv)).toEqual(want));
});
