/**
 * A host's guards and record switched off (src/extract/defences.ts and defences-windows.ts):
 * `verb: evidence` of the fact for a command as written (through the normalizer, so `sudo`,
 * `pwsh -c` and history assignments arrive as they would), or nothing.
 */
import { describe, expect, it } from 'vitest';
import { defenceFacts as off } from '../helpers/defences.js';

describe('defences switched off', () => {
  it.each<[string, string]>([
    [
      'sudo aa-disable /etc/apparmor.d/usr.sbin.mysqld',
      'mac-off: aa-disable: aa-disable /etc/apparmor.d/usr.sbin.mysqld',
    ],
    ['aa-complain /usr/sbin/cupsd', 'mac-off: aa-complain: aa-complain /usr/sbin/cupsd'],
    [
      'apparmor_parser -R /etc/apparmor.d/usr.bin.man',
      'mac-off: apparmor_parser: -R /etc/apparmor.d/usr.bin.man',
    ],
    ['semanage permissive -a httpd_t', 'mac-off: semanage: permissive -a httpd_t'],
    ['sudo sysctl -w kernel.randomize_va_space=0', 'hardening-off: sysctl: kernel.randomize_va_space=0'],
    ['sysctl kernel/kptr_restrict=0', 'hardening-off: sysctl: kernel/kptr_restrict=0'],
    ['sysctl -w kernel.yama.ptrace_scope=0', 'hardening-off: sysctl: kernel.yama.ptrace_scope=0'],
    [
      'sudo launchctl bootout system /Library/LaunchDaemons/io.osquery.agent.plist',
      'agent-off: launchctl: bootout system /Library/LaunchDaemons/io.osquery.agent.plist',
    ],
    [
      'launchctl disable system/com.google.santa.daemon',
      'agent-off: launchctl: disable system/com.google.santa.daemon',
    ],
    ['sudo spctl --master-disable', 'gatekeeper-off: spctl: --master-disable'],
    ['csrutil disable', 'gatekeeper-off: csrutil: csrutil disable'],
    ['socketfilterfw --setglobalstate off', 'firewall-off: socketfilterfw: --setglobalstate off'],
    [
      'mdatp config real-time-protection --value disabled',
      'antivirus-off: mdatp: config real-time-protection --value disabled',
    ],
    [
      'splunk clean eventdata -index audit -f',
      'siem-data-deleted: splunk: splunk clean eventdata -index audit -f',
    ],
    ['unset HISTFILE; set +o history', 'history-off: unset: HISTFILE'],
    ['set +o history', 'history-off: set: +o history'],
    ['shopt -uo history', 'history-off: shopt: history off'],
    ['HISTSIZE=0', 'history-off: declare: HISTSIZE=0'],
    ['export HISTFILE=/dev/null', 'history-off: export: HISTFILE=/dev/null'],
    ["export HISTIGNORE='*'", 'history-off: export: HISTIGNORE=*'],
    ['history -c', 'history-off: history: history cleared'],
    // Windows, native and cmdlets
    [
      'powershell.exe -NoProfile -Command "Set-MpPreference -DisableRealtimeMonitoring \\$true"',
      'antivirus-off: Set-MpPreference: Set-MpPreference -DisableRealtimeMonitoring $true',
    ],
    [
      "pwsh -c 'Set-MpPreference -EnableNetworkProtection Disabled'",
      'antivirus-off: Set-MpPreference: Set-MpPreference -EnableNetworkProtection Disabled',
    ],
    [
      'reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f',
      'antivirus-off: reg: reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender /v DisableAntiSpyware /t REG_DWORD /d 1 /f',
    ],
    [
      'netsh advfirewall set allprofiles state off',
      'firewall-off: netsh: netsh advfirewall set allprofiles state off',
    ],
    [
      "pwsh -c 'Set-NetFirewallProfile -All -Enabled False'",
      'firewall-off: Set-NetFirewallProfile: Set-NetFirewallProfile -All -Enabled False',
    ],
    ['wevtutil cl Security', 'logs-cleared: wevtutil: wevtutil cl Security'],
    ['wevtutil.exe sl Security /e:false', 'logs-off: wevtutil: wevtutil sl Security /e:false'],
    [
      "pwsh -c 'Clear-EventLog -LogName Security,System'",
      'logs-cleared: Clear-EventLog: Clear-EventLog -LogName Security,System',
    ],
    ['fsutil usn deletejournal /d C:', 'logs-cleared: fsutil: fsutil usn deletejournal /d C:'],
    ['auditpol /clear /y', 'audit-policy-off: auditpol: auditpol /clear /y'],
    [
      'auditpol /set /category:* /success:disable /failure:disable',
      'audit-policy-off: auditpol: auditpol /set /category:* /success:disable /failure:disable',
    ],
    ['sc config WinDefend start= disabled', 'agent-off: sc: sc config WinDefend start= disabled'],
    ['net stop Sysmon64', 'agent-off: net: net stop Sysmon64'],
    [
      "pwsh -c 'Set-Service -Name WinDefend -StartupType Disabled'",
      'agent-off: Set-Service: Set-Service -Name WinDefend -StartupType Disabled',
    ],
    ['sysmon64 -u force', 'agent-off: sysmon64: sysmon64 -u force'],
    // a security product's file system filter unloaded or detached, or its driver stopped
    ['fltmc unload SysmonDrv', 'agent-off: fltmc: fltmc unload SysmonDrv'],
    ['fltmc.exe detach WdFilter C:', 'agent-off: fltmc: fltmc detach WdFilter C:'],
    ['cmd /c "fltmc unload CSAgent"', 'agent-off: fltmc: fltmc unload CSAgent'],
    ['sc stop SysmonDrv', 'agent-off: sc: sc stop SysmonDrv'],
    // the kernel's message buffer cleared (or read and cleared)
    ['dmesg --clear', 'logs-cleared: dmesg: dmesg --clear'],
    ['sudo dmesg -C', 'logs-cleared: dmesg: dmesg -C'],
    ['dmesg -c', 'logs-cleared: dmesg: dmesg -c'],
    ['dmesg -Tc', 'logs-cleared: dmesg: dmesg -Tc'],
    ['dmesg --read-clear --level=err', 'logs-cleared: dmesg: dmesg --read-clear --level=err'],
    ['dmesg --cle', 'logs-cleared: dmesg: dmesg --cle'],
    // Secure Boot's signature checks off; UAC off; unsigned drivers allowed at boot
    ['sudo mokutil --disable-validation', 'hardening-off: mokutil: mokutil --disable-validation'],
    [
      'pwsh -c "Set-ItemProperty -Path HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System -Name EnableLUA -Value 0"',
      'hardening-off: Set-ItemProperty: Set-ItemProperty -Path HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System -Name EnableLUA -Value 0',
    ],
    [
      'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v ConsentPromptBehaviorAdmin /t REG_DWORD /d 0 /f',
      'hardening-off: reg: reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v ConsentPromptBehaviorAdmin /t REG_DWORD /d 0 /f',
    ],
    ['bcdedit /set testsigning on', 'hardening-off: bcdedit: bcdedit /set testsigning on'],
    // remote administrators' tokens unfiltered, logon secrets exposed, RDP and SMBv1 opened
    [
      'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 1 /f',
      'hardening-off: reg: reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 1 /f',
    ],
    [
      'reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 0x1 /f',
      'hardening-off: reg: reg add HKLMSOFTWAREMicrosoftWindowsCurrentVersionPoliciesSystem /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 0x1 /f',
    ],
    [
      "pwsh -c 'New-ItemProperty -Path HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System -Name LocalAccountTokenFilterPolicy -PropertyType DWORD -Value 1 -Force'",
      'hardening-off: New-ItemProperty: New-ItemProperty -Path HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System -Name LocalAccountTokenFilterPolicy -PropertyType DWORD -Value 1 -Force',
    ],
    [
      "pwsh -c 'Set-ItemProperty HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\WDigest UseLogonCredential 1'",
      'hardening-off: Set-ItemProperty: Set-ItemProperty HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\WDigest UseLogonCredential 1',
    ],
    [
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v RunAsPPL /t REG_DWORD /d 0 /f',
      'hardening-off: reg: reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v RunAsPPL /t REG_DWORD /d 0 /f',
    ],
    [
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v LmCompatibilityLevel /t REG_DWORD /d 1 /f',
      'hardening-off: reg: reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v LmCompatibilityLevel /t REG_DWORD /d 1 /f',
    ],
    [
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 0 /f',
      'hardening-off: reg: reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp /v UserAuthentication /t REG_DWORD /d 0 /f',
    ],
    [
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters" /v SMB1 /t REG_DWORD /d 1 /f',
      'hardening-off: reg: reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters /v SMB1 /t REG_DWORD /d 1 /f',
    ],
    // a security service disabled by its Start value (an unquoted key loses its separators)
    [
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefend" /v Start /t REG_DWORD /d 4 /f',
      'hardening-off: reg: reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefend /v Start /t REG_DWORD /d 4 /f',
    ],
    [
      'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog /v Start /t REG_DWORD /d 0x4 /f',
      'hardening-off: reg: reg add HKLMSYSTEMCurrentControlSetServicesEventLog /v Start /t REG_DWORD /d 0x4 /f',
    ],
    [
      "pwsh -c 'Set-ItemProperty -Path HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Sense -Name Start -Value 4'",
      'hardening-off: Set-ItemProperty: Set-ItemProperty -Path HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Sense -Name Start -Value 4',
    ],
    // Defender told to skip a broad place, a program that runs anything, or a runnable type
    [
      `powershell.exe -NoProfile -Command "Add-MpPreference -ExclusionPath 'C:\\'"`,
      'antivirus-off: Add-MpPreference: Add-MpPreference -ExclusionPath C:\\',
    ],
    [
      "pwsh -c 'Add-MpPreference -ExclusionPath D:'",
      'antivirus-off: Add-MpPreference: Add-MpPreference -ExclusionPath D:',
    ],
    [
      "pwsh -c 'Add-MpPreference -ExclusionPath C:\\Users\\dev'",
      'antivirus-off: Add-MpPreference: Add-MpPreference -ExclusionPath C:\\Users\\dev',
    ],
    [
      "pwsh -c 'Add-MpPreference -ExclusionPath $env:USERPROFILE'",
      'antivirus-off: Add-MpPreference: Add-MpPreference -ExclusionPath $env:USERPROFILE',
    ],
    [
      "pwsh -c 'Add-MpPreference -ExclusionProcess powershell.exe'",
      'antivirus-off: Add-MpPreference: Add-MpPreference -ExclusionProcess powershell.exe',
    ],
    [
      "pwsh -c 'Set-MpPreference -ExclusionExtension .ps1'",
      'antivirus-off: Set-MpPreference: Set-MpPreference -ExclusionExtension .ps1',
    ],
    // disk encryption off: FileVault, BitLocker
    ['sudo fdesetup disable', 'encryption-off: fdesetup: fdesetup disable'],
    ['manage-bde -off C:', 'encryption-off: manage-bde: manage-bde -off C:'],
    [
      'manage-bde.exe -protectors -disable C: -RebootCount 0',
      'encryption-off: manage-bde: manage-bde -protectors -disable C: -RebootCount 0',
    ],
    [
      "pwsh -c 'Disable-BitLocker -MountPoint C:'",
      'encryption-off: Disable-BitLocker: Disable-BitLocker -MountPoint C:',
    ],
    [
      "powershell -Command 'Suspend-BitLocker -MountPoint C: -RebootCount 0'",
      'encryption-off: Suspend-BitLocker: Suspend-BitLocker -MountPoint C: -RebootCount 0',
    ],
  ])('%s', (script, expected) => {
    expect(off(script)[0]).toBe(expected);
  });

  it.each<string>([
    'aa-status',
    'aa-enforce /etc/apparmor.d/usr.sbin.nginx',
    'semanage permissive -l',
    'sysctl kernel.randomize_va_space',
    'dmesg',
    'dmesg -T --level=err,warn',
    'sudo dmesg -n 1',
    'dmesg -l crit -f kern',
    'dmesg -w',
    'sudo sysctl -w kernel.randomize_va_space=2',
    'sudo sysctl -w vm.max_map_count=262144',
    'sudo sysctl -w kernel.perf_event_paranoid=1',
    'sysctl -a',
    'sudo sysctl -p',
    'launchctl unload ~/Library/LaunchAgents/homebrew.mxcl.postgresql.plist',
    'launchctl bootout gui/501/com.example.devserver',
    'launchctl list',
    'spctl --status',
    'csrutil status',
    'fdesetup status',
    'sudo fdesetup enable',
    'fdesetup list',
    'manage-bde -status',
    'manage-bde -on C: -RecoveryPassword',
    'manage-bde -protectors -get C:',
    "pwsh -c 'Get-BitLockerVolume'",
    "pwsh -c 'Enable-BitLocker -MountPoint C: -TpmProtector'",
    'socketfilterfw --getglobalstate',
    'fltmc filters',
    'fltmc instances -f SysmonDrv',
    'fltmc load SysmonDrv',
    'fltmc unload MyDevFilter',
    'sc query SysmonDrv',
    'mdatp health',
    "splunk search 'index=main error'",
    'set -o history',
    'set -o vi',
    'export HISTSIZE=5000 HISTFILESIZE=20000',
    'HISTFILE=~/.zsh_history',
    'export HISTCONTROL=ignoredups',
    'history 20',
    "pwsh -c 'Get-MpPreference'",
    "pwsh -c 'Set-MpPreference -DisableRealtimeMonitoring $false'",
    "pwsh -c 'Set-MpPreference -ExclusionPath C:\\src\\build'",
    "pwsh -c 'Add-MpPreference -ExclusionPath C:\\Users\\dev\\source\\repos\\app\\node_modules'",
    "pwsh -c 'Add-MpPreference -ExclusionExtension .log'",
    "pwsh -c 'Remove-MpPreference -ExclusionPath C:\\'",
    'mokutil --sb-state',
    'mokutil --list-enrolled',
    'bcdedit /enum',
    'bcdedit /set testsigning off',
    'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v EnableLUA /t REG_DWORD /d 1 /f',
    'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v EnableLUA',
    'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 0 /f',
    'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v LocalAccountTokenFilterPolicy',
    'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\WDigest" /v UseLogonCredential /t REG_DWORD /d 0 /f',
    'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v RunAsPPL /t REG_DWORD /d 1 /f',
    'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v LmCompatibilityLevel /t REG_DWORD /d 5 /f',
    'reg add "HKCU\\Software\\Acme\\Policies\\System" /v Theme /t REG_DWORD /d 1 /f',
    'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog" /v Start /t REG_DWORD /d 2 /f',
    'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\MyAppSvc /v Start /t REG_DWORD /d 4 /f',
    'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefend /v Start',
    "pwsh -c 'Get-ItemProperty -Path HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System -Name LocalAccountTokenFilterPolicy'",
    'reg query "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender"',
    'netsh advfirewall show allprofiles',
    'netsh advfirewall set allprofiles state on',
    'wevtutil qe Security /c:5',
    'auditpol /get /category:*',
    'auditpol /set /subcategory:Logon /success:enable /failure:enable',
    'sc query WinDefend',
    'sc stop Spooler',
    'net stop Spooler',
    "pwsh -c 'Stop-Service -Name Spooler'",
    "pwsh -c 'Get-Service WinDefend'",
  ])('%s: nothing', (script) => {
    expect(off(script)).toEqual([]);
  });
});
