/** SNMP writes (src/extract/cloud-snmp.ts), through the real pipeline with the saas pack only. */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('SNMP writes (saas pack)', () => {
  it.each([
    ['snmpset -v2c -c private 198.51.100.1 1.3.6.1.2.1.2.2.1.7.1 i 2', ASK],
    ['snmpset -v2c -c private 10.1.1.1 IF-MIB::ifAdminStatus.3 i 2', ASK],
    [
      'snmpset -v3 -u admin -l authPriv -a SHA -A fake -x AES -X fake 10.1.1.1 1.3.6.1.4.1.9.2.9.9.0 i 2',
      ASK,
    ],
    ['snmpset -v2c -c private 10.1.1.1 SNMPv2-MIB::sysContact.0 s ops', ASK],
    // a value spelled like help or version, after the agent or after `--`
    ['snmpset -v2c -c private 10.0.0.1 1.3.6.1.2.1.1.5.0 s -h', ASK],
    ['snmpset -v2c -c private 10.0.0.1 -- 1.3.6.1.2.1.1.5.0 s --help', ASK],
    ['snmpset -v2c -c private -- 10.0.0.1 1.3.6.1.2.1.2.2.1.7.2 i 2', ASK],
    ['snmpset -v2c -c private 10.0.0.1 -- 1.3.6.1.2.1.1.4.0 s -V', ASK],
    // reads and help
    ['snmpget -v2c -c public 10.1.1.1 1.3.6.1.2.1.2.2.1.7.1', 'allow'],
    ['snmpwalk -v2c -c public 10.1.1.1 IF-MIB::ifAdminStatus', 'allow'],
    ['snmpset --help', 'allow'],
    ['snmpset -h', 'allow'],
    ['snmpset -v2c -V', 'allow'],
    ['snmpset -v2c -c private 10.1.1.1', 'allow'],
  ])('%s → %s', (line, want) => expect(verdict(line)).toBe(want));
});
