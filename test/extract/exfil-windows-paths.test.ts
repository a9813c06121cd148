/**
 * Windows paths read as the file a Windows program opens (src/extract/exfil-windows-paths.ts):
 * the profile folder as `~`, separators as `/`, and a path whose backslashes bash dropped read
 * back to its credential folder and file, or the credential name it ends in.
 */
import { describe, expect, it } from 'vitest';
import { windowsPath } from '../../src/extract/exfil-windows-paths.js';

describe('Windows paths as the credential readers know them', () => {
  it.each([
    ['%USERPROFILE%\\.aws\\credentials', '~/.aws/credentials'],
    ['$env:USERPROFILE\\.ssh\\id_rsa', '~/.ssh/id_rsa'],
    ['C:\\Users\\dev\\.kube\\config', '~/.kube/config'],
    ['C:/Users/dev/.ssh/id_ed25519', '~/.ssh/id_ed25519'],
    ['D:\\keys\\prod.pem', 'D:/keys/prod.pem'],
    // collapsed by bash (`C:\Users\dev\.ssh\id_rsa` unquoted)
    ['C:Usersdev.sshid_rsa', '~/.ssh/id_rsa'],
    ['C:Usersdev.awscredentials', '~/.aws/credentials'],
    ['C:Usersdev.kubeconfig', '~/.kube/config'],
    [
      'C:Usersdev.configgcloudapplication_default_credentials.json',
      '~/.config/gcloud/application_default_credentials.json',
    ],
    ['C:deploykeysprod.pem', 'C:/deploykeysprod.pem'],
    // not Windows paths, or nothing to read back
    ['~/.ssh/id_rsa', '~/.ssh/id_rsa'],
    ['./build/app.zip', './build/app.zip'],
    ['C:Usersdevprojectsreadme.md', 'C:Usersdevprojectsreadme.md'],
    ['host:/tmp/x', 'host:/tmp/x'],
  ])('%s → %s', (raw, want) => expect(windowsPath(raw)).toBe(want));
});
