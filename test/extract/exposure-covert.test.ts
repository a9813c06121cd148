import { describe, expect, it } from 'vitest';
import { covertTunnels } from '../../src/extract/exposure-covert.js';
import { command } from '../helpers/command.js';

describe('covert tunnels over DNS and ICMP', () => {
  it.each<[string[], string]>([
    [['iodine', '-f', '-P', 'fake-pw', 't1.example.net'], 'DNS tunnel: iodine -f -P fake-pw t1.example.net'],
    [['iodined', '-f', '10.0.0.1', 't1.example.net'], 'DNS tunnel: iodined -f 10.0.0.1 t1.example.net'],
    [
      ['dnscat', '--dns', 'server=ns1.example.net,port=53'],
      'DNS tunnel: dnscat --dns server=ns1.example.net,port=53',
    ],
    [
      ['dns2tcpc', '-z', 'd.example.net', '-r', 'ssh', '198.51.100.7'],
      'DNS tunnel: dns2tcpc -z d.example.net -r ssh 198.51.100.7',
    ],
    [
      ['ptunnel', '-p', 'proxy.example.net', '-lp', '8000', '-da', '10.0.0.1', '-dp', '22'],
      'ICMP tunnel: ptunnel -p proxy.example.net -lp 8000 -da 10.0.0.1 -dp 22',
    ],
    [['icmptunnel', '-c', '198.51.100.7'], 'ICMP tunnel: icmptunnel -c 198.51.100.7'],
    // -v among a run's flags is verbose, not a version request
    [['hans', '-v', '-c', 't1.example.net'], 'ICMP tunnel: hans -v -c t1.example.net'],
    // help, version, a bare name, other programs
    [['iodine', '-h'], ''],
    [['iodine', '-v'], ''],
    [['dnscat2', '--help'], ''],
    [['iodine'], ''],
    [['dig', 't1.example.net'], ''],
  ])('%j → %s', (argv, said) => {
    expect(covertTunnels(command(argv)).map(([, w]) => w)[0] ?? '').toBe(said);
  });
});
