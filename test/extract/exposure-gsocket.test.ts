/**
 * The Global Socket toolkit (src/extract/exposure-gsocket.ts): a shell served on the relay is
 * a remote shell (shell pack), a port, SOCKS proxy, file share or wrapped server put on it is
 * a tunnel (exposure pack); client runs and help stay allowed. Through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { gsocketExposures, gsocketWords } from '../../src/extract/exposure-gsocket.js';
import { command, packVerdict } from '../helpers/command.js';

const shell = await packVerdict('shell');
const exposure = await packVerdict('exposure');

describe('gsocket programs listening on the relay', () => {
  it.each([
    ['gs-netcat -s fake-secret-77 -l -i', 'ask shell/remote-shell'],
    ['gs-netcat -l -s fake-secret -e /bin/bash', 'ask shell/remote-shell'],
    ['gs-netcat -k ~/.gs.key -liqD', 'ask shell/remote-shell'],
    ['gs-netcat -s fake-secret -i', 'allow'],
    ['gs-netcat -h', 'allow'],
    ['gs-netcat -l -s fake-secret -S', 'allow'],
    // the words of $GSOCKET_ARGS come first; a value not known statically may be -l -i
    ['GSOCKET_ARGS="-l -i -s fake-secret" gs-netcat', 'ask shell/remote-shell'],
    ['export GSOCKET_ARGS="-l -e /bin/bash"; gs-netcat -s fake-secret', 'ask shell/remote-shell'],
    ['GSOCKET_ARGS="$A" gs-netcat', 'ask shell/remote-shell'],
    ['gs-netcat "$@"', 'ask shell/remote-shell'],
    ['GSOCKET_ARGS="-s fake-secret" gs-netcat -i', 'allow'],
    ['gs-netcat -s "$S" -i', 'allow'],
  ])('%s → %s (shell)', (cmd, want) => expect(shell(cmd)).toBe(want));

  it.each([
    ['gs-netcat -s fake-secret -l -S', 'ask exposure/make-public'],
    ['gs-netcat -s fake-secret -l -d 127.0.0.1 -p 22', 'ask exposure/make-public'],
    ['gs-sftp -s fake-secret -l', 'ask exposure/make-public'],
    ['gs-mount -l -s fake-secret', 'ask exposure/make-public'],
    ['gsocket -s fake-secret /usr/sbin/sshd -D', 'ask exposure/make-public'],
    ['gsocket -s fake-secret nc -l -p 8080', 'ask exposure/make-public'],
    ['gs-netcat -s fake-secret -p 2222', 'allow'],
    ['gs-sftp -s fake-secret', 'allow'],
    ['gs-mount -s fake-secret ~/mnt', 'allow'],
    ['gsocket -s fake-secret ssh root@gsocket', 'allow'],
    ['gs-netcat -g', 'allow'],
    ['GSOCKET_ARGS="-l -s fake-secret" gs-sftp', 'ask exposure/make-public'],
    ['GSOCKET_ARGS="-s fake-secret" gs-sftp', 'allow'],
  ])('%s → %s (exposure)', (cmd, want) => expect(exposure(cmd)).toBe(want));
});

describe('gsocket evidence never carries the secret (values are fake)', () => {
  it.each([
    [['gs-netcat', '-l', '-i', '-s', 'FAKEsecret123'], 'gs-netcat -l -i -s …'],
    [['gs-netcat', '-lis', 'FAKEsecret123'], 'gs-netcat -lis …'],
    [['gs-netcat', '-sFAKEsecret123', '-l', '-i'], 'gs-netcat -s… -l -i'],
    [['gs-netcat', '-l', '-e', 'bash -il', '-s', 'FAKEsecret123'], 'gs-netcat -l -e bash -il -s …'],
    [['gsocket', '-s', 'FAKEsecret123', '/usr/sbin/sshd', '-s', 'x'], 'gsocket -s … /usr/sbin/sshd -s x'],
    // -k names the file the secret is in; -p is a port: both stay
    [['gs-netcat', '-k', '/home/u/.gs.key', '-l', '-p', '22'], 'gs-netcat -k /home/u/.gs.key -l -p 22'],
  ])('%j → %s', (argv, want) => expect(gsocketWords(argv).join(' ')).toBe(want));

  it.each([
    'gsocket -s FAKEsecret123 /usr/sbin/sshd',
    'gs-netcat -s FAKEsecret123 -l -S',
    'gs-sftp -l -s FAKEsecret123',
  ])('%s: the tunnel evidence has no secret', (line) => {
    const found = gsocketExposures(command(line.split(' ')));
    expect(found.length).toBe(1);
    expect(found[0][1]).not.toContain('FAKEsecret123');
  });
});
