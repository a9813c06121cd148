/**
 * DNS servers' admin tools deleting zones, records or keys (src/extract/cloud-dns-servers.ts):
 * dnscmd, rndc, knotc, unbound-control and pdnsutil deletions ask (fleet pack); listing,
 * showing, adding and reloading stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { command, packVerdict } from '../helpers/command.js';
import { DNS_SERVER_READERS } from '../../src/extract/cloud-dns-servers.js';

const verdict = await packVerdict('fleet');

describe('DNS server deletions', () => {
  it.each([
    'dnscmd dc01.corp.example.com /ZoneDelete corp.example.com /DsDel /f',
    'dnscmd /ZoneDelete corp.example.com',
    'dnscmd.exe dc02 /RecordDelete corp.example.com www A /f',
    'dnscmd /NodeDelete corp.example.com _msdcs /Tree /f',
    'dnscmd dc01 /DeleteDirectoryPartition DomainDnsZones.corp.example.com /f',
    'rndc delzone -clean corp.example.com',
    'rndc -s ns1.example.com -k /etc/bind/rndc.key delzone example.com IN internal',
    'knotc zone-purge example.com',
    'knotc -s /run/knot/knot.sock zone-unset example.com www A',
    'unbound-control local_zone_remove corp.example.com',
    'cat names.txt | unbound-control local_datas_remove',
    'pdnsutil delete-zone example.com',
    'pdnsutil delete-rrset example.com www A',
    'pdnsutil clear-zone example.com',
    'pdnsutil remove-zone-key example.com 3',
    // cmd.exe finds a program in any case
    'DNSCMD /ZoneDelete corp.example.com /f',
    'DnsCmd.EXE dc1 /zonedelete corp.example.com /DsDel /f',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask fleet/dns-server-delete');
  });
  it.each([
    'dnscmd /EnumZones',
    'dnscmd dc01 /ZoneInfo corp.example.com',
    'dnscmd /EnumRecords corp.example.com @',
    'dnscmd dc01 /RecordAdd corp.example.com www A 10.0.0.5',
    'rndc reload example.com',
    'rndc status',
    'knotc zone-status example.com',
    'knotc zone-set example.com www 300 A 192.0.2.1',
    'unbound-control list_local_zones',
    'unbound-control local_zone example.com static',
    'pdnsutil list-zone example.com',
    'pdnsutil check-all-zones',
    'DNSCMD /EnumZones',
    'DnsCmd.exe dc01 /ZoneInfo corp.example.com',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});

describe('what is named', () => {
  it.each<[string[], string, boolean]>([
    [
      ['dnscmd', 'dc01', '/ZoneDelete', 'corp.example.com', '/DsDel', '/f'],
      'zonedelete corp.example.com on dc01',
      true,
    ],
    [
      ['dnscmd', '/RecordDelete', 'corp.example.com', 'www', 'A', '/f'],
      'recorddelete corp.example.com www A',
      false,
    ],
    // no zone named: every zone (fail closed)
    [['knotc', 'zone-purge'], 'every zone', true],
    [['rndc', 'delzone'], '(not named)', false],
  ])('%j → %s', (argv, resource, all) => {
    const d = DNS_SERVER_READERS[argv[0]](command(argv));
    expect([d?.resource, d?.all]).toEqual([resource, all]);
  });
});
