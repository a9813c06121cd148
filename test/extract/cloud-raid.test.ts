/**
 * Hardware RAID controllers told to delete, clear, initialise or erase what they hold
 * (src/extract/cloud-raid.ts): read into cloud facts `tool|service|verb|all`, and asked by the
 * host pack; showing, listing, scanning and importing stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext();
const verdict = await packVerdict('host');
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.all].join('|') : '',
  );
};

describe('RAID configuration destroyed', () => {
  it.each<[string, string]>([
    ['ssacli ctrl slot=0 ld 2 delete forced', 'ssacli|raid|delete|false'],
    ['hpssacli ctrl slot=0 array A delete forced', 'hpssacli|raid|delete|false'],
    ['hpacucli ctrl slot=1 logicaldrive all delete', 'hpacucli|raid|delete|true'],
    ['ssacli ctrl slot=0 delete forced', 'ssacli|raid|delete|true'],
    ['ssacli ctrl slot=0 pd 1I:1:1 modify erase', 'ssacli|raid|erase|false'],
    ['arcconf DELETE 1 LOGICALDRIVE 0 noprompt', 'arcconf|raid|delete|false'],
    ['arcconf delete 1 array all', 'arcconf|raid|delete|true'],
    ['arcconf RESETCONFIG 1 noprompt', 'arcconf|raid|clear-config|false'],
    ['arcconf SETCONFIG 1 DEFAULT', 'arcconf|raid|factory-reset|true'],
    ['arcconf TASK START 1 LOGICALDRIVE 0 CLEAR', 'arcconf|raid|clear|false'],
    ['arcconf TASK START 1 DEVICE 0 3 SECUREERASE', 'arcconf|raid|secureerase|false'],
    ['MegaCli64 -CfgLdDel -L0 -a0', 'MegaCli64|raid|delete|false'],
    ['megacli -CfgClr -aALL', 'megacli|raid|clear-config|true'],
    ['MegaCli -CfgForeign -Clear -a0', 'MegaCli|raid|clear-foreign|false'],
    ['MegaCli -LDInit -Start -full -L1 -a0', 'MegaCli|raid|initialize|false'],
    ['MegaCli -AdpFacDefSet -a0', 'MegaCli|raid|factory-reset|false'],
    ['storcli /c0/v0 del force', 'storcli|raid|delete|false'],
    ['perccli64 /c0/vall delete', 'perccli64|raid|delete|true'],
    ['storcli64 /c0/fall del', 'storcli64|raid|clear-foreign|true'],
    ['storcli /c0/v1 start init full', 'storcli|raid|initialize|false'],
    ['storcli /c0/e252/s3 start erase', 'storcli|raid|erase|false'],
    ['storcli /c0 set factory defaults', 'storcli|raid|factory-reset|true'],
    ['sas2ircu 0 DELETE noprompt', 'sas2ircu|raid|delete|true'],
    ['sas3ircu 0 DELETEVOLUME 286', 'sas3ircu|raid|delete|false'],
    ['omconfig storage vdisk action=deletevdisk controller=0 vdisk=1', 'omconfig|raid|deletevdisk|false'],
    ['omconfig storage controller action=resetconfig controller=0', 'omconfig|raid|resetconfig|true'],
    ['racadm storage deletevd:Disk.Virtual.0:RAID.Integrated.1-1', 'racadm|raid|deletevd|false'],
    ['racadm raid resetconfig:RAID.Integrated.1-1', 'racadm|raid|resetconfig|true'],
  ])('%s', (line, want) => {
    expect(cloud(line)).toEqual([want]);
  });

  it('names the logical drive it deletes', () => {
    const c = command('ssacli ctrl slot=0 ld 2 delete forced'.split(' '));
    const facts = extractCloud(c, ctx, [c]) as Fact[];
    expect(facts.map((f) => (f.kind === 'cloud' ? `${f.resource}|${f.force}` : ''))).toEqual([
      'ctrl slot=0 ld 2|true',
    ]);
  });

  it.each<string>([
    'sudo ssacli ctrl slot=0 ld 2 delete forced',
    "ssh root@db3 'storcli64 /c0/vall del force'",
    'MegaCli64 -CfgForeign -Clear -a0 && echo done',
  ])('%s asks', (script) => expect(verdict(script)).toBe('ask host/raid-wiped'));

  it.each<string>([
    'ssacli ctrl all show config',
    'hpssacli ctrl slot=0 ld all show status',
    'MegaCli64 -LDInfo -Lall -aALL',
    'megacli -CfgForeign -Scan -a0',
    'megacli -PDList -aALL',
    'arcconf GETCONFIG 1 LD',
    'arcconf TASK START 1 LOGICALDRIVE 0 VERIFY',
    'storcli /c0 show all',
    'perccli /c0/vall show',
    'storcli /c0/fall import',
    'sas2ircu 0 DISPLAY',
    'omconfig storage controller action=exportlog controller=0',
    'racadm storage get vdisks',
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
