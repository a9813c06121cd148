/**
 * A host's recovery taken away (src/extract/defences-recovery.ts): the recovery environment
 * or automatic repair off and boot entries deleted ask; listing, enabling and reordering do
 * not. Through the real pipeline with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('recovery and boot entries', () => {
  it.each([
    'reagentc /disable',
    'reagentc.exe /disable /logpath C:\\x.log',
    'bcdedit /set {default} recoveryenabled No',
    'bcdedit.exe /set {current} bootstatuspolicy ignoreallfailures',
    'bcdedit /delete {ntldr} /f',
    'sudo efibootmgr -b 0001 -B',
    'sudo efibootmgr -Bb 0003',
    'efibootmgr --bootnum 0002 --delete-bootnum',
    'efibootmgr -O',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask host/recovery-off');
  });
  it.each([
    'reagentc /info',
    'reagentc /enable',
    'bcdedit /enum',
    'bcdedit /set {default} recoveryenabled Yes',
    'efibootmgr -v',
    'sudo efibootmgr -o 0001,0002',
    // a value after -b that holds a B is the entry's number, not -B
    'sudo efibootmgr -b000B -a',
    'sudo efibootmgr -c -d /dev/sda -p 1 -L Linux -l \\EFI\\linux\\grubx64.efi',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
