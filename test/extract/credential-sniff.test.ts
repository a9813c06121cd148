/**
 * Credentials sniffed off the network (src/extract/credential-sniff.ts): captures filtered,
 * printed or searched for credentials ask; captures of other traffic and capture files of
 * the workspace do not. Through the real pipeline with the secrets pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('secrets');

describe('credentials sniffed off the network', () => {
  it.each([
    `sudo tshark -i eth0 -Y 'http.authorization || ftp.request.command == "PASS"' -T fields -e ip.src`,
    `tshark -i any -Y 'imap.request contains "LOGIN"'`,
    'tshark -i eth0 -T fields -e http.cookie',
    'tshark -i eth0 -z credentials -q',
    'tshark -r /tmp/captured.pcap -Y ntlmssp',
    "sudo ngrep -d eth0 -q -i 'pass|user' port 21",
    "sudo tcpdump -i eth0 -l -A 'port 110' | grep -i -E 'pass|user'",
    // grep's -h is "no file names", not help
    "sudo tcpdump -i eth0 -l -A 'port 110' | grep -h -i pass",
    'sudo dsniff -i eth0',
    'python3 net-creds.py -i eth0',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask secrets/credential-store-read');
  });

  it.each([
    'tshark -i lo -c 10',
    `sudo tshark -i eth0 -Y 'http.request.method == "POST"' -T fields -e http.host`,
    'tshark -r trace.pcap -Y http.authorization',
    'sudo tcpdump -i eth0 -nn port 443 -c 100',
    'tcpdump -A -i lo port 8080 | grep -i healthz',
    "ngrep -d lo 'GET /health' port 8080",
    'ngrep -I trace.pcap -i password',
    'tshark --help',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
