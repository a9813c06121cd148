/** Programs set to run as Windows' SYSTEM (src/extract/privilege-windows.ts), through the privilege pack. */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const privilege = await packVerdict('privilege');

describe("programs set to run as Windows' SYSTEM", () => {
  it.each([
    ['psexec64.exe -accepteula -s -i -d cmd.exe', 'ask privilege/root-shell'],
    ['PsExec.exe -s -i powershell.exe', 'ask privilege/root-shell'],
    ['psexec \\\\build01 -s C:\\tools\\agent.exe', 'ask privilege/grant-admin'],
    [
      'sc.exe create UpdSvc binPath= "C:\\Users\\Public\\svc.exe" start= auto obj= LocalSystem',
      'ask privilege/grant-admin',
    ],
    ['sc create UpdSvc binPath= "C:\\Users\\Public\\svc.exe"', 'ask privilege/grant-admin'],
    ['sc config UpdSvc obj= "NT AUTHORITY\\SYSTEM"', 'ask privilege/grant-admin'],
    [
      'schtasks /create /tn "Helper" /tr "C:\\Users\\Public\\u.exe" /sc onstart /ru SYSTEM /rl HIGHEST /f',
      'ask privilege/grant-admin',
    ],
    // a named account, a change of start type, a listing, a task as the user: routine
    ['psexec -i -d notepad.exe', 'allow'],
    ['sc create MySvc binPath= "C:\\svc\\my.exe" obj= ".\\svcuser" password= "fake-pw"', 'allow'],
    ['sc config MySvc start= auto', 'allow'],
    ['sc query MySvc', 'allow'],
    ['schtasks /create /tn Build /tr "C:\\ci\\build.cmd" /sc daily /st 02:00', 'allow'],
    ['schtasks /query /fo LIST', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(privilege(script)).toBe(expected);
  });
});
